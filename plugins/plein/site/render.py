"""Pages generated from the model, as virtual MkDocs files.

Each generated page is a `File.generated` with a tiny front matter and a `DataPage` that
skips Markdown: its body is rendered from the model by `views` while MkDocs builds the page
(on_page_context) and dropped once written, so memory stays flat at 100,000+ pages.
Record files under content/ are taken out of `files`: they are rendered from the model."""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
import tempfile
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import FileSystemBytecodeCache, select_autoescape
from markupsafe import Markup
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ..model.photos import without_metadata
from ..model.scan import RECORD_DIRS
from . import bodies as B
from . import icons
from . import links as L
from .facts import Facts
from .feeds import atom
from .frames import Frames
from .i18n import Lang
from .languages import Languages
from .moderation import Reports, reports_of
from .insights import csv_file
from .pagecache import ContentFile, PleinFile
from .pagedeps import PageInputs
from .plan import plan
from .sanitize import Sanitizer
from .themejs import ThemeScripts
from .views import Views

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "assets" / "plein"
CSS, JS = "assets/plein/plein.css", "assets/plein/plein.js"
PAGE_TEMPLATE = "plein/framed.html"  # plein/page.html, framed (frames.py)
# Compiled templates differ with autoescape, and Jinja's bytecode cache does not know: files of
# their own, so that bytecode compiled without escaping (before Plein escaped) is never reused.
BYTECODE = "__plein_escaped_%s.cache"


@lru_cache(maxsize=8)
def _site_path(base: str) -> str:
    return urlsplit(base).path


class DataPage(Page):
    """A page whose body comes from the model, not from Markdown."""

    def __init__(self, spec, file, config, meta, nav_title=None):
        super().__init__(nav_title or spec.title, file, config)  # the nav's words win in tabs
        self.spec, self.plein_meta = spec, meta

    def _set_canonical_url(self, base) -> None:
        # Same result as Page's urljoin for a site_url ending in '/', at a fraction of the cost.
        if base and base.endswith("/") and not self.url.startswith(("/", "?", "#")):
            self.canonical_url = base + self.url
            self.abs_url = _site_path(base) + self.url
        else:
            super()._set_canonical_url(base)

    def read_source(self, config) -> None:
        self.markdown, self.meta = "", dict(self.plein_meta)

    def render(self, config, files) -> None:
        self.content = ""  # the real body is made in on_page_context, when the page is written
        self.toc = get_toc([])
        self.present_anchor_ids = set()


