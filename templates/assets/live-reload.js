// Archive preview: reloads the page after each build of `archive serve`. Loaded only by the
// preview server, never by the published site.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var source = new EventSource("/_archive/events");
  source.addEventListener("reload", function () { window.location.reload(); });
  // Build errors are written into the page by the server; give them a visible box.
  var box = document.querySelector(".archive-build-error");
  if (box) {
    box.style.cssText = "background:#fff3f3;color:#600;border:2px solid #c00;padding:.5rem 1rem;margin:0;" +
      "font:14px/1.4 monospace;white-space:pre-wrap;position:relative;z-index:1000";
  }
})();
