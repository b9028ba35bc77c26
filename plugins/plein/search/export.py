"""The static search index: the Whoosh index written out in small files, so that the
browser fetches only what a query needs.

    meta.json          parameters, facet names, the accent table, the dictionary's prefixes,
                       the s/ files
    facets.bin         kind, team and location of every document (counts and runs)
    d/<prefix>.json    the words starting with a prefix: document count, stem and where
                       the stem's postings are (split into longer prefixes when large)
    p/<n>.bin          postings: per stem, (document number delta, weight) as varints;
                       for common stems also a 'head' of their HEAD best documents
    m/<n>.json         display data of CHUNK documents (title, url, snippet, ...)
    t/<n>.bin          documents of each topic (the expertise facet)
    s/<prefix>.json    who-knows' people per topic form, in its order (search.rank, whoknows)
    people.z           the directory's team tree, office days and languages (search.facets)
    order.bin          the directory's order: current staff by name (search.facets)
    stamp.json         a digest of the files above (not read by the browser)

Documents are numbered in search.engine.order_key order, so kind, team and location of
all documents fit in a few runs, and a lower number wins a tie as on the command line.

A build that keeps its previous output (a dirty build) exports into a folder that may
already hold an export: if its stamp names the export that the cache says this index
state gave (MADE_FROM, beside the index), nothing is written at all; otherwise only files
whose bytes changed are replaced (atomically, so a reader of the site never sees half a
file) and files no longer part of the export are removed. Unchanged files keep their time,
so copying the site on only reaches what changed. The costly parts, each stem's postings and
each topic form's people, are computed again only for the words that changed documents hold;
the rest comes from the last export's record in the cache (search.lastexport)."""
from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import whoosh
from whoosh.support.charset import accent_map

from ..model.fields import WEEKDAYS
from ..site.replace import replace_if_changed
from . import facets as F
from . import lastexport
from . import rank as R
from .documents import KINDS
from .engine import Engine
from .varints import encode, varints
from .whoknows import standing_inputs, standing_orders

FORMAT = 1
CHUNK = 4  # documents per display chunk: a result list fetches few, small files
PACK = 8192  # bytes of postings per file; a larger postings list gets a file of its own
DICT_MAX = 12_000  # bytes of a dictionary file before it is split by a longer prefix
MAX_PREFIX = 8
STAMP = "stamp.json"
# In the index's cache folder: which export (the digest in STAMP) which index state gave. The
# state names Whoosh's segments, whose ids are drawn at random, so it stays in the cache: the
# site holds only what its files are, and one commit built in any clone gives the same bytes.
MADE_FROM = "plein-export.json"
# What the export is made by: a change to any of them may change its bytes.
SOURCES = tuple(Path(__file__).parent / n for n in
                ("export.py", "rank.py", "engine.py", "documents.py", "index.py", "facets.py", "whoknows.py",
                 "varints.py", "lastexport.py", "../model/standing.py", "../model/topics.py"))


@lru_cache(maxsize=1)
def made_by() -> bytes:
    """A digest of SOURCES (read once per process: the code does not change under it)."""
    digest = hashlib.blake2b(digest_size=16)
    for source in SOURCES:
        digest.update(source.read_bytes())
    return digest.digest()


def node_file(node: str) -> str:
    """File name of a dictionary prefix (the browser computes the same)."""
    if node.isascii() and all(c.isalnum() or c == "_" for c in node) and node == node.lower():
        return node
    return "~" + node.encode().hex()


class _Out:
    """The files of one export into a folder that may hold an earlier one: a file is only
    written when its bytes differ, through a temporary file, and `prune` removes the rest.
    `held`: what is put is kept in memory until `open()` (27 MB at L), so that the export is
    made while the folder is not yet its to write (see export's `gate`)."""

    def __init__(self, folder: Path, held: bool = False):
        self.folder, self.names, self.digests = folder, set(), {}
        self.held: list | None = [] if held else None

    def put(self, name: str, data: bytes) -> None:
        self.names.add(name)
        self.digests[name] = hashlib.blake2b(data, digest_size=16).digest()
        if self.held is not None:
            self.held.append((name, data))
        else:
            replace_if_changed(self.folder / name, data)

    def open(self) -> None:
        """Write what was held, and from now on each file as it is put."""
        held, self.held = self.held or [], None
        for name, data in held:
            replace_if_changed(self.folder / name, data)

    def digest(self) -> str:
        """What the files put are: their names and bytes, in name order."""
        whole = hashlib.blake2b(digest_size=16)
        for name in sorted(self.digests):
            whole.update(name.encode() + b"\0" + self.digests[name])
        return whole.hexdigest()

    def json(self, name: str, value) -> None:
        self.put(name, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())

    def prune(self) -> None:
        """Remove the files (and emptied folders) that the export did not put."""
        for top, dirs, files in os.walk(self.folder, topdown=False):
            for f in files:
                name = Path(top, f).relative_to(self.folder).as_posix()
                if name not in self.names and name != STAMP:
                    os.unlink(os.path.join(top, f))
            if top != str(self.folder) and not os.listdir(top):
                os.rmdir(top)


