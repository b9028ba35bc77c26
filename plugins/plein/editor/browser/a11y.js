/* Names for the controls Decap draws as icons only (WCAG 4.1.2): in a list of links, the
   buttons that fold and remove an item and the handle that drags it. And a 'now' button
   whose English aria-label hides its visible text (2.5.3) is named by that text. React may
   redraw them, so this runs again after every change of the page. */
import { afterEveryRedraw } from "./redraw.js";

const NAMES = {
  nl: { fold: "In- of uitklappen", remove: "Verwijderen", drag: "Verslepen om de volgorde te wijzigen" },
  en: { fold: "Fold or unfold", remove: "Remove", drag: "Drag to change the order" },
};

function name(element, text) {
  if (element && !element.getAttribute("aria-label") && !element.textContent.trim()) {
    element.setAttribute("aria-label", text);
  }
}

function nameAll(words) {
  for (const bar of document.querySelectorAll('[class*="StyledListItemTopBar"]')) {
    const buttons = bar.querySelectorAll(":scope > button");
    if (buttons.length) {
      name(buttons[0], words.fold);
      name(buttons[buttons.length - 1], words.remove);
    }
    name(bar.querySelector('[aria-roledescription="sortable"]'), words.drag);
  }
  for (const button of document.querySelectorAll('button[aria-label$=" to now"]')) {
    const text = button.textContent.trim();
    if (text && !button.getAttribute("aria-label").includes(text)) button.removeAttribute("aria-label");
  }
}

export function nameIconButtons(lang) {
  const words = NAMES[lang] || NAMES.en;
  afterEveryRedraw(() => nameAll(words));
}

/* Decap draws the toolbar, with Opslaan, before the form, so Tab reached Save before any field
   (issue 26). When a form opens, the focus goes to the form itself (not to a field, which
   would open a phone's keyboard): the next Tab is its first field, and Save comes after the
   last. */
const FORM_ROUTE = /^#\/collections\/[^/]+\/(new|entries\/)/;
export function fieldsFirst() {
  let done = "";
  const place = () => {
    if (!FORM_ROUTE.test(location.hash)) { done = ""; return; }
    if (done === location.hash) return;
    const pane = document.querySelector('[class*="ControlPaneContainer"]');
    if (!pane || !pane.querySelector("input, textarea, select, [contenteditable=true]")) return;
    done = location.hash;
    const active = document.activeElement;
    if (active && active !== document.body && pane.contains(active)) return;  // already in the form
    pane.setAttribute("tabindex", "-1");
    pane.style.outline = "none";  // a container, not a control: no focus ring around the form
    pane.focus({ preventScroll: true });
  };
  afterEveryRedraw(place);
  window.addEventListener("hashchange", place);
}
