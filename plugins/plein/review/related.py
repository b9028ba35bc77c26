"""For a new question: similar threads that may already answer it, and people who may know.

Uses Plein's own search (the site's index and who-knows ranking) when it is available, and
otherwise matches words of the title and the tags against other threads and people's expertise.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from ..model.org import topic_key

_STOP = set("""de het een en van in op te dat die is voor met aan er niet zijn om ook als bij of wat
hoe waar wie wanneer kan ik je we u mijn onze naar over dan nog wel maar door uit the a an and of to
in on for is are how what where who when can i my do does with at by from this that""".split())
SIMILAR, PEOPLE = 3, 5


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2 and w not in _STOP}


def related(thread, org, root: Path) -> tuple[list[str], list[str], str]:
    try:
        return _with_search(thread, org, root) + ("",)
    except Exception as err:  # noqa: BLE001 - search is a help here; the report must still come
        note = (f"similar questions and people found by matching words (Plein's search was not "
                f"available: {type(err).__name__})")
        return _similar(thread, org), _experts(thread, org), note


def _with_search(thread, org, root: Path) -> tuple[list[str], list[str]]:
    from ..model.clock import local_now
    from ..search import store
    from ..search.whoknows import rank
    opts = store.settings(root)
    folder = store.cache_folder(opts["config_dir"], opts["cache_dir"], root, opts["docs_dir"])
    engine = store.Store(folder, opts["language"], org, local_now(opts["timezone"])).engine()
    found = engine.search(" ".join([thread.title, *thread.tags]), kind=["thread"], limit=SIMILAR + 1)
    need = min(2, len(found.words))  # one shared word ('parking') is not yet a similar question
    ids = [h.id.split(":", 1)[1] for h in found.hits if h.matched >= need]
    similar = [_thread_line(org.threads[i]) for i in ids if i != thread.id and i in org.threads][:SIMILAR]
    experts: dict[str, str] = {}
    for tag in thread.tags:
        for e in rank(org, engine, tag)[0]:
            if e.handle != thread.author and e.handle not in experts:
                experts[e.handle] = f"{e.name} ({', '.join(e.declared) or tag})"
    return similar, (list(experts.values()) or _experts(thread, org))[:PEOPLE]


def _thread_line(t) -> str:
    return f"'{t.title}' (content/discussions/{t.id}/" + (", answered)" if t.answered else ")")


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
    return [_thread_line(t) for _, t in scored[:SIMILAR]]


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
            for _, p, topics in found[:PEOPLE]]
