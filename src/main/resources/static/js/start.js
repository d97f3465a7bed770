// The honor-code page of a quiz that has not opened yet: counts down to the opening on the server's clock and offers
// the Start button when it comes, so that a student who is early can read and sign first and needs no reload.
(function () {
  'use strict';

  var waiting = document.getElementById('waiting');
  var button = document.querySelector('main form button[type=submit]');
  if (!waiting || !button) {
    return;
  }
  var t = window.QuizdeskText;
  var opensAt = Number(waiting.dataset.opensAt);
  // the server's clock minus this device's, as the page left the server (a late page only makes the offer later)
  var offset = Number(waiting.dataset.serverNow) - Date.now();
  var countdown = waiting.querySelector('[data-countdown]');
  var opened = document.getElementById('opened');

  function tick() {
    var left = opensAt - (Date.now() + offset);
    if (left <= 0) {
      button.disabled = false;
      waiting.hidden = true;
      opened.className = 'flash flash--ok';
      opened.textContent = t('opened');
      return;
    }
    countdown.textContent = t('opensIn', window.QuizdeskClockFace(Math.ceil(left / 1000)));
    // the next whole second of the countdown
    setTimeout(tick, left % 1000 || 1000);
  }

  button.disabled = true;
  tick();
})();
