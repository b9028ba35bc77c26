/* Plein's directory: filters over the whole organisation, on the static search index that
   the header search reads (engine.js: people()). The URL holds the state
   (people/?team=ruimte&day=tue), so a filtered list can be shared, bookmarked and gone back
   to. Without JavaScript the page's own list of everyone, in pages, stays. */
(function () {
  "use strict";
  const form = document.querySelector("[data-plein-directory]");
  const engine = window.pleinSearch;
  if (!form || !engine) return;
  const W = JSON.parse(form.getAttribute("data-plein-directory"));
  const found = document.querySelector("[data-plein-found]");
  const everyone = document.querySelector("[data-plein-everyone]");
  const list = found.querySelector(".plein-cards");
  const count = found.querySelector(".plein-filters__count");
  const pager = found.querySelector(".plein-pager");
  const config = JSON.parse(document.getElementById("__config").textContent);
  const root = new URL(config.base.replace(/\/?$/, "/"), location.href);
  const PAGE = 40;  // like the pages without JavaScript (site/plan.py DIRECTORY_PAGE)
  // the filters the page has: without show_contact it has no office day (site/views.py)
  const FACETS = ["team", "location", "expertise", "language", "day"].filter((f) => form.elements[f]);
  const input = form.elements.q;
  let seq = 0, timer = null, scrollUp = false;

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  };
  const lang = document.documentElement.lang || undefined;
  const byText = (a, b) => a[1].localeCompare(b[1], lang);
  const plural = new Intl.PluralRules(lang);
  /* A count's words: the site's forms per plural category (site/i18n.py), picked by the
     page language's rules, as Babel picks them in the built pages; "1 collega", "2 collega's". */
  const counted = (forms, n) => (typeof forms === "string" ? forms : forms[plural.select(n)] || forms.other)
    .replace("{n}", n.toLocaleString(lang));

  function readUrl() {
    const q = new URLSearchParams(location.search), state = { q: q.get("q") || "", page: Math.max(1, +q.get("p") || 1) };
    for (const f of FACETS) state[f] = q.get(f) || "";
    return state;
  }

  function readForm() {
    const state = { q: input.value, page: 1 };
    for (const f of FACETS) state[f] = form.elements[f].value;
    return state;
  }

  function toUrl(state) {
    const q = new URLSearchParams();
    if (state.q.trim()) q.set("q", state.q);
    for (const f of FACETS) if (state[f]) q.set(f, state[f]);
    if (state.page > 1) q.set("p", state.page);
    const s = q.toString();
    return location.pathname + (s ? "?" + s : "") + location.hash;
  }

  function active(state) {
    return !!state.q.trim() || FACETS.some((f) => state[f]);
  }

  /* The state's values as indexes into meta's lists; -1 for a value the index lacks. */
  function indexes(state) {
    const m = engine.meta, folded = (s) => s.trim().toLocaleLowerCase();
    const at = (list, v, same) => (v ? list.findIndex((x) => same(x, v)) : null);
    return {
      team: at(m.team_ids, state.team, (a, b) => a === b),
      location: at(m.locations, state.location, (a, b) => a !== "" && folded(a) === folded(b)),
      topic: at(m.topics, state.expertise, (a, b) => folded(a) === folded(b)),
      language: at(m.languages, state.language, (a, b) => a === b),
      day: FACETS.includes("day") ? at(m.days, state.day, (a, b) => a === b) : null,
    };
  }

  async function run(state) {
    const mine = ++seq, start = performance.now();
    form.setAttribute("data-state", "busy");
    try {
      await engine.loadPeople();
      const ix = indexes(state);  // a value the index lacks (an old link) finds nobody
      const none = Object.values(ix).some((i) => i === -1);
      const res = await engine.people(state.q, Object.fromEntries(
        Object.entries(ix).map(([k, i]) => [k, i === -1 ? null : i])));
      if (none) res.found = [];
      if (mine !== seq) return;
      fill(state, res.counts);
      if (!active(state)) {
        found.hidden = true;
        everyone.hidden = false;
      } else {
        const pages = Math.max(1, Math.ceil(res.found.length / PAGE));
        const page = Math.min(state.page, pages);
        const docs = await engine.byName(res.found, page, PAGE);
        if (mine !== seq) return;
        show(docs, res.found.length, page, pages);
        if (scrollUp) toResults();  // after the new page is in: a short last page would stop the scroll short
      }
      form.setAttribute("data-ms", Math.round(performance.now() - start));  // for tools/bench-directory
      form.setAttribute("data-state", "ready");
      form.setAttribute("data-url", location.search);
    } catch (err) {
      if (mine === seq) { count.textContent = W.filter_error; found.hidden = false; form.setAttribute("data-state", "error"); }
      console.error(err);
    }
  }

  function show(docs, total, page, pages) {
    count.textContent = total ? counted(W.directory_count, total) : W.no_match;
    list.replaceChildren(...docs.map(card));
    pager.hidden = pages < 2;
    pager.querySelector("span").textContent = W.page_n.replace("{n}", page).replace("{total}", pages);
    pager.querySelector("[data-step='-1']").disabled = page <= 1;
    pager.querySelector("[data-step='1']").disabled = page >= pages;
    found.dataset.page = page;
    found.hidden = false;
    everyone.hidden = true;
  }

  function card(d) {
    const li = el("li", "plein-card");
    li.dataset.id = d.id;
    const a = el("a", "plein-card__link");
    a.href = new URL(d.url, root).href;
    const words = d.title.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
    const initials = ((words[0] || d.title)[0] + (words.length > 1 ? words[words.length - 1][0] : "")).toUpperCase();
    const hue = PleinSearchEngine.hue(d.id.slice(d.id.indexOf(":") + 1));  // plein.site.avatar.hue
    const avatar = el("span", `plein-avatar plein-avatar--m plein-avatar--c${hue}`, initials);
    avatar.setAttribute("aria-hidden", "true");
    const text = el("span", "plein-card__text");
    text.append(el("strong", "plein-card__name", d.title), el("span", "plein-card__role", d.extra));
    a.append(avatar, text);
    li.append(a);
    return li;
  }

  /* The options of every select, with counts among the people passing the other filters. */
  function fill(state, counts) {
    const m = engine.meta;
    const options = {
      team: teamTree(counts.team),
      location: m.locations.map((v, i) => [v, v, counts.location[i]]).filter((o) => o[0] !== "").sort(byText),
      expertise: m.topics.map((v, i) => [v, v, counts.topic[i]]).sort(byText),
      language: m.languages.map((v, i) => [v, W.languages[v] || v, counts.language[i]]),
      day: m.days.map((v, i) => [v, (W.days || {})[v] || v, counts.day[i]]),
    };
    for (const f of FACETS) {
      const select = form.elements[f];
      const shown = options[f].filter(([v, , n]) => n > 0 || v === state[f]);
      if (state[f] && !shown.some(([v]) => v === state[f])) shown.unshift([state[f], state[f], 0]);
      const opts = shown.map(([v, label, n]) => new Option(`${label} (${n})`, v, false, v === state[f]));
      select.replaceChildren(new Option(W.filter_any, "", false, !state[f]), ...opts);
    }
  }

  function teamTree(counts) {  // [id, indented name, count with sub-teams] in tree order
    const m = engine.meta, out = [], seen = new Set();
    const kids = (p) => m.team_ids.map((id, i) => [i, m.teams[i]]).filter(([i]) => m.team_parents[i] === p && m.team_ids[i] !== "")
      .sort((a, b) => byText(a, b));
    const walk = (p, depth) => {
      for (const [i, name] of kids(p)) {
        if (seen.has(i)) continue;
        seen.add(i);
        out.push([m.team_ids[i], "\u00a0\u00a0".repeat(depth) + name, counts[i]]);
        walk(i, depth + 1);
      }
    };
    walk(-1, 0);
    return out;
  }

  function go(state, replace) {
    history[replace ? "replaceState" : "pushState"](null, "", toUrl(state));
    run(state);
  }

  form.addEventListener("change", (ev) => { if (ev.target !== input) go(readForm()); });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => go(readForm(), active(readUrl()) && !!readUrl().q), 200);
  });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); clearTimeout(timer); go(readForm()); });
  form.addEventListener("reset", (ev) => { ev.preventDefault(); go({ q: "", page: 1, team: "", location: "", expertise: "", language: "", day: "" }); });
  pager.addEventListener("click", (ev) => {
    const step = ev.target.closest("[data-step]");
    if (!step) return;
    scrollUp = true;
    go({ ...readUrl(), page: (+found.dataset.page || 1) + +step.dataset.step });
  });
  /* The results' top just below whatever stays at the top of the screen: Material's sticky
     header, and its tabs when a site makes them sticky too (scrollIntoView would put the
     first result under them). */
  function toResults() {
    let covered = 0;
    for (const bar of document.querySelectorAll(".md-header, .md-tabs")) {
      const pos = getComputedStyle(bar).position, box = bar.getBoundingClientRect();
      if ((pos === "sticky" || pos === "fixed") && box.height) covered = Math.max(covered, box.bottom);
    }
    scrollUp = false;
    const top = found.getBoundingClientRect().top + window.scrollY - covered - 8;
    window.scrollTo({ top: Math.max(0, top), behavior: "instant" });
  }
  function restore() {  // the text box follows the URL only here: while typing it leads
    const state = readUrl();
    input.value = state.q;
    run(state);
  }

  window.addEventListener("popstate", restore);
  form.hidden = false;
  restore();
})();
