"""The Content-Security-Policy of every page: a second wall should escaping ever fail.

Each page carries it as the first element of <head> (templates/main.html), so it governs
everything after it. Scripts run only from the site itself ('self'): the theme's own inline
scripts are shared files under assets/plein/ (site/themejs.py). Only where they cannot be (a
site with `extra.scope`) is the text of one of the theme's inline scripts allowed by its
sha256 hash.

Which inline scripts are the theme's is decided from the theme's partials, rendered for the
page (their text depends on the page's base_url), never from the page as a whole: hashing
every inline script of the page would also allow one that a colleague's name smuggled in.
A page's other inline scripts are blocked, and the browser reports them. Styles likewise:
'self', plus the hashes of the theme's <style> elements and of those in the body of Plein's
own pages (the Insights charts); Material sets styles from script through the CSSOM, which a
policy does not govern, so no page but the editor's needs 'unsafe-inline' styles.

The hashes are of the final bytes: with the option `minify`, the partials are minified as
the page is (minify-html trims the text of a script). `plein serve` allows inline scripts,
since MkDocs' live reload adds one to every page it serves, with a new text each time; the
web editor's page does not (a reload would lose the form being filled in).

The headers a meta tag cannot set (frame-ancestors, X-Content-Type-Options, Referrer-Policy)
are the web server's: see the help page 'Publiceren'."""
from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

from markupsafe import Markup

META = "Content-Security-Policy"
# <script type> values a browser runs; anything else (JSON, templates) is data, needing no hash
JS_TYPES = {"", "module", "text/javascript", "application/javascript", "application/ecmascript",
            "text/ecmascript", "application/x-javascript", "text/jscript", "text/livescript"}
_HOST = re.compile(r"[a-z0-9.-]+", re.I)  # a host name as a policy may hold it
GITHUB_API = "https://api.github.com"
GITHUB_AVATARS = "https://avatars.githubusercontent.com"


class _Inline(HTMLParser):
    """The text of every inline script that runs and of every <style> element, as the browser
    reads it: inside <svg> and <math> (foreign content) character references in that text are
    decoded, where html.parser keeps them (pygal's chart CSS holds '&gt;')."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._open = None  # (list to add to, parts of the text) while inside one
        self._foreign = 0  # depth of <svg>/<math>

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag in ("svg", "math"):
            self._foreign += 1
        elif tag == "script" and "src" not in found and (found.get("type") or "").strip().lower() in JS_TYPES:
            self._open = (self.scripts, [])
        elif tag == "style":
            self._open = (self.styles, [])

    def handle_startendtag(self, tag, attrs):
        if tag not in ("svg", "math"):  # an empty <svg/> opens nothing
            self.handle_starttag(tag, attrs)
            self.handle_endtag(tag)

    def handle_data(self, data):
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if tag in ("svg", "math"):
            self._foreign = max(0, self._foreign - 1)
        elif self._open is not None and tag in ("script", "style"):
            text = "".join(self._open[1])
            self._open[0].append(unescape(text) if self._foreign else text)
            self._open = None


def inline(html: str) -> tuple[list[str], list[str]]:
    """(scripts, styles): the text of the inline scripts that run and of the <style> elements."""
    parser = _Inline()
    parser.feed(html)
    parser.close()
    return parser.scripts, parser.styles


def source(text: str) -> str:
    """The CSP hash source of a script's or style's text, as the browser hashes it (UTF-8)."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def origin(url: str | None) -> str | None:
    """scheme://host[:port] of an http(s) address, or None (also for one that is not a plain
    host name, which could not be written into a policy)."""
    try:
        parts = urlsplit(url or "")
        host, port = parts.hostname, parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or not _HOST.fullmatch(host) or "@" in parts.netloc:
        return None
    return f"{parts.scheme}://{host}" + (f":{port}" if port else "")


