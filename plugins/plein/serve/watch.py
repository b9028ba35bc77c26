"""What `plein serve` watches: the files changed since the last build (`Changes`), told by
the system's file events rather than by polling (`watch_natively`). See live."""
from __future__ import annotations

import os
import threading
from pathlib import Path

from mkdocs.exceptions import Abort, MkDocsException
from mkdocs.plugins import get_plugin_logger
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

log = get_plugin_logger(__name__)
# a file written (closed after writing), made, removed or moved; folders made, removed, moved
CHANGES = [FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileMovedEvent, FileModifiedEvent,
           DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


class Changes(FileSystemEventHandler):
    """The files changed under the server's watched folders since the last build."""

    def __init__(self, root: Path, ignore=()):
        self.root = str(root)
        self.ignore = tuple(os.path.abspath(p) + os.sep for p in ignore)
        self.lock = threading.Lock()
        self.paths: set = set()
        self.other = False

    def on_any_event(self, event):
        if event.is_directory and event.event_type == "modified":
            return
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self._add(os.path.abspath(os.fsdecode(path)))

    def _add(self, path: str) -> None:
        if path.startswith(self.ignore):
            return
        with self.lock:
            if not path.startswith(self.root + os.sep):
                self.other = True
                return
            rel = Path(os.path.relpath(path, self.root)).as_posix()
            if not any(part.startswith(".") for part in rel.split("/")):  # as the loader: editors' files
                self.paths.add(rel)

    def take(self):
        """The changed paths (relative to the root), or None when a whole build is needed."""
        with self.lock:
            paths, other = self.paths, self.other
            self.paths, self.other = set(), False
        return None if other else paths

    def builder(self, whole, update):
        """The server's builder: `update` when it can take the change (None: unknown), else `whole`."""
        def build(config=None):
            paths = self.take()
            try:
                if config is None and update(paths):
                    return
                whole(config)
            except (MkDocsException, Abort) as err:  # said already, or said here: no traceback
                if str(err):
                    log.error(str(err))
                log.error("The site shows the last version that was built.")
        return build


class _Folders(FileSystemEventHandler):
    """A folder made, removed or moved is passed on as a file event: the system tells nothing
    of the files in a folder moved away, and MkDocs' handler overlooks folder events."""

    def __init__(self, handler):
        self.handler = handler

    def dispatch(self, event):
        if event.is_directory and event.event_type == "moved":
            event = FileMovedEvent(event.src_path, event.dest_path)
        elif event.is_directory and event.event_type in ("created", "deleted"):
            event = (FileCreatedEvent if event.event_type == "created" else FileDeletedEvent)(event.src_path)
        self.handler.dispatch(event)


class _Observer(Observer):
    """The system's file events (inotify), started once by whoever comes first. Only
    changes count: reading a file is an event too, and every build reads them all."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(_Folders(event_handler), path, recursive=recursive,
                                follow_symlink=follow_symlink, event_filter=event_filter or CHANGES)

    def start(self):
        if not self.is_alive():
            super().start()


def watch_natively(server, paths, handler) -> bool:
    """Let the server watch `paths` through the system's file events instead of polling.
    MkDocs' server polls: it stats every watched file twice a second, about 3 s of work per
    pass over L's 145,000 files, which holds a CPU and Python's lock while an edit is being
    rendered, and it notices an edit only after a pass. Falls back to polling (False) when
    the system allows too few watches for the folders."""
    old, native = server.observer, _Observer()
    watched = []
    for path in paths:
        try:
            server.unwatch(path)
            watched.append(path)
        except KeyError:  # not one the server watched: only the handler will
            pass
    for observer in (native, old):
        server.observer = observer
        try:
            for path in watched:
                server.watch(path)
            for path in paths:
                observer.schedule(handler, path, recursive=True)
            if observer is native:
                observer.start()
            return observer is native
        except (OSError, TypeError) as err:  # TypeError: a watchdog older than 4
            log.info(f"watching the files by polling ({err})")
            native.stop()
            for path in watched:
                server.unwatch(path)
    return False
