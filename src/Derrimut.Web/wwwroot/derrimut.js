// Small page behaviours that need no server round trip. Bound by delegation from this file (never inline handlers),
// so the Content-Security-Policy can refuse every inline script.
document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest("[data-print]") : null;
  if (button) {
    window.print();
  }
});
