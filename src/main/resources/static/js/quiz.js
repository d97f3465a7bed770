// The quiz page: a countdown that follows the server's clock, autosave with an offline queue, and the
// automatic submission when time runs out. Without this script the page still works by plain form posts.
(function () {
  'use strict';

  var form = document.getElementById('quiz-form');
  if (!form) {
    return;
  }
  var attemptId = form.dataset.attemptId;
  var deadline = Number(form.dataset.deadline);
  // How far the server's clock is ahead of this device's: the countdown never trusts the device clock alone.
  var clockOffset = Number(form.dataset.serverNow) - Date.now();
  var autosaveMs = Number(form.dataset.autosaveMs) || 5000;
  var storageKey = 'quizdesk.attempt.' + attemptId;
  var csrfToken = metaContent('_csrf');
  var csrfHeader = metaContent('_csrf_header') || 'X-CSRF-TOKEN';

  var timerEl = document.getElementById('timer');
  var statusEl = document.getElementById('save-status');
  var announcer = document.getElementById('announcer');

  var dirty = false;          // changed since the last successful save
  var saving = false;
  var finished = false;       // submitted, or refused for good
  var warned = {};
  var lastSent = null;

  function metaContent(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  function serverNow() {
    return Date.now() + clockOffset;
  }

  // ---- answers -------------------------------------------------------------------------------------

  function collectAnswers() {
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

  function applyAnswers(answers) {
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

  // ---- local copy: answers not yet acknowledged by the server survive a lost connection or a closed tab

  function keepLocally(answers) {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ answers: answers, unsent: true, at: serverNow() }));
    } catch (e) { /* storage full or disabled: the server copy is all we have */ }
  }

  function markSentLocally() {
    try { localStorage.removeItem(storageKey); } catch (e) { /* ignore */ }
  }

  function unsentLocal() {
    try {
      var kept = JSON.parse(localStorage.getItem(storageKey) || 'null');
      return kept && kept.unsent ? kept : null;
    } catch (e) {
      return null;
    }
  }

  // ---- status line -----------------------------------------------------------------------------------

  // The status line is visible on every save, but a screen reader hears only when saving stops working or
  // works again: an announcement on every autosave would talk over a student writing an answer.
  var lastKind = 'saved';
  function showStatus(text, kind) {
    statusEl.textContent = text;
    statusEl.classList.toggle('is-offline', kind === 'offline');
    statusEl.classList.toggle('is-saved', kind === 'saved');
    if (kind === 'offline' && lastKind !== 'offline') {
      announce(text);
    } else if (kind === 'saved' && lastKind === 'offline') {
      announce('Saving works again. ' + text);
    }
    if (kind === 'offline' || kind === 'saved') {
      lastKind = kind;
    }
  }

  function clockText(ms) {
    return new Date(ms).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
  }

  // ---- saving ----------------------------------------------------------------------------------------

  function request(url, answers) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrfToken) { headers[csrfHeader] = csrfToken; }
    return fetch(url, {
      method: url === form.dataset.saveUrl ? 'PUT' : 'POST',
      headers: headers,
      credentials: 'same-origin',
      body: JSON.stringify(answers)
    });
  }

  function save() {
    if (finished || saving || !dirty) { return Promise.resolve(); }
    saving = true;
    dirty = false;
    var answers = collectAnswers();
    lastSent = answers;
    keepLocally(answers);
    showStatus('Saving…');
    return request(form.dataset.saveUrl, answers).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          clockOffset = body.serverNow - Date.now();
          if (!dirty) { markSentLocally(); }
          showStatus('Saved at ' + clockText(body.savedAt), 'saved');
        } else if (response.status === 409) {
          stop(body.message || 'This attempt takes no more changes.');
        } else if (response.status === 401 || response.status === 403) {
          dirty = true;
          showStatus('You are signed out. Your answers are kept on this device; sign in again in a new tab, then return here.', 'offline');
        } else {
          // the server refused this content: say why, and keep the answers here
          dirty = true;
          showStatus('Not saved: ' + (body.message || ('error ' + response.status)), 'offline');
        }
      });
    }).catch(function () {
      dirty = true;
      showStatus('Offline — your answers are kept on this device and will be sent when the connection returns.', 'offline');
    }).then(function () {
      saving = false;
    });
  }

  function stop(message) {
    finished = true;
    markSentLocally();
    showStatus(message, 'offline');
    announce(message);
    window.setTimeout(function () { window.location.assign(form.dataset.reviewUrl); }, 2500);
  }

  function submitAtDeadline() {
    if (finished) { return; }
    finished = true;
    showStatus('Time is up — submitting your answers…');
    announce('Time is up. Your answers are being submitted.');
    var answers = collectAnswers();
    keepLocally(answers);
    sendFinalAnswers(answers);
  }

  // Any answer from the server (submitted, or refused as too late) ends the attempt here. Without one (offline),
  // the answers stay on this device and the request is retried: the server's grace period is there for this.
  function sendFinalAnswers(answers) {
    request(form.dataset.submitUrl, answers).then(function () {
      markSentLocally();
      window.location.assign(form.dataset.reviewUrl);
    }, function () {
      showStatus('Time is up. You are offline: your answers are kept on this device and will be submitted as soon as the connection returns.', 'offline');
      window.setTimeout(function () { sendFinalAnswers(answers); }, 3000);
    });
  }

  // ---- countdown -------------------------------------------------------------------------------------

  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function tick() {
    var left = Math.max(0, deadline - serverNow());
    var seconds = Math.floor(left / 1000);
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    timerEl.textContent = (h > 0 ? h + ':' + String(m).padStart(2, '0') : String(m)) + ':' + String(s).padStart(2, '0');
    timerEl.setAttribute('aria-label', (h > 0 ? h + ' hours ' : '') + m + ' minutes ' + s + ' seconds left');
    timerEl.classList.toggle('is-warning', left <= 5 * 60000 && left > 60000);
    timerEl.classList.toggle('is-urgent', left <= 60000);
    if (left <= 5 * 60000 && left > 60000 && !warned.five) {
      warned.five = true;
      // opened (or reopened) with less than five minutes to go: say how long there really is
      announce(Math.ceil(left / 60000) + ' minutes left.');
    }
    if (left <= 60000 && left > 0 && !warned.one) {
      warned.one = true;
      announce('1 minute left. Your answers are being saved.');
      dirty = true;
      save();
    }
    if (left === 0) {
      submitAtDeadline();
    }
  }

  // ---- wiring ----------------------------------------------------------------------------------------

  var debounce = null;
  function changed() {
    if (finished) { return; }
    dirty = true;
    keepLocally(collectAnswers());
    showStatus('Unsaved changes…');
    window.clearTimeout(debounce);
    debounce = window.setTimeout(save, 800);
  }

  form.addEventListener('change', changed);
  form.addEventListener('input', changed);
  window.addEventListener('online', function () { if (dirty) { save(); } });
  window.addEventListener('pagehide', function () {
    if (dirty) { keepLocally(collectAnswers()); }
  });
  // the plain buttons still post the form; make sure the local copy is current first
  form.addEventListener('submit', function () {
    keepLocally(collectAnswers());
  });

  var kept = unsentLocal();
  var serverSavedAt = Number(form.dataset.savedAt) || 0;
  if (kept && kept.at < serverSavedAt) {
    // the server has newer answers (saved from another tab or device): they win
    markSentLocally();
    kept = null;
  }
  if (kept) {
    applyAnswers(kept.answers);
    dirty = true;
    showStatus('Sending answers kept on this device…');
    save();
  }

  window.setInterval(function () { if (dirty) { save(); } }, autosaveMs);
  // re-synchronise the clock now and then (a laptop that slept, a clock that jumped)
  window.setInterval(function () {
    if (finished || dirty) { return; }
    fetch(form.dataset.saveUrl.replace(/answers$/, 'status'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (body) {
        if (!body) { return; }
        clockOffset = body.serverNow - Date.now();
        deadline = body.deadline;
        if (body.submitted) { stop('This attempt has been submitted.'); }
      })
      .catch(function () { /* offline: the countdown continues on the last offset */ });
  }, 60000);
  tick();
  window.setInterval(tick, 1000);
})();
