"""Related content for thread pages, computed at build time: similar threads and people
to ask (who-knows' scoring on the thread's tags).

Similar threads are Whoosh's "more like this" made affordable at 10,000 threads: the key
terms of each thread come from Whoosh (`key_terms_from_text`, the Bo1 model that
`more_like` uses), and instead of one index search per thread, which costs a quarter of a
second on a large organisation, the threads are matched on those key terms (and on shared
tags) in memory.

Every build needs them, so they are cached in the index folder. CACHE holds a first line
with a stamp of all threads' texts and the similar threads they gave, then each thread's
key terms by a digest of its text and the scores of its similar threads. When no thread
changed only the first line is read; when some did, only they get new key terms, only
they are matched again against all threads, and a thread sharing a key term with them
only adds its scores with them to its best (unless one of them was among its best).
PEOPLE_CACHE holds the people to ask, made again when any of who-knows' input changed."""
from __future__ import annotations

import hashlib
import heapq
import json
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..model import org as model
from ..model import pages, standing, topics
from ..model.org import Org
from ..site import links as L
from . import whoknows
from .engine import Engine
from .whoknows import by_topic

THREADS, PEOPLE = 5, 3
KEY_TERMS = 12
TAG_WEIGHT = 0.5  # a shared tag counts like a fairly strong shared key term
COMMON = 0.05  # key terms of more than this share of threads say little; they are skipped
CACHE, PEOPLE_CACHE = "related.json", "related-people.json"


def _source(*paths: str) -> bytes:
    """The code a cache is made by: when it changes, the cache is void."""
    return b"".join(Path(p).read_bytes() for p in paths)


MATCHING = _source(__file__)
PICKING = _source(__file__, whoknows.__file__, L.__file__, model.__file__, standing.__file__,
                  pages.__file__, topics.__file__)  # the ranking, the page addresses, the topic form


@dataclass(frozen=True)
class Related:
    threads: tuple  # (title, url) of similar threads
    people: tuple  # (name, url, why) of people to ask


def _text(t) -> str:
    return "\n".join((t.title, t.title, " ".join(t.tags), t.body, *(r.body for r in t.replies)))


def _digest(t) -> str:
    """What a thread's key terms are made from (tags apart: 'a b' is one tag, not two)."""
    blob = "\0".join((_text(t), *t.tags))
    return hashlib.blake2b(blob.encode(), digest_size=12).hexdigest()


def _stamp(digests: dict) -> str:
    blob = "".join(f"{tid}\0{d}\n" for tid, d in digests.items()).encode()  # ids hold neither
    return hashlib.blake2b(blob + MATCHING, digest_size=16).hexdigest()


def _limit(n_threads: int) -> int:
    return max(20, int(COMMON * n_threads))


def key_terms(org: Org, engine: Engine, digests: dict, cached: dict) -> dict:
    """{thread id: {term: weight}}, from `cached` ({id: [digest, terms]}) where the thread
    did not change."""
    out, searcher = {}, None
    try:
        for t in org.threads.values():
            hit = cached.get(t.id)
            if hit and hit[0] == digests[t.id]:
                out[t.id] = hit[1]
                continue
            searcher = searcher or engine.ix.searcher()
            terms = dict(searcher.key_terms_from_text("body", _text(t), numterms=KEY_TERMS, normalize=True))
            terms.update({f"#{org.topic_key(tag)}": TAG_WEIGHT for tag in t.tags})
            out[t.id] = terms
    finally:
        if searcher is not None:
            searcher.close()
    return out


def similar(terms: dict, before: tuple | None = None) -> dict:
    """{thread id: [(similar thread id, score)], best first} by weighted shared key terms.
    `before` is (terms, result) of an earlier call: only what a change can reach is redone."""
    threads_of = defaultdict(list)
    for tid, ts in terms.items():
        for term, w in ts.items():
            threads_of[term].append((tid, w))
    limit = _limit(len(terms))
    usable = {term: others for term, others in threads_of.items() if len(others) <= limit}
    if before is None or _limit(len(before[0])) != limit:
        return {tid: _best(tid, ts, usable) for tid, ts in terms.items()}
    old_terms, old_rows = before
    changed = [tid for tid in terms.keys() | old_terms.keys() if tid not in terms or tid not in old_terms
               or list(terms[tid].items()) != list(old_terms[tid].items())]
    full, patch = _reached(changed, terms, old_terms, threads_of, limit)
    new, changed = [tid for tid in changed if tid in terms], set(changed)
    out = {}
    for tid, ts in terms.items():
        if tid not in full and tid not in patch:
            out[tid] = old_rows[tid]
        elif tid in full or any(o in changed for o, _ in old_rows[tid]):  # the next best may move up
            out[tid] = _best(tid, ts, usable)
        else:  # its best are still best among the unchanged threads: add the changed ones
            found = [(o, _score(ts, terms[o], usable)) for o in new]
            rows = old_rows[tid] + [(o, sc) for o, sc in found if sc is not None]
            out[tid] = sorted(rows, key=lambda r: (-r[1], r[0]))[:THREADS]
    return out


def _best(tid: str, ts: dict, usable: dict) -> list:
    scores: dict = defaultdict(float)
    for term, w in ts.items():
        for other, w2 in usable.get(term, ()):
            scores[other] += w * w2
    scores.pop(tid, None)
    if len(scores) > THREADS:  # only those scoring at least the THREADS-th best can make it
        cut = heapq.nlargest(THREADS, scores.values())[-1]
        scores = {o: s for o, s in scores.items() if s >= cut}
    return sorted(scores.items(), key=lambda r: (-r[1], r[0]))[:THREADS]


