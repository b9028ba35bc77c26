"""Search following the edits of `plein serve`, in a process of its own (see live).

On a large organisation bringing the index, the related content of threads and the static
export up to date takes a minute; in the server's process it would hold Python's lock and
slow the next edit down. The process loads the files as they are now through the one
loader (the parse cache makes that a few seconds), and returns the related content, which
the server puts on the thread pages."""
from __future__ import annotations

import multiprocessing
from pathlib import Path

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
        self.process.start()
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


def _run(settings: dict, pipe) -> None:
    try:
        related = follow(settings)
        pipe.send((related, None) if related is not None else
                  (None, "the files have errors now; search follows once they are fixed"))
    except Exception as err:  # noqa: BLE001 - sent back, said by the server
        pipe.send((None, f"{type(err).__name__}: {err}"))


def follow(settings: dict):
    from ..model.load import load
    from ..model.parsecache import ParseCache
    from ..model.validate import check
    from .export import export_org
    from .related import for_threads
    from .store import Store

    root = Path(settings["root"])
    # the cache is read, not written: a process ended halfway must leave no half-saved file
    org, problems = load(root, ParseCache(Path(settings["cache_dir"])))
    org = org.with_topic_synonyms(settings.get("topic_synonyms"))
    check(org, problems)
    if problems.errors:
        return None
    now = parse_datetime(settings["now"])
    store = Store(Path(settings["folder"]), settings["language"], org, now, root)
    engine = store.engine()
    related = for_threads(org, engine)
    export_org(engine, Path(settings["out"]), org, show_contact=settings.get("show_contact") is True,
               docs=store.documents)
    return related
