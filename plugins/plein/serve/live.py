"""`plein serve` (and `mkdocs serve`): an edit of a record file shown in seconds.

A whole MkDocs build of a large organisation takes a minute or more even when the page
cache skips every page: MkDocs walks all of content/, makes a File and a Page for each
generated page and writes the sitemap. Between builds of the server the plugin therefore
keeps what the last build made (the parse of every file, the files and nav, the Jinja
environment). When only existing record files changed, `Live.update` parses those files
again, makes the model from them and the kept parse of every other file, validates it, and
writes the edited record's own page at once. Then, in the background (`Worker`), it asks
the page cache (pagecache) which generated pages have new inputs and renders only those,
through the theme's template and the plugins' page events, as MkDocs would; then the feeds,
and search with the related content of threads (search.follow, in a process of its own). A
newer edit interrupts that work: it is done again for the newer model. Anything else (a
file added or removed, a photo, a hand-written page, mkdocs.yml, a change to the set of
pages) makes a whole build, as before. What files changed is told by watch."""
from __future__ import annotations

import threading
import time

from mkdocs.commands.build import get_context
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from ..model.load import assemble, parse_files
from ..model.parse import quiet_collector
from ..model.scan import UNSTATED
from ..search.follow import Follower
from ..site.pagecache import PageCache, PleinFile
from ..site.replace import replace_if_changed

log = get_plugin_logger(__name__)