def _score(ts: dict, other: dict, usable: dict) -> float | None:
    """What `_best` adds up for one other thread (in the same order), None if nothing."""
    total = None
    for term, w in ts.items():
        if term in other and term in usable:
            total = (0.0 if total is None else total) + w * other[term]
    return total


def _reached(changed: list, terms: dict, old: dict, threads_of: dict, limit: int) -> tuple[set, set]:
    """(threads to match again, threads whose scores with the changed threads are new): the
    changed threads, and those sharing a term with one (before or after the change) that is
    not skipped as common on both sides; all of a term's threads if it crossed the limit."""
    delta: dict = defaultdict(int)  # a term's number of threads before minus after
    for tid in changed:
        for term in old.get(tid, ()):
            delta[term] += 1
        for term in terms.get(tid, ()):
            delta[term] -= 1
    full, patch = {tid for tid in changed if tid in terms}, set()
    for term, d in delta.items():
        now = len(threads_of.get(term, ()))
        if now > limit and now + d > limit:
            continue
        (full if (now > limit) != (now + d > limit) else patch).update(t for t, _ in threads_of.get(term, ()))
    return full, patch - full


def near_threads(org: Org, engine: Engine, folder: Path) -> dict:
    """{thread id: [similar thread ids]}, through the cache in `folder`."""
    path = folder / CACHE
    digests = {t.id: _digest(t) for t in org.threads.values()}
    stamp = _stamp(digests)
    near, cached, before = _read(path, stamp)
    if near is not None:
        return near
    terms = key_terms(org, engine, digests, cached)
    rows = similar(terms, before)
    near = {tid: [o for o, _ in row] for tid, row in rows.items()}
    _save(path, json.dumps({"stamp": stamp, "near": near}, separators=(",", ":")) + "\n" + json.dumps(
        {"stamp": stamp, "terms": {tid: [digests[tid], ts] for tid, ts in terms.items()},
         "scores": {tid: [sc for _, sc in row] for tid, row in rows.items()}}, separators=(",", ":")))
    return near


def _read(path: Path, stamp: str) -> tuple:
    """(the similar threads if the cache is of `stamp`, else None; the cached key terms;
    (terms, result) of the last `similar` if the key terms are what it was made from)."""
    try:
        with path.open("rb") as f:
            head = json.loads(f.readline())
            if head["stamp"] == stamp:
                return head["near"], {}, None
            rest = json.loads(f.readline())
        cached = rest["terms"]
        if not all(isinstance(hit, list) and len(hit) == 2 and isinstance(hit[1], dict) for hit in cached.values()):
            raise ValueError("not a cache of key terms")
        if rest["stamp"] != head["stamp"]:
            return None, cached, None
        return None, cached, ({tid: ts for tid, (_, ts) in cached.items()},
                              {tid: list(zip(head["near"][tid], rest["scores"][tid])) for tid in cached})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, {}, None  # a cache only


def _save(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # whole or not at all
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        (path.parent / "related-terms.json").unlink(missing_ok=True)  # the cache of earlier versions
    except OSError:
        tmp.unlink(missing_ok=True)  # a cache only


def people_to_ask(org: Org, folder: Path) -> dict:
    """{thread id: [(name, url, why)]} of the threads with people to ask, through a cache in
    `folder`: who-knows over all topics costs more than checking that its input is as before."""
    path = folder / PEOPLE_CACHE
    made_of = repr([[(t.id, t.author, t.tags, [(r.author, r.id == t.accepted) for r in t.replies])
                     for t in org.threads.values()],
                    [(k, topic.label, topic.people) for k, topic in org.topics.items()],
                    [(h, p.name, p.alumnus) for h, p in org.people.items()]])
    stamp = hashlib.blake2b(made_of.encode() + PICKING, digest_size=16).hexdigest()
    try:
        saved = json.loads(path.read_bytes())
        if saved["stamp"] == stamp:
            return saved["people"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    people = _people(org)
    _save(path, json.dumps({"stamp": stamp, "people": people}, separators=(",", ":")))
    return people


def _people(org: Org) -> dict:
    experts = by_topic(org)
    out, labels = {}, {}
    for t in org.threads.values():
        exclude = {t.author, *(r.author for r in t.replies)}
        found: dict = {}
        for tag in t.tags:
            if tag not in labels:
                key = org.topic_key(tag)
                labels[tag] = (key, org.topics[key].label if key in org.topics else tag)
            key, label = labels[tag]
            for handle, _ in experts.get(key, ()):
                if handle not in exclude and handle not in found:
                    found[handle] = (org.people[handle].name, L.url(L.person(handle)), label)
        if found:
            out[t.id] = list(found.values())[:PEOPLE]
    return out


def for_threads(org: Org, engine: Engine, cache_dir: Path | None = None) -> dict:
    """{thread id: Related} for every thread of the organisation."""
    folder = Path(cache_dir or engine.ix.storage.folder)
    near = near_threads(org, engine, folder)
    people = people_to_ask(org, folder)
    links: dict = {}
    out = {}
    for t in org.threads.values():
        for s in near.get(t.id, ()):
            if s not in links:
                links[s] = (org.threads[s].title, L.url(L.thread(s)))
        out[t.id] = Related(threads=tuple(links[s] for s in near.get(t.id, ())),
                            people=tuple(tuple(p) for p in people.get(t.id, ())))
    return out
