// Every page: render LaTeX with KaTeX (served from this server), show times in the reader's own time zone and the
// page's language, and forget unsent quiz answers kept on the device when the student signs out.
(function () {
  'use strict';

  // The page's language (<html lang>, from the server's locale), for dates and numbers formatted by the scripts.
  var language = document.documentElement.lang || undefined;

  /**
   * A text the scripts show, from the page (data-* of #texts, written from the message bundle), so that a
   * translation needs no change in the scripts; {0}, {1} … are replaced by the arguments.
   */
  function text(name) {
    var holder = document.getElementById('texts');
    var template = holder && holder.dataset[name] !== undefined ? holder.dataset[name] : name;
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d+)\}/g, function (all, i) { return args[i] !== undefined ? String(args[i]) : all; });
  }
  window.QuizdeskText = text;
  window.QuizdeskLanguage = language;

  /** A count of seconds as a clock shows it: "4:05", "1:04:05" (the quiz's timer, the countdown to an opening). */
  function clockFace(seconds) {
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    return (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
  }
  window.QuizdeskClockFace = clockFace;

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
      el.textContent = when.toLocaleString(language, options);
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
        el.setAttribute('aria-label', document.body.dataset.formulaLabel || 'Formula');
      } else if (el.hasAttribute('tabindex')) {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    });
  }

  // Answers not yet sent are kept in localStorage under quizdesk.attempt.<id>; on a shared computer they must not
  // outlive the student's session, so signing out removes every one of them.
  function forgetAttemptsOnSignOut() {
    document.querySelectorAll('form[action$="/signout"]').forEach(function (form) {
      form.addEventListener('submit', function () {
        try {
          for (var i = localStorage.length - 1; i >= 0; i--) {
            var key = localStorage.key(i);
            if (key && key.indexOf('quizdesk.attempt.') === 0) {
              localStorage.removeItem(key);
            }
          }
        } catch (e) { /* storage disabled: nothing was kept */ }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    forgetAttemptsOnSignOut();
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
