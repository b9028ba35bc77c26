"""For a new question: similar threads that may already answer it, and people who may know.

Uses plein.search when it offers `similar_threads(org, text, limit)` and
`people_for(org, text, limit)`; otherwise matches words of the title and the tags against
other threads and against people's expertise.
"""
from __future__ import annotations

import math
import re

from ..model import topic_key

_STOP = set("""de het een en van in op te dat die is voor met aan er niet zijn om ook als bij of wat
hoe waar wie wanneer kan ik je we u mijn onze naar over dan nog wel maar door uit the a an and of to
in on for is are how what where who when can i my do does with at by from this that""".split())


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2 and w not in _STOP}


def related(thread, org, search=None) -> tuple[list[str], list[str], str]:
    text = " ".join([thread.title, *thread.tags])
    similar_fn = getattr(search, "similar_threads", None)
    people_fn = getattr(search, "people_for", None)
    if similar_fn and people_fn:
        similar = [f"'{t.title}' (content/discussions/{t.id}/)"
                   for t in similar_fn(org, text, 4) if t.id != thread.id][:3]
        experts = [f"{p.name}" for p in people_fn(org, text, 6) if p.handle != thread.author][:5]
        return similar, experts, ""
    note = "similar questions and people found by matching words (plein.search not available)"
    return _similar(thread, org), _experts(thread, org), note


def _similar(thread, org) -> list[str]:
    mine = words(thread.title) | {topic_key(t) for t in thread.tags}
    scored = []
    for other in org.threads.values():
        if other.id == thread.id:
            continue
        theirs = words(other.title) | {topic_key(t) for t in other.tags}
        common = mine & theirs
        if common:
            score = len(common) / math.sqrt(len(mine) * len(theirs))
            if score >= 0.3:
                scored.append((score, other))
    scored.sort(key=lambda s: (-s[0], s[1].id))
    return [f"'{t.title}' (content/discussions/{t.id}/"
            + (", answered)" if t.answered else ")") for _, t in scored[:3]]


def _experts(thread, org) -> list[str]:
    wanted = {topic_key(t) for t in thread.tags} | words(thread.title)
    found = []
    for person in org.active_people():
        if person.handle == thread.author:
            continue
        topics = [t for t in person.topics if t in wanted or words(t) & wanted]
        if topics:
            found.append((len(topics), person, topics))
    found.sort(key=lambda f: (-f[0], f[1].name))
    return [f"{p.name} ({', '.join(org.topics[t].label if t in org.topics else t for t in topics)})"
            for _, p, topics in found[:5]]