class Site:
    def __init__(self, plugin_config, config, root, now):
        self.plugin_config, self.config, self.root, self.now = plugin_config, config, root, now
        self.lang = Lang(plugin_config.language)
        self.forge = L.Forge(plugin_config.forge, config.repo_url, plugin_config.branch, plugin_config.editor)
        self.reports: Reports = reports_of(self.lang, plugin_config, config)
        config.repo_name = L.repo_name(config.repo_name, config.repo_url, plugin_config.forge)
        # no "Made with Material for MkDocs" under every page (a site may still set it): staff
        # have no use for it, and at 15,000 people it was 9 MB of the site (issue 29)
        config.extra.setdefault("generator", False)
        self.sanitizer = Sanitizer(config.markdown_extensions, config.mdx_configs)
        self.cache = Path(config.config_file_path).parent / plugin_config.cache_dir
        for css in (CSS,):
            if css not in config.extra_css:
                config.extra_css.append(css)
        if JS not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(JS)
        self.nav_titles = dict(_nav_titles(config.nav))
        self.languages = Languages(plugin_config.language, self.cache)
        self.views = None
        self.bodies: B.Bodies | None = None  # bodies made on the second CPU (bodies.py)
        self.history = None
        self.handwritten: dict = {}
        self._fragments: dict = {}
        self._bytecode = FileSystemBytecodeCache(_folder(self.cache / "jinja"), BYTECODE)

    def on_env(self, env):
        """MkDocs' Jinja environment, escaping from now on.

        Why autoescape, and not escaping titles before they reach Material: Material prints a
        page's title in a dozen partials (header, <title>, nav, tabs, path, toc, footer), each
        raw, and with its own filters (`striptags` in <title> turns a pre-escaped `&lt;` back into
        `<`). Escaping at the one place every value is printed covers all of them, and the
        partials Material adds later, by construction. What is HTML on purpose is marked so:
        the page body (partials/content.html), the theme's own markup (icons, macros, `tojson`,
        `script_tag`) and the site's `copyright` (mkdocs.yml, reviewed). Text files (robots.txt)
        stay as written."""
        env.autoescape = select_autoescape(disabled_extensions=("txt",), default_for_string=True, default=True)
        if isinstance(self.config.copyright, str):
            self.config.copyright = Markup(self.config.copyright)
        env.globals["plein_once"] = self.once
        if env.bytecode_cache is None:  # compiling Material's templates took a second per build
            env.bytecode_cache = self._bytecode
        env.globals["plein_framed"] = self.frames = Frames(env)
        return env

    def once(self, block: str, page_url: str, caller):
        """A block of Material's page rendered once per folder (see templates/plein/page.html)."""
        key = (block, posixpath.dirname(page_url.rstrip("/")))
        html = self._fragments.get(key)
        if html is None:
            html = self._fragments[key] = caller()
        return html

    # -- files --------------------------------------------------------------------------

    def on_files(self, org, history, files):
        config = self.config
        self.history = history
        facts = self.facts = Facts(org, self.now)
        specs = self._plan(facts)
        generated = {s.src for s in specs}
        kept, handwritten = [], {}
        for f in files:
            if self._is_record(f.src_uri):
                continue
            if f.src_uri in generated:
                if f.src_uri != L.HOME:
                    log.info(f"{f.src_uri}: replaced by the page Plein generates there")
                continue
            kept.append(f)
            if f.is_documentation_page():
                handwritten[f.src_uri] = f.name.replace("-", " ").capitalize()
        # without contact details, photos stay out of the site too
        photos = self._photos(org, kept) if self.plugin_config.show_contact else set()
        self.photo_paths = _photo_paths(org)
        self.handwritten = handwritten
        self.views = self._views(facts, photos)
        # thread pages last: their related content comes from the search's process, which on a
        # first build indexes everything before it knows it; the other pages are made meanwhile
        for spec in sorted(specs, key=lambda s: s.kind == "thread"):
            kept.append(self._page(spec))
        page = next((f for f in kept if f.src_uri == L.INSIGHTS), None)
        self.insights_csv = [csv_file(config, self, page)] if page else []
        kept += self._feeds(facts) + self.insights_csv
        kept += [File.generated(config, CSS, abs_src_path=str(ASSETS / "plein.css")),
                 ContentFile.generated(config, JS, content=self._script()),
                 ContentFile.generated(config, icons.SPRITE, content=icons.sprite(config.theme))]
        self.theme_js = ThemeScripts(config, str(Path(__file__).parent / "templates"))
        kept += [ContentFile.generated(config, path, content=text) for path, text in self.theme_js.files.items()]
        return Files(kept)

    def _script(self) -> str:
        """plein.js, after the one line it needs from the build: where Report links go."""
        reports = self.reports
        setting = {"url": reports.template(), "kinds": reports.kinds(), "site": reports.site} \
            if reports.to else None
        return (f"window.PleinReport = {json.dumps(setting, ensure_ascii=False)};\n"
                + (ASSETS / "plein.js").read_text(encoding="utf-8"))

    def refresh(self, org, pages: dict) -> bool:
        """The model changed but no file did (plein serve, see live): each generated page (in
        `pages`, by source path) gets its new spec. False when the pages or the photos would
        change: a whole build is needed."""
        facts = Facts(org, self.now)
        specs = {s.src: s for s in self._plan(facts)}
        if (specs.keys() != pages.keys() or _photo_paths(org) != self.photo_paths
                or any(s.sources != pages[src].spec.sources for src, s in specs.items())):
            return False  # (sources: their Git dates are in the page's meta)
        self.views = self._views(facts, self.views.photos)
        self.facts = facts
        for src, spec in specs.items():
            pages[src].spec = spec
            pages[src].title = self.nav_titles.get(src) or spec.title
        return True

    def feeds(self):
        """The Atom feeds and the Insights CSV of the current model, as generated files."""
        return self._feeds(self.facts) + self.insights_csv

    def _views(self, facts, photos) -> Views:
        views = Views(facts, self.lang, self.forge, self.sanitizer, self.history, photos,
                      self.config.use_directory_urls, self.now, self.languages)
        views.env.bytecode_cache = self._bytecode
        views.handwritten = self.handwritten
        views.env.globals["insights"] = self.plugin_config.insights
        views.env.globals["show_contact"] = self.plugin_config.show_contact
        views.reports = self.reports
        return views

    def _plan(self, facts) -> list:
        return [s for s in plan(facts, self.lang, self.config.site_name)
                if s.kind != "insights" or self.plugin_config.insights]

    def _is_record(self, src_uri: str) -> bool:
        return any(src_uri.startswith(folder[len("content/"):] + "/")
                   for folder in RECORD_DIRS if folder.startswith("content/"))

    def _page(self, spec) -> File:
        content = f"---\nplein: {spec.kind}\ntitle: {json.dumps(spec.title, ensure_ascii=False)}\n---\n"
        file = PleinFile.generated(self.config, spec.src, content=content, inclusion=InclusionLevel.NOT_IN_NAV)
        meta = {"hide": ["navigation", "toc"], "plein": spec.kind}  # full width; the body is the page
        if spec.src not in self.nav_titles:  # in no tab or nav item: shared parts are cached
            meta["template"] = PAGE_TEMPLATE
        meta.update(self._git_meta(spec.sources))
        DataPage(spec, file, self.config, meta, self.nav_titles.get(spec.src))
        return file

    def _git_meta(self, sources) -> dict:
        found = [h for h in (self.history.for_path(s) for s in sources) if h]
        if not found:
            return {}
        updated = max(h.updated for h in found)
        authors = {}
        for h in sorted(found, key=lambda h: h.updated, reverse=True):
            for name, email in h.authors:
                authors.setdefault(email or name, name)
        return {"plein_updated": self.lang.day(updated), "plein_authors": list(authors.values())}

    def _photos(self, org, files) -> set:
        """Photos re-encoded without metadata (cached by content), as generated files."""
        handles = set()
        for p in org.people.values():
            if not p.photo:
                continue
            raw = (self.root / p.photo).read_bytes()
            cached = self.cache / "photos" / (hashlib.sha256(raw).hexdigest() + ".jpg")
            if not cached.is_file():
                cached.parent.mkdir(parents=True, exist_ok=True)
                # a name of its own: two builds sharing the cache must not write one temp file
                fd, tmp = tempfile.mkstemp(prefix=".photo-", dir=cached.parent)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(without_metadata(self.root / p.photo))
                os.replace(tmp, cached)
            photo = PleinFile.generated(self.config, f"assets/photos/{p.handle}.jpg", abs_src_path=str(cached))
            photo.inputs = ("photo", cached.name)  # copied again only when the photo changed
            files.append(photo)
            handles.add(p.handle)
        return handles

    def _feeds(self, facts):
        config, t, org = self.config, self.lang.t, facts.org
        html = self.views.feed_html
        out = [ContentFile.generated(config, L.FEED, content=atom(
            f"{config.site_name} – {t('news')}", L.FEED, L.NEWS, facts.current, config.site_url,
            self.lang, org, html, config.use_directory_urls, self.plugin_config.timezone))]
        for team in org.teams.values():
            page = L.news_for_team(team.id) if team.id in facts.news_by_team else L.team(team.id)
            out.append(ContentFile.generated(config, L.team_feed(team.id), content=atom(
                f"{config.site_name} – {t('news_for', what=team.name)}", L.team_feed(team.id), page,
                facts.team_feed_news(team.id), config.site_url, self.lang, org, html,
                config.use_directory_urls, self.plugin_config.timezone)))
        return out

    def cache_pages(self, files, cache, related, dirty: bool, memo=None, stop=None, waits=None) -> dict | None:
        """Tell the page cache what every page is made from (see pagecache); returns the
        digests of the records, which `memo` may pass to the next call, or None when `stop()`
        said to stop halfway. `waits(src)`: the page's inputs are not known yet (related
        content still being made in the search's process); they are asked for as it is written."""
        inputs = PageInputs(self.views, related, memo)
        # a build that makes every page needs their fingerprints only for the next build: a
        # copy making bodies (bodies.py) works them out too, after its share of the bodies
        shared = self.bodies if self.bodies is not None and self.bodies.digesting else None

        def of(page, known=None):
            src = page.file.src_uri
            own = known[src] if known is not None and src in known else inputs.digest_of(page.spec)
            return None if own is None else (own, page.title, sorted(page.plein_meta.items()))

        for n, f in enumerate(files):
            if stop is not None and n % 512 == 0 and stop():
                return None
            page = f.page
            if isinstance(page, DataPage) and waits is not None and waits(f.src_uri):
                cache.later(f, lambda page=page: of(page))
            elif isinstance(page, DataPage) and shared is not None:
                cache.after(f, lambda page=page: of(page, shared.digests()))
            elif isinstance(page, DataPage):
                cache.page(f, of(page))
            elif isinstance(f, PleinFile):
                cache.page(f, getattr(f, "inputs", None))
            elif f.is_documentation_page():
                cache.handwritten(f, (f.src_uri, sorted(self._own_meta(f).items())), dirty)
        return inputs.memo

    def nav_page_titles(self, nav) -> list:
        """(source, title) of the pages in the nav, which every page shows."""
        out = []
        for page in nav.pages:
            if not isinstance(page, DataPage) and page.markdown is None:
                page.read_source(self.config)
            out.append((page.file.src_uri, page.title))
        return out

    def read_skipped(self, files) -> None:
        """Hand-written pages a dirty build skips still give their titles to the nav that
        other pages show: read their source (not render it). Then every hand-written page's
        titles are made text (plain_titles)."""
        for f in files.documentation_pages():
            page = f.page
            if page is not None and not isinstance(page, DataPage) and page.markdown is None:
                page.read_source(self.config)
        plain_titles(files)  # (on_env follows, before any page is written)

    # -- pages --------------------------------------------------------------------------

    def share_bodies(self, files, dirty: bool, serving: bool, cpu_free: bool, related=None) -> None:
        """Have a copy of this process make most page bodies, when this build makes many and
        the second CPU is free (bodies.py). Pages whose making is decided as they are written
        (PleinFile.later) are left out: deciding now would wait for the search process."""
        self.stop_bodies()
        pages = [f.page for f in files.documentation_pages() if isinstance(f.page, DataPage)
                 and f.later is None and (not dirty or f.is_modified())]
        if cpu_free and B.possible(len(pages), serving):
            # every page is made: their fingerprints are worked out after them (cache_pages)
            inputs = None if dirty else PageInputs(self.views, related)
            self.bodies = B.Bodies(self.views, pages, inputs)

    def stop_bodies(self) -> None:
        if self.bodies is not None:
            self.bodies.stop()
            self.bodies = None

    def on_page_context(self, context, page):
        if isinstance(page, DataPage):
            body = self.bodies.take(page) if self.bodies is not None else None
            page.content = body if body is not None else self.views.render(page.spec, page.url)
        else:
            page.meta.update(self._own_meta(page.file))
        return context

    def _own_meta(self, file) -> dict:
        """Git dates of a hand-written page."""
        if self.history is None or not file.abs_src_path:
            return {}
        try:
            rel = Path(file.abs_src_path).resolve().relative_to(self.root).as_posix()
        except ValueError:
            return {}
        return self._git_meta((rel,))

    def on_post_page(self, output, page):
        if isinstance(page, DataPage):
            page.content = ""  # written; keep memory flat on large sites
        return output

    def on_post_build(self):
        if self.bodies is not None:
            self.bodies.finish()
            log.info(f"{self.bodies.made} page bodies made on the second CPU")
            self.bodies = None
        self.languages.save()


