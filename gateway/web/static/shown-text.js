/* How the console's pages show texts as sent (messages, subjects, names, notes, file names).
   Characters that cannot be seen but change how a text reads (bidi overrides, embeddings,
   isolates and marks; zero-width and other invisible format characters; Hangul fillers) are
   shown as a visible mark such as [U+202E] in every text node put on the page, whenever it
   is added or changed: a message cannot read as something it is not (a reversed link, a
   ticket number spoofed by an override). Only what is shown changes; the stored text is as
   sent. Emoji keep their joiners and a flag its tag characters. Loaded before the page's
   own script. */
(function () {
  "use strict";
  var HIDDEN = /[\p{Cf}\u115F\u1160\u3164\uFFA0]/u;
  var SHOWN = new RegExp(
    "(\\p{Extended_Pictographic}[\\uFE0F\\u{1F3FB}-\\u{1F3FF}]?" +
      "(?:\\u200D\\p{Extended_Pictographic}[\\uFE0F\\u{1F3FB}-\\u{1F3FF}]?)+" +
      "|\\u{1F3F4}[\\u{E0020}-\\u{E007E}]+\\u{E007F})" +
      "|[\\p{Cf}\\u115F\\u1160\\u3164\\uFFA0]",
    "gu");

  function mark(ch) {
    var code = ch.codePointAt(0).toString(16).toUpperCase();
    return "[U+" + ("0000" + code).slice(-Math.max(4, code.length)) + "]";
  }

  function shown(text) {
    if (!HIDDEN.test(text)) return text;
    return text.replace(SHOWN, function (m, kept) { return kept || mark(m); });
  }

  function clean(node) {
    if (node.nodeType === Node.TEXT_NODE) {
      var text = shown(node.data);
      if (text !== node.data) node.data = text;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (var t = walker.nextNode(); t; t = walker.nextNode()) clean(t);
    }
  }

  window.flShown = shown;
  function watch() {
    clean(document.body);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        if (change.type === "characterData") clean(change.target);
        else change.addedNodes.forEach(clean);
      });
    }).observe(document.body, { childList: true, characterData: true, subtree: true });
  }
  if (document.body) watch();
  else document.addEventListener("DOMContentLoaded", watch);
})();
