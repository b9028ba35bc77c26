"""Forge usernames from HR: which entries write one into a profile, and which of those are
refused because the username would then be two people's. A username decides who may publish
as whom, and the validator refuses one shared by two profiles (case-insensitive), so this says
so at import time, with the rows, and the rest of the import goes on. Pure."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

from ..model.org import Org
from .records import Entry

FIX_SHARED = ("each person signs in to the forge with a username of their own; correct the "
              "double one at the source")


def same(a: str, b: str) -> bool:
    """One username, however written: forges ignore case, and profiles may write '@jdevries'."""
    return _key(a) == _key(b)


def writes(entry: Entry, person, owned, today: date) -> str:
    """The username this entry writes into a profile, or '': none given (never a clearing),
    a refused or leaving entry, or an existing profile's when HR does not own the field."""
    if entry.refused or not entry.forge_username or entry.disabled or (entry.left and entry.left <= today):
        return ""
    if person is not None and "forge_username" not in owned:
        return ""
    return entry.forge_username


def refuse_clashes(org: Org, entries: list[Entry], matched: dict[str, str], owned,
                   today: date) -> list[Entry]:
    """`entries`, with those refused whose username would be someone else's too: two rows
    with one username (both), or a row giving the username a profile keeps (that profile is
    not in this import, or keeps it because its own row is refused)."""
    entries = list(entries)
    person_of = [org.people.get(matched.get(e.key, "")) for e in entries]
    rows: dict[str, list[int]] = {}
    for i, entry in enumerate(entries):
        name = writes(entry, person_of[i], owned, today)
        if name:
            rows.setdefault(_key(name), []).append(i)
    for same_name in rows.values():
        for i in same_name if len(same_name) > 1 else ():
            others = ", ".join(entries[j].where for j in same_name if j != i)
            entries[i] = replace(entries[i], refused=(
                f"{entries[i].where}: the forge username '{entries[i].forge_username}' is also in "
                f"{others}. Fix: {FIX_SHARED}"))
    # A refused row keeps its profile's username, which may clash with another row: again
    # until nothing changes (swaps between two rows resolve in one pass; each pass refuses one).
    while True:
        writing = {i: writes(e, person_of[i], owned, today) for i, e in enumerate(entries)}
        writing = {i: name for i, name in writing.items() if name}
        rewritten = {id(person_of[i]) for i in writing if person_of[i] is not None}
        kept: dict[str, list] = {}
        for person in org.people.values():
            if person.forge_username and id(person) not in rewritten:
                kept.setdefault(_key(person.forge_username), []).append(person)
        clashes = {i: kept[_key(name)][0] for i, name in writing.items() if _key(name) in kept}
        if not clashes:
            return entries
        for i, holder in clashes.items():
            entries[i] = replace(entries[i], refused=_taken(entries[i], holder))


def _taken(entry: Entry, holder) -> str:
    who = f"{holder.name}, an alumnus" if holder.left else holder.name
    return (f"{entry.where}: the forge username '{entry.forge_username}' is already in "
            f"{holder.source.path} ({who}), and this import does not change that profile's. "
            f"Fix: correct the username at the source; if {holder.source.path} holds a wrong or "
            "old username, remove it from that profile first")


def _key(name: str) -> str:
    return name.lstrip("@").casefold()
