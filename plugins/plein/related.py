"""Related content for thread pages, computed at build time: similar threads (Whoosh's
more_like_this over the thread's text) and people to ask (who-knows on its tags).

Similar threads are the slow part, so they are cached in the index folder by the
thread's content hash; a cached list is used again while all its threads still exist."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from whoosh.query import Term

from . import links as L
from .model import Org, topic_key
from .searchengine import Engine
from .whoknows import rank

THREADS, PEOPLE = 5, 3
CACHE = "related-threads.json"


@dataclass(frozen=True)
class Related:
    threads: tuple  # (title, url) of similar threads
    people: tuple  # (name, url, why) of people to ask


def _similar(engine: Engine, searcher, doc_id: str, text: str) -> list:
    docnum = engine.docnum(doc_id)
    if docnum is None or not text.strip():
        return []
    hits = searcher.more_like(docnum, "body", text=text, top=THREADS, numterms=10,
                              filter=Term("kind", "thread"))
    return [h["id"].split(":", 1)[1] for h in hits]


def _people_for(org: Org, engine: Engine, tags, exclude: set, memo: dict) -> list:
    found: dict = {}
    for tag in tags:
        key = topic_key(tag)
        if key not in memo:
            memo[key] = rank(org, engine, tag)[0][:PEOPLE + 5]
        for e in memo[key]:
            if e.handle not in exclude and e.handle not in found:
                why = ", ".join(e.declared) or tag
                found[e.handle] = (e.name, e.url, why)
    return list(found.values())[:PEOPLE]


def for_threads(org: Org, engine: Engine, cache_dir: Path | None = None) -> dict:
    """{thread id: Related} for every thread of the organisation."""
    path = Path(cache_dir or engine.ix.storage.folder) / CACHE
    try:
        cached = json.loads(path.read_text())
    except (OSError, ValueError):
        cached = {}
    fresh, out, memo = {}, {}, {}
    with engine.ix.searcher() as searcher:
        for t in org.threads.values():
            doc_id = f"thread:{t.id}"
            docnum = engine.docnum(doc_id)
            digest = engine.reader.stored_fields(docnum)["hash"] if docnum is not None else ""
            hit = cached.get(t.id)
            if hit and hit[0] == digest and all(s in org.threads for s in hit[1]):
                similar = hit[1]
            else:
                text = " ".join((t.title, " ".join(t.tags), t.body))
                similar = _similar(engine, searcher, doc_id, text)
            fresh[t.id] = [digest, similar]
            exclude = {t.author, *(r.author for r in t.replies)}
            out[t.id] = Related(
                threads=tuple((org.threads[s].title, L.url(L.thread(s))) for s in similar if s in org.threads),
                people=tuple(_people_for(org, engine, t.tags, exclude, memo)))
    try:
        path.write_text(json.dumps(fresh))
    except OSError:
        pass  # a cache only
    return out
