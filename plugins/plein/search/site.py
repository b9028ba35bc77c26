"""The site's search: Plein's box in the header instead of Material's lunr search, the
static index it reads (written after the build), and related content on thread pages.

The Whoosh index is kept in the cache folder and updated incrementally on each build;
`plein search` and `plein who-knows` use the same index (search.store)."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File

from ..errors import FatalError
from ..site import links as L
from ..site.pagecache import ContentFile
from .store import Store, cache_folder

log = get_plugin_logger(__name__)
ASSETS = Path(__file__).parent / "browser"  # the browser side of search
CSS = ("assets/search/search.css",)
# the words of the search box: one cached file, not 750 bytes on each of 70,000 pages at L
WORDS = "assets/search/words.js"
JS = ("assets/search/engine.js", WORDS, "assets/search/search.js", "assets/search/directory.js")
# What pages load: the four above in one file, one <script> instead of four on each of 49,000
# pages (7 MB at 15,000 people, issue 29). engine.js stays a file of its own for the editor.
BUNDLE = "assets/search/plein-search.js"
OUT = "plein-search"

STRINGS = {
    "nl": {"label": "Zoeken", "reset": "Wissen", "placeholder": "Zoek mensen, nieuws en discussies",
           "short": "Typ minstens twee letters", "none": "Niets gevonden",
           "none_filtered": "Niets gevonden met deze filters", "one": "1 resultaat",
           "other": "# resultaten", "more": "Meer resultaten", "error": "Zoeken lukt nu niet",
           "alumnus": "oud-collega",
           "kinds": {"person": "Mensen", "team": "Teams", "news": "Nieuws", "thread": "Discussies",
                     "update": "Updates"},
           "facets": {"kind": "Soort", "team": "Team", "location": "Locatie", "topic": "Expertise"}},
    "en": {"label": "Search", "reset": "Clear", "placeholder": "Search people, news and discussions",
           "short": "Type at least two letters", "none": "Nothing found",
           "none_filtered": "Nothing found with these filters", "one": "1 result",
           "other": "# results", "more": "More results", "error": "Search is not available right now",
           "alumnus": "alumnus",
           "kinds": {"person": "People", "team": "Teams", "news": "News", "thread": "Discussions",
                     "update": "Updates"},
           "facets": {"kind": "Kind", "team": "Team", "location": "Location", "topic": "Expertise"}},
}


class SiteSearch:
    def __init__(self, plugin_config, config, root):
        self.plugin_config, self.root = plugin_config, Path(root)
        self.enabled = bool(plugin_config.search)
        self.language = plugin_config.language
        self.store: Store | None = None
        self.threads: dict = {}  # source path of a thread page -> thread id
        self._related = None
        self._template = None
        self._beside = None  # search.follow.Beside: the search side of a build, in its own process
        self.now: datetime | None = None

    def on_config(self, config) -> None:
        if not self.enabled:
            return
        material = config.plugins.get("material/search") or config.plugins.get("search")
        if material is not None and getattr(material.config, "enabled", True):
            log.info("Material's search plugin is on, so Plein's search is off; remove 'search' "
                     "from 'plugins' in mkdocs.yml to use Plein's search")
            self.enabled = False
            return
        config.extra["plein_search"] = {"strings": STRINGS[self.language]}
        config.extra_css.extend(c for c in CSS if c not in config.extra_css)
        if BUNDLE not in config.extra_javascript:
            config.extra_javascript.append(BUNDLE)

    def _now(self) -> datetime:
        from ..model.clock import local_now
        return local_now(self.plugin_config.timezone, self.plugin_config.now)

    def start(self, config, beside: bool, org=None, cache=None) -> bool:
        """Start the search side of a one-shot build (`beside`) in a process of its own
        (search.follow.Beside), as soon as the files are loaded (`org`, not yet validated,
        with the parse cache `cache`): it works while this process validates the model and
        makes the pages (issue 29). True when it saves the parse cache (Beside)."""
        self.stop()
        self.now = self._now()
        if self.enabled and beside:
            from .follow import Beside
            self._beside = Beside({**self.follow(config, self.now), "now": self.now, "check": False}, org, cache)
            return cache is not None
        return False

    def on_files(self, org, files, config, digests=None):
        """`digests`: the parse cache's, for the index's fingerprint (search.store.Store)."""
        if not self.enabled:
            return files
        self.store = Store(self._folder(config), self.language, org, self.now, self.root, digests)
        self.threads = {L.thread(t): t for t in org.threads}
        self._related = None
        self._template = None
        for theirs in [f for f in files if _materials_search(f.src_uri)]:
            files.remove(theirs)
        for name in (*CSS, "assets/search/engine.js"):
            files.append(File.generated(config, name, abs_src_path=str(ASSETS / Path(name).name)))
        words = json.dumps(STRINGS[self.language], ensure_ascii=False)
        parts = [f"window.PleinSearchWords = {words};\n" if name == WORDS
                 else (ASSETS / Path(name).name).read_text(encoding="utf-8") for name in JS]
        files.append(ContentFile.generated(config, BUNDLE, content=";\n".join(parts)))
        return files

    def follow(self, config, now: datetime):
        """What the search process needs to follow the files (search.follow), or None when
        search is off."""
        if not self.enabled:
            return None
        return {"root": str(self.root), "cache_dir": str(Path(config.config_file_path).parent
                                                        / self.plugin_config.cache_dir),
                "folder": str(self._folder(config)), "language": self.language,
                "now": f"{now:%Y-%m-%d %H:%M}", "out": str(Path(config.site_dir) / OUT),
                "show_contact": bool(self.plugin_config.show_contact),
                "topic_synonyms": dict(self.plugin_config.topic_synonyms)}

    def _folder(self, config) -> Path:
        try:
            return cache_folder(Path(config.config_file_path).parent, self.plugin_config.cache_dir,
                                self.root, config.docs_dir)
        except FatalError as err:
            raise PluginError(f"plein: {err}") from None

    def adopt(self, related, org) -> None:
        """Related content of thread pages comes from the search process now."""
        self._related = related
        self.threads = {L.thread(t): t for t in org.threads}

    def related(self, thread_id: str):
        """Similar threads and people to ask for one thread (all computed on first use)."""
        if self.store is None:
            return None
        if self._related is None and self._beside is not None:
            self._related = _said(self._beside.related)
        elif self._related is None:
            from .related import for_threads
            self._related = for_threads(self.store.org, self.store.engine())
        return self._related.get(thread_id)

    def page_inputs(self, src: str):
        """What search adds to a page (related content of a thread), for the page cache."""
        thread_id = self.threads.get(src) if self.enabled else None
        return self.related(thread_id) if thread_id else None

    def busy(self) -> bool:
        """The search process is still indexing: the second CPU is taken (site.bodies)."""
        if self._beside is None or self._related is not None or self.store is None:
            return False
        if not self._beside.ready():
            return True
        self._related = _said(self._beside.related)
        return False

    def waits(self, src: str) -> bool:
        """The page's related content is still being made in the search's process."""
        return self._related is None and self._beside is not None and src in self.threads

    def on_page_context(self, context, page, config):
        """Thread pages get 'Related' below the replies (partials/search-related.html)."""
        thread_id = self.threads.get(page.file.src_uri) if self.enabled else None
        related = self.related(thread_id) if thread_id else None
        if related and (related.threads or related.people):
            if self._template is None:  # one Jinja environment for all thread pages
                self._template = config.theme.get_env().get_template("partials/search-related.html")
            html = self._template.render(
                related=related, strings=STRINGS[self.language], base_url=context.get("base_url", "."))
            page.content = (page.content or "") + html
        return context

    def on_post_build(self, org, config) -> None:
        if not self.enabled or self.store is None:
            return
        if self._beside is not None:
            beside, self._beside = self._beside, None
            _said(beside.finish)
            return
        from .export import export_org
        export_org(self.store.engine(), Path(config.site_dir) / OUT, org,
                   show_contact=bool(self.plugin_config.show_contact), docs=self.store.documents)

    @property
    def folders(self) -> tuple[str, ...]:
        """The site's folders this part writes, from its own process in a build: no page links
        into them, scripts read them (site.linkcheck checks the pages meanwhile)."""
        return (OUT,) if self.enabled else ()

    def may_write(self) -> None:
        """The site folder is ready for the export (site.pagecache.PageCache.begin has run)."""
        if self._beside is not None:
            self._beside.go()

    def stop(self) -> None:
        """End the search process of a build that failed."""
        if self._beside is not None:
            beside, self._beside = self._beside, None
            beside.stop()


def _said(wait):
    """What the search process gives, or its error as the build's (MkDocs shows it plainly)."""
    try:
        return wait()
    except FatalError as err:
        raise PluginError(f"plein: {err}") from None


def _materials_search(src_uri: str) -> bool:
    """Material's search (lunr, its languages, its worker) and the theme's source maps: Plein's
    search replaces the first, and no reader needs the maps; 2.5 MB of every site."""
    return src_uri.startswith(("assets/javascripts/lunr/", "assets/javascripts/workers/")) \
        or (src_uri.startswith("assets/javascripts/") and src_uri.endswith(".map"))
