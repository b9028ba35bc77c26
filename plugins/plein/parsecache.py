"""Parsed files kept between builds, keyed by path and content: `load(root, cache=...)`.

Parsing YAML in pure Python (needed for line numbers) is most of a large build's loading
time, and between two builds almost every file is unchanged. The cache is one pickle in
the plugin's cache_dir; it is salted with the loader's own source code, so a new version of
Plein never reuses results of an old one, and it keeps only entries used by the last build."""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .load import parse_file

_CODE = ("load.py", "convert.py", "fields.py", "model.py", "yamlio.py", "problems.py", "parsecache.py")


def _salt() -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    here = Path(__file__).parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.digest()


class ParseCache:
    def __init__(self, folder: Path):
        self.path = Path(folder) / "parsed.pickle"
        self.salt = _salt()
        self.old: dict = {}
        self.new: dict = {}
        try:
            with open(self.path, "rb") as fh:
                salt, entries = pickle.load(fh)
            if salt == self.salt:
                self.old = entries
        except (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError,
                ImportError, IndexError):
            pass  # no cache or an unreadable one: parse everything

    def parse(self, rel: str, raw: bytes):
        key = hashlib.blake2b(rel.encode() + b"\0" + raw, digest_size=20).digest()
        parsed = self.old.get(key)
        if parsed is None:
            parsed = parse_file(rel, raw)
        self.new[key] = parsed
        return parsed

    def save(self) -> None:
        """Write the entries of this build (atomically); a cache that cannot be written is skipped."""
        if self.new.keys() == self.old.keys():
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".parsed-", dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump((self.salt, self.new), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            pass
