"""The Whoosh index of the organisation, kept in the cache folder and brought up to date
incrementally: documents are keyed by id and a hash of their content, so a build or a
CLI run re-indexes only what changed.

Text is analysed once, here: words are tokenised, lowercased, stripped of accents and
stemmed for the site's language ('bestuurders' → 'bestuurd'). The field `words` keeps
the unstemmed surface words, so the browser can be given a word → stem table and needs
no stemmer of its own (see search.export)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.analysis import CharsetFilter, LowercaseFilter, StemFilter, StopFilter, Token, Tokenizer
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.lang import stemmer_for_language
from whoosh.support.charset import accent_map

from ..errors import FatalError
from .rank import tokens

VERSION = 3  # bump when documents, analysis or the schema change: the index is rebuilt (3: symbols, groups)
BOOSTS = {"name": 4.0, "expertise": 3.0, "role": 2.0, "body": 1.0}
SCORED = tuple(BOOSTS)
LANGUAGES = ("nl", "en")
FINGERPRINT = "plein-fingerprint.txt"
STALE = 0.02  # share of deleted documents that makes an update merge the index


class WordTokenizer(Tokenizer):
    """The words of search.rank.tokens: symbols named ('c++' → 'cplusplus'), words split on
    `_ - : /`, and such a group joined as well ('CI/CD' → 'ci', 'cd', 'cicd'). Positions and
    offsets are not kept (no phrase search)."""

    def __eq__(self, other):
        return type(other) is type(self)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for pos, text in enumerate(tokens(value) if tokenize else (value,)):
            t.text, t.boost, t.stopped = text, 1.0, False
            if keeporiginal:
                t.original = text
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = t.endchar = start_char
            yield t


def surface_analyzer(language: str):
    """Words as the reader typed them, minus case, accents and stop words."""
    return WordTokenizer() | LowercaseFilter() | StopFilter(lang=language) | CharsetFilter(accent_map)


def analyzer(language: str):
    return surface_analyzer(language) | StemFilter(lang=language)


def stemmer(language: str):
    """The stem of one surface word, exactly as `analyzer` stems it."""
    return stemmer_for_language(language)


def schema(language: str) -> Schema:
    ana = analyzer(language)
    scored = {f: TEXT(analyzer=ana, field_boost=boost, phrase=False) for f, boost in BOOSTS.items()}
    return Schema(id=ID(stored=True, unique=True), hash=STORED, kind=ID(stored=True),
                  words=TEXT(analyzer=surface_analyzer(language), phrase=False),
                  data=STORED, **scored)


def indexed_text(doc) -> str:
    """The text of a document's field `words`: its scored fields, in order."""
    return " ".join(doc.fields.get(f, "") for f in SCORED)


def surface_words(field, text: str) -> tuple:
    """The distinct words the field `words` (`field`) holds of a text, as Whoosh indexes it."""
    return tuple(sorted({w.decode() if isinstance(w, bytes) else w for w, *_ in field.index(text)}))


def index_dir(cache_dir: Path, language: str) -> Path:
    return Path(cache_dir) / f"search-{language}"


def _settings(language: str) -> dict:
    return {"version": VERSION, "language": language, "boosts": BOOSTS}


def open_index(cache_dir: Path, language: str, docs) -> "whoosh_index.Index":
    """The index at cache_dir, updated to hold exactly `docs` (rebuilt if it can't be used)."""
    if language not in LANGUAGES:
        raise FatalError(f"search: language '{language}' is not supported; use one of {', '.join(LANGUAGES)}")
    folder = index_dir(cache_dir, language)
    marker = folder / "plein-settings.json"
    (folder / FINGERPRINT).unlink(missing_ok=True)  # vouches for nothing while the index changes
    ix = None
    if marker.is_file() and whoosh_index.exists_in(folder):
        try:
            if json.loads(marker.read_text()) == _settings(language):
                ix = whoosh_index.open_dir(folder)
        except (OSError, ValueError, whoosh_index.IndexError):
            ix = None
    fresh = ix is None
    if fresh:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        ix = whoosh_index.create_in(folder, schema(language))
    _sync(ix, docs, fresh)
    marker.write_text(json.dumps(_settings(language)))
    return ix


def reuse(cache_dir: Path, language: str, fingerprint: str):
    """The index as it is, if it was last brought up to date for this very fingerprint."""
    folder = index_dir(cache_dir, language)
    try:
        if (json.loads((folder / "plein-settings.json").read_text()) == _settings(language)
                and (folder / FINGERPRINT).read_text() == fingerprint):
            return whoosh_index.open_dir(folder)
    except (OSError, ValueError, whoosh_index.IndexError):
        pass
    return None


def remember(cache_dir: Path, language: str, fingerprint: str) -> None:
    (index_dir(cache_dir, language) / FINGERPRINT).write_text(fingerprint)


def _sync(ix, docs, fresh: bool) -> None:
    with ix.searcher() as s:
        have = {} if fresh else {f["id"]: f["hash"] for f in s.all_stored_fields()}
    want = {d.id for d in docs}
    removed = [i for i in have if i not in want]
    changed = [d for d in docs if have.get(d.id) != d.hash]
    if not removed and not changed:
        return
    writer = ix.writer(limitmb=256)
    for doc_id in removed:
        writer.delete_by_term("id", doc_id)
    for d in changed:
        fields = {f: d.fields.get(f, "") for f in SCORED}
        (writer.add_document if d.id not in have else writer.update_document)(
            id=d.id, hash=d.hash, kind=d.kind, data=d.data(), words=indexed_text(d), **fields)
    writer.commit()
    # Replaced and removed documents linger in Whoosh's term statistics until their segment
    # is merged. Both the command line and the browser read the same statistics, so they
    # agree regardless; merging once the leftovers pass STALE keeps the ranking that of a
    # fresh build without rewriting a large index for every small change.
    if ix.doc_count_all() - ix.doc_count() > STALE * ix.doc_count():
        ix.optimize()
