// The hand-grading page: number keys toggle rubric items, Ctrl+Enter saves, and the score is shown as it will be.
(function () {
  'use strict';

  function decimal(text) {
    var value = parseFloat(text);
    return isNaN(value) ? 0 : value;
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === 'TEXTAREA' || tag === 'SELECT' || (tag === 'INPUT' && target.type !== 'checkbox');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('grade-form');
    if (!form) {
      return;
    }
    var items = Array.prototype.slice.call(form.querySelectorAll('input[name="item"]'));
    var adjustment = document.getElementById('adjustment');
    var shown = document.getElementById('grade-score');
    var points = decimal(form.getAttribute('data-points'));

    // mirrors Grader.applyHandGrade: rubric items plus the adjustment, kept within [0, points]
    function update() {
      var sum = 0;
      items.forEach(function (item) {
        if (item.checked) {
          sum += decimal(item.getAttribute('data-points'));
        }
      });
      sum += decimal(adjustment.value);
      sum = Math.min(points, Math.max(0, sum));
      shown.textContent = String(Math.round(sum * 100) / 100);
    }

    items.forEach(function (item) { item.addEventListener('change', update); });
    adjustment.addEventListener('input', update);
    update();

    document.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        form.requestSubmit ? form.requestSubmit() : form.submit();
        return;
      }
      if (typing(event.target) || event.ctrlKey || event.metaKey || event.altKey) {
        return;
      }
      var item = items.filter(function (i) { return i.getAttribute('data-shortcut') === event.key; })[0];
      if (item) {
        event.preventDefault();
        item.checked = !item.checked;
        update();
      }
    });
  });
})();
