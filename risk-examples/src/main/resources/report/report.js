(function () {
  window.addEventListener('error', function (e) {
    document.documentElement.setAttribute('data-script-error', String(e.message));
  });
  function apply(input) {
    var table = document.getElementById(input.getAttribute('data-filter'));
    var q = input.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var match = q === '' || row.textContent.toLowerCase().indexOf(q) >= 0;
      row.hidden = !match;
      if (match) { shown++; }
    });
    var counter = document.querySelector('[data-shown-for="' + table.id + '"]');
    if (counter) { counter.textContent = String(shown); }
  }
  Array.prototype.forEach.call(document.querySelectorAll('input[data-filter]'), function (input) {
    input.addEventListener('input', function () { apply(input); });
    if (input.value) { apply(input); }
  });
  document.body.setAttribute('data-ready', 'yes');
})();
