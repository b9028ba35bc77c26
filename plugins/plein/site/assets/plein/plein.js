/* Plein: the time in reply and ask links. No server, no outside hosts. (The directory's
   filters are search/browser/directory.js.) */
(function () {
  "use strict";
  // Reply and ask links carry the day of the build; the new file gets the time of the click.
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function restamp(link) {
    var old = link.getAttribute("data-plein-stamp");
    var d = new Date();
    var now = d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate()) + " " +
      pad(d.getHours()) + ":" + pad(d.getMinutes());
    var asName = function (s) { return s.replace(" ", "T").replace(":", "-"); };
    var url = new URL(link.href), pairs = [];
    url.searchParams.forEach(function (value, key) { pairs.push([key, value]); });
    pairs.forEach(function (kv) {
      url.searchParams.set(kv[0], kv[1].split(old).join(now).split(asName(old)).join(asName(now)));
    });
    link.href = url.toString();
    link.setAttribute("data-plein-stamp", now);
  }
  document.addEventListener("pointerdown", stamp, true);
  document.addEventListener("keydown", stamp, true);
  function stamp(event) {
    var link = event.target && event.target.closest && event.target.closest("a[data-plein-stamp]");
    if (link) { restamp(link); }
  }
  // Material wraps wide tables in a box that scrolls sideways; a keyboard user can scroll it
  // only when it can take the focus (WCAG 2.1.1).
  function focusableScrollers() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }
  function init() {
    setTimeout(focusableScrollers, 0);  // after Material has wrapped the tables
  }
  window.addEventListener("resize", focusableScrollers);
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(init);  // Material's page-ready signal (also after instant loading)
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
