// The control room: fetch the board every 5 seconds with the last version as If-None-Match (an unchanged quiz is a
// 304), keep time left and "since last save" counting between polls, and tell screen readers only when the counts
// change. Without this script the page is the same board, updated by reloading.
(function () {
  'use strict';

  var INTERVAL = 5000;
  var holder = document.getElementById('board');
  if (!holder || !window.fetch) {
    return;
  }
  var announce = document.getElementById('live-announce');
  var problem = document.getElementById('live-problem');
  var skew = 0;

  function board() {
    return holder.querySelector('.live-board');
  }

  function clock(ms) {
    var seconds = Math.max(0, Math.floor(ms / 1000));
    var h = Math.floor(seconds / 3600);
    var m = Math.floor(seconds / 60) % 60;
    var s = seconds % 60;
    var mm = (h > 0 && m < 10 ? '0' : '') + m;
    return (h > 0 ? h + ':' : '') + mm + ':' + (s < 10 ? '0' : '') + s;
  }

  // the server's now when the board was rendered, against this device's clock: a wrong device clock changes nothing
  function adoptServerTime() {
    var b = board();
    if (b && b.dataset.now) {
      skew = Number(b.dataset.now) - Date.now();
    }
  }

  // page.js writes times in the reader's zone once, at load; a new board's times are written the same way here
  function localTimes() {
    holder.querySelectorAll('time[data-local]').forEach(function (el) {
      var when = new Date(el.getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        el.textContent = when.toLocaleString(window.QuizdeskLanguage, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
        el.title = when.toString();
      }
    });
  }

  function tick() {
    var now = Date.now() + skew;
    holder.querySelectorAll('[data-left]').forEach(function (el) {
      el.textContent = clock(Number(el.dataset.deadline) - now);
    });
    holder.querySelectorAll('[data-ago]').forEach(function (el) {
      el.textContent = clock(now - Number(el.dataset.since));
    });
  }

  function showProblem(show) {
    if (problem) {
      problem.hidden = !show;
      problem.textContent = show ? problem.dataset.text : '';
    }
  }

  var pending = null;

  function show(html) {
    var before = board() ? board().dataset.summary : null;
    holder.innerHTML = html;
    pending = null;
    adoptServerTime();
    localTimes();
    tick();
    var after = board() ? board().dataset.summary : null;
    // only a change of the counts is announced, politely: rows changing every few seconds would drown the reader
    if (announce && after && after !== before) {
      announce.textContent = after;
    }
  }

  function poll() {
    if (document.hidden) {
      return;
    }
    var current = board();
    var headers = { 'Accept': 'text/html' };
    if (current && current.dataset.version) {
      headers['If-None-Match'] = '"' + current.dataset.version + '"';
    }
    fetch(holder.dataset.src + window.location.search, { headers: headers, cache: 'no-store', credentials: 'same-origin', redirect: 'manual' })
      .then(function (response) {
        if (response.status === 304) {
          showProblem(false);
          return;
        }
        if (!response.ok) {
          // a redirect (the session ended) or an error: keep the board, and say it may be old
          showProblem(true);
          return;
        }
        return response.text().then(function (html) {
          // someone reading the table by keyboard keeps their place: the new board waits until focus leaves it
          if (holder.contains(document.activeElement)) {
            pending = html;
          } else {
            show(html);
          }
          showProblem(false);
        });
      })
      .catch(function () {
        showProblem(true);
      });
  }

  holder.addEventListener('focusout', function (event) {
    if (pending !== null && !holder.contains(event.relatedTarget)) {
      show(pending);
    }
  });
  adoptServerTime();
  setInterval(tick, 1000);
  setInterval(poll, INTERVAL);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      poll();
    }
  });
})();
