// Archive: small enhancements; every page works without this file.
(function () {
  "use strict";
  var KEY = "archive.readingMode";

  // Remember the reading mode (side by side / English / 中文) across articles.
  function setupReadingMode() {
    var radios = document.querySelectorAll("input.mode[name=mode]");
    if (!radios.length) return;
    var saved = null;
    try { saved = window.localStorage.getItem(KEY); } catch { saved = null; }
    radios.forEach(function (r) {
      if (saved && r.value === saved) r.checked = true;
      r.addEventListener("change", function () {
        try { window.localStorage.setItem(KEY, r.value); } catch { /* storage may be off */ }
      });
    });
  }

  // On touch screens a first tap on a term shows its gloss; a second tap follows the link.
  function setupGlossTaps() {
    var open = null;
    document.addEventListener("click", function (ev) {
      var term = ev.target.closest ? ev.target.closest("a.term") : null;
      var coarse = window.matchMedia && window.matchMedia("(hover: none)").matches;
      if (open && open !== term) { open.classList.remove("show-gloss"); open = null; }
      if (!term || !coarse) return;
      if (!term.classList.contains("show-gloss")) {
        ev.preventDefault();
        term.classList.add("show-gloss");
        open = term;
      }
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && open) { open.classList.remove("show-gloss"); open = null; }
    });
  }

  setupReadingMode();
  setupGlossTaps();
})();