class _Packs:
    def __init__(self, out: _Out, size: int):
        self.out, self.size, self.n, self.buf, self.pending = out, size, 0, bytearray(), []

    def add(self, blob: bytes) -> list:
        if len(blob) > self.size // 2:  # its own file: a query for another stem needn't load it
            self.n += 1
            self.out.put(f"p/{self.n}.bin", blob)
            return [self.n, 0, len(blob)]
        if len(self.buf) + len(blob) > self.size:
            self.flush()
        ref = [0, len(self.buf), len(blob)]  # pack number filled in by flush
        self.buf += blob
        self.pending.append(ref)
        return ref

    def flush(self) -> None:
        if self.buf:
            self.n += 1
            self.out.put(f"p/{self.n}.bin", bytes(self.buf))
            for ref in self.pending:
                ref[0] = self.n
        self.buf, self.pending = bytearray(), []


def topic_names(org) -> dict:
    """{topic key: what to show}: a declared topic's most used spelling, else a tag as first
    written (a key is for comparing, never for reading: 'opensourc')."""
    names = {k: t.label for k, t in org.topics.items()}
    for record in (*org.news, *org.threads.values(), *org.updates):
        for tag in record.tags:
            names.setdefault(org.topic_key(tag), " ".join(tag.split()))
    return names


def export_org(engine: Engine, out: Path, org, *, show_contact: bool, docs=None, gate=None) -> dict:
    """`export` with the team names, topic labels and team tree of the organisation; office
    days only with the plugin's `show_contact` (they tell where and when someone is). `docs`:
    a function giving the search documents (search.documents), when the caller has them: an
    export then computes again only what the changed ones touch (search.lastexport)."""
    accepted = {f"thread:{t.id}": t.accepted or "" for t in org.threads.values()}
    return export(engine, out, {t.id: t.name for t in org.teams.values()}, topic_names(org),
                  team_parents={t.id: t.parent for t in org.teams.values() if t.parent},
                  office_days=show_contact,
                  standing=(standing_inputs(org), lambda parts: standing_orders(org, engine, parts)),
                  docs=docs, accepted=accepted, gate=gate)


def export(engine: Engine, out: Path, team_names: dict, topic_labels: dict,
           pack: int = PACK, dict_max: int = DICT_MAX, team_parents: dict | None = None,
           office_days: bool = False, standing: tuple | None = None, docs=None,
           accepted: dict | None = None, gate=None) -> dict:
    """Write the static index of `engine` into `out`, changing only what differs from the
    export it may hold already; returns its meta data. People's office days are left out
    unless `office_days` (the plugin's show_contact) says they may be shown. `standing`: (a
    digest of its inputs, a function of the export's parts giving {topic form: [document id]}),
    the people search puts first (whoknows.standing_orders); called only when the export is
    written, for it takes long. `docs` and `accepted` (thread id -> its accepted answer): see
    export_org. `gate`: returns once `out` may be read and written (a build's search process
    makes the export while the build may still empty the site folder, and writes it after;
    search.follow). (`pack` and `dict_max` are for tests, which want many small files.)"""
    team_parents, (made_of, standing) = team_parents or {}, standing or ("", lambda parts: {})
    state = stamp(engine, team_names, topic_labels, pack, dict_max, team_parents, office_days, made_of)
    made_from = _made_from(engine)
    if gate is not None and _noted(made_from).get("state") == state:
        gate()  # the cache says the export there is this one: looking needs the folder
        gate = None
    if gate is None:
        meta = current(out, state, made_from)
        if meta is not None:
            return meta
        (out / STAMP).unlink(missing_ok=True)  # vouches for nothing while the files change
    kept = made_from.with_name(lastexport.NAME) if made_from is not None else None
    files = _Out(out, held=gate is not None)
    with engine.remembering():  # who-knows' searches and the postings share their words
        parts = lastexport.parts(engine, kept, docs, accepted or {}, (FORMAT, made_by()))
        if kept is not None:
            kept.unlink(missing_ok=True)  # vouches for nothing until this export is written
        meta = _write(engine, files, team_names, topic_labels, pack, dict_max, team_parents, office_days,
                      standing, parts)
    if gate is not None:
        gate()
        (out / STAMP).unlink(missing_ok=True)
        files.open()
    files.prune()
    made = files.digest()
    files.json(STAMP, {"format": FORMAT, "files": made})
    if made_from is not None:
        lastexport.save(kept, parts.new)
        replace_if_changed(made_from, json.dumps({"state": state, "files": made}).encode())
    return meta


