/* Plein search, the header box: results while you type, grouped by kind, with facets.
   Plain JavaScript; the index is the static one under plein-search/ (engine.js). */
(function () {
  "use strict";
  const box = document.querySelector("[data-plein-search]");
  if (!box) return;
  const T = window.PleinSearchWords;  // assets/search/words.js
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  build(box, T, new URL("assets/plein/icons.svg", root).href);
  const input = box.querySelector("input.md-search__input");
  const meta = box.querySelector(".md-search-result__meta");
  const facetsEl = box.querySelector(".plein-search__facets");
  const list = box.querySelector(".md-search-result__list");
  const toggle = document.getElementById("__search");
  const engine = new window.PleinSearchEngine(new URL("plein-search/", root).href);
  const PAGE = 10;  // like `plein search`
  const filters = { kind: new Set(), team: new Set(), location: new Set(), topic: null };
  let seq = 0, timer = null, shown = PAGE;
  window.pleinSearch = engine;  // for tests and the curious

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };

  async function run() {
    const mine = ++seq;
    const query = input.value;
    box.setAttribute("data-state", "busy");
    try {
      const { words, found, scores } = await engine.match(query, true);  // who knows first
      if (mine !== seq) return;
      if (!words.length) return render(mine, query, [], null, null);
      const kept = await engine.filter(found, filters);
      if (mine !== seq) return;
      const docs = await engine.docs(kept.found.slice(0, shown));
      if (mine !== seq) return;
      docs.forEach((d) => { d.score = scores.get(d.ord)[1]; });
      render(mine, query, docs, kept, found.length);
    } catch (err) {
      if (mine === seq) { meta.textContent = T.error; box.setAttribute("data-state", "error"); }
      console.error(err);
    }
  }

  function render(mine, query, docs, kept, unfiltered) {
    list.replaceChildren();
    facetsEl.replaceChildren();
    if (!kept) {
      meta.textContent = query.trim() ? T.short : T.placeholder;
    } else if (!kept.found.length) {
      meta.textContent = unfiltered ? T.none_filtered : T.none;
    } else {
      meta.textContent = kept.found.length === 1 ? T.one : T.other.replace("#", kept.found.length);
    }
    if (kept && unfiltered) renderFacets(kept, docs);
    const groups = new Map();
    for (const d of docs) {
      if (!groups.has(d.kind)) groups.set(d.kind, []);
      groups.get(d.kind).push(d);
    }
    for (const [kind, items] of groups) {  // in the order of each kind's best result
      const li = el("li", "plein-search__group");
      li.append(el("h2", "plein-search__kind", T.kinds[kind] || kind));
      const ol = el("ol", "plein-search__items");
      for (const d of items) ol.append(item(d));
      li.append(ol);
      list.append(li);
    }
    if (kept && kept.found.length > docs.length) {
      const more = el("button", "md-button plein-search__more", T.more);
      more.type = "button";
      more.addEventListener("click", () => { shown += PAGE; run(); });
      const li = el("li", "plein-search__group");
      li.append(more);
      list.append(li);
    }
    box.setAttribute("data-state", "ready");
    box.setAttribute("data-query", query);
  }

  function item(d) {
    const li = el("li", "md-search-result__item plein-search__item");
    li.dataset.kind = d.kind;
    li.dataset.id = d.id;
    const a = el("a", "md-search-result__link");
    a.href = new URL(d.url, root).href;
    const art = el("article", "md-search-result__article md-typeset");
    art.append(el("h3", null, d.title));
    const extra = el("p", "plein-search__extra", d.extra);
    if (d.alumnus) extra.append(" · ", el("span", "plein-search__alumnus", T.alumnus));
    art.append(extra);
    if (d.snippet) art.append(el("p", "plein-search__snippet", d.snippet));
    a.append(art);
    li.append(a);
    return li;
  }

  function chip(facet, value, label, count, active, onClick) {
    const b = el("button", "plein-search__facet" + (active ? " plein-search__facet--on" : ""));
    b.type = "button";
    b.dataset.facet = facet;
    b.dataset.value = value;
    b.setAttribute("aria-pressed", active ? "true" : "false");
    b.append(label);
    if (count != null) b.append(" ", el("span", "plein-search__count", String(count)));
    b.addEventListener("click", (ev) => { ev.preventDefault(); onClick(); shown = PAGE; run(); input.focus(); });
    return b;
  }

  function renderFacets(kept, docs) {
    const m = engine.meta;
    const toggleIn = (set, v) => () => (set.has(v) ? set.delete(v) : set.add(v));
    const groups = [
      ["kind", T.facets.kind, (v) => T.kinds[v] || v],
      ["team", T.facets.team, (v) => v],
      ["location", T.facets.location, (v) => v],
    ];
    for (const [facet, title, label] of groups) {
      const counts = Array.from(kept.counts[facet]).filter(([v]) => v !== "")
        .sort((a, b) => (b[1] - a[1]) || (a[0] < b[0] ? -1 : 1)).slice(0, 8);
      for (const v of filters[facet]) if (!kept.counts[facet].has(v)) counts.push([v, 0]);
      if (counts.length < 2 && !filters[facet].size) continue;
      const g = el("div", "plein-search__facet-group");
      g.append(el("span", "plein-search__facet-title", title));
      for (const [v, n] of counts) g.append(chip(facet, v, label(v), n, filters[facet].has(v), toggleIn(filters[facet], v)));
      facetsEl.append(g);
    }
    const topics = new Set(filters.topic != null ? [filters.topic] : []);
    for (const d of docs) for (const t of d.topics) if (topics.size < 8) topics.add(t);
    if (topics.size) {
      const g = el("div", "plein-search__facet-group");
      g.append(el("span", "plein-search__facet-title", T.facets.topic));
      for (const t of topics) {
        g.append(chip("topic", String(t), m.topics[t], null, filters.topic === t,
          () => { filters.topic = filters.topic === t ? null : t; }));
      }
      facetsEl.append(g);
    }
  }

  function schedule() {
    clearTimeout(timer);
    shown = PAGE;
    timer = setTimeout(run, 60);  // typing fast fetches only for the last word
  }

  input.addEventListener("input", schedule);
  input.addEventListener("focus", () => {
    toggle.checked = true;
    engine.load().catch(() => {});
  });
  box.querySelector("form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const first = list.querySelector("a");
    if (first) location.href = first.href;
  });
  box.querySelector("form").addEventListener("reset", () => {
    for (const k of ["kind", "team", "location"]) filters[k].clear();
    filters.topic = null;
    setTimeout(schedule, 0);
  });
  box.querySelector(".md-search__overlay").addEventListener("click", () => input.blur());
  // Arrow keys move from the box through the results and back; Enter opens the focused one.
  box.addEventListener("keydown", (ev) => {
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    const links = Array.from(list.querySelectorAll("a.md-search-result__link"));
    const at = links.indexOf(document.activeElement);
    if (!links.length || (at < 0 && ev.target !== input)) return;
    ev.preventDefault();
    if (ev.key === "ArrowDown") links[Math.min(at + 1, links.length - 1)].focus();
    else if (at <= 0) input.focus();
    else links[at - 1].focus();
  });
  document.addEventListener("keydown", (ev) => {
    const typing = ev.target instanceof HTMLElement && ev.target.closest("input, textarea, select, [contenteditable]");
    if (ev.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      input.blur();
    } else if (!typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey && ["/", "s", "f"].includes(ev.key)) {
      ev.preventDefault();
      input.focus();
      input.select();
    }
  });
  toggle.addEventListener("change", () => { if (toggle.checked) input.focus(); });
  /* The dialog's form and result list: Material's search markup, made here rather than
     written into every page (partials/search-plein.html). Words by textContent and
     attributes only. */
  function build(box, T, sprite) {
    const make = (tag, attrs, ...kids) => {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
      e.append(...kids);
      return e;
    };
    const icon = (name) => {
      const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      const use = document.createElementNS("http://www.w3.org/2000/svg", "use");
      use.setAttribute("href", sprite + "#" + name);
      svg.append(use);
      return svg;
    };
    const form = make("form", { class: "md-search__form", name: "search" },
      make("input", { type: "text", class: "md-search__input", name: "query", "aria-label": T.label,
        placeholder: T.label, autocapitalize: "off", autocorrect: "off", autocomplete: "off",
        spellcheck: "false", required: "" }),
      make("label", { class: "md-search__icon md-icon", for: "__search" }, icon("search"), icon("previous")),
      make("nav", { class: "md-search__options", "aria-label": T.label },
        make("button", { type: "reset", class: "md-search__icon md-icon", title: T.reset, "aria-label": T.reset,
          tabindex: "-1" }, icon("close"))));
    const result = make("div", { class: "md-search-result plein-search__result" },
      make("div", { class: "md-search-result__meta" }, T.placeholder),
      make("div", { class: "plein-search__facets" }),
      make("ol", { class: "md-search-result__list", role: "presentation" }));
    box.replaceChildren(
      make("label", { class: "md-search__overlay", for: "__search" }),
      make("div", { class: "md-search__inner", role: "search" }, form,
        make("div", { class: "md-search__output" },
          make("div", { class: "md-search__scrollwrap", tabindex: "0", "data-md-scrollfix": "" }, result))));
  }
})();
