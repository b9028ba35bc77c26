"""Parsed files kept between runs (builds and `plein validate`): `load(root, cache=...)`.

An entry is found by the file's path; it is used as it is when the file's stat key (size,
mtime, ctime, inode) is unchanged, so a warm run reads no file that did not change; when the
key differs, the file is read and its content hash decides (after a checkout, say). A key
is not trusted for files changed in the two seconds before the run, which a coarse clock
could not tell apart from a change just after.

One file, `parsed.bin` in the cache folder: a header, then blobs that are unpickled only
when asked for — the entries of a folder in 16 shards (so one changed file re-pickles one
shard), per folder an index of which files loaded as which kind (counts without records),
and for profiles and teams their `refs`: the entries with only what checks across files
read, for `plein validate PATHS`, pickled per shard. It is salted with the loader's source
code and Python's version; anything unreadable is ignored. Entries of files that are gone
are dropped at the next full scan.

A cold run parses whole shards in worker processes (`parse_shard`, see parallel.py): each
sends its shard's entries back pickled as they are stored, and `adopt` keeps those bytes, so
`save` pickles nothing again."""
from __future__ import annotations

import copyreg
import gc
import io
import mmap
import os
import pickle
import sys
import tempfile
import time
import zlib
from collections import Counter
from hashlib import blake2b
from operator import attrgetter
from pathlib import Path

from . import org as model
from .parse import Parsed, parse_file, quiet_collector, read_and_parse
from .problems import Problems
from .scan import SECTIONS, content_key

MAGIC = b"plein-parsed-3\n"
REFS = ("profiles", "content/teams")  # sections whose slim entries are kept for `refs`
# what checks across files read of a profile (validate.check; photos of the files checked)
_REF_FIELDS = ("handle", "name", "role", "team", "email", "started", "manager", "forge_username",
               "photo", "left", "kudos")
SHARDS = 16
RACY_NS = 2_000_000_000
_CODE = ("parse.py", "quickyaml.py", "lineyaml.py", "parallel.py", "convert.py", "fields.py", "org.py",
         "yamlio.py", "problems.py", "parsecache.py", "scan.py")


def _salt() -> bytes:
    digest = blake2b(sys.version.encode(), digest_size=16)
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.digest()


def section_of(rel: str) -> str:
    if rel.startswith("profiles/"):
        return "profiles"
    end = rel.find("/", rel.find("/") + 1)  # the first two folders
    section = rel if end < 0 else rel[:end]
    return section if section in SECTIONS else "other"


_RECORDS = (model.Person, model.Team, model.News, model.Thread, model.Reply, model.Update, model.Kudos,
            model.Source, model.Audience)
_FIELDS = {cls: attrgetter(*cls.__dataclass_fields__) if len(cls.__dataclass_fields__) > 1
           else (lambda record, name=next(iter(cls.__dataclass_fields__)): (getattr(record, name),))
           for cls in _RECORDS}  # record -> tuple of its field values


def _by_fields(record):
    """Rebuild a record by calling its class: much faster to unpickle than the state a slotted
    dataclass gives by default (which walks dataclasses.fields() for every object)."""
    cls = type(record)
    return cls, _FIELDS[cls](record)


_TABLE = {**copyreg.dispatch_table, **dict.fromkeys(_RECORDS, _by_fields)}


def dumps(obj) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _TABLE
    pickler.dump(obj)
    return out.getvalue()


_SHARDS: dict = {}  # section -> the names of its shards


def shard_of(rel: str) -> str:
    section = section_of(rel)
    names = _SHARDS.get(section)
    if names is None:
        names = _SHARDS[section] = [f"{section}#{n}" for n in range(1 if section == "content/teams" else SHARDS)]
    return names[zlib.crc32(rel.encode()) % len(names)]


