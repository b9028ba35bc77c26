"""The send log: which e-mail went to whom, so that a run that crashed halfway and is started
again sends nobody a second one.

One JSON line per event, appended and flushed (so it outlives the process) before the next step:
`sending` before a message is handed to the SMTP server, then `sent` or `failed`. A `sending`
without an outcome means the run stopped while that message was under way: it may have
arrived, so it is not sent again (at most once) and the next run reports it. A `failed`
message (refused or bounced) may be tried again by a later run.

The log lives in the site's cache folder, `<cache_dir>/digest/sent.jsonl` beside mkdocs.yml
(default `.plein-cache/digest/sent.jsonl`, ignored by Git); the CI jobs keep that folder in
their cache between pipelines (see ci/). Lines older than KEEP are dropped when a run starts."""
from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no lock
    fcntl = None

from ..errors import FatalError

KEEP = timedelta(days=62)
SENDING, SENT, FAILED = "sending", "sent", "failed"


class SendLog:
    def __init__(self, path: Path | None, now: datetime, write: bool = True):
        """`write=False` (a dry run) reads the log but never changes it."""
        self.path, self.now, self.writes = Path(path) if path else None, now, write
        self.state: dict[tuple[str, str], str] = {}  # (key, handle) -> last state
        self.last_digest: dict[str, datetime] = {}  # handle -> when their last digest was sent
        if self.path is not None and self.path.is_file():
            self._read()
        self._fh = None

    def _read(self):
        cutoff, kept = self.now - KEEP, []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        for line in lines:
            try:
                event = json.loads(line)
                at = datetime.fromisoformat(event["at"])
            except (ValueError, KeyError, TypeError):
                continue  # a line cut short by a crash
            if at >= cutoff:
                kept.append(line)
                self._note(event, at)
        if len(kept) < len(lines) and self.writes:
            self._rewrite(kept)

    def _note(self, event: dict, at: datetime):
        key, handle, state = event["key"], event["handle"], event["state"]
        self.state[(key, handle)] = state
        if state == SENT and key.startswith("digest/") and at <= self.now:
            self.last_digest[handle] = max(at, self.last_digest.get(handle, at))

    def _rewrite(self, lines: list[str]):
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        os.replace(tmp, self.path)

    def get(self, key: str, handle: str) -> str | None:
        return self.state.get((key, handle))

    def write(self, key: str, handle: str, state: str, error: str = "") -> None:
        event = {"key": key, "handle": handle, "state": state, "at": self.now.isoformat(timespec="seconds")}
        if error:
            event["error"] = error
        self.state[(key, handle)] = state
        if self.path is None or not self.writes:
            return
        if self._fh is None:
            self._fh = self._open()
        # flushed, not fsynced: the log reaches the next pipeline only through the CI cache,
        # which is saved after the job, so a machine that stops loses it either way
        self._fh.write(json.dumps(event, ensure_ascii=False) + "\n")
        self._fh.flush()

    def _open(self):
        """The log for appending, locked: two runs sending at once would both send."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fh = self.path.open("a", encoding="utf-8")
        if fcntl is not None:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.close()
                raise FatalError(f"{self.path} is in use: another `plein digest` is sending. "
                                 "Fix: wait for it to finish, then run this again") from None
        return fh

    def close(self):
        if self._fh is not None:
            self._fh.close()
            self._fh = None
