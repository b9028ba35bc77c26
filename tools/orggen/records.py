"""Where each kind of record lives and how its file text looks (see plugins/plein/model/fields.py)."""
from __future__ import annotations

import datetime as _dt
import os

from .yamltext import Raw, document, yaml_text

PROFILE_HEADER = "# yaml-language-server: $schema=../schema/profile.schema.json\n"
TEAM_HEADER = "# yaml-language-server: $schema=../../schema/team.schema.json\n"

# Field order of each kind, as declared in plugins/plein/model/fields.py.
PROFILE_KEYS = ("name", "pronouns", "role", "team", "manager", "location", "office_days", "languages",
                "expertise", "ask_me_about", "interests", "bio", "email", "phone", "chat",
                "forge_username", "links", "photo", "started", "left", "kudos")
TEAM_KEYS = ("name", "parent", "lead", "description", "channel")
NEWS_KEYS = ("title", "date", "expires", "pinned", "authors", "audience", "tags", "summary")
THREAD_KEYS = ("title", "author", "date", "kind", "tags", "accepted")
REPLY_KEYS = ("author", "date")
UPDATE_KEYS = ("date", "tags")
KUDOS_KEYS = ("from", "to", "to_team", "date")


def date(d: _dt.date | str) -> Raw:
    return Raw(d if isinstance(d, str) else d.isoformat())


def dt(d: _dt.datetime | str) -> Raw:
    return Raw(d if isinstance(d, str) else d.strftime("%Y-%m-%d %H:%M"))


def _ordered(fields: dict, keys: tuple[str, ...]) -> dict:
    unknown = set(fields) - set(keys)
    if unknown:
        raise KeyError(f"unknown field(s) {sorted(unknown)}")
    return {k: fields[k] for k in keys if fields.get(k) is not None}


# --- paths (relative to the output root, always with forward slashes) ---

def profile_path(handle: str) -> str:
    return f"profiles/{handle}.yml"


def photo_path(handle: str) -> str:
    return f"profiles/photos/{handle}/{handle}.png"


def team_path(team_id: str) -> str:
    return f"content/teams/{team_id}.yml"


def news_path(day: str, slug: str) -> str:
    return f"content/news/{day[:4]}/{day[:10]}-{slug}.md"


def thread_path(slug: str) -> str:
    return f"content/discussions/{slug}/index.md"


def reply_id(when: str, handle: str) -> str:
    """'2026-11-02 10:15' + handle -> '2026-11-02T10-15-handle'."""
    return f"{when[:10]}T{when[11:13]}-{when[14:16]}-{handle}"


def reply_path(slug: str, rid: str) -> str:
    return f"content/discussions/{slug}/replies/{rid}.md"


def update_path(handle: str, day: str, n: int) -> str:
    return f"content/updates/{handle}/{day[:10]}-{n}.md"


def kudos_path(day: str, from_handle: str, n: int) -> str:
    return f"content/kudos/{day[:4]}/{day[:10]}-{from_handle}-{n}.md"


# --- file text ---

def profile_text(fields: dict) -> str:
    return PROFILE_HEADER + yaml_text(_ordered(fields, PROFILE_KEYS))


def team_text(fields: dict) -> str:
    return TEAM_HEADER + yaml_text(_ordered(fields, TEAM_KEYS))


def news_text(fields: dict, body: str) -> str:
    return document(_ordered(fields, NEWS_KEYS), body)


def thread_text(fields: dict, body: str) -> str:
    return document(_ordered(fields, THREAD_KEYS), body)


def reply_text(fields: dict, body: str) -> str:
    return document(_ordered(fields, REPLY_KEYS), body)


def update_text(fields: dict, body: str) -> str:
    if len(body.strip()) > 500:
        raise ValueError("a status update is at most 500 characters")
    return document(_ordered(fields, UPDATE_KEYS), body)


def kudos_text(fields: dict, body: str) -> str:
    if len(body.strip()) > 1000:
        raise ValueError("a kudos message is at most 1000 characters")
    if (fields.get("to") is None) == (fields.get("to_team") is None):
        raise ValueError("kudos go to a person (to) or a team (to_team)")
    return document(_ordered(fields, KUDOS_KEYS), body)


class Writer:
    """Writes files under a root, creating folders once; remembers what it wrote.

    Plain os.open/os.write: for 100,000s of small files the file system is the bottleneck.
    (A writer thread was tried: under load it was several times slower, from GIL contention.)
    """

    def __init__(self, root: str):
        self.root = root
        self.written: list[str] = []
        self._dirs: set[str] = set()

    def write(self, rel: str, data: str | bytes) -> None:
        if isinstance(data, str):
            data = data.encode("utf-8")
        path = self.root + "/" + rel
        folder = path.rpartition("/")[0]
        if folder not in self._dirs:
            os.makedirs(folder, exist_ok=True)
            self._dirs.add(folder)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            n = os.write(fd, data)
            while n < len(data):  # rare: a short write
                n += os.write(fd, data[n:])
        finally:
            os.close(fd)
        self.written.append(rel)