class ParseCache:
    def __init__(self, folder: Path | str):
        self.path = Path(folder) / "parsed.bin"
        self.salt = _salt()
        self.started = time.time_ns()
        self._data = b""  # the file, mapped: blobs are read only when asked for
        self._blobs: dict[str, tuple[int, int]] = {}  # name -> (offset, length) in _data
        self._old: dict[str, dict] = {}  # shard -> {rel: entry}, unpickled on first use
        self._new: dict[str, dict] = {}  # shard -> entries seen or made in this run
        self._changed: set[str] = set()
        self._fresh: dict[str, tuple] = {}  # shard -> (entries, slim ones) as `parse_shard` pickled them
        self._scanned: set[str] = set()  # sections read in full: unseen entries are dropped
        try:
            self._open()
        except Exception:  # noqa: BLE001 - no cache, or one this version cannot read: start cold
            self._data, self._blobs = b"", {}

    def _open(self) -> None:
        with open(self.path, "rb") as fh:  # the map outlives the file's replacement by a new one
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if data[:len(MAGIC)] != MAGIC:
            return
        size = int.from_bytes(data[len(MAGIC):len(MAGIC) + 8], "little")
        start = len(MAGIC) + 8
        salt, blobs = pickle.loads(data[start:start + size])
        if salt == self.salt and isinstance(blobs, dict):
            start += size
            self._data = data
            self._blobs = {name: (start + offset, length) for name, (offset, length) in blobs.items()}

    def _blob(self, name: str):
        """The unpickled blob `name`, or None when absent or unreadable."""
        where = self._blobs.get(name)
        if where is None:
            return None
        offset, length = where
        collecting = gc.isenabled()
        gc.disable()  # the collector would walk the new objects again and again: 40% of the time
        try:
            return pickle.loads(self._data[offset:offset + length])
        except Exception:  # noqa: BLE001 - a damaged blob is only a missed cache
            del self._blobs[name]
            return None
        finally:
            if collecting:
                gc.enable()

    def _entries(self, shard: str) -> dict:
        if shard not in self._old:
            entries = self._blob(shard)
            self._old[shard] = entries if isinstance(entries, dict) else {}
        return self._old[shard]

    def loaded(self, section: str) -> tuple[dict, str] | None:
        """({kind: number}, '\\n'-joined paths) of the files of `section` that gave a record at the
        last full scan; one string, as a set of 100,000 paths takes long to unpickle."""
        index = self._blob(f"{section}@loaded")
        return index if isinstance(index, tuple) else None

    def refs(self, sections) -> Refs | None:
        """The profiles and teams of the last full scan without their free text (read only):
        enough for the checks across files, and quick to unpickle."""
        entries = {}
        for section in sections:
            parts = self._blob(f"{section}@refs")
            if not isinstance(parts, dict):
                return None
            with quiet_collector():
                try:
                    for part in parts.values():  # shard -> its slim entries, pickled
                        entries.update(pickle.loads(part))
                except Exception:  # noqa: BLE001 - a damaged blob is only a missed cache
                    return None
        return Refs(entries)

    # --- entries: (stat key, content key, kind, record, problems, claimed id)

    def _known(self, shard: str, rel: str):
        """The entry of `rel` made in this run (a command may load twice), else the stored one."""
        entry = self._new.get(shard, {}).get(rel)
        return entry if entry is not None else self._entries(shard).get(rel)

    def lookup(self, rel: str, key: tuple) -> Parsed | None:
        """The parse of `rel` if its stat key is unchanged."""
        shard = shard_of(rel)
        entry = self._known(shard, rel)
        if entry is None or entry[0] != key:
            return None
        self._new.setdefault(shard, {})[rel] = entry
        return _parsed(entry)

    def digest_of(self, rel: str) -> bytes | None:
        entry = self._known(shard_of(rel), rel)
        return entry[1] if entry else None

    def keep(self, rel: str, key: tuple | None, digest: bytes, parsed: Parsed | None) -> Parsed:
        """Record the parse of `rel`; None means: the bytes are those of the known entry."""
        shard = shard_of(rel)
        known, stored = self._known(shard, rel), self._entries(shard).get(rel)
        if parsed is None:
            parsed = _parsed(known)
        entry = _entry(key, digest, parsed, self.started)
        if stored is not None and stored[:2] == entry[:2]:
            entry = stored
        else:
            self._changed.add(shard)
        self._fresh.pop(shard, None)
        self._new.setdefault(shard, {})[rel] = entry
        return parsed

    def empty(self) -> bool:
        """Nothing cached (a cold run): no stat key will be looked up."""
        return not self._blobs and not self._new

    def blank(self, rel: str) -> str | None:
        """The shard of `rel` when the cache knows no file of it (a cold run): its files can be
        parsed with `parse_shard` and taken in with `adopt`."""
        shard = shard_of(rel)
        return shard if shard not in self._blobs and shard not in self._new else None

    def adopt(self, shard: str, blob: bytes, slim: bytes | None) -> dict[str, Parsed]:
        """Take in the entries `parse_shard` made of the files of a blank shard; the same bytes
        are saved, not pickled again. Returns their Parsed by path."""
        with quiet_collector():
            entries = pickle.loads(blob)
        if entries:  # none when no file of the shard could be cached (links, say)
            self._new[shard] = entries
            self._fresh[shard] = blob, slim
            self._changed.add(shard)
        return {rel: _parsed(entry) for rel, entry in entries.items()}

    def parse(self, rel: str, raw: bytes) -> Parsed:
        """parse_file(rel, raw), from the cache when these bytes were parsed before."""
        digest = content_key(rel, raw)
        same = self.digest_of(rel) == digest
        return self.keep(rel, None, digest, None if same else parse_file(rel, raw))

    def scanned(self, sections) -> None:
        """Every file of these sections was looked up or kept: the others are gone."""
        self._scanned.update(sections)

    # --- writing

    def save(self) -> None:
        """Write what changed (atomically); a cache that cannot be written is skipped."""
        with quiet_collector():  # pickling makes objects that all live on: see load.quiet_collector
            blobs = self._plan()
        if blobs is None:
            return
        where, offset = {}, 0  # offsets count from the end of the header
        for name, blob in blobs.items():
            where[name] = (offset, len(blob))
            offset += len(blob)
        header = pickle.dumps((self.salt, where), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.path.parent / ".gitignore"
            if not ignore.exists():  # the cache is never committed, whatever the repository ignores
                ignore.write_text("*\n")
            fd, tmp = tempfile.mkstemp(prefix=".parsed-", dir=self.path.parent)
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(MAGIC + len(header).to_bytes(8, "little") + header)
                for blob in blobs.values():
                    fh.write(blob)
            os.replace(tmp, self.path)
        except OSError:  # a full disk, say: no half-written file is left behind
            Path(tmp).unlink(missing_ok=True)

    def _plan(self) -> dict | None:
        """name -> bytes of every blob to write, or None when nothing changed."""
        shards = {name for name in self._blobs if "#" in name} | set(self._new)
        blobs, dirty = {}, set()
        for shard in sorted(shards):
            section = shard.split("#")[0]
            new = self._new.get(shard, {})
            if section in self._scanned:
                same = shard not in self._changed and len(new) == len(self._entries(shard))
            else:  # a partial run: keep the old entries beside what it parsed
                same = shard not in self._changed
                new = {**self._entries(shard), **new} if not same else new
            if same and shard in self._blobs:
                blobs[shard] = self._raw(shard)
                continue
            dirty.update((section, shard))  # what changed: sections and their shards
            if new:
                blobs[shard] = self._fresh[shard][0] if shard in self._fresh else dumps(new)
        for section in sorted(self._scanned | {n.split("@")[0] for n in self._blobs if "@" in n}):
            names = [f"{section}@loaded"] + ([f"{section}@refs"] if section in REFS else [])
            if section in self._scanned and (section in dirty or not set(names) <= set(self._blobs)):
                blobs.update(self._summaries(section, dirty))
            else:
                blobs.update((name, self._raw(name)) for name in names if name in self._blobs)
        if not dirty and set(blobs) == set(self._blobs):
            return None
        return blobs

    def _summaries(self, section: str, dirty: set) -> dict:
        """The index of a scanned section, and its refs if it has them: per shard, pickled apart,
        so that only the shards that changed are made again."""
        shards = {shard: part for shard, part in self._new.items() if shard.split("#")[0] == section}
        ok = sorted(rel for part in shards.values() for rel, entry in part.items() if entry[3] is not None)
        kinds = Counter(entry[2] for part in shards.values() for entry in part.values() if entry[3] is not None)
        index = (dict(kinds), "\n" + "".join(rel + "\n" for rel in ok))
        out = {f"{section}@loaded": pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)}
        if section in REFS:
            old = self._blob(f"{section}@refs") if f"{section}@refs" in self._blobs else None
            old = old if isinstance(old, dict) else {}
            refs = {}
            for shard, part in sorted(shards.items()):
                if shard in self._fresh:
                    refs[shard] = self._fresh[shard][1]
                elif shard in old and shard not in dirty:
                    refs[shard] = old[shard]
                else:
                    refs[shard] = slim_entries(part)
            out[f"{section}@refs"] = pickle.dumps(refs, protocol=pickle.HIGHEST_PROTOCOL)
        return out

    def _raw(self, name: str) -> memoryview:
        """A stored blob as it is, without copying it out of the mapped file."""
        offset, length = self._blobs[name]
        return memoryview(self._data)[offset:offset + length]


