/* Decap (React) draws its screens when it likes and may draw them again at any time, so what
   Plein adds to them (names, the thread above a reply, the site's name, the focus) is placed
   again after each change of the page: at most once an animation frame, whatever the number
   of changes. */
export function afterEveryRedraw(fn) {
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fn(); });
  }).observe(document.body, { childList: true, subtree: true });
}