def _made_from(engine: Engine) -> Path | None:
    """Where the cache notes which export an index state gave (None: an index in memory)."""
    folder = getattr(engine.ix.storage, "folder", None)
    return Path(folder, MADE_FROM) if folder else None


def stamp(engine: Engine, team_names: dict, topic_labels: dict, pack: int = PACK,
          dict_max: int = DICT_MAX, team_parents: dict | None = None, office_days: bool = False,
          standing: str = "") -> str:
    """A digest of everything the export is made from. The index enters as its segments
    and their deleted documents rather than as its documents' hashes: Whoosh's statistics,
    hence the weights, still count replaced documents until a merge (see search.index); the
    people of the topics as whoknows.standing_inputs, the rest of what they are made from."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(json.dumps([FORMAT, CHUNK, pack, dict_max, MAX_PREFIX, engine.language, whoosh.__version__,
                              sorted(team_names.items()), sorted(topic_labels.items()),
                              sorted((team_parents or {}).items()), office_days, standing],
                             ensure_ascii=False).encode())
    digest.update(made_by())
    for reader, base in engine.reader.leaf_readers():
        segment = reader.segment() if hasattr(reader, "segment") else None
        if segment is not None:
            deleted = sorted(segment.deleted_docs()) if segment.has_deletions() else []
            digest.update(f"{segment.segment_id()} {base} {segment.doc_count_all()} {deleted}\n".encode())
    return digest.hexdigest()


def _noted(made_from: Path | None) -> dict:
    """What the cache notes of the last export: {"state": the index state it was made from,
    "files": the digest of its files}; empty when there is no such note."""
    try:
        noted = json.loads(made_from.read_bytes()) if made_from is not None else None
    except (OSError, ValueError):
        return {}
    return noted if isinstance(noted, dict) else {}


def current(out: Path, state: str, made_from: Path | None) -> dict | None:
    """The meta data of the export in `out` if it is the one index state `state` gave (as
    noted in `made_from`), else None."""
    noted = _noted(made_from)
    if noted.get("state") != state:
        return None
    try:
        if json.loads((out / STAMP).read_bytes()) == {"format": FORMAT, "files": noted.get("files")}:
            return json.loads((out / "meta.json").read_bytes())
    except (OSError, ValueError):
        pass
    return None


def _write(engine: Engine, out: _Out, team_names: dict, topic_labels: dict, pack: int, dict_max: int,
           team_parents: dict, office_days: bool, standing, parts: lastexport.Parts) -> dict:
    engine.read_lengths()
    standing = standing(parts)  # first: its searches leave the postings of their words for the export's
    docnums = engine.in_order()
    ordinal = {d: i for i, d in enumerate(docnums)}
    datas = [engine.data(d) for d in docnums]
    teams = sorted({d["team"] for d in datas})
    locations = sorted({d["location"] for d in datas})
    topics = sorted({t for d in datas for t in d["topics"]})
    topic_ix = {t: i for i, t in enumerate(topics)}
    people = [d if office_days else {**d, "days": []}  # the first numbers (KINDS[0])
              for d in datas if d["kind"] == "person"]
    order = F.name_order(people)
    _chunks(out, datas, topic_ix, {o: rank for rank, o in enumerate(order)})
    _topics(out, datas, topics)
    words = _words(engine, parts.counts)
    stems = _postings(engine, _Packs(out, pack), sorted({s for _, _, s in words}), ordinal, parts)
    split, nodes = _dictionary(out, words, stems, dict_max)
    meta = {
        "format": FORMAT, "language": engine.language, "n": len(docnums), "chunk": CHUNK,
        "params": R.PARAMS, "fold": _fold_table(),
        "kinds": list(KINDS), "teams": [team_names.get(t, t) for t in teams],
        "locations": locations, "topics": [topic_labels.get(t, t) for t in topics], "split": split,
        "nodes": nodes, "standing": _standing(out, standing, {d["id"]: o for o, d in enumerate(datas)}),
    }
    head = F.header(people, teams, meta["teams"], team_parents, topics, WEEKDAYS)
    out.put("people.z", F.people_file(head, varints(F.masks(people, head))))
    out.put("order.bin", varints(order))
    out.put("facets.bin", _facets(datas, teams, locations))
    out.json("meta.json", meta)
    return meta


def _fold_table() -> list:
    """Whoosh's accent table as [characters, their replacements] (one character each)."""
    pairs = [(chr(c), r) for c, r in sorted(accent_map.items()) if c >= 128]
    assert all(len(r) == 1 for _, r in pairs)
    return ["".join(c for c, _ in pairs), "".join(r for _, r in pairs)]


