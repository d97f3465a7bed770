// The busy sign-in page (org.quizdesk.account.BusySignInPage): sign-ins take turns while many people sign in. A form
// sent before this person's turn is held until the turn comes (plus up to a second at random, so that turns given
// out together do not come back together); without this script the server answers it with the same turn.
(function () {
  'use strict';
  var form = document.getElementById('signin-line');
  var seconds = Number(form && form.getAttribute('data-turn-in'));
  if (!(seconds > 0)) {
    return;
  }
  var turnAt = Date.now() + seconds * 1000;
  var held = false;
  form.addEventListener('submit', function (event) {
    var wait = turnAt - Date.now();
    if (wait <= 0) {
      return;
    }
    event.preventDefault();
    if (held) {
      return;
    }
    held = true;
    var button = form.querySelector('button[type=submit]');
    button.disabled = true;
    button.textContent = form.getAttribute('data-at-turn');
    setTimeout(function () {
      form.submit();
    }, wait + Math.random() * 1000);
  });
})();
