// The page a turned-away request gets (org.quizdesk.system.OverloadFilter): ask for the page again by itself after
// the server's Retry-After, plus up to as long again at random, so that a class turned away at once does not come
// back at once. Without this script the page's "Try again now" link does the same.
(function () {
  'use strict';
  var main = document.getElementById('main');
  var seconds = Number(main && main.getAttribute('data-retry-after'));
  if (seconds > 0) {
    setTimeout(function () {
      window.location.reload();
    }, seconds * (1000 + Math.random() * 1000));
  }
})();
