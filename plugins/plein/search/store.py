"""Where the Whoosh index lives and how the build and the command line get it: both
load the model with plein.load, and both bring the same cached index up to date."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: no second build at the same time there
    fcntl = None

from ..errors import FatalError
from ..model.org import Org
from .documents import documents
from .engine import Engine
from .index import open_index, remember, reuse


def cache_folder(config_dir: Path, cache_dir: str, root: Path, docs_dir: str | None = None) -> Path:
    """The cache folder; never inside the staff files, which the build must not touch."""
    folder = (Path(config_dir) / cache_dir).resolve()
    for forbidden in filter(None, (root / "profiles", root / "content", docs_dir and Path(docs_dir))):
        forbidden = Path(forbidden).resolve()
        if folder == forbidden or forbidden in folder.parents:
            raise FatalError(f"cache_dir '{cache_dir}' is inside {forbidden}; "
                             "set the plein option 'cache_dir' to a folder outside content/ and profiles/, "
                             "e.g. .plein-cache")
    return folder


class Store:
    def __init__(self, folder: Path, language: str, org: Org, now: datetime, root: Path | None = None,
                 digests=None):
        """`digests`: the parse cache's `digest_of` (a file's path -> a digest of its bytes), when
        the caller loaded the model through one: the fingerprint is then of the files' bytes."""
        self.folder, self.language, self.org, self.now = Path(folder), language, org, now
        self.root = Path(root) if root else None
        self.digests = digests
        self._ix = None
        self._engine = None
        self._docs: list | None = None

    def index(self):
        if self._ix is None:
            mark = self.fingerprint() if self.root else None
            with _alone(self.folder / f"search-{self.language}.lock"):
                self._ix = reuse(self.folder, self.language, mark) if mark else None
                if self._ix is None:
                    self._ix = open_index(self.folder, self.language, self.documents())
                    if mark:
                        remember(self.folder, self.language, mark)
        return self._ix

    def documents(self) -> list:
        """The organisation's search documents (made once)."""
        if self._docs is None:
            self._docs = documents(self.org, self.now, self.language)
        return self._docs

    def fingerprint(self) -> str:
        """The bytes (else size and time) of every indexed file, the topic synonyms and which
        news is out: when these are as at the last update, the index is up to date without
        making its documents again. Bytes, as the parse cache knows them, hold in a pipeline's
        fresh clone too, where every file is new (a merge of a kudos or a page, issue 29)."""
        org, digest = self.org, hashlib.blake2b(digest_size=16)
        paths = [r.source.path for r in (*org.people.values(), *org.teams.values(), *org.news, *org.updates)]
        paths += [r.source.path for t in org.threads.values() for r in (t, *t.replies)]
        for rel in sorted(paths):
            known = self.digests(rel) if self.digests is not None else None
            if known is not None:
                digest.update(rel.encode() + b"\0" + known + b"\n")
                continue
            try:
                st = (self.root / rel).stat()
            except OSError:
                return ""
            digest.update(f"{rel}\0{st.st_mtime_ns}\0{st.st_size}\n".encode())
        digest.update(repr((sorted(org.synonyms.items()), sorted(org.synonym_words.items()))).encode())
        digest.update(" ".join(n.id for n in org.news if n.published(self.now)).encode())
        return digest.hexdigest()

    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = Engine(self.index(), self.language)
        return self._engine


@contextmanager
def _alone(lock: Path):
    """One process at a time opens and updates the index: two builds sharing the cache (the
    jobs of one pipeline) would otherwise read an index the other is making."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a") as f:
        if fcntl:
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            if fcntl:
                fcntl.flock(f, fcntl.LOCK_UN)


def settings(root: Path) -> dict:
    """The plein plugin's options of mkdocs.yml that search needs (language, cache_dir, now…),
    or defaults: read by the one reader, plein.config.settings."""
    from ..config.settings import read
    from ..site.publish import site_url
    s = read(root)
    return {"language": s.language, "cache_dir": s.cache_dir, "now": s.now, "docs_dir": s.docs_dir,
            "site_url": site_url(s.site_url) or "", "config_dir": s.config_dir or root,
            "timezone": s.timezone, "topic_synonyms": s.topic_synonyms}


def for_cli(root: Path) -> Store:
    """The store for a command: the repository's model and its cached index."""
    from ..model.clock import local_now
    from ..model.convert import Bad
    from ..model.load import load
    from ..model.parsecache import ParseCache
    opts = settings(root)
    folder = cache_folder(opts["config_dir"], opts["cache_dir"], root, opts["docs_dir"])
    cache = ParseCache(folder)  # the build's: unchanged files are not parsed again
    org, _ = load(root, cache)
    org = org.with_topic_synonyms(opts["topic_synonyms"])
    cache.save()
    try:
        now = local_now(opts["timezone"], opts["now"])
    except Bad:
        now = local_now()
    store = Store(folder, opts["language"], org, now, root, cache.digest_of)
    store.site_url = opts["site_url"]
    return store
