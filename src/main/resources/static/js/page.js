// Every page: render LaTeX with KaTeX (served from this server) and show times in the reader's own time zone.
(function () {
  'use strict';

  function renderMath() {
    if (typeof window.renderMathInElement !== 'function') {
      return;
    }
    window.renderMathInElement(document.getElementById('main') || document.body, {
      delimiters: [
        { left: '$$', right: '$$', display: true },
        { left: '$', right: '$', display: false }
      ],
      ignoredClasses: ['no-math'],
      throwOnError: false
    });
  }

  function localTimes() {
    document.querySelectorAll('time[data-local]').forEach(function (el) {
      var when = new Date(el.getAttribute('datetime'));
      if (isNaN(when.getTime())) {
        return;
      }
      // data-time-only: "4:38 PM PST"; data-compact (tables): "Nov 26, 4:38 PM"; otherwise the full form
      var options = el.hasAttribute('data-time-only')
        ? { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
        : el.hasAttribute('data-compact')
          ? { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }
          : { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
      el.textContent = when.toLocaleString(undefined, options);
      el.title = when.toString();
    });
  }

  // A display formula wider than a phone scrolls sideways; keyboard users can only scroll what they can focus,
  // so such a formula becomes a named tab stop (and stops being one when a wider window makes it fit).
  function focusableWideMath() {
    document.querySelectorAll('.katex-display').forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'group');
        el.setAttribute('aria-label', 'Formula, scrolls sideways');
      } else if (el.hasAttribute('tabindex')) {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes();
    renderMath();
    focusableWideMath();
    var resizing = null;
    window.addEventListener('resize', function () {
      window.clearTimeout(resizing);
      resizing = window.setTimeout(focusableWideMath, 150);
    });
  });
})();
