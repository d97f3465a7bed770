// The import upload on the admin home: a file over the server's limit is refused before it is sent (a request over
// Spring's multipart limit would be turned away without a page that says why); the server checks again.
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', function () {
    var form = document.querySelector('form.admin-import');
    var input = document.getElementById('import-file');
    if (!form || !input) {
      return;
    }
    var max = parseInt(form.getAttribute('data-max-bytes'), 10);
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.setCustomValidity(file && file.size > max ? form.getAttribute('data-too-large') : '');
      input.reportValidity();
    });
  });
}());