class Live:
    """What the last build of the server made, and how to bring it up to date."""

    def __init__(self, plugin, config, nav, files, env, results):
        self.plugin, self.config, self.nav, self.files, self.env = plugin, config, nav, files, env
        self.root = plugin.root
        self.lock = threading.Lock()  # one renderer of pages at a time
        self.waiting = False  # an edit waits for the lock
        self.whole = False  # only a whole build can follow now
        self.worker = Worker(self._follow)
        self.follower = Follower()
        self.memo = plugin.memo  # digests of records, for the next update (pagedeps)
        self.doc_files = files.documentation_pages()  # as MkDocs' build gives get_context
        self.pages = {f.src_uri: f.page for f in self.doc_files if isinstance(f, PleinFile) and f.page}
        self.parsed = {parsed.record.source.path: parsed for parsed in results}

    @classmethod
    def after(cls, plugin, config, nav, files, env, results):
        """The state after a build, or None when only a whole build can follow it: a file that
        did not load (only a whole build says what it is)."""
        if any(parsed.record is None for parsed in results):
            return None
        return cls(plugin, config, nav, files, env, results)

    def update(self, paths) -> bool:
        """Bring the site up to date with changed files; False: a whole build is needed."""
        start = time.perf_counter()
        todo = self._changed(paths)
        if todo is None or self.whole or not self._same_time():
            return False
        if not todo:
            return True
        fresh = parse_files(self.root, [(rel, str(self.root / rel), UNSTATED) for rel in todo], None, jobs=1)
        self.parsed.update(zip(todo, fresh))
        todo = set(todo)
        with quiet_collector():
            org, problems = assemble(self.root, list(self.parsed.values()), photos_of=todo)
        try:
            org = self.plugin.accept(org, problems, only=todo)
        except PluginError as err:
            log.error("the site still shows the last version without errors; the content has these:\n"
                      + getattr(err, "text", str(err)))
            return True
        self.waiting = True  # the background work gives way
        with self.lock:
            self.waiting = False
            if any(p.record is None for p in fresh) or not self.plugin.site.refresh(org, self.pages):
                return False
            own = [page for src, page in self.pages.items() if not todo.isdisjoint(page.spec.sources)]
            PageCache.forget(self.config.site_dir, {page.file.dest_uri for page in own})
            for page in own:  # the edited record's own page first: the others follow (_follow)
                self._write(page)
            log.info(f"{', '.join(sorted(todo))}: shown in {time.perf_counter() - start:.1f} s; "
                     "the pages that show it follow")
            self.worker.follow(org)
        return True

    def stop(self) -> None:
        """Before a whole build: the background work ends (after its current step)."""
        self.follower.stop()
        self.worker.stop()

    def _follow(self, org) -> bool:
        """Every page whose inputs changed, the feeds, then search and thread pages' related
        content follow the model, in the background: the server shows the edited page
        meanwhile. False if a newer model came (its turn will come)."""
        start = time.perf_counter()
        with self.lock:
            if self._newer():
                return False
            made = self._pages()
            if made is None:  # a file to copy: only a whole build does that, at the next change
                self.whole = True
                log.warning("a file changed that only a whole build copies; it is made at the next change")
                return False
            if made < 0:
                return False
            for feed in self.plugin.site.feeds():
                replace_if_changed(feed.abs_dest_path, feed.content_bytes)
            log.info(f"{made} pages made again in {time.perf_counter() - start:.1f} s")
        settings = self.plugin.search.follow(self.config, self.plugin.now)
        related, problem = self.follower.follow(settings, self._newer) if settings else (None, None)
        with self.lock:  # (and the log in it, so that it comes before a newer edit's)
            if self._newer():  # (also why the search process was ended)
                return False
            if problem:
                log.warning(f"search does not follow this edit: {problem}")
                return False
            made = 0
            if related is not None:
                self.plugin.search.adopt(related, org)
                made = self._pages()
                if made is None or made < 0:
                    return False
            log.info(f"search and related content up to date in {time.perf_counter() - start:.1f} s"
                     f" ({made} pages made again)")
        return True

    def _changed(self, paths):
        """The known record files among the changed paths, or None if anything else changed."""
        todo = []
        for rel in sorted(paths):
            path = self.root / rel
            exists = path.is_file() and not path.is_symlink()
            if rel in self.parsed:
                if not exists:
                    return None  # removed: pages go
                todo.append(rel)
            elif exists or path.exists() or path.is_symlink():
                return None  # added: new pages, or not a record at all
            elif any(known.startswith(rel + "/") for known in self.parsed):
                return None  # a folder of records removed or moved away
            # else a temporary file of an editor that came and went
        return todo

    def _same_time(self) -> bool:
        """Pages depend on the day and on which news is out: when either changed since the
        last whole build, the next is a whole build (it takes the time anew)."""
        now, then = self.plugin._now(), self.plugin.now
        if now.date() != then.date():
            return False
        news = self.plugin.org.news
        return [n.id for n in news if n.published(now)] == [n.id for n in news if n.published(then)]

    def _pages(self) -> int | None:
        """Render the pages whose inputs changed; None if a whole build must copy a file,
        -1 if a newer edit came meanwhile (it will do this again)."""
        plugin, files, config = self.plugin, self.files, self.config
        old = plugin.pages
        cache = PageCache(config.site_dir, old.path.parent.parent, old.key, persist=False, outputs_kept=True)
        if cache.fresh:  # the record of the output folder is gone: only a whole build may start afresh
            return None
        memo = plugin.site.cache_pages(files, cache, plugin.search.page_inputs, True, self.memo, self._newer)
        if memo is None:
            return -1
        self.memo = memo
        made = [f for f in files if isinstance(f, PleinFile) and f.changed]
        if any(f.page is None for f in made):  # a photo: copied by a whole build
            return None
        cache.begin(files, True)  # the pages about to be made leave the record first
        for f in made:
            if self._newer():
                return -1
            self._write(f.page)
        cache.commit(files)
        plugin.pages = cache
        return len(made)

    def _newer(self) -> bool:
        """An edit is waiting to be shown, or a newer model to be followed."""
        return self.waiting or self.worker.newer()

    def _write(self, page) -> None:
        try:
            self._render(page)
        except Exception as err:  # noqa: BLE001 - said as which page failed, never as a traceback
            raise PluginError(f"plein: page '{page.file.src_uri}' (from {', '.join(page.spec.sources) or 'the model'})"
                              f" could not be made: {type(err).__name__}: {err}") from None

    def _render(self, page) -> None:
        """One page as MkDocs' build writes it (mkdocs.commands.build), with the same events."""
        config, files, plugins = self.config, self.files, self.config.plugins
        page = plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
        page.content = plugins.on_page_content(page.content, page=page, config=config, files=files)
        page.active = True
        try:
            context = get_context(self.nav, self.doc_files, config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = plugins.on_page_context(context, page=page, config=config, nav=self.nav)
            output = plugins.on_post_page(template.render(context), page=page, config=config)
        finally:
            page.active = False
        replace_if_changed(page.file.abs_dest_path, output.encode("utf-8", errors="xmlcharrefreplace"))


class Worker:
    """One background thread doing `job` for the latest model it was given."""

    def __init__(self, job):
        self.job = job
        self.cond = threading.Condition()
        self.latest = None
        self.stopped = False
        self.thread = None

    def follow(self, org) -> None:
        with self.cond:
            self.latest = org
            self.cond.notify_all()
        if self.thread is None:
            self.thread = threading.Thread(target=self._run, name="plein-live", daemon=True)
            self.thread.start()

    def newer(self) -> bool:
        """A newer model is waiting, or the work must stop: drop the current one."""
        with self.cond:
            return self.latest is not None or self.stopped

    def stop(self) -> None:
        with self.cond:
            self.stopped = True
            self.cond.notify_all()
        if self.thread is not None:
            self.thread.join()

    def _run(self) -> None:
        while True:
            with self.cond:
                self.cond.wait_for(lambda: self.latest is not None or self.stopped)
                if self.stopped:
                    return
                org, self.latest = self.latest, None
            try:
                self.job(org)
            except Exception as err:  # noqa: BLE001 - a background job: say what failed, as a build would
                detail = str(err) if isinstance(err, PluginError) else f"{type(err).__name__}: {err}"
                log.error(f"the pages that show the edit could not all follow it: {detail}. "
                          "Save the file again, or restart plein serve")
