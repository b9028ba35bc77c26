/* Plein's parts of the web editor (Decap CMS), loaded as a module after decap-cms.js:
   - the file format 'plein': Plein's YAML, without empty fields and without the fields
     whose name starts with '_', which only place the file (see editor/config.py);
   - pickers for people and teams that search the site's static index (plein-search/)
     instead of reading every profile through the forge's API;
   - the author of a question, reply, update or kudos: the person who is logged in, found by
     their forge username or e-mail address in accounts/, never typed by hand.
   - (listing.js) no reading of a whole collection while a form is open;
   - (a11y.js, editor.css) names for icon buttons, and text colours that meet WCAG 2.1 AA.
   - (aftersave.js) after Save, what happens next in plain words.
   - (locale.js) Decap in the site's language, all of it; (commit.js) commit messages that say
     what and by whom, in that language;
   - (listfield.js) lists that take what people type, topics offered from those in use;
   - (fields.js) choices in words, HR's fields read-only, the accepted answer by author;
   - (moderators.js) what only moderators set, shown to those the forge says are moderators;
   - (../worker.js, sw.js on the site) Decap kept in the browser between openings.
   Nothing here loads from another host. */
import * as YAML from "./yaml/index.js";
import { listOnlyInLists } from "./listing.js";
import { fieldsFirst, nameIconButtons } from "./a11y.js";
import { tellAfterSave } from "./aftersave.js";
import { nameTheSiteOnLogin } from "./phone.js";  // (phone.js, editor.css) the intranet's name on the login screen
import { installGuards } from "./guards.js";  // (guards.js, thread.js) refusals in plain words; the reply names its thread
import { showThread } from "./thread.js";
import { speakTheSitesLanguage } from "./locale.js";
import { writeCommitMessages } from "./commit.js";
import { listField, listPreview } from "./listfield.js";
import { acceptedField, choicesField, hrField } from "./fields.js";
import { asList, nameOf, search } from "./names.js";
import { moderatedField } from "./moderators.js";

const CMS = window.CMS;
const h = window.h;
const createClass = window.createClass;
const HERE = new URL(".", import.meta.url);
const LANG = document.documentElement.lang === "nl" ? "nl" : "en";
const WORDS = {
  en: { as: "You write this as", by: "Written by", nobody: "Your account belongs to no profile on the intranet. Create your profile first, or ask the moderators to add your forge username to it.",
        search: "Type a name", remove: "Remove", none: "No matches", only_kudos: "Only colleagues who opted in to kudos are shown." },
  nl: { as: "Je schrijft dit als", by: "Geschreven door", nobody: "Je account hoort bij geen profiel op het intranet. Maak eerst je profiel, of vraag de moderatoren je gebruikersnaam op de forge erin te zetten.",
        search: "Typ een naam", remove: "Verwijder", none: "Geen resultaten", only_kudos: "Alleen collega's die kudos willen ontvangen staan erbij." },
}[LANG];

const json = new Map();
function getJSON(path) {
  if (!json.has(path)) {
    json.set(path, fetch(new URL(path, HERE)).then((r) => (r.ok ? r.json() : null)).catch(() => null));
  }
  return json.get(path);
}

/* ---- the file format -------------------------------------------------------------
   A saved file changes only where the form changed: the YAML of the file as it was read
   (kept in '_source') is edited in place, so comments, quoting and list style stay. */

function fromFile(content) {
  const text = content.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  if (text.startsWith("---\n")) {
    const end = text.indexOf("\n---", 3);
    const front = end < 0 ? text.slice(4) : text.slice(4, end + 1);
    const rest = end < 0 ? "" : text.slice(text.indexOf("\n", end + 1) + 1);
    const data = YAML.parse(front) || {};
    data.body = rest.replace(/^\n+/, "").replace(/\s+$/, "");
    data._thread_file = "title" in data;  // a thread has a title, a reply has none
    data._source = front;
    return data;
  }
  const data = YAML.parse(text) || {};
  data._source = text;
  return data;
}

