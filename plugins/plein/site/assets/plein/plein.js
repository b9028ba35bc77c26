/* Plein: the time in reply and ask links, Report links, own buttons. No server, no outside
   hosts. (The directory's filters are search/browser/directory.js.) */
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
  // "Edit my profile" only on one's own profile, "Give kudos" only on others' (issue 26). The
  // site is static, so the browser asks who is logged in, as the web editor does (editor.js
  // whoami): the editor's login (Decap keeps it in localStorage) or plein serve's git user,
  // looked up in the editor's bewerken/accounts/. Unknown: the edit button stays hidden.
  var ROOT = new URL("../../", (document.currentScript && document.currentScript.src) || location.href);
  var me = null;
  function getJSON(path) {
    return fetch(new URL(path, ROOT)).then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }
  function whoami() {
    if (me) { return me; }
    var user = null, keys = [];
    try { user = JSON.parse(localStorage.getItem("decap-cms-user") || "null"); } catch (e) { user = null; }
    if (user && user.login) { keys.push("u:" + String(user.login).toLowerCase()); }
    if (user && user.email) { keys.push("e:" + String(user.email).toLowerCase()); }
    me = getJSON("bewerken/local.json").then(function (local) {
      if (local && local.email) { keys.push("e:" + String(local.email).toLowerCase()); }
      var next = function (i) {
        if (i >= keys.length) { return null; }
        var c = keys[i].slice(2, 3);
        return getJSON("bewerken/accounts/" + (/[a-z0-9]/.test(c) ? c : "_") + ".json").then(function (table) {
          var found = table && Object.prototype.hasOwnProperty.call(table, keys[i]) ? table[keys[i]] : null;
          return found ? found[0] : next(i + 1);
        });
      };
      return next(0);
    });
    return me;
  }
  function ownButtons() {
    var own = document.querySelectorAll("[data-plein-own]"), others = document.querySelectorAll("[data-plein-not-own]");
    if (!own.length && !others.length) { return; }
    whoami().then(function (handle) {
      own.forEach(function (a) {
        // a forge's own editor link (no web editor on this site): the forge decides
        if (a.getAttribute("data-plein-own") === handle || a.href.indexOf("/bewerken/") < 0) { a.hidden = false; }
      });
      others.forEach(function (a) { if (handle && a.getAttribute("data-plein-not-own") === handle) { a.hidden = true; } });
    });
  }
  // A Report link carries its item ("kind file page", moderation.py Reports.data) and goes to
  // the empty issue form; here it gets the prefilled one, from the site's one template
  // (window.PleinReport, written above this file by the build). Every value is encoded.
  function reportLinks() {
    var R = window.PleinReport;
    if (!R) { return; }
    var site = R.site ? new URL(R.site) : ROOT;
    document.querySelectorAll("a.plein-report[data-report]").forEach(function (a) {
      var item = a.getAttribute("data-report").split(" ");
      if (item.length !== 3) { return; }
      var values = {
        PLEINKIND: Object.prototype.hasOwnProperty.call(R.kinds, item[0]) ? R.kinds[item[0]] : item[0],
        PLEINFILE: decodeURIComponent(item[1]),
        PLEINPAGE: new URL(item[2], site).href
      };
      a.href = R.url.replace(/PLEIN(KIND|FILE|PAGE)/g, function (token) {
        return encodeURIComponent(values[token]);
      });
    });
  }
  function init() {
    setTimeout(focusableScrollers, 0);  // after Material has wrapped the tables
    ownButtons();
    reportLinks();
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
