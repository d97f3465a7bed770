// The quiz page's sign-in dialog: when the session is gone (a restart, an expiry), the student signs in again
// without leaving the page, so nothing typed is lost. It speaks the JSON sign-in (GET /api/csrf, then POST /signin
// with Accept: application/json) and hands the page a fresh CSRF token; quiz.js decides when to open it.
(function () {
  'use strict';

  var dialog = document.getElementById('signin-dialog');
  if (!dialog) {
    return;
  }
  var dialogForm = document.getElementById('signin-dialog-form');
  var usernameField = document.getElementById('signin-username');
  var passwordField = document.getElementById('signin-password');
  var errorEl = document.getElementById('signin-dialog-error');
  var submitButton = dialogForm.querySelector('button[type=submit]');
  var laterButton = document.getElementById('signin-dialog-later');
  var csrfUrl = dialog.dataset.csrfUrl;
  // the texts come from the page, in its language (page.js)
  var t = window.QuizdeskText;
  var expectedUser = (dialog.dataset.username || '').trim().toLowerCase();

  var returnFocusTo = null;
  var onSignedIn = null;
  var onClosed = null;
  var busy = false;

  // role="alert" speaks when its text changes: emptied first, so the same message twice is heard twice
  function showError(text) {
    errorEl.textContent = '';
    window.setTimeout(function () { errorEl.textContent = text; }, 50);
  }

  function fetchCsrf() {
    return fetch(csrfUrl, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('csrf ' + response.status); }
        return response.json();
      })
      .then(function (body) {
        if (!body || !body.token) { throw new Error('no csrf token'); }
        return { token: body.token, header: body.header || 'X-CSRF-TOKEN', parameter: body.parameter || '_csrf',
          username: body.username || '' };
      });
  }

  function retryAfterSeconds(response, body) {
    var seconds = Number(body && body.retryAfter);
    if (!seconds) { seconds = Number(response.headers.get('Retry-After')); }
    return seconds > 0 ? Math.ceil(seconds) : null;
  }

  function attemptSignIn(username, password) {
    return fetchCsrf().then(function (csrf) {
      var fields = new URLSearchParams();
      fields.set('username', username);
      fields.set('password', password);
      fields.set(csrf.parameter, csrf.token);
      return fetch(dialogForm.getAttribute('action'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' },
        body: fields
      });
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { response: response, body: body || {} };
      });
    });
  }

  function submitted(event) {
    event.preventDefault();
    if (busy) { return; }
    var username = usernameField.value.trim();
    if (!username || !passwordField.value) {
      showError(t('signinMissing'));
      (username ? passwordField : usernameField).focus();
      return;
    }
    busy = true;
    submitButton.disabled = true;
    submitButton.setAttribute('aria-busy', 'true');
    attemptSignIn(username, passwordField.value).then(function (result) {
      var response = result.response;
      var body = result.body;
      // only the JSON answer counts: a redirect to an HTML page (a proxy, an old server) is not a sign-in
      if (response.ok && body.signedIn === true) {
        var who = String(body.username || username).trim().toLowerCase();
        if (expectedUser && who !== expectedUser) {
          passwordField.value = '';
          showError(t('signinWrongAccount', body.username, dialog.dataset.username));
          usernameField.value = dialog.dataset.username;
          passwordField.focus();
          return null;
        }
        // the session id changed at sign-in, and its CSRF token with it
        return fetchCsrf().then(signedIn);
      }
      passwordField.value = '';
      passwordField.focus();
      if (response.status === 401) {
        showError(body.message || t('signinBadCredentials'));
      } else if (response.status === 429 || response.status === 503) {
        // the server's message already says when to try again (a turn in line, or the end of a lock)
        var wait = retryAfterSeconds(response, body);
        showError([body.message || [t('signinPaused'), wait ? t('signinTryAgainIn', wait) : t('signinTryAgainShortly')].join(' '),
          t('signinStillKept')].join(' '));
      } else {
        showError(t('signinFailed', response.status));
      }
      return null;
    }).catch(function () {
      showError(t('signinUnreachable'));
    }).then(function () {
      busy = false;
      submitButton.disabled = false;
      submitButton.removeAttribute('aria-busy');
    });
  }

  function signedIn(csrf) {
    passwordField.value = '';
    showError('');
    waitingForUniversity = false;
    var done = onSignedIn;
    onClosed = null; // signed in: not the "closed without signing in" case
    close();
    if (done) { done(csrf); }
  }

  // The university's sign-in runs in another tab (this page must stay, with its answers and timer); when the student
  // comes back, or presses "continue", the session says whether it worked and as whom.
  var universityLinks = dialog.querySelectorAll('a[data-university]');
  var continueButton = document.getElementById('signin-dialog-continue');
  var waitingForUniversity = false;

  function checkUniversitySignIn(quiet) {
    if (busy) { return; }
    busy = true;
    fetchCsrf().then(function (csrf) {
      var who = String(csrf.username || '').trim().toLowerCase();
      if (!who) {
        if (!quiet) { showError(t('signinUniversityNotYet')); }
      } else if (expectedUser && who !== expectedUser) {
        showError(t('signinWrongAccount', csrf.username, dialog.dataset.username));
      } else {
        signedIn(csrf);
      }
    }).catch(function () {
      if (!quiet) { showError(t('signinUnreachable')); }
    }).then(function () {
      busy = false;
    });
  }

  Array.prototype.forEach.call(universityLinks, function (link) {
    link.addEventListener('click', function () {
      waitingForUniversity = true;
      if (continueButton) { continueButton.hidden = false; }
    });
  });
  if (continueButton) {
    continueButton.addEventListener('click', function () { checkUniversitySignIn(false); });
  }
  window.addEventListener('focus', function () {
    if (dialog.open && waitingForUniversity) { checkUniversitySignIn(true); }
  });

  function close() {
    if (dialog.open) { dialog.close(); }
  }

  // closed by signing in, by "Not now" or by Escape: focus goes back where the student was
  dialog.addEventListener('close', function () {
    var target = returnFocusTo;
    var closed = onClosed;
    returnFocusTo = null;
    onSignedIn = null;
    onClosed = null;
    if (target && document.contains(target) && typeof target.focus === 'function') {
      target.focus();
    }
    if (closed) { closed(); }
  });
  // A modal dialog makes the page behind it inert, but Tab would still leave for the browser's own controls:
  // keep it going round the dialog's fields and buttons.
  dialog.addEventListener('keydown', function (event) {
    if (event.key !== 'Tab') { return; }
    var stops = Array.prototype.filter.call(dialog.querySelectorAll('input, button, [href], [tabindex]'), function (el) {
      return !el.disabled && el.tabIndex >= 0 && el.offsetParent !== null;
    });
    if (!stops.length) { return; }
    var first = stops[0];
    var last = stops[stops.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  dialogForm.addEventListener('submit', submitted);
  laterButton.addEventListener('click', close);

  /**
   * Opens the dialog (once: a second call while it is open only updates the callbacks).
   * options.reason: a sentence for the top of the dialog; options.signedIn(csrf) runs after a successful sign-in
   * as the quiz's own account; options.closed() runs whenever the dialog closes.
   */
  function open(options) {
    onSignedIn = options.signedIn || null;
    onClosed = options.closed || null;
    if (options.reason) {
      document.getElementById('signin-dialog-why').textContent = options.reason;
    }
    if (dialog.open) { return; }
    returnFocusTo = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
    showError('');
    passwordField.value = '';
    if (!usernameField.value) { usernameField.value = dialog.dataset.username || ''; }
    dialog.showModal();
    if (universityLinks.length) {
      universityLinks[0].focus();
    } else {
      (usernameField.value ? passwordField : usernameField).focus();
    }
  }

  window.QuizdeskSignIn = { open: open, close: close, isOpen: function () { return dialog.open; }, fetchCsrf: fetchCsrf };
})();
