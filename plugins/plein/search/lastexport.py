"""What the last export computed, kept beside the index in the cache, so that the next export
computes again only what the changed documents touch (issue 29: a merged reply at L in
seconds, not the 40 that computing every word took).

The export's costly parts are per word: the postings of every stem (its weight in each
document) and who-knows' people of every topic form (a search of the form's words). A stem's
postings depend only on the documents that hold it and on the collection's statistics, which
the weights take to three digits (rank.coarse); a form's order depends on the postings and
word counts of its words and of the words its last word expands to, and on what the files say
of the topic. So the record keeps, per document, its hash and its surface words, the word
counts, and the parts made from them. A changed, new or removed document touches its words
(old and new) and their stems; every part that nothing touched is taken from the record. A
document's number in the export is its place in index order: when documents come or go, the
kept postings are renumbered, not computed again.

The export writes the same bytes either way (tests/test_search_export_parts.py compares each
kind of change with a fresh export). What else the parts depend on (the code, the statistics,
the language) is the record's key: when it differs, the export starts afresh. The record is
removed before an export writes, so a failed one never leaves a record that vouches for it."""
from __future__ import annotations

import bisect
import hashlib
import os
import pickle
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import whoosh
from whoosh.support.charset import accent_map

from ..model.standing import Standing
from . import rank as R
from .index import indexed_text, surface_words
from .varints import encode, numbers

FORMAT = 1
NAME = "plein-export-parts.pickle"


@dataclass
class Record:
    key: str = ""
    ids: list = field(default_factory=list)  # document ids in index order: their numbers
    docs: dict = field(default_factory=dict)  # id -> (what the document is, its words, by spaces)
    counts: dict = field(default_factory=dict)  # surface word -> documents holding it
    stems: dict = field(default_factory=dict)  # stem -> (documents, postings, head or None)
    forms: dict = field(default_factory=dict)  # topic form -> (what the files say of it, [id])
    standings: tuple = ()  # (what they are made of, model.standing.many_standings of every form)


def load(path: Path, key: str) -> Record | None:
    try:
        with path.open("rb") as fh:
            record = pickle.load(fh)
    except Exception:  # noqa: BLE001 - missing, torn or of another version: start afresh
        return None
    return record if isinstance(record, Record) and record.key == key else None


def save(path: Path, record: Record) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".plein-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(record, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def digest(*parts) -> str:
    return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()


def parts(engine, kept: Path | None, docs, accepted: dict, made_by) -> Parts:
    """The export's parts: from the record at `kept` where the documents allow (the record's
    key: what the export is made by (its format and code), the language and the statistics)."""
    docnums = engine.in_order()
    ids = [engine.data(d)["id"] for d in docnums]
    kinds = {i: (engine.doc_hash(d), accepted.get(i, "")) for i, d in zip(ids, docnums)}
    key = digest(made_by, FORMAT, engine.language, whoosh.__version__, engine.n_weighed, sorted(engine.avg.items()))
    previous = load(kept, key) if kept is not None and docs is not None else None
    if previous is not None:
        field = engine.ix.schema["words"]
        wanted = {i for i in ids if previous.docs.get(i, (None,))[0] != kinds[i]}
        fresh = {d.id: surface_words(field, indexed_text(d)) for d in docs() if d.id in wanted}
        if fresh.keys() == wanted:  # else the documents given are not the index's: start afresh
            return Parts(key, ids, kinds, previous, fresh, engine.stem)
    return Parts(key, ids, kinds, None, _indexed_words(engine, docnums, ids), engine.stem)


def _indexed_words(engine, docnums: list, ids: list) -> dict:
    """{id: surface words} of every live document, read from the index's word lists."""
    per: dict = {d: [] for d in docnums}
    reader = engine.reader
    for word in reader.lexicon("words"):
        text = word.decode() if isinstance(word, bytes) else word
        for d in reader.postings("words", text).all_ids():
            found = per.get(d)
            if found is not None:  # not a replaced document
                found.append(text)
    return {i: tuple(per[d]) for i, d in zip(ids, docnums)}


