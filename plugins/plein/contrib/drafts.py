"""The files the contribution commands write: where each goes (the layout of load.py) and its text.

Front matter is written with plein.yamlio.dump, so what Plein writes Plein reads back. Every
handle and id that becomes part of a path is checked here (names.check_handle): a name, never
a path; the flow then writes through safepath.inside.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable

from ..model.names import check_handle, slug
from ..model.org import slugify
from ..model.yamlio import dump

MAX_SLUG = 60


def stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M")


def markdown(meta: dict, body: str) -> str:
    meta = {k: v for k, v in meta.items() if v not in (None, "", [], ())}
    return f"---\n{dump(meta)}---\n\n{body.strip()}\n"


def slug_for(title: str) -> str:
    """A file name from a title in any script (transliterated, names.slug); 'x' when nothing
    readable remains."""
    made = slug(title) or slugify(title)
    if len(made) > MAX_SLUG:
        made = made[:MAX_SLUG].rsplit("-", 1)[0]
    return made


def free(make: Callable[[int], str], taken: Callable[[str], bool], first: int = 1) -> str:
    """The first make(n) for n = first, first+1, … that is not taken: never overwrite a file."""
    n = first
    while taken(make(n)):
        n += 1
    return make(n)


def reply(thread: str, handle: str, when: datetime, body: str, taken=lambda rel: False) -> tuple[str, str]:
    """The file name holds the minute (the naming rule); a second reply within the same minute,
    or one whose name an open merge request already holds, takes the next free minute."""
    check_handle(thread, "thread id", "THREAD")
    check_handle(handle, "handle", "the author")
    def make(n: int) -> str:
        at = when + timedelta(minutes=n - 1)
        return f"content/discussions/{thread}/replies/{at:%Y-%m-%dT%H-%M}-{handle}.md"
    return free(make, taken), markdown({"author": handle, "date": stamp(when)}, body)


def thread(title: str, handle: str, when: datetime, kind: str, tags, body: str,
           taken: Callable[[str], bool]) -> tuple[str, str]:
    base = slug_for(title)
    rel = free(lambda n: f"content/discussions/{base if n == 1 else f'{base}-{n}'}/index.md", taken)
    meta = {"title": title, "author": handle, "date": stamp(when), "kind": kind, "tags": list(tags)}
    return rel, markdown(meta, body)


def update(handle: str, when: datetime, tags, body: str, taken) -> tuple[str, str]:
    check_handle(handle, "handle", "the author")
    rel = free(lambda n: f"content/updates/{handle}/{when:%Y-%m-%d}-{n}.md", taken)
    return rel, markdown({"date": stamp(when), "tags": list(tags)}, body)


def kudos(sender: str, to: str | None, to_team: str | None, day: date, body: str, taken) -> tuple[str, str]:
    check_handle(sender, "handle", "the sender")
    if to is not None:
        check_handle(to, "handle", "PERSON")
    if to_team is not None:
        check_handle(to_team, "team id", "--team")
    rel = free(lambda n: f"content/kudos/{day:%Y}/{day:%Y-%m-%d}-{sender}-{n}.md", taken)
    meta = {"from": sender, "to": to, "to_team": to_team, "date": day.isoformat()}
    return rel, markdown(meta, body)


def news(title: str, when: datetime, authors, body: str, taken, expires: datetime | None = None,
         tags=(), summary: str = "") -> tuple[str, str]:
    base = f"{when:%Y-%m-%d}-{slug_for(title)}"
    rel = free(lambda n: f"content/news/{when:%Y}/{base if n == 1 else f'{base}-{n}'}.md", taken)
    meta = {"title": title, "date": stamp(when), "expires": stamp(expires) if expires else None,
            "authors": list(authors), "tags": list(tags), "summary": summary}
    return rel, markdown(meta, body)


def profile(handle: str, fields: dict) -> tuple[str, str]:
    """profiles/<handle>.yml with the given fields, in the order of fields.PROFILE."""
    from ..model.fields import PROFILE
    check_handle(handle)
    ordered = {f.name: fields[f.name] for f in PROFILE
               if fields.get(f.name) not in (None, "", [], ())}
    return f"profiles/{handle}.yml", dump(ordered)
