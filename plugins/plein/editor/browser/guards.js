/* The form refuses, before Save and in plain words, what the publishing policy would refuse
   (plugins/plein/policy/, model/validate.py): someone else's profile, kudos to yourself, to
   someone who did not opt in (also from a constructed address, #/collections/kudos/new?to=…)
   or to nobody, a title or text of only spaces, a text over its length (with how long it is),
   and a photo that is not a PNG or JPEG (by its first bytes, before the upload). The review
   still refuses each of these when someone gets past the form (tests/cases/editor-refusals/).

   How, with Decap's public API only:
   - the widgets people type in are registered again around Decap's own (CMS.getWidget,
     CMS.registerWidget), adding isValid: Decap calls it with its own checks of a field, and
     shows its message under the field and refuses the Save;
   - Decap's phrases for required fields and patterns are put in plain words (CMS.registerLocale):
     a pattern's message from config.py (editor/messages.py) is shown as it is;
   - a preSave listener checks once more, for whatever a form did not show;
   - the local backup: Decap restores a new entry's backup, then overwrites it with the empty
     draft it was still making (Editor.js: createEmptyDraft resolves after getMedia), so the
     text came back empty. The wrapped widgets put the backup's values back until the person
     changes them. And a reply keeps the discussion it belongs to from its address.
   Every text is set with textContent. */

const WORDS = {
  nl: {
    others_profile: "Dit is het profiel van {name}. Je kunt alleen je eigen profiel bewerken; vraag {name} of een moderator om deze wijziging.",
    nobody_profile: "Je account hoort bij geen profiel op het intranet, dus je kunt dit profiel niet opslaan. Vraag de moderatoren je gebruikersnaam aan je profiel toe te voegen.",
    kudos_self: "Kudos geef je aan een collega, niet aan jezelf.",
    kudos_not_opted_in: "{name} wil geen kudos ontvangen. Geef ze aan een andere collega of aan een team.",
    kudos_no_recipient: "Kies aan wie je de kudos geeft: een collega of een team.",
    kudos_both: "Kies een collega of een team, niet allebei.",
    blank: "‘{label}’ is leeg: alleen spaties tellen niet.",
    too_long: "‘{label}’ is hoogstens {max} tekens",
    you_have: "je hebt er {count}.",
    not_image: "‘{file}’ is geen foto: alleen PNG- en JPEG-afbeeldingen kunnen. Kies een foto.",
    close: "Sluiten",
    required: "Vul ‘%{fieldLabel}’ in.",
    backup: "Je was hier al iets aan het schrijven dat nog niet is opgeslagen. Wil je dat terugzetten?",
    range_max: "‘%{fieldLabel}’ heeft hoogstens %{maxCount} onderdelen.",
    range_min: "‘%{fieldLabel}’ heeft minstens %{minCount} onderdelen.",
    range_count: "‘%{fieldLabel}’ heeft %{minCount} tot %{maxCount} onderdelen.",
    range_exact: "‘%{fieldLabel}’ heeft precies %{count} onderdelen.",
  },
  en: {
    others_profile: "This is {name}'s profile. You can only edit your own profile; ask {name} or a moderator for this change.",
    nobody_profile: "Your account belongs to no profile on the intranet, so you cannot save this profile. Ask the moderators to add your username to your profile.",
    kudos_self: "Kudos are for a colleague, not for yourself.",
    kudos_not_opted_in: "{name} does not take kudos. Give them to another colleague or to a team.",
    kudos_no_recipient: "Choose who the kudos are for: a colleague or a team.",
    kudos_both: "Choose a colleague or a team, not both.",
    blank: "‘{label}’ is empty: spaces alone do not count.",
    too_long: "‘{label}’ is at most {max} characters",
    you_have: "you have {count}.",
    not_image: "‘{file}’ is not a photo: only PNG and JPEG images will do. Choose a photo.",
    close: "Close",
    required: "Fill in ‘%{fieldLabel}’.",
    backup: "You were writing something here that is not saved yet. Do you want it back?",
    range_max: "‘%{fieldLabel}’ has at most %{maxCount} items.",
    range_min: "‘%{fieldLabel}’ has at least %{minCount} items.",
    range_count: "‘%{fieldLabel}’ has %{minCount} to %{maxCount} items.",
    range_exact: "‘%{fieldLabel}’ has exactly %{count} items.",
  },
};

// where each refusal shows: the field of the form it is about; FORM: the form's first field
// people can type in (a profile's name is HR's, read-only)
const FORM = "*";
const FIELD = { others_profile: FORM, nobody_profile: FORM, kudos_self: "to", kudos_not_opted_in: "to",
                kudos_no_recipient: "to", kudos_both: "to" };
