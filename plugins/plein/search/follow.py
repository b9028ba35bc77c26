"""Search in a process of its own: following the edits of `plein serve` (see live), and
beside the pages of a one-shot build.

On a large organisation bringing the index, the related content of threads and the static
export up to date takes a minute; in the server's process it would hold Python's lock and
slow the next edit down. The process loads the files as they are now through the one
loader (the parse cache makes that a few seconds), and returns the related content, which
the server puts on the thread pages.

A build (`Beside`) does the same on its second core while it makes the pages: at L the
search side is half of a merge's build (issue 29). It forks as soon as the build has loaded
the files, and starts from that model instead of loading them again. The pages wait for the
related content only, the end of the build for the export; an error there fails the build.
The export is made at once but written only after `go`: until the page cache has cleared
what it no longer trusts, the site folder is not the search's to write
(site.pagecache.PageCache.begin). Made while the build makes its pages, a new reply's export
no longer holds the end of the build up at L (issue 29)."""
from __future__ import annotations

import gc
import multiprocessing
import sys
import threading
import types
from datetime import datetime
from pathlib import Path

from ..errors import FatalError
from ..model.convert import parse_datetime


class Follower:
    """Runs `follow` in a process of its own, which `stop` ends at once."""

    def __init__(self):
        self.process = None
        self.stopped = False

    def follow(self, settings: dict, cancel=lambda: False):
        """({thread id: Related} of the files as they are now, None), the index and the export
        updated on the way; (None, what went wrong), or (None, None) when the work was stopped
        (by `stop`, or when `cancel()` says a newer edit makes it moot)."""
        # spawn: forking a process with threads (the server's) is unsafe
        context = multiprocessing.get_context("spawn")
        mine, theirs = context.Pipe(duplex=False)
        self.process = context.Process(target=_run, args=(settings, theirs), name="plein-search", daemon=True)
        _start(self.process)
        theirs.close()
        try:
            while not self.stopped and not cancel():
                if mine.poll(0.2):
                    return mine.recv()
                if not self.process.is_alive():
                    return None, f"the search process ended (exit code {self.process.exitcode})"
            self.process.terminate()  # the index and the export are safe to leave halfway
            return None, None
        except (EOFError, OSError) as err:
            return None, f"no answer from the search process ({err})"
        finally:
            mine.close()
            self.process.join(timeout=0.1)

    def stop(self) -> None:
        self.stopped = True
        if self.process is not None and self.process.is_alive():
            self.process.terminate()  # the index and the export are safe to leave halfway


class Beside:
    """`follow` for a build, started as soon as the model is loaded: `related` waits for the
    related content of threads, `finish` for the index and the export.

    `org`, the build's model as loaded: a build without threads forks, and the search
    process starts with it, not loading the files again (a sixth of its work at L). With
    threads (a hook's, say) forking is unsafe: a fresh interpreter loads them."""

    def __init__(self, settings: dict, org=None, cache=None):
        fork = org is not None and threading.active_count() == 1 \
            and "fork" in multiprocessing.get_all_start_methods()
        if cache is not None and not fork:
            cache.save()  # a spawned process reads the parse cache from its file
        # forked, the process saves the parse cache the build loaded, and reads digests from it:
        # a second of the build's path at L, taken while that process waits anyway (issue 29)
        self._saving = cache is not None and fork
        context = multiprocessing.get_context("fork" if fork else "spawn")
        self._mine, theirs = context.Pipe(duplex=False)
        self._go = context.Event()
        args = (settings, theirs, self._go, org, cache) if fork else (settings, theirs, self._go)
        self.process = context.Process(target=_beside, args=args, name="plein-search", daemon=True)
        if fork:
            gc.freeze()  # the model stays shared: the child's collector would touch (copy) it all
            try:
                self.process.start()
            finally:
                gc.unfreeze()
        else:
            _start(self.process)
        theirs.close()
        self._related = None

    def go(self) -> None:
        """The export may write into the site folder now."""
        self._go.set()

    def related(self) -> dict:
        if self._related is None:
            self.saved()
            self._related = self._receive("related")
        return self._related

    def ready(self) -> bool:
        """Whether `related` would not wait: the process is past indexing."""
        if self._related is not None:
            return True
        if self._saving:
            if not self._mine.poll():
                return False
            self.saved()
        return self._mine.poll()

    def saved(self) -> None:
        """Wait until the process has saved the parse cache it was handed (if any)."""
        if self._saving:
            self._saving = False
            self._receive("saved")

    def finish(self) -> None:
        self.related()
        self.go()
        self._receive("done")
        self.process.join()

    def stop(self) -> None:
        """End the process; but not while it saves the parse cache: a build that fails on the
        content must leave the cache warm for the next one."""
        if self._saving:
            try:
                self.saved()
            except FatalError:
                pass  # it ended, or failed before: nothing of it to wait for
        if self.process.is_alive():
            self.process.terminate()  # the index and the export are safe to leave halfway
        self.process.join()

    def _receive(self, expected: str):
        try:
            what, value = self._mine.recv()
        except (EOFError, OSError):
            self.process.join()
            raise FatalError(f"search: the search process ended (exit code {self.process.exitcode})") from None
        if what != expected:
            self.stop()
            raise FatalError(f"search: {value}")
        return value


