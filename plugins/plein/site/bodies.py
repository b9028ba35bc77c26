"""Page bodies made on the second CPU while this process writes the pages.

Why: in a full build at 15,000 people, Plein's views make 49,000 page bodies from the model,
half of the build, and MkDocs makes its pages one at a time, in one process (issue 29). When a
build makes many pages and the second CPU has nothing else to do (no search process still
indexing), a copy of this process (a fork: the model, the views and the list of pages are
shared, not loaded again) makes all but every SHARE-th body, in the order MkDocs writes the
pages, and sends them through a pipe. This process makes the others, and takes the copy's as
it reaches their pages.

When the build makes every page, the copy then works out what each page is made from (its
fingerprint's inputs, pagedeps), which this process needs only for the next build's page cache.

The bytes are the same either way: the copy runs the same views on the same model, and only
computes (it writes no file). What it learns about the language of texts comes back at the end,
for the cache, with those digests. Anything unusual falls back to doing it here:
- a body whose rendering raised or logged anything in the copy is made again here, so that
  its error or warning shows as it always did;
- if the copy ends early or sends something out of order, it is stopped, and this process
  makes the rest;
- a page whose digest did not come is worked out here.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import queue
import sys
import threading

MIN_PAGES = 2000  # below this a copy costs more than it saves (a merge makes a few dozen)
MIN_CPUS = 2  # the build's process keeps one: the copy needs another
SHARE = 4  # every fourth body is made here: this process also writes every page
PIPE_BYTES = 1 << 20  # room for the copy to run ahead (Linux's default limit for a pipe)
END = ""  # the source path of the last message: the language answers and the pages' digests


def possible(pages: int, serving: bool) -> bool:
    """Whether a build of `pages` pages may make bodies in a copy of this process: a one-shot
    build on Linux, with two CPUs, and no thread that a fork could leave holding a lock."""
    return (pages >= MIN_PAGES and not serving and sys.platform == "linux"
            and len(os.sched_getaffinity(0)) >= MIN_CPUS and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


class Bodies:
    """The bodies of `pages` (DataPages, in the order they will be written) that a copy of
    this process makes; `take(page)` gives one, or None when it is to be made here."""

    def __init__(self, views, pages: list, inputs):
        self.views = views
        jobs = [(p.file.src_uri, p.spec, p.url) for n, p in enumerate(pages) if n % SHARE]
        self.order = {src: n for n, (src, _, _) in enumerate(jobs)}
        self.made = 0  # bodies taken from the copy
        self.digesting = inputs is not None  # the copy works out every page's digest too
        self._digests: dict = {}  # source -> PageInputs.digest_of(spec), from the copy
        specs = [(p.file.src_uri, p.spec) for p in pages] if self.digesting else []
        context = multiprocessing.get_context("fork")
        self._conn, theirs = context.Pipe(duplex=False)
        _widen(theirs)
        self.process = context.Process(target=_make, args=(views, jobs, theirs, inputs, specs),
                                        name="plein-bodies", daemon=True)
        for stream in (sys.stdout, sys.stderr):
            stream.flush()  # or the copy would write what is buffered here a second time
        gc.freeze()  # the model stays shared: a collector walking it would copy it all
        try:
            self.process.start()
        finally:
            gc.unfreeze()
        theirs.close()

    def take(self, page) -> str | None:
        wanted = self.order.get(page.file.src_uri)
        if wanted is None or self._conn is None:
            return None
        while True:
            message = self._receive()
            if message is None:
                return None
            src, body = message
            if src == END:  # the copy made less than asked: the rest is made here
                self._ended(body)
                return None
            at = self.order.get(src)
            if at == wanted:
                if body is not None:
                    self.made += 1
                return body
            if at is None or at > wanted:  # out of order: make the rest here
                self.stop()
                return None
            # an earlier page this build did not write after all: its body is not needed

    def finish(self) -> None:
        """After the last page: the copy's language answers join this process's, and its
        digests are kept."""
        while self._conn is not None:
            message = self._receive()
            if message is not None and message[0] == END:
                self._ended(message[1])

    def digests(self) -> dict:
        """The pages' digests the copy worked out (after the last page; none if it failed)."""
        self.finish()
        return self._digests

    def _ended(self, said) -> None:
        languages, self._digests = said
        self.views.languages.learn(languages)
        self.stop()

    def stop(self) -> None:
        """End the copy (a failed build, or nothing more to take from it)."""
        if self._conn is None:
            return
        self._conn.close()
        self._conn = None
        if self.process.is_alive():
            self.process.terminate()
        self.process.join()

    def _receive(self):
        try:
            return self._conn.recv()
        except (EOFError, OSError):  # the copy ended early: the rest is made here
            self.stop()
            return None


class _Heard(logging.Handler):
    """Notes that something was logged in the copy (where nobody would see it)."""

    heard = False

    def emit(self, record) -> None:
        self.heard = True


def _make(views, jobs, conn, inputs=None, specs=()) -> None:
    """The copy: each job's body, or None for one to make in the build's own process; then
    the digests of what each of `specs` is made from (`inputs`, a PageInputs)."""
    gc.disable()  # short-lived; the collector would touch (copy) every shared object
    heard = _Heard()
    for logger in (logging.getLogger(), logging.getLogger("mkdocs")):
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        logger.addHandler(heard)
    known = set(views.languages.known)
    # sent by a thread of its own: the copy runs ahead of the pipe's room, so it is done
    # with its share while the build's process still writes pages
    out: queue.SimpleQueue = queue.SimpleQueue()
    sender = threading.Thread(target=_send, args=(out, conn), daemon=True)
    sender.start()
    for src, spec, url in jobs:
        heard.heard = False
        try:
            body = views.render(spec, url)
        except Exception:  # noqa: BLE001 - made again in the build's process, which reports it
            body = None
        out.put((src, None if heard.heard else body))
    learnt = {k: v for k, v in views.languages.known.items() if k not in known}
    out.put((END, (learnt, _digests(inputs, specs))))
    out.put(None)
    sender.join()


def _digests(inputs, specs) -> dict:
    found = {}
    for src, spec in specs:
        try:
            found[src] = inputs.digest_of(spec)
        except Exception:  # noqa: BLE001 - worked out in the build's process, which reports it
            pass
    return found


def _send(out, conn) -> None:
    try:
        for message in iter(out.get, None):
            conn.send(message)
    except OSError:
        pass  # the build's process stopped listening
    finally:
        conn.close()


def _widen(conn) -> None:
    try:
        import fcntl
        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):
        pass  # a narrower pipe only makes the copy wait more often
