// Archive: the copy buttons of "Cite this article". The citations are plain text on the page
// and can be selected and copied without this file; it only adds the buttons.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button.copy[data-copy]");
  if (!buttons.length) return;
  var status = document.querySelector(".cite .copy-status");

  function say(message) { if (status) status.textContent = message; }

  // Older browsers and file:// pages may lack the asynchronous clipboard: select and copy.
  // The citation's markup (italics) for rich-text paste, read without touching innerHTML.
  function serialise(element) {
    var xml = new XMLSerializer(), out = "";
    Array.prototype.forEach.call(element.childNodes, function (n) { out += xml.serializeToString(n); });
    return out;
  }

  function copyBySelection(element) {
    var selection = window.getSelection();
    var range = document.createRange();
    range.selectNodeContents(element);
    selection.removeAllRanges();
    selection.addRange(range);
    var ok = false;
    try { ok = document.execCommand("copy"); } catch { ok = false; }
    if (ok) selection.removeAllRanges();
    return ok;
  }

  function copy(element, label) {
    var text = element.textContent.replace(/\s+/g, " ").trim();
    var done = function () { say(label + " citation copied."); };
    var fallback = function () {
      if (copyBySelection(element)) done();
      else say("The " + label + " citation is selected: press Ctrl+C (⌘C on a Mac) to copy it.");
    };
    var clip = navigator.clipboard;
    if (clip && clip.write && window.ClipboardItem && window.isSecureContext) {
      // Rich text keeps the italics when pasted into a word processor.
      var item = new window.ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([serialise(element)], { type: "text/html" })
      });
      clip.write([item]).then(done, fallback);
    } else if (clip && clip.writeText && window.isSecureContext) {
      clip.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  Array.prototype.forEach.call(buttons, function (button) {
    var target = document.getElementById(button.getAttribute("data-copy"));
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () { copy(target, button.getAttribute("data-label") || "The"); });
  });
})();
