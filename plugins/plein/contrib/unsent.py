"""Unsent text: what a person wrote for a contribution, kept until it is pushed.

One file per kind of contribution (and what it is for: the thread of a reply, the person of
kudos) in the clone's own Git folder, `.git/plein/unsent/<key>.md`: outside the work tree, so
no build, no `git status` and no other clone sees it, and it survives a failed check, a
cancel, Ctrl-C or a failed push. The next run of the same command offers it back.
"""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from ..model import safepath


class Unsent:
    def __init__(self, git_dir: str | Path, key: str, what: str):
        safe = re.sub(r"[^a-z0-9._-]+", "-", key.lower())[:200].strip("-.") or "text"
        self.path = safepath.inside(Path(git_dir) / "plein" / "unsent", f"{safe}.md")
        self.what = what

    def text(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8").strip() or None
        except OSError:
            return None

    def kept_at(self) -> str:
        return datetime.fromtimestamp(self.path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")

    def keep(self, text: str, edited: bool = False) -> Path | None:
        """Keep `text`. An earlier, different unsent text that `text` is not an edit of moves
        aside (never lost), and its new place is returned."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        earlier, moved = self.text(), None
        if earlier and earlier != text.strip() and not edited:
            moved = self.path.with_name(f"{self.path.stem}.{self.kept_at().replace(' ', 'T').replace(':', '')}.md")
            self.path.replace(moved)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(text.strip() + "\n", encoding="utf-8")
        tmp.replace(self.path)  # whole or not at all: a Ctrl-C never leaves half a text
        return moved

    def drop(self) -> None:
        self.path.unlink(missing_ok=True)

    def preview(self, width: int = 70) -> str:
        text = " ".join((self.text() or "").split())
        return text if len(text) <= width else text[:width - 1] + "…"
