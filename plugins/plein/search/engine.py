"""Searching the Whoosh index with the ranking of search.rank: what `plein search` and
`plein who-knows` use, and what search.export writes out for the browser."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass

from whoosh.reading import TermNotFound
from whoosh.support.charset import accent_map

from . import rank as R
from .documents import KINDS
from .index import BOOSTS, SCORED, stemmer

KIND_RANK = {k: i for i, k in enumerate(KINDS)}


def order_key(data: dict) -> tuple:
    """The index order of a document: it breaks ties, and numbers documents in the browser."""
    return (KIND_RANK.get(data["kind"], len(KINDS)), data["team"], data["location"], data["id"])


@dataclass
class Hit:
    data: dict
    matched: int
    score: int

    def __getattr__(self, name):
        try:
            return self.__dict__["data"][name]
        except KeyError:
            raise AttributeError(name) from None


@dataclass
class Results:
    query: str
    words: list
    hits: list  # the requested page of Hit, best first
    total: int  # documents found (after filters)


class Engine:
    def __init__(self, ix, language: str):
        self.ix, self.language = ix, language
        self.reader = ix.reader()
        self.stem = stemmer(language)
        self.n_docs = self.reader.doc_count()
        self.n_weighed = R.coarse(self.n_docs)  # what the weights take: see rank.coarse
        self._deletions = self.reader.has_deletions()
        self._avg: dict | None = None
        self._data: dict = {}
        self._order: dict = {}
        self._lengths: dict | None = None  # field -> {docnum: length}, when read in bulk
        self._memo: dict | None = None  # while `remembering`: (what, argument) -> result
        self._deleted_set: frozenset | None = None
        self._in_order: list | None = None

    def read_lengths(self) -> None:
        """Read every document's field lengths at once: faster when ranking every term."""
        if self._lengths is not None:
            return  # the index does not change under an engine
        live = [d for d in range(self.reader.doc_count_all()) if not self.reader.is_deleted(d)]
        self._lengths = {f: {d: self.reader.doc_field_length(d, f) for d in live} for f in SCORED}

    @contextmanager
    def remembering(self):
        """Within, postings, word counts and matches are computed once each: the export asks
        who-knows of every topic form of the site, thousands of searches that share their words
        (the index does not change meanwhile). What is remembered is given out shared: read only."""
        self._memo = {}
        try:
            yield self
        finally:
            self._memo = None

    def _remembered(self, what: str, arg, compute):
        if self._memo is None:
            return compute(arg)
        key = (what, arg)
        if key not in self._memo:
            self._memo[key] = compute(arg)
        return self._memo[key]

    def postings_once(self, stem: str) -> dict:
        """`postings`, taking it out of what is remembered: the export's pass over every stem
        needs each once, and keeping them all would hold the whole index in memory."""
        found = self._memo.pop(("postings", stem), None) if self._memo is not None else None
        return self._postings(stem) if found is None else found

    def length(self, docnum: int, f: str) -> int:
        if self._lengths is not None:
            return self._lengths[f][docnum]
        return self.reader.doc_field_length(docnum, f)

    @property
    def avg(self) -> dict:
        """The average length of each scored field, from every document's own (rounded)
        length, to three digits (rank.coarse). Whoosh's totals would rank an index updated in
        place otherwise than one built afresh: they still count replaced documents, and a merge
        sums the rounded lengths."""
        if self._avg is None:
            totals = dict.fromkeys(SCORED, 0)
            for reader, _ in self.reader.leaf_readers():
                deleted = reader.deleted_docs_set if reader.has_deletions() else ()
                for f in SCORED:
                    totals[f] += sum(reader.doc_field_length(d, f) or 0
                                     for d in range(reader.doc_count_all()) if d not in deleted)
            self._avg = {f: R.coarse(totals[f] / (self.n_docs or 1)) for f in SCORED}
        return self._avg

    def close(self) -> None:
        self.reader.close()

    # -- documents

    def data(self, docnum: int) -> dict:
        return self._stored(docnum)["data"]

    def doc_hash(self, docnum: int) -> str:
        """The hash of what the document was made from (search.documents)."""
        return self._stored(docnum)["hash"]

    def _stored(self, docnum: int) -> dict:
        if docnum not in self._data:
            self._data[docnum] = self.reader.stored_fields(docnum)
        return self._data[docnum]

    def in_order(self) -> list:
        """The live documents in index order (`order_key`): their numbers in the export."""
        if self._in_order is None:  # the index does not change under an engine
            reader = self.reader
            self._in_order = sorted((d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)),
                                    key=self.order)
        return self._in_order

    def order(self, docnum: int) -> tuple:
        if docnum not in self._order:
            self._order[docnum] = order_key(self.data(docnum))
        return self._order[docnum]

    def docnum(self, doc_id: str) -> int | None:
        return next(iter(self.reader.postings("id", doc_id).all_ids()), None) \
            if self.reader.frequency("id", doc_id) else None

    # -- terms

    def word_count(self, word: str) -> int:
        return self._remembered("word_count", word, self._word_count)

    def _word_count(self, word: str) -> int:
        """In how many documents a surface word occurs (0: not a word of the index). An index
        updated in place still counts replaced documents in Whoosh's frequencies: then the
        live ones are counted, so a word of a deleted item is no word at all."""
        if not self._deletions:
            return self.reader.doc_frequency("words", word)
        try:
            ids = self.reader.postings("words", word).all_ids()
        except TermNotFound:
            return 0
        deleted = self.deleted
        return sum(1 for d in ids if d not in deleted)

    def word_stem(self, word: str) -> str | None:
        return self.stem(word) if self.word_count(word) else None

    def longer_words(self, prefix: str):
        """(word, document count, stem) of each surface word that extends prefix."""
        for word in self.reader.expand_prefix("words", prefix):
            word = word.decode() if isinstance(word, bytes) else word
            count = self.word_count(word) if word != prefix else 0
            if count:
                yield word, count, self.stem(word)

    def postings(self, stem: str) -> dict:
        """{docnum: weight} of a stem over the scored fields."""
        return self._remembered("postings", stem, self._postings)

    @property
    def deleted(self) -> frozenset:
        """The replaced documents an index updated in place still holds (asked once: Whoosh
        answers each question through its segments, millions of times in an export)."""
        if self._deleted_set is None:
            is_deleted = self.reader.is_deleted
            self._deleted_set = frozenset(d for d in range(self.reader.doc_count_all()) if is_deleted(d)) \
                if self._deletions else frozenset()
        return self._deleted_set

    def _postings(self, stem: str) -> dict:
        tfs: dict = {}
        deleted = self.deleted
        for f in SCORED:
            if not self.reader.frequency(f, stem):
                continue
            for docnum, freq in self.reader.postings(f, stem).items_as("frequency"):
                if docnum not in deleted:
                    tfs.setdefault(docnum, {})[f] = freq
        df = len(tfs)
        return {d: R.weight(t, {f: self.length(d, f) for f in t}, self.avg, BOOSTS,
                            self.n_weighed, df)
                for d, t in tfs.items()}

    # -- queries

    def match(self, query: str) -> tuple[list, dict]:
        """(query words, {docnum: (words matched, score)})."""
        return self._remembered("match", query, self._match)

    def _match(self, query: str) -> tuple[list, dict]:
        words, prefix, whole = R.read_query(query, accent_map)
        per_word = []
        for word in words:
            exact = self.word_stem(word)
            alternatives = [(self.postings(exact), False)] if exact else []
            joined = self.word_stem(whole[word]) if word in whole else None
            if joined and joined != exact:  # 'front' of 'front-end' also finds 'frontend'
                alternatives.append((self.postings(joined), False))
            if word == prefix:
                for stem in R.pick_expansions(self.longer_words(word), exact):
                    alternatives.append((R.head(self.postings(stem), self.order), True))
            per_word.append(alternatives)
        return words, R.score(per_word)

    def search(self, query: str, kind=None, team=None, topic=None, limit: int = 10,
               offset: int = 0, first: dict | None = None, **facets) -> Results:
        """The best documents for `query` that pass the filters; with no query words, every
        document that passes them, by name (the directory). `facets`: location, language,
        day (one value each, see Filters)."""
        f = Filters(kind, team, topic, **facets)
        words, scores = self.match(query)
        if words:
            place = None
            if first:  # whoknows.standing_first: who knows the topic, found however they wrote it
                scores = dict(scores)  # match's may be remembered: not to be changed
                for doc_id in first:
                    docnum = self.docnum(doc_id)
                    if docnum is not None:
                        scores.setdefault(docnum, (0, 0))
                place = lambda d: first.get(self.data(d)["id"])  # noqa: E731
            person = lambda d: self.data(d)["kind"] == "person"  # noqa: E731
            found = [d for d in R.ranked(scores, self.order, place, person) if f.passes(self.data(d))]
        elif query.strip():  # only punctuation or single letters: no words to look for
            found = []
        else:
            found = sorted((d for d in self._of_kinds(kind) if f.passes(self.data(d))), key=self.by_name)
        hits = [Hit(self.data(d), *scores.get(d, (0, 0))) for d in found[offset:offset + limit]]
        return Results(query, words, hits, len(found))

    def by_name(self, docnum: int) -> tuple:
        """The directory's order, the model's order of people: name, then id."""
        data = self.data(docnum)
        return (data["title"].casefold(), data["id"])

    def _of_kinds(self, kinds):
        live = (d for d in range(self.reader.doc_count_all()) if not self.reader.is_deleted(d))
        if not kinds:
            return live
        ids = set()
        for kind in kinds:
            if self.reader.frequency("kind", kind):
                ids.update(self.reader.postings("kind", kind).all_ids())
        return (d for d in sorted(ids) if not self.reader.is_deleted(d))


@dataclass(frozen=True)
class Filters:
    """What a document must have to be shown; None or empty lets everything through.
    `team` is a collection of team ids (a team and its sub-teams, see search.facets)."""

    kind: object = None
    team: object = None
    topic: str | None = None
    location: str | None = None
    language: str | None = None
    day: str | None = None

    def passes(self, data: dict) -> bool:
        return ((not self.kind or data["kind"] in self.kind) and (not self.team or data["team"] in self.team)
                and (not self.topic or self.topic in data["topics"])
                and (not self.location or data["location"] == self.location)
                and (not self.language or self.language in data.get("languages", ()))
                and (not self.day or self.day in data.get("days", ())))
