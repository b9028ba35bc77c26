/* The web editor's service worker, bewerken/sw.js (editor/site.py writes VERSION in).

   Why: Decap CMS is one 5 MB script. A server that sends no cache headers (plein serve) gives
   it again at every opening of a form, and a phone on a slow network waits seconds for it;
   a Pages host asks again after ten minutes. Kept here, a form opens from the browser's own
   copy (and Chromium keeps the script compiled beside it), issue 26.

   Only the libraries are kept: Decap (decap/) and the YAML library (yaml/), files that change
   only with the versions that package-lock.json pins. VERSION is a digest of their bytes, so
   new versions make a new worker, which drops the old copies. Nothing personal is kept: no
   page, no config, no look-up file, no answer of the forge's API (those pass untouched). */
const VERSION = "plein-editor-@VERSION@";
const KEPT = ["decap/", "yaml/"];
// What every opening of a form loads (Decap and the YAML library's modules), kept at once, from
// the HTTP cache when the page just loaded them; Decap's other parts are kept when first used.
const FIRST = @FIRST@;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(FIRST))
    .catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith("plein-editor-") && n !== VERSION)
      .map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || url.search || !KEPT.some((p) => url.pathname.startsWith(scope.pathname + p))) return;
  event.respondWith(caches.open(VERSION).then(async (cache) => {
    const kept = await cache.match(request);
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  }));
});
