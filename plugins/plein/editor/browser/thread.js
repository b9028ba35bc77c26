/* The reply form names what it replies to: the thread's title, who asked, and the question,
   above the fields. They come as plain text from bewerken/threads/<thread>.json (editor/site.py)
   and are set with textContent: no markup is parsed or put into the editor. The thread's id
   comes from the form's address (#/collections/replies/new?_thread=<id>) and is only used
   when it is a plain name. */

import { afterEveryRedraw } from "./redraw.js";

const WORDS = {
  nl: { region: "Je reageert op", asked: "Gevraagd door {who}", open: "Bekijk de discussie", missing: "De discussie ‘{id}’ staat (nog) niet op het intranet." },
  en: { region: "You are replying to", asked: "Asked by {who}", open: "See the discussion", missing: "The discussion ‘{id}’ is not on the intranet (yet)." },
};
const ROUTE = /^#\/collections\/replies\/new\?(.*)$/;
const NAME = /^[a-z0-9][a-z0-9-]{0,200}$/;  // a thread's id is a name, never a path

function threadId() {
  const found = ROUTE.exec(window.location.hash);
  const id = found ? new URLSearchParams(found[1]).get("_thread") : null;
  return id && NAME.test(id) ? id : null;
}

function box(id, thread, words, site) {
  const section = document.createElement("section");
  section.id = "plein-thread";
  section.className = "plein-thread";
  section.dataset.thread = id;
  section.setAttribute("aria-labelledby", "plein-thread-title");
  const lead = document.createElement("p");
  lead.className = "plein-thread__lead";
  lead.textContent = words.region;
  const title = document.createElement("h2");
  title.id = "plein-thread-title";
  if (!thread) {
    title.textContent = words.missing.replace("{id}", id);
    section.append(lead, title);
    return section;
  }
  title.textContent = thread.title;
  section.append(lead, title);
  if (thread.who) {
    const who = document.createElement("p");
    who.className = "plein-thread__who";
    who.textContent = words.asked.replace("{who}", thread.who);
    section.append(who);
  }
  const question = document.createElement("blockquote");
  question.className = "plein-thread__question";
  for (const part of thread.question.split("\n\n")) {
    const p = document.createElement("p");
    p.textContent = part;
    question.append(p);
  }
  const link = document.createElement("a");
  link.href = new URL(`discussions/${id}/`, site).href;
  link.textContent = words.open;
  link.className = "plein-thread__open";
  link.target = "_blank";
  link.rel = "noopener";
  section.append(question, link);
  return section;
}

export function showThread(lang) {
  const words = WORDS[lang] || WORDS.en;
  const site = new URL("../", import.meta.url);  // this file is in bewerken/
  const pages = new Map();
  const read = (id) => {
    if (!pages.has(id)) {
      pages.set(id, fetch(new URL(`threads/${id}.json`, import.meta.url))
        .then((r) => (r.ok ? r.json() : null)).catch(() => null));
    }
    return pages.get(id);
  };
  const place = async () => {
    const id = threadId();
    const shown = document.getElementById("plein-thread");
    if (!id) { if (shown) shown.remove(); return; }
    const pane = document.querySelector('[class*="ControlPaneContainer"]');
    if (!pane || (shown && shown.dataset.thread === id && pane.firstChild === shown)) return;
    const thread = await read(id);
    if (threadId() !== id) return;
    const again = document.getElementById("plein-thread");
    if (again) again.remove();
    const now = document.querySelector('[class*="ControlPaneContainer"]');
    if (now) now.prepend(box(id, thread, words, site));
  };
  afterEveryRedraw(place);  // placed again whenever Decap's redraw left it out
  window.addEventListener("hashchange", place);
}
