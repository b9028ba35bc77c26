"""The MkDocs plugin `plein`: wiring only. Work is done by load/validate (the model),
render (pages), gitlog (history) and sitesearch (the static search index)."""
from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from . import gitlog, problems as report
from .convert import Bad, parse_datetime
from .load import load
from .pagecache import PageCache, build_key
from .parsecache import ParseCache
from .render import Site
from .sitesearch import SiteSearch
from .validate import check

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "templates"


class _PluginConfig(base.Config):
    forge = c.Choice(("gitlab", "github"), default="gitlab")
    """Which forge hosts `repo_url`: decides the form of edit and new-file links."""
    branch = c.Type(str, default="main")
    """The default branch that edit links and contributions target."""
    language = c.Choice(("nl", "en"), default="nl")
    """Language of Plein's pages and dates; match `theme.language`."""
    root = c.Optional(c.Type(str))
    """The repository holding profiles/ and content/; default: the folder of mkdocs.yml."""
    now = c.Optional(c.Type(str))
    """Build as if at this time (YYYY-MM-DD HH:MM): scheduled and expired news depend on it."""
    communications = c.Type(str, default="@intranet/communicatie")
    """Forge group of the communications team, which owns news."""
    moderators = c.Type(str, default="@intranet/moderators")
    """Forge group that moderates discussions."""
    git = c.Type(bool, default=True)
    """Read Git history for 'last updated', contributors and recent changes."""
    search = c.Type(bool, default=True)
    """Write Plein's static search index and use it in the header search box."""
    cache_dir = c.Type(str, default=".plein-cache")
    """Where unchanged work is kept between builds, relative to mkdocs.yml."""


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may be stale; Plein's page cache makes it exact."""

    def filter(self, record):
        return not str(record.msg).startswith(("A 'dirty' build is being performed",
                                               "The directory contains stale files"))


class PleinPlugin(BasePlugin[_PluginConfig]):
    dirty = serving = False

    def on_startup(self, command, dirty):
        # also keeps this plugin alive between the builds of `mkdocs serve`
        self.dirty, self.serving = dirty, command == "serve"
        build_log = logging.getLogger("mkdocs.commands.build")
        if dirty and not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
            build_log.addFilter(_DirtyNotice())

    def on_config(self, config):
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.now = self._now()
        config.theme.dirs.insert(0, str(TEMPLATES))  # our templates win over Material's
        self.site = Site(self.config, config, self.root, self.now)
        self.search = SiteSearch(self.config, config, self.root)
        self.search.on_config(config)
        return config

    def _now(self) -> datetime:
        if not self.config.now:
            return datetime.now().replace(second=0, microsecond=0)
        try:
            return parse_datetime(self.config.now)
        except Bad as bad:
            raise PluginError(f"plein: option 'now': {bad.message}; {bad.hint}") from None

    @event_priority(50)  # before other plugins, so they see Plein's pages
    def on_files(self, files, config):
        cache_dir = Path(config.config_file_path).parent / self.config.cache_dir
        cache = ParseCache(cache_dir)
        org, problems = load(self.root, cache)
        cache.save()
        check(org, problems)
        for warning in (p for p in problems if p.severity != "error"):
            log.warning(str(warning))
        if problems.errors:
            raise PluginError("plein: the content has errors; nothing was built.\n"
                              + report.to_text(problems.errors))
        self.org = org
        history = gitlog.scan(self.root) if self.config.git else gitlog.History.empty()
        if history.warning:
            log.warning(history.warning)
        self.cache_dir = cache_dir
        files = self.site.on_files(org, history, files)
        return self.search.on_files(org, files, config)

    def on_nav(self, nav, config, files):
        # the titles of the nav's pages are on every page: part of the key of all of them
        key = build_key(config, self.config, (sorted(self.site.handwritten), self.site.nav_page_titles(nav)))
        self.pages = PageCache(config.site_dir, self.cache_dir, key, persist=not self.serving)
        self.site.cache_pages(files, self.pages, self.search.page_inputs, self.dirty)
        return nav

    def on_env(self, env, config, files):
        self.files = files
        self.pages.begin(files, self.dirty)
        self.site.read_skipped(files)
        if self.dirty:
            log.info(f"{self.pages.made} of {self.pages.seen} generated files made again")
        return self.site.on_env(env)

    def on_page_context(self, context, page, config, nav):
        context = self.site.on_page_context(context, page)
        return self.search.on_page_context(context, page, config)

    def on_post_page(self, output, page, config):
        return self.site.on_post_page(output, page)

    def on_post_build(self, config):
        self.search.on_post_build(self.org, config)
        self.pages.commit(self.files)
