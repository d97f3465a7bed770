// What the proctor tells the class while the quiz runs: announcements (kept until dismissed; a dismissal is
// remembered on this device per announcement), a pause, and changes of the deadline ("Your time was extended by 10
// minutes"). They arrive with the answer of an autosave, or, while the student is not typing, by a conditional poll
// that the server answers 304 (no body, no database query) until something changed. quiz.js owns the countdown.
(function () {
  'use strict';

  var region = document.getElementById('live-notices');
  var quiz = window.QuizdeskQuiz;
  if (!region || !quiz) {
    return;
  }
  var t = window.QuizdeskText;
  var liveUrl = region.dataset.liveUrl;
  var pollMs = Number(region.dataset.pollMs) || 6000;
  var DISMISSED = 'quizdesk.announcements.dismissed';

  var stamp = null;           // the room stamp last seen; null until the first answer
  var etag = null;
  var lastNews = 0;           // when a save's answer last brought the room (Date.now())
  var known = null;           // the last whole state: deadline, pausedAt, announcements shown
  var pauseNotice = null;
  var timeNotice = null;

  function dismissed() {
    try { return JSON.parse(window.localStorage.getItem(DISMISSED)) || []; } catch (e) { return []; }
  }

  function dismiss(id) {
    var ids = dismissed().filter(function (d) { return d !== id; });
    ids.push(id);
    try { window.localStorage.setItem(DISMISSED, JSON.stringify(ids.slice(-200))); } catch (e) { /* private mode */ }
  }

  function timeText(ms) {
    return new Date(ms).toLocaleTimeString(window.QuizdeskLanguage, { hour: 'numeric', minute: '2-digit' });
  }

  function notice(kind, text) {
    var box = document.createElement('div');
    box.className = 'live-notice live-notice--' + kind;
    var p = document.createElement('p');
    p.textContent = text;
    box.appendChild(p);
    region.appendChild(box);
    return box;
  }

  function showAnnouncement(a) {
    var box = document.createElement('section');
    box.className = 'live-notice live-notice--announcement';
    box.dataset.announcementId = a.id;
    var head = document.createElement('p');
    head.className = 'live-notice__head';
    var title = document.createElement('span');
    var when = timeText(a.postedAt);
    title.textContent = t('announcement', when);
    var close = document.createElement('button');
    close.type = 'button';
    close.className = 'button button--small';
    close.textContent = t('dismiss');
    close.setAttribute('aria-label', t('dismissNamed', when));
    close.addEventListener('click', function () {
      dismiss(a.id);
      box.remove();
      // keep the keyboard in the region: the next announcement's button, if there is one
      var next = region.querySelector('button');
      if (next) { next.focus(); }
    });
    head.appendChild(title);
    head.appendChild(close);
    var body = document.createElement('div');
    body.className = 'prose';
    body.innerHTML = a.html; // rendered by the server from Markdown, raw HTML escaped
    box.appendChild(head);
    box.appendChild(body);
    region.appendChild(box);
  }

  // The announcements shown are the server's list less the dismissed ones; withdrawn ones disappear.
  function showAnnouncements(list) {
    var wanted = {};
    var gone = dismissed();
    list.forEach(function (a) { if (gone.indexOf(a.id) < 0) { wanted[a.id] = a; } });
    region.querySelectorAll('[data-announcement-id]').forEach(function (el) {
      if (!wanted[el.dataset.announcementId]) { el.remove(); } else { delete wanted[el.dataset.announcementId]; }
    });
    Object.keys(wanted).map(Number).sort(function (x, y) { return x - y; }).forEach(function (id) { showAnnouncement(wanted[id]); });
  }

  function minutesText(ms) {
    var minutes = Math.round(ms / 60000);
    return minutes === 1 ? t('timeExtendedOne') : t('timeExtended', minutes);
  }

  function apply(state) {
    if (state.submitted) {
      quiz.submittedByStaff(t('submittedByStaff'));
      return;
    }
    var wasPaused = known && known.pausedAt;
    if (known) {
      if (wasPaused && !state.pausedAt) {
        say(t('resumed'));
      } else if (state.deadline > known.deadline) {
        say(minutesText(state.deadline - known.deadline));
      } else if (state.deadline < known.deadline) {
        say(t('closedNow'));
      }
    }
    if (state.pausedAt && !pauseNotice) {
      pauseNotice = notice('pause', t('paused'));
    } else if (!state.pausedAt && pauseNotice) {
      pauseNotice.remove();
      pauseNotice = null;
    }
    quiz.setClock(state.deadline, state.pausedAt, state.serverNow);
    showAnnouncements(state.announcements || []);
    known = state;
  }

  function say(text) {
    if (timeNotice) { timeNotice.remove(); }
    timeNotice = notice('time', text);
  }

  function poll() {
    if (quiz.finished()) { return; }
    var headers = { 'Accept': 'application/json' };
    if (etag) { headers['If-None-Match'] = etag; }
    fetch(liveUrl, { credentials: 'same-origin', cache: 'no-store', headers: headers }).then(function (response) {
      if (response.status !== 200) { return; } // 304: nothing new; anything else: quiz.js deals with the session
      etag = response.headers.get('ETag');
      return response.json().then(function (state) {
        stamp = state.stamp;
        apply(state);
      });
    }).catch(function () { /* offline: the next poll or save brings it */ });
  }

  window.QuizdeskLive = {
    stamp: function () { return stamp; },
    // a save's answer: the whole state when this page's stamp was old, else only the stamp
    take: function (live) {
      lastNews = Date.now();
      if (live.deadline !== undefined) {
        stamp = live.stamp;
        etag = '"' + live.stamp + '"';
        apply(live);
      } else if (live.stamp !== stamp) {
        poll();
      }
    }
  };

  poll();
  window.setInterval(function () {
    // a student who is typing gets the news with the autosave's answer; no extra request then
    if (Date.now() - lastNews >= pollMs - 500) { poll(); }
  }, pollMs);
})();