// the widgets people type or pick in: wrapped for the checks and the backup
const TYPED = ["string", "text", "select", "boolean", "datetime", "plein-person", "plein-team", "plein-list", "plein-choices"];
// and Decap's lists and groups of fields (a profile's links, a news item's audience): for the backup
const WRAPPED = [...TYPED, "list", "object"];

function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
}

function blank(value) {
  return typeof value === "string" && value !== "" && value.trim() === "";
}

/* What the policy would refuse about this form, as [{key, field, message}]: a pure function of
   the form (collection, the entry's slug, its fields as plain data), who is logged in (me:
   {handle} or null; undefined while not known yet), who takes kudos (a Set of handles, or
   null while not known), the labels of the fields, and the language. */
export function refusals({ collection, slug, data, me, optedIn, labels = {}, required = [], names = new Map(), lang = "en" }) {
  const words = WORDS[lang] || WORDS.en;
  const out = [];
  const add = (key, values = {}, field = FIELD[key]) => out.push({ key, field, message: fill(words[key], values) });
  if (collection === "profiles" && slug && me !== undefined) {
    if (me === null) add("nobody_profile");
    else if (slug !== me.handle) add("others_profile", { name: data.name || slug });
  }
  if (collection === "kudos") {
    const to = typeof data.to === "string" ? data.to.trim() : "", team = typeof data.to_team === "string" ? data.to_team.trim() : "";
    if (!to && !team) add("kudos_no_recipient");
    else if (to && team) add("kudos_both");
    else if (to && me && to === me.handle) add("kudos_self");
    else if (to && optedIn && !optedIn.has(to)) add("kudos_not_opted_in", { name: names.get(to) || to });
  }
  for (const name of required) {
    if (blank(data[name])) add("blank", { label: labels[name] || name }, name);
  }
  return out;
}

/* The most characters a field's pattern allows, when the pattern is a length rule of
   editor/config.py ('^[^\n]{0,N}$', '^[\s\S]{0,N}$', '^[\s\S]{1,N}$'), else null. */
export function maxLength(pattern) {
  const found = /^\^\[(?:\^\\n|\\s\\S)\]\{[01],(\d+)\}\$$/.exec(pattern || "");
  return found ? Number(found[1]) : null;
}

/* 'too long' in plain words, with how many characters there are (as Python counts them:
   code points). `rule` is the pattern's own message from config.py, when it has one. */
export function tooLong(value, max, label, rule, lang = "en") {
  const words = WORDS[lang] || WORDS.en;
  const count = [...String(value)].length;
  if (count <= max) return null;
  const number = (n) => n.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB");
  const head = (rule || fill(words.too_long, { label, max: number(max) })).replace(/[.\s]+$/, "");
  return `${head}; ${fill(words.you_have, { count: number(count) })}`;
}

/* A photo by its first bytes: 'png', 'jpeg', or null (what Pillow then checks on the server). */
export function imageKind(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((x, i) => b[i] === x)) return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  return null;
}

function say(text, words) {
  let box = document.getElementById("plein-guard");
  if (!box) {
    box = document.createElement("div");
    box.id = "plein-guard";
    box.className = "plein-after-save plein-guard";
    box.setAttribute("role", "alert");
    const message = document.createElement("p");
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = words.close;
    close.addEventListener("click", () => { box.hidden = true; });
    box.append(message, close);
    document.body.append(box);
  }
  box.hidden = false;
  box.querySelector("p").textContent = text;
}

function plain(value) {
  return value && value.toJS ? value.toJS() : value;
}

/* A backup's plain value as Decap's form holds it: lists and maps of Immutable.js, made from
   an empty map of the entry's (Decap does not lend its Immutable.js out otherwise). */
function immutable(value, emptyMap) {
  if (Array.isArray(value)) return emptyMap.toList().push(...value.map((v) => immutable(v, emptyMap)));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).reduce((map, [k, v]) => map.set(k, immutable(v, emptyMap)), emptyMap);
  }
  return value;
}

function route() {
  const found = /^#\/collections\/([^/?]+)\/(?:entries\/([^?]+)|new)(?:\?(.*))?$/.exec(window.location.hash);
  return found ? { collection: found[1], slug: found[2] ? decodeURIComponent(found[2]) : "",
                   query: new URLSearchParams(found[3] || "") } : null;
}

/* Decap keeps its local backups with localForage in IndexedDB ('localforage', store
   'keyvaluepairs', key backup.<collection>[.<slug>]): read here before Decap asks. */
