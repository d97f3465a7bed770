// The quiz form's answers in the answers shape of the quiz format (an object keyed by question id, null for
// blank), and the device's copy of answers the server has not acknowledged yet (localStorage).
// data-kind holds a question kind's file name (org.quizdesk.quiz.QuestionKind): true_false, multi_select,
// short_answer.
(function () {
  'use strict';

  function read(form) {
    var answers = {};
    form.querySelectorAll('[data-question]').forEach(function (box) {
      var id = box.dataset.question;
      var kind = box.dataset.kind;
      var name = 'answer:' + id;
      if (kind === 'true_false') {
        var checked = box.querySelector('input[type=radio]:checked');
        answers[id] = checked && checked.value !== '' ? checked.value === 'true' : null;
      } else if (kind === 'multi_select') {
        var keys = [];
        box.querySelectorAll('input[type=checkbox]').forEach(function (c) {
          if (c.checked) { keys.push(c.value); }
        });
        answers[id] = keys.length ? keys : null;
      } else {
        var field = form.elements[name];
        var text = field ? field.value : '';
        answers[id] = text.trim() === '' ? null : text;
      }
    });
    return answers;
  }

  function fill(form, answers) {
    form.querySelectorAll('[data-question]').forEach(function (box) {
      var id = box.dataset.question;
      if (!(id in answers)) { return; }
      var value = answers[id];
      var kind = box.dataset.kind;
      if (kind === 'true_false') {
        var wanted = value === null ? '' : String(value);
        box.querySelectorAll('input[type=radio]').forEach(function (r) { r.checked = r.value === wanted; });
      } else if (kind === 'multi_select') {
        var keys = value || [];
        box.querySelectorAll('input[type=checkbox]').forEach(function (c) { c.checked = keys.indexOf(c.value) >= 0; });
      } else {
        var field = form.elements['answer:' + id];
        if (field) { field.value = value === null ? '' : value; }
      }
    });
  }

  // Kept under quizdesk.attempt.<id>: page.js removes every such key at sign-out.
  function deviceCopy(storageKey) {
    return {
      keep: function (answers, at) {
        try {
          localStorage.setItem(storageKey, JSON.stringify({ answers: answers, unsent: true, at: at }));
        } catch (e) { /* storage full or disabled: the server copy is all we have */ }
      },
      forget: function () {
        try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
      },
      unsent: function () {
        try {
          var kept = JSON.parse(localStorage.getItem(storageKey) || 'null');
          return kept && kept.unsent ? kept : null;
        } catch (e) {
          return null;
        }
      }
    };
  }

  window.QuizdeskAnswerSheet = { read: read, fill: fill, deviceCopy: deviceCopy };
})();
