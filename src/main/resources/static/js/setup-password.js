// A setup link carries its one-time code in the #fragment, which browsers never send to the server (so it is in no
// access log): copy it into the form, then drop it from the address bar and history.
(function () {
  'use strict';
  var match = /^#code=([A-Za-z0-9]+)$/.exec(window.location.hash);
  if (!match) {
    return;
  }
  document.addEventListener('DOMContentLoaded', function () {
    var field = document.getElementById('code');
    if (field && !field.value) {
      field.value = match[1];
    }
    window.history.replaceState(null, '', window.location.pathname);
  });
})();
