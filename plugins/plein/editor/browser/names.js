/* People's, teams' and threads' names from the site's static search index (plein-search/), so
   that the editor shows 'Ruimtelijke Ordening', never the id 'ruimte'. One look-up per id. */
const SITE = new URL("..", new URL(".", import.meta.url));
let engine;
const known = new Map();

export function search() {
  if (!engine && window.PleinSearchEngine) engine = new window.PleinSearchEngine(new URL("plein-search/", SITE).href);
  return engine;
}

/* The name of a person, team or thread by its id ('person', 'jan-de-vries'), or null. */
export function nameOf(kind, id) {
  const key = `${kind}:${id}`;
  if (!known.has(key)) {
    known.set(key, (async () => {
      const e = search();
      if (!e || !id) return null;
      try {
        const found = await e.search(String(id).replace(/-/g, " "), { kind: new Set([kind]) }, 20);
        const hit = found.hits.find((x) => x.id === key);
        return hit ? hit.title : null;
      } catch (err) {
        return null;
      }
    })());
  }
  return known.get(key);
}

export function asList(value) {
  if (!value) return [];
  if (typeof value === "string") return [value];
  return value.toJS ? value.toJS() : Array.from(value);
}

/* Hides a field's whole row (label and help too): for a field that says nothing to this person
   here, such as HR's 'left' when empty. Decap draws the row; its Emotion label names it. */
export function hideRow(element) {
  const row = element && element.closest('[class*="ControlContainer"]');
  if (row) row.hidden = true;
}
