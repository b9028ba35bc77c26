"""The MkDocs plugin `plein`: wiring only. Work is done by the model (load, validate), the
site (pages), git (history), search (the static search index) and serve (live edits)."""
from __future__ import annotations

import logging
import os
import time
from datetime import datetime
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger

from .config.settings import PUBLISH_DEFAULT, PUBLISH_KINDS
from .editor.site import EditorSite
from .git import log as gitlog
from .model import problems as report
from .model.clock import DEFAULT_ZONE, local_now
from .model.convert import Bad
from .model.load import load_results
from .model.parsecache import ParseCache
from .model.validate import check
from .search.site import SiteSearch
from .serve.live import Live
from .serve.watch import Changes, watch_natively
from .site import linkcheck
from .site.csp import PagePolicy
from .site.horizon import next_change
from .site.pagecache import PageCache, build_key
from .site.publish import link_base, minify, precompress, public_warning, site_listing, site_url
from .site.render import Site

log = get_plugin_logger(__name__)
TEMPLATES = Path(__file__).parent / "site" / "templates"


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
    publish = c.ListOfItems(c.Choice(PUBLISH_KINDS), default=list(PUBLISH_DEFAULT))
    """Kinds that go live without a moderator when they are the pusher's own; [] sends all to review."""
    communications_usernames = c.ListOfItems(c.Type(str), default=[])
    """Forge usernames of the communications group: their news goes live without a moderator."""
    publish_per_hour = c.Type(int, default=10)
    """More of one person's own contributions than this within an hour go to a moderator (floods)."""
    report_to = c.Choice(("issues", "mail"), default="issues")
    """Where a "Report" link goes: an issue on the forge (`repo_url`), or mail to `moderators_email`."""
    moderators_email = c.Optional(c.Type(str))
    """The moderators' e-mail address: "Report" mails go here (without an issue tracker)."""
    git = c.Type(bool, default=True)
    """Read Git history for 'last updated', contributors and recent changes."""
    search = c.Type(bool, default=True)
    """Write Plein's static search index and use it in the header search box."""
    cache_dir = c.Type(str, default=".plein-cache")
    """Where unchanged work is kept between builds, relative to mkdocs.yml."""
    editor = c.Type(bool, default=True)
    """Add the web editor (Decap CMS) at bewerken/: forms for profiles, questions, replies and more."""
    editor_app_id = c.Optional(c.Type(str))
    """GitLab: the application id of the editor's OAuth application (PKCE, scope api)."""
    editor_auth_url = c.Optional(c.Type(str))
    """GitHub: the address of the OAuth server the editor logs in through."""
    editor_modules = c.Type(str, default="node_modules")
    """Where npm installed decap-cms and yaml (`npm ci`), relative to mkdocs.yml."""
    timezone = c.Type(str, default=DEFAULT_ZONE)
    """Time zone of the dates in the files (an IANA name): scheduling, expiry and feeds use it."""
    access_controlled = c.Type(bool, default=False)
    """true when only staff can open the published site (e.g. GitLab Pages access control)."""
    show_contact = c.Type(bool, default=True)
    """false leaves e-mail, phone, chat, office days and photos out of the published site."""
    minify = c.Type(bool, default=False)
    """Leave out of each page what a browser ignores (minify-html, in the `site` extra)."""
    precompress = c.Type(bool, default=False)
    """Write a .gz copy beside each text file, for servers that send it (GitLab Pages, nginx)."""
    check_links = c.Type(bool, default=False)
    """Check every link and anchor of the built site; a broken one fails the build (the pipelines)."""
    topic_synonyms = c.Type(dict, default={})
    """More spellings of one topic, beside the built-in ones (k8s: kubernetes): one page, facet and search."""
    hr = c.Type(dict, default={})
    """`plein import`: CSV columns, LDAP base, filter and attributes, HR-owned fields, max_leavers."""
    insights = c.Type(bool, default=True)
    """Make the Insights page (participation figures) and its CSV; with false, also take
    `insights/index.md` out of `nav`."""


