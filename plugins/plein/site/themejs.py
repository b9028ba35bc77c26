"""The theme's own inline scripts and its config, as shared files every page points to.

Material writes the same scripts into every page: its helpers (__md_scope, __md_get…) in
<head>, the palette's in the header, the tabs' after the content, and its config (a JSON of
the features, the words of its scripts and two paths) before its bundle: about 2 KB a page,
100 MB of the published site at L (49,000 pages), and three sha256 hashes in every page's
Content-Security-Policy. Here each is a file under assets/plein/, made once a build from
Material's own partials (so the theme's code and words stay its own), and loaded by a
<script src> in the same place (templates/partials/javascripts/*.html, templates/main.html):
the browser runs the same code at the same moment, cached after the first page, and the
policy allows only 'self' scripts.

What depended on the page is computed from the script's own address instead: the site's root
is two folders up from assets/plein/ (`new URL("../..", document.currentScript.src)`), which
is what Material's `new URL(base_url, location)` gives on every page, the 404 page included.
The config is put in the page as Material's element (<script id="__config"
type="application/json">, right after the loading script, before the bundle reads it) with
`base` and `search` as absolute addresses, which Material and Plein's scripts resolve to
the same. A site with `extra.scope` keeps Material's inline helpers (the scope is the
site's); csp.py hashes them as before."""
from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from . import csp

FOLDER = "assets/plein"
PARTS = ("base", "palette", "content")  # Material's partials/javascripts/<part>.html
ROOT = 'new URL("../..",document.currentScript.src)'  # the site's root, from assets/plein/x.js


def path(name: str) -> str:
    return f"{FOLDER}/theme-{name}.js"


class _Json(HTMLParser):
    """The text of the <script id="__config"> of Material's config block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self._in = None, False

    def handle_starttag(self, tag, attrs):
        self._in = tag == "script" and dict(attrs).get("id") == "__config"
        if self._in:
            self.text = ""

    def handle_data(self, data):
        if self._in:
            self.text += data

    def handle_endtag(self, tag):
        self._in = False


class ThemeScripts:
    """The files (path → text) and, for the templates, which parts are shared files."""

    def __init__(self, config, ours: str):
        self.files: dict[str, str] = {}
        dirs = [d for d in config.theme.dirs if Path(d) != Path(ours)]  # Material's, not Plein's
        # Material's partials rendered as MkDocs renders the theme (no autoescape): their input
        # is mkdocs.yml, which goes through review, and base_url; no staff text reaches them
        self._material = Environment(loader=FileSystemLoader(dirs), autoescape=False)
        self._site = config
        self._inline: dict = {}
        scope = (config.extra or {}).get("scope")
        for part in PARTS:
            html = self._render(part, "../..")
            scripts, _ = csp.inline(html)
            if not scripts:
                continue
            text = "\n;".join(scripts)
            if part == "base":
                if scope or text.count('new URL("../..",location)') != 1:
                    continue  # the scope is the site's, or Material's helper changed: inline
                text = text.replace('new URL("../..",location)', ROOT)
            self.files[path(part)] = text + "\n"
        app = self._config(config, config.theme.get_env())
        if app is not None:
            self.files[path("config")] = (
                "(function(){var root=" + ROOT + ".href,c=" + json.dumps(app, sort_keys=True) + ",e="
                "document.createElement(\"script\");c.base=root;c.search=new URL(c.search,root).href;"
                "e.id=\"__config\";e.type=\"application/json\";e.textContent=JSON.stringify(c);"
                "document.currentScript.after(e)})()\n")

    def shared(self, part: str) -> bool:
        """Whether the part is a shared file (else the page keeps Material's inline one)."""
        return path(part) in self.files

    def page(self, part: str, base_url: str, url: str) -> Markup:
        """What a page has for Material's partials/javascripts/<part>.html: the <script src>
        of the shared file (`url`, relative to the page), or Material's inline script."""
        if self.shared(part):
            return Markup('<script src="{}"></script>').format(url)
        key = (part, base_url)
        if key not in self._inline:
            self._inline[key] = Markup(self._render(part, base_url))
        return self._inline[key]

    def _render(self, part: str, base_url: str) -> str:
        config = self._site
        return self._material.get_template(f"partials/javascripts/{part}.html").render(
            config=config, features=config.theme.get("features") or [], base_url=base_url)

    @staticmethod
    def _config(config, env) -> dict | None:
        """Material's config block rendered for the site's root, its paths relative to it."""
        try:
            base = env.get_template("base.html")
            lang = env.get_template("partials/language.html").make_module({"config": config})
            context = base.new_context({"config": config, "base_url": ".", "page": None, "lang": lang,
                                        "features": config.theme.get("features") or []})
            html = "".join(base.blocks["config"](context))
        except Exception:  # another theme, or Material's block changed: the page keeps its own
            return None
        parser = _Json()
        parser.feed(html)
        try:
            app = json.loads(parser.text or "")
        except ValueError:
            return None
        search = app.get("search")
        if app.get("base") != "." or not isinstance(search, str) or not search.startswith("./"):
            return None
        app["search"] = search[2:]
        return app
