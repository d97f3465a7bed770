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
      var options = el.hasAttribute('data-time-only')
        ? { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
        : { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' };
      el.textContent = when.toLocaleString(undefined, options);
      el.title = when.toString();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    localTimes();
    renderMath();
  });
})();