class Parts:
    """One export's parts: those taken from the record and those it computes, and the record
    of all of them for the next export."""

    def __init__(self, key: str, ids: list, kinds: dict, previous: Record | None, words: dict, stem):
        """`ids`: the documents in index order; `kinds`: id -> what the document is (its hash and
        what else the export reads of it); `words`: {id: surface words} of the documents whose
        kind differs from the record's (the changed ones), or of all without a record."""
        self.stem = stem
        self.new = Record(key, list(ids))
        self._sorted: list | None = None
        if previous is None:
            self.touched_docs: set | None = None  # everything is computed
            self.new.docs = {i: (kinds[i], " ".join(words[i])) for i in ids}  # one string loads fast
            counts: dict = {}
            for ws in words.values():
                for w in ws:
                    counts[w] = counts.get(w, 0) + 1
            self.new.counts, self.words, self.stems = counts, set(), set()
            self.old = Record()
            self.renumber = None
            return
        self.old = previous
        changed = set(words)
        gone = set(previous.docs) - set(ids)
        self.new.docs = {i: (kinds[i], " ".join(words[i])) if i in changed else previous.docs[i] for i in ids}
        counts = dict(previous.counts)
        self.words = set()
        # What a topic form's order may see of the changed documents (see `_touches`): the words
        # whose count changed, the stems whose document count changed, and each document's stems.
        self.changed: list = []
        self.df_stems: set = set()
        for i in changed | gone:
            before = previous.docs[i][1].split() if i in previous.docs else ()
            after = words.get(i, ())
            self.words.update(before, after)
            for w in before:
                counts[w] -= 1
            for w in after:
                counts[w] = counts.get(w, 0) + 1
            stems = ({stem(w) for w in before}, {stem(w) for w in after})
            self.df_stems |= stems[0] ^ stems[1]
            self.changed.append((i, *stems))
        self.counted = {w for w in self.words if counts.get(w, 0) != previous.counts.get(w, 0)}
        self.new.counts = {w: n for w, n in counts.items() if n > 0}
        self.touched_docs = changed | gone
        self.stems = {stem(w) for w in self.words}
        self.renumber = None
        if previous.ids != list(ids):
            place = {i: n for n, i in enumerate(ids)}
            self.renumber = [place.get(i) for i in previous.ids]

    @property
    def counts(self) -> dict:
        return self.new.counts

    # -- postings

    def postings(self, stem: str) -> tuple | None:
        """(documents, postings blob, head blob or None when it is all of them) of a stem from
        the record, or None: compute it."""
        if self.touched_docs is None or stem in self.stems:
            return None
        kept = self.old.stems.get(stem)
        if kept is None or self.renumber is None:
            return kept
        df, full, head = kept
        full = renumbered(full, self.renumber)  # the head's documents are among the full list's
        return None if full is None else (df, full, None if head is None else renumbered(head, self.renumber))

    def keep_postings(self, stem: str, parts: tuple) -> None:
        self.new.stems[stem] = parts

    # -- who-knows' people of a topic form

    def standings(self, inputs: str, compute) -> Mapping:
        """model.standing.many_standings of the site's topic forms: the record's when what they
        are made of (`inputs`: people's labels, teams, synonyms) is the same. Kept as tuples of
        their fields, which load ten times faster than the objects, made into them when asked."""
        kept = self.old.standings
        if self.touched_docs is not None and kept and kept[0] == inputs:
            self.new.standings = kept
            return _Standings(kept[1])
        found = compute()
        self.new.standings = (inputs, {topic: {h: (s.handle, s.standing, s.declared, s.ask_me, s.in_team, s.points)
                                               for h, s in per.items()} for topic, per in found.items()})
        return found

    def form(self, form: str, spelling: str, inputs: str, tagged: set) -> list | None:
        """The order the record holds for a form, if nothing it depends on changed: what the
        files say of it (`inputs`), the documents tagged with it, and its words in the index."""
        if self.touched_docs is None:
            return None
        kept = self.old.forms.get(form)
        if kept is None or kept[0] != inputs or tagged & self.touched_docs or self._touches(spelling):
            return None
        return kept[1]

    def keep_form(self, form: str, inputs: str, ids: list) -> None:
        self.new.forms[form] = (inputs, ids)

    def _touches(self, spelling: str) -> bool:
        """Whether the index's answer to the query `spelling` may have changed as who-knows
        reads it (whoknows._found: the threads and news that match every word, the best FOUND).
        Other documents' weights change only with the document count of a stem, and which words
        a prefix expands to only with word counts; a changed document itself matters only if it
        may match every word (a thread or news item), or may enter or leave the head of a stem
        the last word expands to (rank.head), before or after the change. So a reply, whose
        thread keeps its words, touches the forms that thread matches, not every word it holds."""
        words, prefix, whole = R.read_query(spelling, accent_map)
        stem = self.stem
        if any(w in self.counted or stem(w) in self.df_stems for w in (*words, *(whole[w] for w in words if w in whole))):
            return True
        expanded: set = set()
        if prefix is not None:
            if any(x.startswith(prefix) for x in self.counted):
                return True  # a longer word came, went or changed its count: other expansions
            exact = stem(prefix) if self.counts.get(prefix) else None
            longer = [(x, self.counts[x], stem(x)) for x in self._longer(prefix)]
            if any(s in self.df_stems for s in R.pick_expansions(longer, exact)):
                return True
            expanded = {s for _, _, s in longer}
        for doc_id, *sides in self.changed:
            for stems in sides:
                if expanded & stems:
                    return True
                if doc_id.startswith(("thread:", "news:")) and all(
                        stem(w) in stems or (w in whole and stem(whole[w]) in stems) for w in words):
                    return True
        return False

    def _longer(self, prefix: str) -> list:
        if self._sorted is None:
            self._sorted = sorted(self.counts)
        start = bisect.bisect_right(self._sorted, prefix)
        out = []
        for x in self._sorted[start:]:
            if not x.startswith(prefix):
                break
            out.append(x)
        return out


class _Standings(Mapping):
    """{topic: {handle: Standing}} of the record's tuples, each topic's made on first use."""

    def __init__(self, kept: dict):
        self.kept, self.made = kept, {}

    def __getitem__(self, topic):
        if topic not in self.made:
            self.made[topic] = {h: Standing(*fields) for h, fields in self.kept[topic].items()}
        return self.made[topic]

    def __iter__(self):
        return iter(self.kept)

    def __len__(self):
        return len(self.kept)


def renumbered(blob: bytes, renumber: list) -> bytes | None:
    """A postings blob ((number delta, weight) varint pairs, varints.encode) with its
    documents' old numbers mapped to new ones: documents came or went, these stayed. (None if
    one of them went: then the stem was touched, and is computed.)"""
    values = numbers(blob)
    postings, number = {}, 0
    for k in range(0, len(values), 2):
        number += values[k]
        if renumber[number] is None:
            return None
        postings[renumber[number]] = values[k + 1]
    return encode(postings)