def _start(process) -> None:
    """Start a process without the caller's script: spawn would run it again in the new
    process, and a script that builds at its top level (no `if __name__ == "__main__"`)
    would build there too. The process runs a function of this module, nothing of the script."""
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        process.start()
    finally:
        sys.modules["__main__"] = main


def _beside(settings: dict, pipe, go, org=None, cache=None) -> None:
    def ready(related):
        pipe.send(("related", related))

    try:
        if cache is not None:
            cache.save()
            pipe.send(("saved", None))
        follow(settings, ready=ready, org=org, cache=cache, gate=go.wait)
        pipe.send(("done", None))
    except Exception as err:  # noqa: BLE001 - sent back, the build fails with it
        pipe.send(("error", f"{type(err).__name__}: {err}"))


def _run(settings: dict, pipe) -> None:
    try:
        related = follow(settings)
        pipe.send((related, None) if related is not None else
                  (None, "the files have errors now; search follows once they are fixed"))
    except Exception as err:  # noqa: BLE001 - sent back, said by the server
        pipe.send((None, f"{type(err).__name__}: {err}"))


def follow(settings: dict, ready=None, org=None, cache=None, gate=None):
    """{thread id: Related} of the files as they are now, the index and the export brought up
    to date (None when the files have errors). `ready(related)` is called as soon as the
    related content is known, before the export. settings["check"] False: the caller has
    validated these files (a build). `org`: the files as the caller loaded them (unchecked,
    without the site's synonyms), not loaded again; `cache`: the parse cache it was loaded
    with; `gate`: returns once the export may write into the site folder (export.export)."""
    from ..model.load import load
    from ..model.parsecache import ParseCache
    from ..model.validate import check
    from .export import export_org
    from .related import for_threads
    from .store import Store

    root = Path(settings["root"])
    # read only here: a build's process that was handed the cache saved it first (_beside)
    if cache is None:
        cache = ParseCache(Path(settings["cache_dir"]))
    checked = org is not None or not settings.get("check", True)
    if org is None:
        org, problems = load(root, cache)
    org = org.with_topic_synonyms(settings.get("topic_synonyms"))
    if not checked:
        check(org, problems)
        if problems.errors:
            return None
    now = settings["now"] if isinstance(settings["now"], datetime) else parse_datetime(settings["now"])
    store = Store(Path(settings["folder"]), settings["language"], org, now, root, cache.digest_of)
    engine = store.engine()
    related = for_threads(org, engine)
    if ready is not None:
        ready(related)
    export_org(engine, Path(settings["out"]), org, show_contact=settings.get("show_contact") is True,
               docs=store.documents, gate=gate)
    return related
