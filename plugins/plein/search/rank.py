"""The one definition of how a query is read and how results are ranked.

Both the command line (search.engine, over the Whoosh index) and the browser
(search/browser/, over the static index of search.export) follow these
rules; the browser only adds up integers that Python computed with `weight`, so the two
give the same order by construction. The constants travel to the browser in meta.json.

A query is read as words (tokenised like the index, lowercased, accents removed): symbols
that carry meaning are words ('c++' is 'cplusplus', model/topics.py), and words split on `_`,
`-`, `:` and `/`; such a group of words is also indexed joined ('CI/CD': 'ci', 'cd' and
'cicd'), and in a query each of its words also matches the joined form, so 'cicd', 'CI/CD',
'Front-End' and 'frontend' find each other. A word matches the stem of that surface word; the last word, unless followed by a space,
also matches the MAX_EXPANSIONS most common longer words that start with it (at half
weight, over their HEAD best documents), so results appear while typing. A document's
score is, per query word, its best matching weight, summed over the words; documents
matching more of the words come first, then higher scores, then the index order.

People for a topic (issue 27): when a query's words (`topic_form`) are those of a way the files
write a topic, the people `plein who-knows` lists for it (model/standing.py) take the places of
people in the results, in its order (`ranked`); other kinds stay where they were. Python
computes those orders with one function (search.whoknows.standing_first): the command line for
its query, the export for every such form of the site (search.export's s/ files), so the
browser only looks its query's form up and moves its people as `ranked` does."""
from __future__ import annotations

import math
import re

from ..model.topics import name_symbols

K1, B = 1.2, 0.75  # BM25F
SCALE = 40  # weights are integers: round(SCALE * bm25f)
HEAD = 200  # a prefix expansion ranks only its HEAD best documents
MAX_EXPANSIONS = 5
MIN_PREFIX = 3  # shorter last words match whole words only
MAX_TOKENS = 8  # further words of a very long query are ignored
MAX_QUERY = 500  # characters read of a query
PART = r"[^\W_]+(?:\.[^\W_]+)*"  # a word: letters and digits, dots inside ('node.js', '2.0')
GROUP = re.compile(rf"{PART}(?:[-_:/]{PART})*")  # words joined by - _ : / ('CI/CD', 'Create:Editor')
TOKEN = re.compile(PART)
MAX_JOINED = 4  # a longer group is not joined (a path, a date)
WORD_CHAR = re.compile(r"\w$")

PARAMS = {"HEAD": HEAD, "MAX_EXPANSIONS": MAX_EXPANSIONS, "MIN_PREFIX": MIN_PREFIX,
          "MAX_TOKENS": MAX_TOKENS, "MAX_QUERY": MAX_QUERY}


def fold(word: str, fold_map: dict) -> str:
    return word.translate(fold_map)


def groups(text: str) -> list[list[str]]:
    """The words of a text, as groups of the words joined by - _ : / ('CI/CD' → ['CI', 'CD']),
    with symbols named first ('C++' → ['cplusplus'])."""
    return [TOKEN.findall(m.group(0)) for m in GROUP.finditer(name_symbols(text))]


def joined(parts: list[str]) -> str | None:
    """A group's words as one word ('cicd'), if it is a short group of words with letters."""
    if 1 < len(parts) <= MAX_JOINED and all(any(c.isalpha() for c in p) for p in parts):
        return "".join(parts)
    return None


def tokens(text: str):
    """What the index holds of a text (search.index's tokenizer): each word, and after a group
    its joined form."""
    for parts in groups(text):
        yield from parts
        whole = joined(parts)
        if whole:
            yield whole