def _facets(datas, teams, locations) -> bytes:
    """Kind, team and location of every document, as varints: the number of documents of
    each (kind, team) in order, then (location, count) runs; documents are in that order."""
    kind_ix = {k: i for i, k in enumerate(KINDS)}
    team_ix = {t: i for i, t in enumerate(teams)}
    loc_ix = {loc: i for i, loc in enumerate(locations)}
    counts = [0] * (len(KINDS) * len(teams))
    runs: list = []
    for d in datas:
        counts[kind_ix[d["kind"]] * len(teams) + team_ix[d["team"]]] += 1
        loc = loc_ix[d["location"]]
        if runs and runs[-2] == loc:
            runs[-1] += 1
        else:
            runs += [loc, 1]
    return varints(counts + runs)


def _chunks(out: _Out, datas, topic_ix, ranks: dict) -> None:
    """Display rows; those of current staff end in their place in name order."""
    for c in range(0, len(datas), CHUNK):
        rows = [[d["id"], d["kind"], d["title"], d["url"], d["snippet"], d["extra"],
                 [topic_ix[t] for t in d["topics"]], int(d["alumnus"]), *([ranks[o]] if o in ranks else [])]
                for o, d in enumerate(datas[c:c + CHUNK], c)]
        out.json(f"m/{c // CHUNK}.json", rows)


def _standing(out: _Out, standing: dict, ordinal: dict) -> list:
    """Write who-knows' people of each topic form as document numbers in its order, in files
    by the form's first two letters (as the dictionary), so a query fetches one small file;
    returns the files' names, which meta lists: the browser asks for no file that is absent."""
    files: dict = {}
    for form, ids in sorted(standing.items()):
        found = [ordinal[i] for i in ids if i in ordinal]
        if found:
            files.setdefault(node_file(form[:2]), {})[form] = found
    for name, body in files.items():
        out.json(f"s/{name}.json", body)
    return sorted(files)


def _topics(out: _Out, datas, topics) -> None:
    members: dict = {t: {} for t in topics}
    for o, d in enumerate(datas):
        for t in d["topics"]:
            members[t][o] = 0
    for i, t in enumerate(topics):
        ords = sorted(members[t])
        out.put(f"t/{i}.bin", varints(b - a for a, b in zip([0] + ords, ords)))


def _words(engine: Engine, counts: dict) -> list:
    """(surface word, document count, stem) of every word, most common first."""
    return sorted(((w, n, engine.stem(w)) for w, n in counts.items()), key=lambda w: (-w[1], w[0]))


def _postings(engine: Engine, packs: _Packs, stems, ordinal, parts: lastexport.Parts) -> dict:
    """Write the postings of every stem (those the last export's record holds as they were);
    {stem: [df, full ref, head ref]}."""
    refs = {}
    for stem in stems:
        kept = parts.postings(stem)
        if kept is None:
            postings = engine.postings_once(stem)
            top = R.head(postings, engine.order)
            kept = (len(postings), encode({ordinal[d]: w for d, w in postings.items()}),
                    None if len(top) == len(postings) else encode({ordinal[d]: w for d, w in top.items()}))
        parts.keep_postings(stem, kept)
        df, full, head = kept
        ref = packs.add(full)
        refs[stem] = [df, ref, ref if head is None else packs.add(head)]
    packs.flush()
    return {s: [df, *full, *head] for s, (df, full, head) in refs.items()}


def _dictionary(out: _Out, words, stems, dict_max: int) -> tuple[list, list]:
    """Write the word files, splitting large prefixes; returns the split prefixes and all."""
    groups: dict = {}
    for w in words:  # stays most-common-first within each group
        groups.setdefault(w[0][:2], []).append(w)
    split, nodes = [], []
    todo = list(groups.items())
    while todo:
        node, group = todo.pop()
        nodes.append(node)
        body = _node(group, stems)
        if len(json.dumps(body, ensure_ascii=False)) <= dict_max or len(node) >= MAX_PREFIX:
            out.json(f"d/{node_file(node)}.json", body)
            continue
        split.append(node)
        own = [w for w in group if len(w[0]) == len(node)]
        longer = [w for w in group if len(w[0]) > len(node)]
        top = R.pick_expansions(longer, None, R.MAX_EXPANSIONS + 1)
        children: dict = {}
        for w in longer:
            children.setdefault(w[0][:len(node) + 1], []).append(w)
        todo.extend(children.items())
        out.json(f"d/{node_file(node)}.json", _node(own, stems, top))
    return sorted(split), sorted(nodes)


def _node(group, stems, top=()) -> dict:
    names = list(dict.fromkeys([s for _, _, s in group] + list(top)))
    ix = {s: i for i, s in enumerate(names)}
    body = {"w": [[w, n, ix[s]] for w, n, s in group], "s": [[s, *stems[s]] for s in names]}
    if top:
        body["top"] = [ix[s] for s in top]
    return body