function readBackup(key) {
  return new Promise((resolve) => {
    let request;
    try { request = indexedDB.open("localforage"); } catch (e) { resolve(null); return; }
    request.onerror = () => resolve(null);
    request.onupgradeneeded = () => { request.transaction.abort(); resolve(null); };
    request.onsuccess = () => {
      const db = request.result;
      try {
        const get = db.transaction("keyvaluepairs", "readonly").objectStore("keyvaluepairs").get(key);
        get.onsuccess = () => { db.close(); resolve(get.result || null); };
        get.onerror = () => { db.close(); resolve(null); };
      } catch (e) { db.close(); resolve(null); }
    };
  });
}

export function installGuards(CMS, lang, whoami, getJSON) {
  const words = WORDS[lang] || WORDS.en;
  const h = window.h, createClass = window.createClass;
  const known = { me: undefined, optedIn: null, names: new Map(), nameOf: null };
  import("./names.js").then((m) => { known.nameOf = m.nameOf; }).catch(() => {});  // people by name
  whoami().then((who) => { known.me = who; });
  getJSON("kudos.json").then((list) => { known.optedIn = list ? new Set(list) : null; });

  /* Decap's phrases for its own checks, in plain words */
  for (const code of [lang, "en"]) {
    const phrases = CMS.getLocale(code);
    const widget = phrases && phrases.editor && phrases.editor.editorControlPane && phrases.editor.editorControlPane.widget;
    if (!widget || code !== lang && code !== "en") continue;
    const w = WORDS[code] || words;
    Object.assign(widget, { required: w.required, regexPattern: "%{pattern}", rangeMax: w.range_max,
                            rangeMin: w.range_min, rangeCount: w.range_count, rangeCountExact: w.range_exact });
    if (phrases.editor.editor) phrases.editor.editor.confirmLoadBackup = w.backup;
    CMS.registerLocale(code, phrases);
  }

  /* the local backup: what it held, read before Decap asks; put back after Decap's empty draft */
  const backup = { key: null, data: null, active: null };
  const preload = () => {
    const r = route();
    backup.key = r ? (r.slug ? `backup.${r.collection}.${r.slug}` : `backup.${r.collection}`) : null;
    backup.data = null;
    if (!backup.key) return;
    const key = backup.key;
    readBackup(key).then((found) => {
      if (backup.key !== key || !found || !found.raw) return;
      try { backup.data = CMS.getCustomFormatsFormatters().plein.fromFile(found.raw); } catch (e) { backup.data = null; }
    });
  };
  preload();
  window.addEventListener("hashchange", () => { backup.active = null; preload(); });
  const ask = window.confirm.bind(window);
  window.confirm = (message) => {
    const yes = ask(message);
    if (message === words.backup && yes && backup.data) {
      backup.active = { data: backup.data, typed: new Set(), until: Date.now() + 20000 };
    }
    return yes;
  };

  const situation = (props, value) => {
    const entry = props.getEntry ? props.getEntry() : props.entry;
    const data = { ...(plain(entry && entry.get("data")) || {}) };
    data[props.field.get("name")] = plain(value);
    const collection = entry ? entry.get("collection") : props.collection && props.collection.get("name");
    const fields = props.collection ? plain(props.collection.get("fields")) || [] : [];
    const labels = Object.fromEntries(fields.map((f) => [f.name, f.label || f.name]));
    const required = fields.filter((f) => f.required !== false && ["string", "text"].includes(f.widget)).map((f) => f.name);
    return { collection, slug: entry ? entry.get("slug") : "", data, me: known.me, optedIn: known.optedIn,
             labels, required, names: known.names, lang };
  };
  const topLevel = (props) => !(props.parentIds && props.parentIds.length);

  function check(props) {
    const name = props.field.get("name");
    const value = props.value;
    if (topLevel(props)) {
      const fields = props.collection ? plain(props.collection.get("fields")) || [] : [];
      const first = fields.find((f) => TYPED.includes(f.widget));
      const here = (r) => r.field === name || (r.field === FORM && first && first.name === name);
      const found = refusals(situation(props, value)).find(here);
      if (found) return found;
    } else if (props.field.get("required", true) && blank(value)) {
      return { key: "blank", message: fill(words.blank, { label: props.field.get("label") || name }) };
    }
    const pattern = props.field.get("pattern");
    const max = pattern ? maxLength(pattern.first()) : null;
    if (max !== null && typeof value === "string") {
      const message = tooLong(value, max, props.field.get("label") || name, pattern.last(), lang);
      if (message) return { key: "too_long", message };
    }
    return null;
  }

  function wrap(name) {
    const registered = CMS.getWidget(name);
    if (!registered || registered.control.pleinGuarded) return;
    const { control: Inner, preview, ...rest } = registered;
    const Guarded = createClass({
      displayName: `PleinGuarded(${name})`,
      componentDidMount() {
        this.putBack();
        const found = check(this.props);
        if (found && found.key !== "blank" && found.key !== "too_long") {
          // a refusal shows when the form opens, not only at Save (once Decap holds this control)
          setTimeout(() => { if (this.inner && this.props.validate) this.props.validate(); }, 0);
          const to = typeof this.props.value === "string" ? this.props.value : "";
          if (found.key === "kudos_not_opted_in" && known.nameOf && !known.names.has(to)) {
            known.nameOf("person", to).then((n) => {  // then say it with their name
              if (n && this.inner && this.props.validate) { known.names.set(to, n); this.props.validate(); }
            });
          }
          if (FIELD[found.key] === FORM) say(found.message, words);
        }
      },
      componentDidUpdate() { this.putBack(); },
      putBack() {
        const b = backup.active, field = this.props.field.get("name");
        if (!b || Date.now() > b.until || !topLevel(this.props) || b.typed.has(field) || !(field in b.data)) return;
        const want = b.data[field];
        if (JSON.stringify(plain(this.props.value) ?? null) === JSON.stringify(want ?? null)) return;
        if (want !== null && typeof want === "object" && !name.startsWith("plein-")) {
          const entry = this.props.getEntry ? this.props.getEntry() : this.props.entry;
          this.props.onChange(immutable(want, entry.get("data").clear()));  // as Decap holds them
        } else {
          this.props.onChange(want);
        }
      },
      onChange(value, ...more) {
        // a list's own change stands for its items' (their fields are not top-level)
        if (backup.active && topLevel(this.props)) backup.active.typed.add(this.props.field.get("name"));
        return this.props.onChange(value, ...more);
      },
      isValid() {
        const inner = this.inner && this.inner.isValid ? this.inner.isValid() : true;
        if (inner !== true) return inner;
        const found = check(this.props);
        return found ? { error: { type: "CUSTOM", message: found.message } } : true;
      },
      getValidateValue() {
        // Decap's own pattern check sees the text cut at its length: the message with the
        // count is isValid's, instead of a second one from the pattern
        const value = this.inner && this.inner.getValidateValue ? this.inner.getValidateValue() : this.props.value;
        const pattern = this.props.field.get("pattern");
        const max = pattern ? maxLength(pattern.first()) : null;
        return max !== null && typeof value === "string" && value.length > max ? value.slice(0, max) : value;
      },
      focus(path) {
        if (this.inner && this.inner.focus) this.inner.focus(path);
        else if (this.props.forID) { const el = document.getElementById(this.props.forID); if (el) el.focus(); }
      },
      shouldComponentUpdate(next) {
        if (this.inner && this.inner.shouldComponentUpdate) return this.inner.shouldComponentUpdate(next);
        return this.props.value !== next.value || this.props.classNameWrapper !== next.classNameWrapper
          || this.props.hasActiveStyle !== next.hasActiveStyle;
      },
      render() {
        return h(Inner, { ...this.props, onChange: this.onChange, ref: (r) => { this.inner = r; } });
      },
    });
    Guarded.pleinGuarded = true;
    CMS.registerWidget({ name, controlComponent: Guarded, previewComponent: preview, ...rest });
  }
  for (const name of WRAPPED) wrap(name);

  /* once more at Save: what a form did not show (a field it has no widget for) */
  CMS.registerEventListener({
    name: "preSave",
    handler: async ({ entry }) => {
      let data = entry.get("data");
      const collection = entry.get("collection");
      const r = route();
      if (collection === "replies" && !data.get("_thread") && r && r.query.get("_thread")) {
        data = data.set("_thread", r.query.get("_thread"));  // a restored backup has no '_' fields
      }
      const me = known.me === undefined ? await whoami() : known.me;
      const optedIn = known.optedIn || new Set((await getJSON("kudos.json")) || []);
      const found = refusals({ collection, slug: entry.get("slug"), data: plain(data), me, optedIn, lang });
      if (found.length) {
        say(found[0].message, words);
        throw new Error(found[0].message);
      }
      return data;
    },
  });

  /* a photo by its bytes, before the upload: Decap's media library reads the chosen file on
     its input's change event; a file that is no PNG or JPEG never reaches it */
  window.addEventListener("change", (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
    if (input.dataset.pleinChecked === "yes") { delete input.dataset.pleinChecked; return; }
    const files = [...(input.files || [])];
    if (!files.length) return;
    event.stopImmediatePropagation();
    Promise.all(files.map((f) => f.slice(0, 16).arrayBuffer().then((b) => [f, imageKind(b)]))).then((kinds) => {
      const bad = kinds.find(([, kind]) => !kind);
      if (bad) {
        input.value = "";
        say(fill(words.not_image, { file: bad[0].name }), words);
        return;
      }
      input.dataset.pleinChecked = "yes";
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  }, true);
}
