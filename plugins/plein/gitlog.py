"""Git history in one pass: last update and contributors per file, and recent changes.

(Stub: being written. The interface below is what the site uses.)"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class FileHistory:
    updated: datetime
    authors: tuple[tuple[str, str], ...]  # (name, email), most recent first, unique


@dataclass(frozen=True)
class Change:
    date: datetime
    author: str
    email: str
    message: str
    paths: tuple[str, ...]


@dataclass
class History:
    files: dict = field(default_factory=dict)  # path relative to the repo root -> FileHistory
    recent: list = field(default_factory=list)  # newest Change first
    warning: str = ""

    @classmethod
    def empty(cls) -> "History":
        return cls()

    def for_path(self, rel: str) -> FileHistory | None:
        return self.files.get(rel)


def scan(root: Path, recent: int = 100) -> History:
    return History.empty()
