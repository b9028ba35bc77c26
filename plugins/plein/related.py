"""Related content for thread pages, computed at build time: similar threads and people
to ask (who-knows' scoring on the thread's tags).

Similar threads are Whoosh's "more like this" made affordable at 10,000 threads: the key
terms of each thread come from Whoosh (`key_terms_from_text`, the Bo1 model that
`more_like` uses), and instead of one index search per thread, which costs a quarter of a
second on a large organisation, the threads are matched on those key terms (and on shared
tags) in memory. Key terms are cached in the index folder by the thread's content hash."""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from . import links as L
from .model import Org, topic_key
from .searchengine import Engine
from .whoknows import by_topic

THREADS, PEOPLE = 5, 3
KEY_TERMS = 12
TAG_WEIGHT = 0.5  # a shared tag counts like a fairly strong shared key term
COMMON = 0.05  # key terms of more than this share of threads say little; they are skipped
CACHE = "related-terms.json"


@dataclass(frozen=True)
class Related:
    threads: tuple  # (title, url) of similar threads
    people: tuple  # (name, url, why) of people to ask


def _text(t) -> str:
    return "\n".join((t.title, t.title, " ".join(t.tags), t.body, *(r.body for r in t.replies)))


def key_terms(org: Org, engine: Engine, folder: Path) -> dict:
    """{thread id: {term: weight}}, from the cache where the thread did not change."""
    path = folder / CACHE
    try:
        cached = json.loads(path.read_text())
    except (OSError, ValueError):
        cached = {}
    out, fresh = {}, {}
    with engine.ix.searcher() as searcher:
        for t in org.threads.values():
            docnum = engine.docnum(f"thread:{t.id}")
            digest = engine.reader.stored_fields(docnum)["hash"] if docnum is not None else ""
            hit = cached.get(t.id)
            if hit and hit[0] == digest:
                terms = hit[1]
            else:
                terms = dict(searcher.key_terms_from_text("body", _text(t), numterms=KEY_TERMS, normalize=True))
            terms.update({f"#{topic_key(tag)}": TAG_WEIGHT for tag in t.tags})
            out[t.id] = terms
            fresh[t.id] = [digest, {k: v for k, v in terms.items() if not k.startswith("#")}]
    try:
        path.write_text(json.dumps(fresh))
    except OSError:
        pass  # a cache only
    return out


def similar(terms: dict) -> dict:
    """{thread id: [similar thread ids, best first]} by weighted shared key terms."""
    threads_of = defaultdict(list)
    for tid, ts in terms.items():
        for term, w in ts.items():
            threads_of[term].append((tid, w))
    limit = max(20, int(COMMON * len(terms)))
    out = {}
    for tid, ts in terms.items():
        scores: dict = defaultdict(float)
        for term, w in ts.items():
            others = threads_of[term]
            if len(others) > limit:
                continue
            for other, w2 in others:
                scores[other] += w * w2
        scores.pop(tid, None)
        out[tid] = sorted(scores, key=lambda o: (-scores[o], o))[:THREADS]
    return out


def _people_for(org: Org, experts: dict, tags, exclude: set) -> list:
    found: dict = {}
    for tag in tags:
        key = topic_key(tag)
        for handle, _ in experts.get(key, ()):
            if handle not in exclude and handle not in found:
                p = org.people[handle]
                label = org.topics[key].label if key in org.topics else tag
                found[handle] = (p.name, L.url(L.person(handle)), label)
    return list(found.values())[:PEOPLE]


def for_threads(org: Org, engine: Engine, cache_dir: Path | None = None) -> dict:
    """{thread id: Related} for every thread of the organisation."""
    folder = Path(cache_dir or engine.ix.storage.folder)
    near = similar(key_terms(org, engine, folder))
    experts = by_topic(org)
    out = {}
    for t in org.threads.values():
        exclude = {t.author, *(r.author for r in t.replies)}
        out[t.id] = Related(
            threads=tuple((org.threads[s].title, L.url(L.thread(s))) for s in near.get(t.id, ())),
            people=tuple(_people_for(org, experts, t.tags, exclude)))
    return out