def plain_titles(files) -> None:
    """The titles of hand-written pages and of their headings, as text, for the escaping
    templates: MkDocs hands over a title from the page's first heading, and every title in its
    table of contents, as the heading's HTML without its tags but with its entities (`A &amp; B`),
    and a page it skipped (dirty build) titled by its `# line` as written. A `title:` in the
    front matter is text already. Called once per build, after every page is read and before
    any is written: each page's title is in the navigation of others."""
    for file in files.documentation_pages():
        page = file.page
        if page is None or isinstance(page, DataPage) or page.markdown is None:
            continue
        if "title" not in page.meta and isinstance(page.title, str):
            page.title = Markup(page.title).striptags()
        stack = list(page.toc or ())
        while stack:
            item = stack.pop()
            item.title = Markup(item.title).striptags()
            stack.extend(item.children)


def _photo_paths(org) -> dict:
    return {p.handle: p.photo for p in org.people.values() if p.photo}


def _folder(path: Path) -> str:
    path.mkdir(parents=True, exist_ok=True)
    return str(path)


def _nav_titles(nav):
    """(source path, title) of every page the `nav:` of mkdocs.yml names with a title."""
    items = nav if isinstance(nav, list) else [nav] if nav else []
    for item in items:
        if isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    yield value, title
                else:
                    yield from _nav_titles(value)