def read_query(query: str, fold_map: dict) -> tuple[list[str], str | None, dict]:
    """(distinct words in order, the word to expand as a prefix or None, {word: the joined
    form of its group} for the words of groups)."""
    query = query[:MAX_QUERY]
    raw, whole = [], {}
    for parts in groups(query):
        words = [fold(p.lower(), fold_map) for p in parts]
        one = joined(words)
        raw += words
        if one:
            for w in words:
                whole.setdefault(w, one)
    words = list(dict.fromkeys(w for w in raw if len(w) >= 2))[:MAX_TOKENS]  # the index has no 1-letter words
    last = raw[-1] if raw and WORD_CHAR.search(query) else None
    prefix = last if last in words and len(last) >= MIN_PREFIX else None
    return words, prefix, {w: whole[w] for w in words if w in whole}


def coarse(x: float) -> float:
    """A collection statistic (the number of documents, a field's average length) to three
    significant digits: one changed document at L moves it across a step about once in a
    hundred times, so the weights of the words that document does not hold stay the same, and
    the export computes again only the words it holds (search.lastexport)."""
    return float(f"{x:.3g}")


def weight(tfs: dict, lengths: dict, avg: dict, boosts: dict, n_docs: int, df: int) -> int:
    """BM25F weight of a term in a document, from its frequency in each field."""
    tf = sum(boosts[f] * freq / (1 - B + B * lengths[f] / (avg[f] or 1)) for f, freq in tfs.items())
    idf = math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
    return max(1, round(SCALE * idf * tf / (K1 + tf)))


def expansion_weight(w: int) -> int:
    return max(1, w >> 1)


def head(postings: dict, order) -> dict:
    """The HEAD best documents of a postings map {doc: weight}; ties go to the lower order."""
    if len(postings) <= HEAD:
        return postings
    best = sorted(postings, key=lambda d: (-postings[d], order(d)))[:HEAD]
    return {d: postings[d] for d in best}


def pick_expansions(candidates, exact_stem: str | None, limit: int = MAX_EXPANSIONS) -> list[str]:
    """Stems to expand a prefix to, from (surface word, its document count, its stem) of
    the longer words that start with it: the most common first, then alphabetical."""
    stems = []
    for _, _, stem in sorted(candidates, key=lambda c: (-c[1], c[0])):
        if stem != exact_stem and stem not in stems:
            stems.append(stem)
            if len(stems) == limit:
                break
    return stems


def score(per_word: list[list[tuple[dict, bool]]]) -> dict:
    """{doc: (words matched, score)} from, per query word, its (postings, is_expansion)."""
    total: dict = {}
    for alternatives in per_word:
        best: dict = {}
        for postings, expansion in alternatives:
            for doc, w in postings.items():
                w = expansion_weight(w) if expansion else w
                if w > best.get(doc, 0):
                    best[doc] = w
        for doc, w in best.items():
            matched, s = total.get(doc, (0, 0))
            total[doc] = (matched + 1, s + w)
    return total


def ranked(scores: dict, order, first=None, is_person=None) -> list:
    """Documents best first. `first(doc)`: a place in the one ranking of people for a topic
    (model/standing.py, as who-knows lists them), or None; `is_person(doc)`. The people then
    take the places of people in the order, placed ones first and in their order, the rest
    after them: search lists people as who-knows does, and other kinds where they were."""
    out = sorted(scores, key=lambda d: (-scores[d][0], -scores[d][1], order(d)))
    if first is None:
        return out
    slots = [i for i, d in enumerate(out) if is_person(d)]
    people = [out[i] for i in slots]
    placed = sorted((d for d in people if first(d) is not None), key=first)
    for i, d in zip(slots, placed + [d for d in people if first(d) is None]):
        out[i] = d
    return out


def topic_form(query: str, fold_map: dict) -> str:
    """The words of a query as one string ('C++' and 'c++': 'cplusplus'; 'Front-End' and
    'front end': 'front end'): what both engines look the people of a topic up by."""
    return " ".join(read_query(query, fold_map)[0])


def people_first(experts) -> dict:
    """{document id: place} of who-knows' people whose files say something of the topic
    (a declared topic, a team named for it), in its order: `ranked`'s `first`."""
    return {f"person:{e.handle}": i for i, e in enumerate(e for e in experts if e.standing)}