class ContentErrors(PluginError):
    def __init__(self, text: str):
        super().__init__("plein: the content has errors; nothing was built.\n" + text)
        self.text = text


class _DirtyNotice(logging.Filter):
    """MkDocs warns that a dirty build may be stale; Plein's page cache makes it exact."""

    def filter(self, record):
        return not str(record.msg).startswith(("A 'dirty' build is being performed",
                                               "The directory contains stale files"))


class PleinPlugin(BasePlugin[_PluginConfig]):
    dirty = serving = False
    live = results = until = None

    def on_startup(self, command, dirty):
        # also keeps this plugin alive between the builds of `mkdocs serve`
        self.dirty, self.serving = dirty, command == "serve"
        build_log = logging.getLogger("mkdocs.commands.build")
        if dirty and not any(isinstance(f, _DirtyNotice) for f in build_log.filters):
            build_log.addFilter(_DirtyNotice())

    def on_config(self, config):
        self.began = time.time_ns()  # no page this build writes is older (site.linkcheck)
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        self.now = self._now()
        config.site_url = site_url(config.site_url)
        warning = public_warning(config.site_url, self.config.access_controlled)
        if warning:
            log.warning(warning)
        config.theme.dirs.insert(0, str(TEMPLATES))  # our templates win over Material's
        self.site = Site(self.config, config, self.root, self.now)
        self.search = SiteSearch(self.config, config, self.root)
        self.search.on_config(config)
        self.editor = EditorSite(self.config, config, self.root, self.serving) if self.config.editor else None
        return config

    def _now(self) -> datetime:
        try:
            return local_now(self.config.timezone, self.config.now)
        except Bad as bad:
            option = "now" if self.config.now and "zone" not in bad.message else "timezone"
            raise PluginError(f"plein: option '{option}': {bad.message}; {bad.hint}") from None

    @event_priority(50)  # before other plugins, so they see Plein's pages
    def on_files(self, files, config):
        self.live = None
        self.cache_dir = Path(config.config_file_path).parent / self.config.cache_dir
        cache = ParseCache(self.cache_dir)
        org, problems, self.results = load_results(self.root, cache)
        if not self.search.start(config, beside=not self.serving, org=org, cache=cache):
            cache.save()
        org = self.accept(org, problems)
        history = gitlog.scan(self.root) if self.config.git else gitlog.History.empty()
        if history.warning:
            log.warning(history.warning)
        files = self.site.on_files(org, history, files)
        for file in self.editor.files(org) if self.editor else ():
            files.append(file)
        files = self.search.on_files(org, files, config, cache.digest_of)
        if not self.dirty:  # every page is made: their bodies may start now, beside on_nav
            self._share_bodies(files, every=True)
        return files

    def _share_bodies(self, files, every: bool):
        """Page bodies made on the second CPU (site/bodies.py) when it is free; when `every`
        page is made, their fingerprints too (made before the first page is written otherwise)."""
        self.site.share_bodies(files, not every, self.serving, cpu_free=not self.search.busy(),
                               related=self.search.page_inputs)

    def accept(self, org, problems, only=None):
        """Validate the model; its warnings (about the files in `only`, if given) are logged,
        errors stop the build. Returns the Org with the site's topic synonyms."""
        org = org.with_topic_synonyms(self.config.topic_synonyms)
        check(org, problems)
        for warning in (p for p in problems if p.severity != "error"):
            if only is None or warning.path in only:
                (log.info if warning.severity == "notice" else log.warning)(str(warning))
        if problems.errors:
            raise ContentErrors(report.to_text(problems.errors))
        self.org = org
        return org

    def on_nav(self, nav, config, files):
        self.nav = nav
        # the titles of the nav's pages are on every page: part of the key of all of them
        key = build_key(config, self.config, (sorted(self.site.handwritten), self.site.nav_page_titles(nav)))
        self.pages = PageCache(config.site_dir, self.cache_dir, key, persist=not self.serving)
        if self.dirty and self.pages.fresh:  # a new key: every page is made, as in on_files
            self._share_bodies(files, every=True)
        self.memo = self.site.cache_pages(files, self.pages, self.search.page_inputs, self.dirty,
                                          waits=self.search.waits)
        return nav

    def on_env(self, env, config, files):
        self.files = files
        self.pages.begin(files, self.dirty)
        self.search.may_write()  # the export, in the search's own process, may write now
        self.site.read_skipped(files)
        if self.dirty:
            log.info(f"{self.pages.made} of {self.pages.seen} generated files made again"
                     + (f", {self.pages.waiting} more decided as they are written" if self.pages.waiting else ""))
        self.env = self.site.on_env(env)
        env.globals["plein_csp"] = PagePolicy(config, self.config, self.serving)  # templates/main.html
        env.globals["plein_theme"] = self.site.theme_js  # the theme's scripts as files (site/themejs.py)
        if self.dirty and self.site.bodies is None:  # which pages are made is known now
            self._share_bodies(files, every=False)
        return self.env

    def on_page_context(self, context, page, config, nav):
        context = self.site.on_page_context(context, page)
        return self.search.on_page_context(context, page, config)

    def on_post_page(self, output, page, config):
        output = self.site.on_post_page(output, page)
        return minify(output) if self.config.minify else output

    def on_post_build(self, config):
        self.until = next_change(self.org, self.now)  # the clock changes nothing before (plein build)
        self.pages.commit(self.files)
        self.site.on_post_build()
        listing = None  # one walk of the site for the link check and the precompression
        if self.config.check_links and not self.serving:
            listing = site_listing(config.site_dir, skip=self.search.folders)
            self._check_links(config, listing)  # while the search's process writes its export
        self.search.on_post_build(self.org, config)
        if self.config.precompress and not self.serving:
            made, size = precompress(config.site_dir, listing=listing, fresh=self.search.folders)
            log.info(f"{made} files compressed again; the .gz copies take {size / 1e6:.1f} MB")
        if self.serving:
            self.live = Live.after(self, config, self.nav, self.files, self.env, self.results)
        self.results = None

    def _check_links(self, config, listing):
        base = link_base(config.site_url)  # the live site's path, in a merge request's build too
        broken = linkcheck.check_once(Path(config.site_dir), base, self.cache_dir / "links-checked.txt",
                                      skip=self.search.folders, since=self.began, listing=listing)
        if broken:
            sources = {f.dest_uri: self._source(f, config) for f in self.files if f.is_documentation_page()}
            raise PluginError(f"plein: {len(broken)} broken links in the built site:\n"
                              + linkcheck.report(broken, sources))

    @staticmethod
    def _source(file, config) -> str | None:
        """The file a page's links were written in: its Markdown, or the one record it shows."""
        if file.generated_by is None:
            return f"{Path(config.docs_dir).name}/{file.src_uri}"
        sources = getattr(getattr(file.page, "spec", None), "sources", ())
        return sources[0] if len(sources) == 1 else None

    def on_serve(self, server, config, builder):
        """Edits of existing record files update the served site without a whole build (live)."""
        watched = [config.docs_dir, config.config_file_path, *config.watch, *config.theme.dirs]
        profiles = self.root / "profiles"
        if profiles.is_dir() and str(profiles) not in map(os.path.abspath, config.watch):
            server.watch(str(profiles))  # outside docs_dir: also for `mkdocs serve`
            watched.append(str(profiles))
        self.changes = Changes(self.root, ignore=(self.cache_dir, config.site_dir, self.root / ".git"))
        watch_natively(server, sorted({os.path.abspath(p) for p in watched if p and os.path.exists(p)}),
                       self.changes)
        server.builder = self.changes.builder(server.builder, self._update)
        return server

    def _update(self, paths) -> bool:
        if self.live is None:
            return False
        if paths is not None and self.live.update(paths):
            return True
        self.live.stop()  # a whole build follows, and makes its own
        self.live = None
        return False

    def on_build_error(self, error):
        if getattr(self, "search", None) is not None:  # (none when the configuration failed)
            self.search.stop()  # a failed build's search process ends with it
            self.site.stop_bodies()

    def on_shutdown(self):
        if self.live is not None:
            self.live.stop()
