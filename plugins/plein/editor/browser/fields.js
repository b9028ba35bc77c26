/* Fields shown as staff understand them (config.yml names the widgets):
   - plein-choices: a choice in words ('maandag', 'Wekelijks'), saved as the file's value ('mon',
     'weekly'): checkboxes for several, the browser's own menu for one. Decap's select (react-select)
     named its buttons in English ('Remove mon') and showed the values;
   - plein-hr: a field HR keeps (name, role, team, …), read-only with the reason in an existing
     profile, and the usual widget (`as`) in a new one, which needs them filled in;
   - plein-accepted: the accepted answer chosen from the thread's replies, by author and first
     words (threads/<thread>.json), not by file name.
   Every text is set as text by React. */
import { asList, hideRow, nameOf } from "./names.js";

const WORDS = {
  nl: { none: "—", noReplies: "Nog geen reacties.", gone: "Een reactie die niet meer te zien is" },
  en: { none: "—", noReplies: "No replies yet.", gone: "A reply that is no longer shown" },
};
const NEW = /^#\/collections\/[^/]+\/new(\?|$)/;

function options(field) {
  return asList(field.get("options")).map((o) => (typeof o === "string" ? { label: o, value: o } : o));
}

export function choicesField(h, createClass, lang) {
  const words = WORDS[lang] || WORDS.en;
  return createClass({
    render() {
      const { field, forID, classNameWrapper, onChange } = this.props;
      const all = options(field);
      if (field.get("multiple")) {
        const chosen = new Set(asList(this.props.value));
        const toggle = (value, on) => onChange(all.map((o) => o.value)
          .filter((v) => (v === value ? on : chosen.has(v))));
        return h("div", { className: `${classNameWrapper} plein-choices`, id: forID, role: "group",
                          "aria-label": field.get("label") },
          all.map((o) => h("label", { key: o.value, className: "plein-choice" },
            h("input", { type: "checkbox", value: o.value, checked: chosen.has(o.value),
                         onChange: (ev) => toggle(o.value, ev.target.checked) }),
            " ", o.label)));
      }
      const value = this.props.value || "";
      const required = field.get("required") !== false;
      return h("select", { id: forID, className: `${classNameWrapper} plein-select`, value,
                           onChange: (ev) => onChange(ev.target.value) },
        (!required || !value) ? h("option", { value: "" }, words.none) : null,
        all.map((o) => h("option", { key: o.value, value: o.value }, o.label)));
    },
  });
}

function shownDate(value) {
  const m = /^(\d{4})-(\d\d)-(\d\d)/.exec(String(value || ""));
  return m ? `${m[3]}-${m[2]}-${m[1]}` : String(value || "");
}

export function hrField(h, createClass, CMS) {
  return createClass({
    getInitialState() { return { name: null }; },
    componentDidMount() {
      const as = this.props.field.get("as");
      const kind = { "plein-team": "team", "plein-person": "person" }[as];
      if (kind && this.props.value) nameOf(kind, this.props.value).then((name) => this.setState({ name }));
      if (!this.isNew() && !this.props.value) hideRow(this.el);
    },
    isNew() { return NEW.test(window.location.hash); },
    render() {
      const { field, forID, classNameWrapper, value } = this.props;
      const as = field.get("as");
      if (this.isNew()) {
        const widget = CMS.getWidget(as);
        if (widget) return h(widget.control, this.props);
      }
      const shown = as === "datetime" ? shownDate(value) : (this.state.name || String(value || ""));
      // a read-only text box: labelled by Decap's label, its reason read with it
      return h("div", { className: `${classNameWrapper} plein-readonly`, ref: (el) => { this.el = el; },
                        "data-plein-value": value || "" },
        h("input", { id: forID, type: "text", readOnly: true, value: shown, "aria-describedby": `${forID}-why` }),
        h("small", { id: `${forID}-why`, className: "plein-hint" }, field.get("note")));
    },
  });
}

export function acceptedField(h, createClass, getJSON, lang) {
  const words = WORDS[lang] || WORDS.en;
  return createClass({
    getInitialState() { return { replies: null }; },
    componentDidMount() {
      const m = /^#\/collections\/threads\/entries\/([a-z0-9-]+)\/index/.exec(window.location.hash);
      if (!m) { hideRow(this.el); return; }  // a new question has no replies
      getJSON(`threads/${m[1]}.json`).then((thread) => {
        const replies = (thread && thread.replies) || [];
        this.setState({ replies });
        if (!replies.length && !this.props.value) hideRow(this.el);
      });
    },
    render() {
      const { forID, classNameWrapper, onChange } = this.props;
      const value = this.props.value || "";
      const replies = this.state.replies || [];
      const ref = (el) => { this.el = el; };
      if (this.state.replies && !replies.length && !value) {
        return h("p", { className: classNameWrapper, id: forID, ref }, words.noReplies);
      }
      const known = replies.some(([id]) => id === value);
      return h("select", { id: forID, ref, className: `${classNameWrapper} plein-select`, value,
                           onChange: (ev) => onChange(ev.target.value) },
        h("option", { value: "" }, words.none),
        value && !known ? h("option", { value }, words.gone) : null,
        replies.map(([id, author, start]) => h("option", { key: id, value: id }, `${author}: ${start}`)));
    },
  });
}
