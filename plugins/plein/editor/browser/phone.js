/* The login screen carries the intranet's name, not Decap's logo (editor.css hides the logo).
   The name is the site's: the page's title is "Bewerken — <site_name>" (editor/site.py, the
   label 'page_title'), so it is the part after the first " — ". Set with textContent: a
   site name is text, whatever it holds. Decap may draw the login screen again (after a log
   out), so this runs on every change of the page, and only adds the name where it is missing. */
import { afterEveryRedraw } from "./redraw.js";

const DASH = " — ";

function siteName() {
  const title = document.title || "";
  const at = title.indexOf(DASH);
  return (at < 0 ? title : title.slice(at + DASH.length)).trim();
}

function nameLogin() {
  const name = siteName();
  if (!name) return;
  for (const page of document.querySelectorAll('[class*="StyledAuthenticationPage"]')) {
    if (page.querySelector(":scope > .plein-site-name")) continue;
    const heading = document.createElement("h1");
    heading.className = "plein-site-name";
    heading.textContent = name;
    page.prepend(heading);
  }
}

export function nameTheSiteOnLogin() {
  afterEveryRedraw(nameLogin);
  nameLogin();
}
