// Archive preview: reloads the page after each build of `archive serve`. Loaded only by the
// preview server, never by the published site.
(function () {
  "use strict";
  if (!window.EventSource) return;
  // The page says which it is: after a template's change the preview renders the open pages first.
  var source = new EventSource("/_archive/events?page=" + encodeURIComponent(window.location.pathname));
  source.addEventListener("reload", function () { window.location.reload(); });
  // Build errors are written into the page by the server (class archive-build-error, styled in site.css).
})();