class Refs:
    """ParseCache's lookup, digest_of and keep over the entries of `refs`; keeps nothing."""

    def __init__(self, entries: dict):
        self.entries = entries

    def lookup(self, rel: str, key: tuple) -> Parsed | None:
        entry = self.entries.get(rel)
        return _parsed(entry) if entry is not None and entry[0] == key else None

    def digest_of(self, rel: str) -> bytes | None:
        entry = self.entries.get(rel)
        return entry[1] if entry else None

    def keep(self, rel: str, key, digest: bytes, parsed: Parsed | None) -> Parsed:
        return parsed if parsed is not None else _parsed(self.entries[rel])


def slim_entries(entries: dict) -> bytes:
    """The entries of a shard as `refs` reads them, pickled."""
    return dumps({rel: _slim(entry) for rel, entry in entries.items()})


def _slim(entry):
    """An entry with only the fields of a profile that checks across files read (the others
    take their defaults): a third of the time to unpickle."""
    record = entry[3]
    if isinstance(record, model.Person):
        source = record.source
        lines = {sys.intern(k): v for k, v in source.lines.items() if k in _REF_FIELDS}
        source = model.Source(source.path, source.line, lines, source.body_line)
        record = model.Person(source=source, **{name: getattr(record, name) for name in _REF_FIELDS})
    return entry[:3] + (record,) + entry[4:]