function clean(value) {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value.replace(/\r\n/g, "\n");
  if (Array.isArray(value)) {
    const items = value.map(clean).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (typeof value === "object") {
    const out = {};
    for (const [k, v] of Object.entries(value)) {
      const c = clean(v);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  return value;
}

// Strings that YAML 1.1 (Plein's reader) would take for something else: always quoted.
const YAML11 = /^(?:[yYnN~]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?)$/;

function node(doc, value) {
  const n = doc.createNode(value);
  YAML.visit(n, {
    Scalar(_, s) { if (typeof s.value === "string" && YAML11.test(s.value)) s.type = "QUOTE_DOUBLE"; },
    Seq(_, seq) { if (seq.items.every((i) => YAML.isScalar(i) && !String(i.value).includes("\n"))) seq.flow = true; },
  });
  if (YAML.isScalar(n) && typeof n.value === "string" && YAML11.test(n.value)) n.type = "QUOTE_DOUBLE";
  return n;
}

function render(out, source) {
  const doc = source === undefined ? new YAML.Document({}) : YAML.parseDocument(source);
  if (!YAML.isMap(doc.contents)) doc.contents = doc.createNode({});
  for (const [key, value] of Object.entries(out)) {
    const old = doc.get(key, true);
    const was = old === undefined ? undefined : (YAML.isNode(old) ? old.toJSON() : old);
    if (JSON.stringify(was) !== JSON.stringify(value)) doc.set(key, node(doc, value));
  }
  for (const item of [...doc.contents.items]) {
    const key = YAML.isScalar(item.key) ? item.key.value : item.key;
    if (!(key in out)) doc.delete(key);
  }
  return doc.contents.items.length || doc.commentBefore ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : "";
}

function toFile(data, sortedKeys) {
  const order = [...(sortedKeys || []), ...Object.keys(data)];
  const out = {};
  for (const key of order) {
    if (key in out || key === "body" || key.startsWith("_")) continue;
    const value = clean(data[key]);
    if (value !== undefined) out[key] = value;
  }
  const yaml = render(out, data._source);
  if ("body" in data) {
    const body = String(data.body || "").replace(/\r\n/g, "\n").replace(/\s+$/, "");
    return `---\n${yaml}---\n\n${body}\n`;
  }
  return yaml;
}

CMS.registerCustomFormat("plein", "md", { fromFile, toFile });

/* ---- who is logged in ------------------------------------------------------------ */

function shard(key) {
  const c = key.slice(2, 3);
  return /[a-z0-9]/.test(c) ? c : "_";
}

let me;
function whoami() {
  if (me === undefined) {
    me = (async () => {
      const keys = [];
      let user = null;
      try { user = JSON.parse(localStorage.getItem("decap-cms-user") || "null"); } catch (e) { user = null; }
      if (user && user.login) keys.push("u:" + String(user.login).toLowerCase());
      if (user && user.email) keys.push("e:" + String(user.email).toLowerCase());
      const local = await getJSON("local.json");  // plein serve: the repository's git user
      if (local && local.email) keys.push("e:" + local.email.toLowerCase());
      for (const key of keys) {
        const found = ((await getJSON(`accounts/${shard(key)}.json`)) || {})[key];
        if (found) return { handle: found[0], name: found[1], forge: !!found[2], login: user && user.login };
      }
      return null;
    })();
  }
  return me;
}

const AUTHOR = { threads: "author", replies: "author", kudos: "from", updates: "_author", helped: "_by" };

CMS.registerEventListener({
  name: "preSave",
  handler: async ({ entry }) => {
    let data = entry.get("data");
    if (data.get("date")) data = data.set("_year", String(data.get("date")).slice(0, 4));  // the folder of news and kudos
    if (entry.get("collection") === "helped") {  // the reply's id, around its 'T' (config.py)
      const reply = String(data.get("_reply") || "");
      data = data.set("_day", reply.slice(0, 10)).set("_rest", reply.slice(11));
    }
    if (entry.get("collection") === "profiles") {
      // your own profile learns your forge username from your login, once: it then goes to a
      // moderator (the policy reviews a change of forge_username), after which you publish at once
      const who = await whoami();
      if (who && who.login && !who.forge && entry.get("slug") === who.handle && !data.get("forge_username")) {
        data = data.set("forge_username", String(who.login));
      }
      return data;
    }
    const field = AUTHOR[entry.get("collection")];
    if (!field) return data;
    // an existing item keeps its writer: a moderator who hides a colleague's question does not
    // become its author (the publishing policy refuses a change of writer)
    if (!entry.get("newRecord") && data.get(field)) return data;
    const who = await whoami();
    if (!who) throw new Error(WORDS.nobody);
    return data.set(field, who.handle);
  },
});

const Author = createClass({
  getInitialState() { return { who: undefined }; },
  componentDidMount() {
    this.writer = this.props.value || null;  // an existing item's writer stays (preSave)
    if (this.writer) nameOf("person", this.writer).then((name) => this.setState({ writerName: name }));
    whoami().then((who) => {
      this.setState({ who });
      if (who && !this.writer && this.props.value !== who.handle) this.props.onChange(who.handle);
    });
  },
  render() {
    const who = this.state.who;
    if (this.writer && (!who || who.handle !== this.writer)) {
      return h("p", { className: this.props.classNameWrapper, id: this.props.forID, "data-plein-author": this.writer },
        WORDS.by + " ", h("strong", null, this.state.writerName || this.writer));
    }
    if (who === undefined) return h("p", { className: this.props.classNameWrapper }, "…");
    if (who === null) return h("p", { className: this.props.classNameWrapper, role: "alert" }, WORDS.nobody);
    return h("p", { className: this.props.classNameWrapper, id: this.props.forID, "data-plein-author": who.handle },
      WORDS.as + " ", h("strong", null, who.name));
  },
});
CMS.registerWidget("plein-author", Author, () => null);

/* ---- people and teams from the static search index ------------------------------- */

function picker(kind) {
  return createClass({
    getInitialState() { return { query: "", hits: [], names: {}, searched: false }; },
    componentDidMount() { this.names(asList(this.props.value)); },
    multiple() { return !!this.props.field.get("multiple"); },
    async names(ids) {
      for (const id of ids) {
        if (this.state.names[id]) continue;
        const name = await nameOf(kind, id);
        if (name) this.setState((s) => ({ names: { ...s.names, [id]: name } }));
      }
    },
    async find(query) {
      this.setState({ query });
      const e = search();
      if (!e || query.trim().length < 2) { this.setState({ hits: [], searched: false }); return; }
      const found = await e.search(query, { kind: new Set([kind]) }, 12);
      let hits = found.hits.filter((x) => !x.alumnus);
      if (this.props.field.get("only") === "kudos") {
        const allowed = new Set((await getJSON("kudos.json")) || []);
        hits = hits.filter((x) => allowed.has(x.id.slice(kind.length + 1)));
      }
      if (this.state.query === query) this.setState({ hits: hits.slice(0, 8), searched: true });
    },
    pick(hit) {
      const id = hit.id.slice(kind.length + 1);
      this.setState((s) => ({ query: "", hits: [], searched: false, names: { ...s.names, [id]: hit.title } }));
      if (this.multiple()) {
        const now = asList(this.props.value);
        this.props.onChange(now.includes(id) ? now : [...now, id]);
      } else {
        this.props.onChange(id);
      }
    },
    remove(id) {
      this.props.onChange(this.multiple() ? asList(this.props.value).filter((v) => v !== id) : "");
    },
    render() {
      const chosen = asList(this.props.value);
      const label = this.props.field.get("label");
      const typed = !search();  // no static index on this site: the id is typed
      return h("div", { className: this.props.classNameWrapper, "data-plein-picker": kind },
        chosen.length ? h("ul", { className: "plein-chosen" }, chosen.map((id) => h("li", { key: id },
          h("span", { "data-plein-value": id }, this.state.names[id] || id), " ",
          h("button", { type: "button", onClick: () => this.remove(id),
                        "aria-label": `${WORDS.remove} ${this.state.names[id] || id}` }, "×")))) : null,
        (this.multiple() || !chosen.length || typed) ? h("input", {
          id: this.props.forID, type: "search", autoComplete: "off", value: typed && !this.multiple() ? (this.props.value || "") : this.state.query,
          placeholder: WORDS.search, "aria-label": label,
          onChange: (ev) => (typed ? this.props.onChange(ev.target.value) : this.find(ev.target.value)),
        }) : null,
        this.props.field.get("only") === "kudos" ? h("p", { className: "plein-hint" }, WORDS.only_kudos) : null,
        this.state.hits.length ? h("ul", { className: "plein-hits", role: "listbox", "aria-label": label },
          this.state.hits.map((hit) => h("li", { key: hit.id, role: "option", "aria-selected": "false" },
            h("button", { type: "button", onClick: () => this.pick(hit), "data-plein-hit": hit.id },
              hit.title, hit.extra ? h("small", null, " · " + hit.extra) : null))))
          : (this.state.searched ? h("p", { role: "status" }, WORDS.none) : null));
    },
  });
}
CMS.registerWidget("plein-person", picker("person"), (props) => h("span", null, asList(props.value).join(", ")));
CMS.registerWidget("plein-team", picker("team"), (props) => h("span", null, asList(props.value).join(", ")));

CMS.registerWidget("plein-list", listField(h, createClass, getJSON, LANG), listPreview(h));
CMS.registerWidget("plein-choices", choicesField(h, createClass, LANG),
  (props) => h("span", null, asList(props.value).join(", ")));
CMS.registerWidget("plein-hr", hrField(h, createClass, CMS), (props) => h("span", null, String(props.value || "")));
CMS.registerWidget("plein-accepted", acceptedField(h, createClass, getJSON, LANG), () => null);
CMS.registerWidget("plein-moderated", moderatedField(h, createClass, CMS, getJSON), () => null);

listOnlyInLists(CMS, async () => {
  const who = await whoami();
  return who ? `#/collections/profiles/entries/${who.handle}` : null;
});
nameIconButtons(LANG);
fieldsFirst();
tellAfterSave(CMS, LANG, whoami, (text) => YAML.parse(text), getJSON);
nameTheSiteOnLogin();
writeCommitMessages(CMS, LANG, whoami, fromFile);
speakTheSitesLanguage(CMS, LANG);
installGuards(CMS, LANG, whoami, getJSON);
showThread(LANG);
CMS.init();
keepLibraries();

/* Decap and the YAML library kept in the browser by a service worker (editor/worker.js), so
   that the next form opens without fetching 5 MB again. Where the browser offers none (a plain
   http:// host other than this machine), nothing changes. */
function keepLibraries() {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register(new URL("sw.js", import.meta.url)).catch(() => undefined);
}
