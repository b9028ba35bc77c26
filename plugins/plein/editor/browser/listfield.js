/* A list field that takes what people type: 'GIS, Python, Planologie' is three items. A comma,
   a semicolon or Enter ends an item, and a pasted list (one per line, or with commas) is split
   the same way. Decap's own list widget kept the typed text as one item, without its commas.

   Topic fields (expertise, ask me about, topics: `topics: true` in config.yml) offer the topics
   colleagues already use (topics.json, most used first) while one types, and a typed spelling
   of a known topic ('gis') becomes the topic's spelling ('GIS'): one topic, not two. The folding
   here is the simple part of plein.model.topics.topic_key (case, accents, spaces, _ - : /);
   validate still reports the near-duplicates it misses.

   The field's value is always the items plus what is being typed, so Save never loses a last
   item that was not yet followed by a comma. */
import { asList } from "./names.js";

const WORDS = {
  nl: { remove: "Verwijder", known: "Bestaande onderwerpen", add: "Toevoegen" },
  en: { remove: "Remove", known: "Topics colleagues use", add: "Add" },
};
const SEPARATOR = /[,;\n\r\t]/;
const MAX = 50;

export function fold(text) {
  return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[\s_\-:/]+/g, "");
}

function tidy(text) {
  return String(text).split(/\s+/).filter(Boolean).join(" ");
}

function parts(text) {
  return String(text).split(SEPARATOR).map(tidy).filter(Boolean);
}

let topics;
function loadTopics(getJSON) {
  if (!topics) {
    topics = getJSON("topics.json").then((rows) => (rows || []).map(([label, spellings]) => ({
      label, keys: new Set([label, ...(spellings || [])].map(fold)),
    })));
  }
  return topics;
}

export function listField(h, createClass, getJSON, lang) {
  const words = WORDS[lang] || WORDS.en;
  return createClass({
    getInitialState() { return { text: "", topics: [] }; },
    componentDidMount() {
      if (this.props.field.get("topics")) loadTopics(getJSON).then((list) => this.setState({ topics: list }));
    },
    items() { return asList(this.props.value).map(String); },
    chosen() {  // the items before what is being typed
      const items = this.items();
      return items.slice(0, items.length - parts(this.state.text).length);
    },
    known(item) {
      const key = fold(item);
      const topic = this.state.topics.find((t) => t.keys.has(key));
      return topic ? topic.label : item;
    },
    add(list, more) {
      const out = [...list];
      for (const item of more) {
        const named = this.known(item);
        if (!out.some((x) => fold(x) === fold(named)) && out.length < MAX) out.push(named);
      }
      return out;
    },
    type(text) {
      const segments = text.split(SEPARATOR);
      const rest = segments.pop();
      const chosen = this.add(this.chosen(), segments.map(tidy).filter(Boolean));
      this.setState({ text: rest });
      this.props.onChange([...chosen, ...parts(rest)]);
    },
    commit() {
      const chosen = this.add(this.chosen(), parts(this.state.text));
      this.setState({ text: "" });
      this.props.onChange(chosen);
    },
    pick(label) {
      const chosen = this.add(this.chosen(), [label]);
      this.setState({ text: "" });
      this.props.onChange(chosen);
    },
    remove(index) {
      const chosen = this.chosen().filter((_, i) => i !== index);
      this.props.onChange([...chosen, ...parts(this.state.text)]);
    },
    suggestions() {
      const typed = fold(this.state.text);
      if (!typed || !this.state.topics.length) return [];
      const have = new Set(this.chosen().map(fold));
      const starts = [], within = [];
      for (const t of this.state.topics) {
        if (have.has(fold(t.label))) continue;
        const key = fold(t.label);
        if (key.startsWith(typed)) starts.push(t.label);
        else if (key.includes(typed)) within.push(t.label);
        if (starts.length >= 6) break;
      }
      return [...starts, ...within].slice(0, 6);
    },
    render() {
      const chosen = this.chosen();
      const label = this.props.field.get("label");
      const offered = this.suggestions();
      return h("div", { className: `${this.props.classNameWrapper} plein-list`, "data-plein-list": this.props.field.get("name") },
        chosen.length ? h("ul", { className: "plein-chosen" }, chosen.map((item, i) => h("li", { key: `${i}:${item}` },
          h("span", { "data-plein-item": item }, item),
          h("button", { type: "button", onClick: () => this.remove(i), "aria-label": `${words.remove} ${item}` }, "×")))) : null,
        h("input", {
          id: this.props.forID, type: "text", autoComplete: "off", enterKeyHint: "enter", value: this.state.text,
          "aria-label": label,
          onChange: (ev) => this.type(ev.target.value),
          onKeyDown: (ev) => {
            if (ev.key === "Enter") { ev.preventDefault(); this.commit(); }
            if (ev.key === "Backspace" && !this.state.text && chosen.length) this.remove(chosen.length - 1);
          },
          onPaste: (ev) => {
            const pasted = ev.clipboardData && ev.clipboardData.getData("text");
            if (pasted && SEPARATOR.test(pasted)) {
              ev.preventDefault();
              this.type(`${this.state.text}${pasted},`);
            }
          },
          onBlur: () => { if (parts(this.state.text).length) this.commit(); },
          onFocus: this.props.setActiveStyle,
        }),
        offered.length ? h("div", { className: "plein-offered" },
          h("p", { className: "plein-hint" }, words.known),
          h("ul", null, offered.map((topic) => h("li", { key: topic },
            h("button", { type: "button", "data-plein-topic": topic, onMouseDown: (ev) => ev.preventDefault(),
                          onClick: () => this.pick(topic) }, topic))))) : null);
    },
  });
}

export function listPreview(h) {
  return (props) => h("span", null, asList(props.value).join(", "));
}
