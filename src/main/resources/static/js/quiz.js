// The quiz page: a countdown that follows the server's clock, autosave with an offline queue, retries that back
// off and wait out Retry-After, a sign-in dialog when the session is gone (signin-again.js), and the automatic
// submission when time runs out, which ends only when the server confirms it. Without this script the page
// still works by plain form posts.
(function () {
  'use strict';

  var form = document.getElementById('quiz-form');
  if (!form) {
    return;
  }
  var attemptId = form.dataset.attemptId;
  var deadline = Number(form.dataset.deadline);
  // while the proctor has paused the quiz: the server's time of the pause (the countdown stands still there)
  var pausedAt = null;
  // How far the server's clock is ahead of this device's: the countdown never trusts the device clock alone.
  var clockOffset = Number(form.dataset.serverNow) - Date.now();
  var autosaveMs = Number(form.dataset.autosaveMs) || 5000;
  var csrf = { token: metaContent('_csrf'), header: metaContent('_csrf_header') || 'X-CSRF-TOKEN' };
  var statusUrl = form.dataset.statusUrl;

  // every text shown or announced comes from the page, in its language (page.js)
  var t = window.QuizdeskText;
  var clockFace = window.QuizdeskClockFace;

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

  // ---- answers, and the device's copy of those not yet acknowledged (answer-sheet.js) ----------------------

  var answerSheet = window.QuizdeskAnswerSheet;
  var deviceCopy = answerSheet.deviceCopy('quizdesk.attempt.' + attemptId);

  function collectAnswers() { return answerSheet.read(form); }
  function applyAnswers(answers) { answerSheet.fill(form, answers); }
  // answers not yet acknowledged by the server survive a lost connection, a restart or a closed tab
  function keepLocally(answers) { deviceCopy.keep(answers, serverNow()); }
  function markSentLocally() { deviceCopy.forget(); }
  function unsentLocal() { return deviceCopy.unsent(); }

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
      announce(t('savingWorksAgain', text));
    }
    if (kind === 'offline' || kind === 'saved') {
      lastKind = kind;
    }
  }

  function clockText(ms) {
    return new Date(ms).toLocaleTimeString(window.QuizdeskLanguage, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
  }

  // ---- retries: never hammer a server that is down, busy or restarting ----------------------------------

  var MAX_BACKOFF_MS = 15000;
  var failures = 0;           // consecutive requests that did not get through
  var notBefore = 0;          // no autosave before this time (Date.now()): a back-off or the server's Retry-After
  var retryTimer = null;

  function retryAfterMs(response) {
    var value = response && response.headers.get('Retry-After');
    if (!value) { return null; }
    var ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
    return isNaN(ms) ? null : Math.min(Math.max(ms, 0), 300000);
  }

  // Exponential back-off with jitter (so pages do not return all at once to a restarted server), never sooner
  // than the server's Retry-After.
  function nextDelay(response) {
    failures += 1;
    var ceiling = Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, failures));
    var delay = ceiling / 2 + Math.random() * ceiling / 2;
    var asked = retryAfterMs(response);
    return asked === null ? delay : Math.max(delay, asked + Math.random() * 500);
  }

  function retryLater(response, then) {
    var delay = nextDelay(response);
    notBefore = Date.now() + delay;
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(then, delay);
    return Math.ceil(delay / 1000);
  }

  function gotThrough() {
    failures = 0;
    notBefore = 0;
  }

  function seconds(n) {
    return n === 1 ? t('second') : t('seconds', n);
  }

  // ---- requests ----------------------------------------------------------------------------------------

  function request(url, method, answers) {
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (csrf.token) { headers[csrf.header] = csrf.token; }
    // the proctor's changes ride on the save's answer when this page has not seen them (live.js)
    if (window.QuizdeskLive && window.QuizdeskLive.stamp() !== null) { headers['X-Quizdesk-Live'] = String(window.QuizdeskLive.stamp()); }
    return fetch(url, {
      method: method,
      headers: headers,
      credentials: 'same-origin',
      body: JSON.stringify(answers)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { response: response, status: response.status, body: body || {} };
      });
    });
  }

  // 401: signed out. 403: after a restart the session, and the CSRF token that belonged to it, are gone. A 403 of
  // the attempt rules themselves carries its own error code.
  // A 404 here means another account signed in to this browser meanwhile.
  function sessionTrouble(result) {
    return result.status === 401 || result.status === 404
      || (result.status === 403 && result.body.error !== 'not_open' && !accessRefusal(result));
  }

  // The quiz's access rules refused the request (outside the exam room's network, not in Safe Exam Browser): the
  // session is fine, so the answers stay here, the status line says why in the server's words, and they are sent
  // again, which works once the student is back on the right network or browser.
  function accessRefusal(result) {
    return result.status === 403 && (result.body.error === 'outside_network' || result.body.error === 'not_safe_exam_browser');
  }

  function busyText(result) {
    return result.status === 429 || result.status === 503 ? t('busy') : t('problem', result.status);
  }

  // ---- autosave ----------------------------------------------------------------------------------------

  function save() {
    if (finished || saving || !dirty || sessionLost || Date.now() < notBefore) { return Promise.resolve(); }
    saving = true;
    dirty = false;
    var answers = collectAnswers();
    lastSent = answers;
    keepLocally(answers);
    showStatus(t('saving'));
    return request(form.dataset.saveUrl, 'PUT', answers).then(function (result) {
      var body = result.body;
      if (result.response.ok && body.saved) {
        gotThrough();
        staleTokens = 0;
        clockOffset = body.serverNow - Date.now();
        if (!dirty) { markSentLocally(); }
        showStatus(t('savedAt', clockText(body.savedAt)), 'saved');
        if (body.live && window.QuizdeskLive) { window.QuizdeskLive.take(body.live); }
      } else if (result.status === 409) {
        stop(body.message || t('noMoreChanges'));
      } else if (sessionTrouble(result)) {
        dirty = true;
        sessionGone();
      } else if (result.status === 429 || result.status >= 500 || !result.response.ok) {
        dirty = true;
        var wait = retryLater(result.response, save);
        var why = result.status >= 400 && result.status < 500 && result.status !== 429
          ? t('notSaved', (body.message || t('error', result.status)).replace(/\.\s*$/, ''))
          : busyText(result);
        showStatus(t('keptRetrying', why, seconds(wait)), 'offline');
      } else {
        // a 2xx that is not our JSON (a proxy's page): not a save
        dirty = true;
        retryLater(null, save);
        showStatus(t('notFromServer'), 'offline');
      }
    }, function () {
      dirty = true;
      retryLater(null, save);
      showStatus(t('offline'), 'offline');
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

  // ---- the final submission: it ends only when the server confirms it ------------------------------------

  var finalAnswers = null;

  function submitAtDeadline() {
    if (finished) { return; }
    finished = true;
    showStatus(t('submitting'));
    announce(t('timeUpAnnounce'));
    finalAnswers = collectAnswers();
    keepLocally(finalAnswers);
    gotThrough();
    sendFinalAnswers();
  }

  function submissionConfirmed() {
    markSentLocally();
    window.location.assign(form.dataset.reviewUrl);
  }

  // Until the server says "submitted" the answers stay on this device and the request is retried; the server's
  // grace period after the deadline is there for this.
  function sendFinalAnswers() {
    if (sessionLost) {
      askToSignIn(t('timeUpSignIn'));
      return;
    }
    request(form.dataset.submitUrl, 'POST', finalAnswers).then(function (result) {
      if (result.response.ok && result.body.submitted) {
        submissionConfirmed();
      } else if (result.status === 409) {
        alreadyOver(result.body);
      } else if (sessionTrouble(result)) {
        sessionGone();
      } else {
        var wait = retryLater(result.response, sendFinalAnswers);
        var why = result.response.ok ? t('notFromServerShort')
          : accessRefusal(result) && result.body.message ? result.body.message.replace(/\.\s*$/, '') : busyText(result);
        showStatus(t('timeUpRetrying', why, seconds(wait)), 'offline');
      }
    }, function () {
      retryLater(null, sendFinalAnswers);
      showStatus(t('timeUpOffline'), 'offline');
    });
  }

  // 409: submitted already (another tab, the server's deadline job) or past the grace period. The status
  // endpoint says which; either way the review page tells the student what was submitted.
  function alreadyOver(body) {
    if (body.error === 'time_up') {
      // time ran out before these answers reached the server: its message says what was submitted instead
      stop(body.message || t('graceOver'));
      return;
    }
    statusRequest().then(function (result) {
      if (result.response.ok && result.body.submitted) {
        submissionConfirmed();
      } else {
        retryLater(result.response, sendFinalAnswers);
      }
    }, function () {
      retryLater(null, sendFinalAnswers);
    });
  }

  function statusRequest() {
    return fetch(statusUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { response: response, status: response.status, body: body || {} };
      });
    });
  }

  // ---- a lost session: sign in again in a dialog, then send what is waiting ------------------------------

  var sessionLost = false;
  var staleTokens = 0;
  var signInAgainButton = document.getElementById('signin-again');

  function sessionGone() {
    if (sessionLost) { return; }
    sessionLost = true;
    // A GET needs no CSRF token: it tells a lost session (401) from a stale token (200) or another account (404).
    statusRequest().then(function (result) {
      if (result.status === 401) {
        askToSignIn(t('signedOutRestart'));
      } else if (result.status === 404) {
        askToSignIn(t('otherAccount', form.dataset.username));
      } else if (result.response.ok && staleTokens < 2 && window.QuizdeskSignIn) {
        staleTokens += 1;
        window.QuizdeskSignIn.fetchCsrf().then(resumeWith, function () { resumeLater(null); });
      } else if (result.response.ok) {
        askToSignIn(t('sessionUnusable'));
      } else {
        resumeLater(result.response);
      }
    }, function () {
      resumeLater(null);
    });
  }

  function resumeLater(response) {
    sessionLost = false;
    retryLater(response, resume);
    showStatus(t('offline'), 'offline');
  }

  function resumeWith(token) {
    csrf.token = token.token;
    csrf.header = token.header;
    resume();
  }

  function resume() {
    sessionLost = false;
    gotThrough();
    if (finalAnswers) {
      showStatus(t('submitting'));
      sendFinalAnswers();
    } else {
      dirty = true;
      save();
    }
  }

  function askToSignIn(reason) {
    showStatus(t('signedOut'), 'offline');
    if (!window.QuizdeskSignIn) { return; }
    signInAgainButton.hidden = false;
    window.QuizdeskSignIn.open({
      reason: reason,
      signedIn: function (token) {
        signInAgainButton.hidden = true;
        staleTokens = 0;
        announce(t('signedInAgain'));
        resumeWith(token);
      }
    });
  }

  if (signInAgainButton) {
    signInAgainButton.addEventListener('click', function () {
      askToSignIn(t('signInToSend'));
    });
  }

  // ---- countdown -------------------------------------------------------------------------------------

  function announce(text) {
    announcer.textContent = '';
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  function tick() {
    timerEl.classList.toggle('is-paused', pausedAt !== null);
    if (pausedAt !== null) {
      // the proctor stopped the clock: show the time left at the pause; nothing runs out
      var kept = Math.max(0, deadline - pausedAt);
      timerEl.textContent = clockFace(Math.floor(kept / 1000));
      timerEl.setAttribute('aria-label', t('pausedTimer'));
      return;
    }
    var left = Math.max(0, deadline - serverNow());
    var seconds = Math.floor(left / 1000);
    var h = Math.floor(seconds / 3600);
    var m = Math.floor((seconds % 3600) / 60);
    var s = seconds % 60;
    timerEl.textContent = clockFace(seconds);
    timerEl.setAttribute('aria-label', h > 0 ? t('timerHours', h, m, s) : t('timerMinutes', m, s));
    timerEl.classList.toggle('is-warning', left <= 5 * 60000 && left > 60000);
    timerEl.classList.toggle('is-urgent', left <= 60000);
    if (left <= 5 * 60000 && left > 60000 && !warned.five) {
      warned.five = true;
      // opened (or reopened) with less than five minutes to go: say how long there really is
      announce(t('minutesLeft', Math.ceil(left / 60000)));
    }
    if (left <= 60000 && left > 0 && !warned.one) {
      warned.one = true;
      announce(t('oneMinuteLeft'));
      dirty = true;
      save();
    }
    if (left === 0) {
      submitAtDeadline();
    }
  }

  // "Your time ends at 1:45 PM PST" under the title follows a moved deadline, in the form page.js gives it
  function showDeadline(ms) {
    var el = document.getElementById('deadline-time');
    if (!el) { return; }
    var when = new Date(ms);
    el.setAttribute('datetime', when.toISOString());
    el.textContent = when.toLocaleString(window.QuizdeskLanguage, { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
    el.title = when.toString();
  }

  // What live.js learns from the proctor: a new deadline (an extension, a resume, a close), a pause, a submission.
  window.QuizdeskQuiz = {
    setClock: function (newDeadline, newPausedAt, newServerNow) {
      if (newServerNow) { clockOffset = newServerNow - Date.now(); }
      if (newDeadline > deadline) { warned = {}; }
      if (newDeadline !== deadline) { showDeadline(newDeadline); }
      deadline = newDeadline;
      pausedAt = newPausedAt || null;
      tick();
    },
    submittedByStaff: function (message) {
      if (!finished) { stop(message); }
    },
    finished: function () { return finished; }
  };

  // ---- wiring ----------------------------------------------------------------------------------------

  var debounce = null;
  function changed() {
    if (finished) { return; }
    dirty = true;
    keepLocally(collectAnswers());
    // while signed out or waiting out a back-off, the line keeps saying why nothing is sent
    if (!sessionLost && Date.now() >= notBefore) {
      showStatus(t('unsaved'));
    }
    window.clearTimeout(debounce);
    debounce = window.setTimeout(save, 800);
  }

  form.addEventListener('change', changed);
  form.addEventListener('input', changed);
  window.addEventListener('online', function () {
    if (sessionLost) { return; }
    gotThrough();
    if (finalAnswers) { sendFinalAnswers(); } else if (dirty) { save(); }
  });
  // (once finished, the copy is the final answers, or gone because the server confirmed them)
  window.addEventListener('pagehide', function () {
    if (dirty && !finished) { keepLocally(collectAnswers()); }
  });
  // Signing out forgets this device's copy (page.js; shared lab computers), so what is unsent goes to the
  // server first, within a few seconds.
  var signingOut = false;
  document.addEventListener('submit', function (event) {
    var signOut = event.target;
    if (signingOut || finished || !dirty || !signOut.matches('form[action$="/signout"]')) { return; }
    event.preventDefault();
    event.stopImmediatePropagation();
    signingOut = true;
    gotThrough();
    var leave = function () { signOut.requestSubmit(); };
    window.setTimeout(leave, 4000);
    save().then(leave, leave);
  }, true);
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
    showStatus(t('sendingKept'));
    save();
  }

  window.setInterval(function () { if (dirty) { save(); } }, autosaveMs);
  // re-synchronise the clock now and then (a laptop that slept, a clock that jumped)
  window.setInterval(function () {
    if (finished || dirty || sessionLost) { return; }
    statusRequest()
      .then(function (result) {
        var body = result.body;
        if (!result.response.ok || !body.deadline) { return; }
        clockOffset = body.serverNow - Date.now();
        deadline = body.deadline;
        if (body.submitted) { stop(t('submitted')); }
      })
      .catch(function () { /* offline: the countdown continues on the last offset */ });
  }, 60000);
  tick();
  window.setInterval(tick, 1000);
})();