def policy(scripts=(), styles=(), *, forge=None, connect=(), images=(), inline_scripts=False,
           inline_styles=False, eval_=False) -> str:
    """The policy text. `scripts`/`styles` are hash sources; `inline_scripts` allows every
    inline script instead (plein serve: a hash beside 'unsafe-inline' would switch it off)."""
    script = ["'self'", "'unsafe-inline'"] if inline_scripts else ["'self'", *_unique(scripts)]
    script += ["'unsafe-eval'"] if eval_ else []
    style = ["'self'", "'unsafe-inline'"] if inline_styles else ["'self'", *_unique(styles)]
    directives = [
        ("default-src", ["'self'"]),
        ("script-src", script),
        ("style-src", style),
        ("img-src", ["'self'", "data:", *_unique(images)]),
        ("font-src", ["'self'"]),
        ("connect-src", ["'self'", *_unique(connect)]),
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'", *([forge] if forge else [])]),
    ]
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives)


def _unique(values) -> list:
    return list(dict.fromkeys(v for v in values if v))


@lru_cache(maxsize=64)
def _theme(fragment: str, minified: bool) -> tuple[tuple, tuple]:
    """Hash sources of the scripts and styles in the theme's rendered partials (a handful of
    distinct texts per site: one per folder depth)."""
    if minified:
        from .publish import minify
        fragment = minify(fragment)
    scripts, styles = inline(fragment)
    return tuple(map(source, scripts)), tuple(map(source, styles))


class PagePolicy:
    """The Jinja global `plein_csp(theme, page)` that templates/main.html calls: `theme` is the
    theme's partials with inline scripts (and styles), rendered for the page."""

    def __init__(self, config, options, serving: bool):
        self.forge = origin(config.repo_url)
        self.minified, self.serving = bool(options.minify), serving

    def __call__(self, theme: str, page=None) -> str:
        scripts, styles = _theme(theme, self.minified)
        return Markup(policy(scripts, styles + self._own_styles(page), forge=self.forge, inline_scripts=self.serving))

    def _own_styles(self, page) -> tuple:
        """<style> elements in the body of one of Plein's generated pages (the Insights charts,
        whose SVG carries its CSS). Only Plein's code can put one there: staff text is
        sanitised (sanitize.py drops <style>) and the views escape everything else. A
        hand-written page's <style> is not allowed, as a script there would not be."""
        meta = getattr(page, "meta", None) or {}
        content = getattr(page, "content", None) or ""
        if not meta.get("plein") or "<style" not in content:  # (a shortcut: most pages have none)
            return ()
        return _theme(content, self.minified)[1]


def editor_policy(page_html: str, backend: dict, forge: str | None, local: str | None = None) -> str:
    """The policy of the web editor's page (bewerken/), a page of its own outside the theme;
    `forge` is the origin of repo_url.

    Decap CMS talks to the forge's API from the browser, so that API (and only on this page)
    is in connect-src, and the user's avatar comes from the forge. Two exceptions hold for
    this page only, both for Decap: it checks its config with AJV, which compiles its schemas
    with `new Function` ('unsafe-eval': without it Decap stops at "Error compiling schema"),
    and its styles are CSS-in-JS (emotion), <style> elements written at run time whose text
    no build can hash ('unsafe-inline' styles). Scripts still come only from the site's own
    files and the page's one inline line: no outside host, no injected <script>."""
    scripts, _ = inline(page_html)
    connect, images = [], ["blob:"]  # blob: the preview of an image picked for upload
    connect.append("blob:")  # Decap's local backup of a form reads its images back from blob: URLs
    base = origin(backend.get("base_url"))
    if backend.get("name") == "gitlab":
        if base:
            connect += [f"{base}/api/v4/", f"{base}/oauth/token"]  # the API, and PKCE's token exchange
            images.append(base)
    else:
        connect += [GITHUB_API, base]  # base: the OAuth server (editor_auth_url)
        images.append(GITHUB_AVATARS)
    if local:
        connect.append(origin(local))  # plein serve: decap-server, the local backend
    # No live reload here, even under plein serve: reloading would throw away a form being
    # filled in and the sentence after Save, and ask "leave the page?" at every rebuild. The
    # editor shows what it saved itself; MkDocs' inline reload script is refused on this page.
    return policy(map(source, scripts), forge=forge, connect=connect, images=images,
                  inline_scripts=False, inline_styles=True, eval_=True)


def meta(policy_text: str) -> str:
    """The <meta> element carrying a policy (its text holds no '"', '<' or '&')."""
    return f'<meta http-equiv="{META}" content="{policy_text}">'