def _entry(key, digest: bytes, parsed: Parsed, started: int) -> tuple:
    """The cache entry of a file parsed in a run that started at `started` (ns)."""
    if key is not None and max(key[1], key[2]) >= started - RACY_NS:
        key = None  # changed just now: check the bytes next time
    return key, digest, parsed.kind, parsed.record, tuple(parsed.problems), parsed.key


def parse_shard(root: str, items: list, started: int) -> tuple[bytes, bytes | None, dict]:
    """In a worker process: the cache entries of the files (rel, path, stat key) of a blank
    shard, pickled as the cache stores them (the parent unpickles them once, and saves these
    very bytes); for profiles and teams their slim entries (see `refs`), pickled; the Parsed
    of files that are not cached (unreadable ones)."""
    entries, uncached = {}, {}
    with quiet_collector():
        for rel, path, key in items:
            key, digest, parsed = read_and_parse(root, rel, path, key, None)
            if digest is None:
                uncached[rel] = parsed
            else:
                entries[rel] = _entry(key, digest, parsed, started)
        slim = slim_entries(entries) if section_of(items[0][0]) in REFS else None
        return dumps(entries), slim, uncached


def _parsed(entry) -> Parsed:
    _, _, kind, record, problems, key = entry
    return Parsed(kind, record, Problems(problems), key)


__all__ = ["ParseCache", "SECTIONS", "shard_of"]
