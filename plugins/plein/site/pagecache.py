"""Pages kept between builds: a page whose inputs did not change is not made again.

MkDocs' dirty build (`plein build`, `plein serve`, `mkdocs build --dirty`) skips every page
whose file says it is not modified. For Plein's generated pages that is decided here: the
page's fingerprint (its inputs, see pagedeps, and the build's key: Plein's code and
templates, mkdocs.yml, the theme, the versions, the hand-written pages and the titles of
the pages in the nav) is compared
with the one recorded for the output folder, and the page is made again when they differ
or its output file is gone. Hand-written pages keep MkDocs' rule (source newer than output);
their output is removed when their Git dates change, so that they are made again. A change
of the build's key empties the output folder, and outputs of files that are gone are removed.

The record is per output folder: in the cache folder, and in memory while `plein serve`
runs. Before any page is written, the pages about to be made are taken out of it, so a build
that fails halfway never leaves a page that the next build would trust."""
from __future__ import annotations

import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from hashlib import blake2b
from importlib import metadata
from pathlib import Path

from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from .pagedeps import digest

FORMAT = b"plein-pages-1"
CODE = Path(__file__).parent.parent  # all of Plein's code and templates
MEMORY: dict = {}  # output folder -> Manifest of the last build in this process (plein serve)


@dataclass
class Manifest:
    key: bytes = b""
    pages: dict = field(default_factory=dict)  # output path -> fingerprint
    outputs: set = field(default_factory=set)  # output paths of every file of the build


class PleinFile(File):
    """A generated page that MkDocs' dirty build skips when its fingerprint is unchanged."""

    changed = True
    later = None  # () -> bool: whether it is made, decided as it is written (PageCache.later)

    def is_modified(self) -> bool:
        return self.changed if self.later is None else self.later()


class ContentFile(File):
    """A generated file made from text (a feed, an editor file, a theme script) that is written
    only when its bytes differ from the output's: one that did not change keeps its time, so
    that publishing the site and the link check pass it by. Files copied from a source keep
    MkDocs' rule."""

    def is_modified(self) -> bool:
        if self.abs_src_path is not None:
            return super().is_modified()
        data = self.content_bytes
        try:
            if os.path.getsize(self.abs_dest_path) != len(data):
                return True
            with open(self.abs_dest_path, "rb") as fh:
                return fh.read() != data
        except OSError:
            return True


def build_key(config, plugin_config, pages) -> bytes:
    """What every page depends on besides its own inputs."""
    parts = [FORMAT, sys.version.encode(), code_digest(), _version("mkdocs"), _version("mkdocs-material"),
             repr(sorted(dict(plugin_config).items())).encode(), str(config.site_url).encode(),
             str(config.use_directory_urls).encode(), repr(sorted(dict(config.theme).items(), key=str)).encode(),
             repr(pages).encode()]
    hooks = config.hooks if isinstance(config.hooks, dict) else {}
    for path in (config.config_file_path, *(getattr(h, "__file__", None) for h in hooks.values())):
        parts.append(read_or_empty(path))
    custom = config.theme.custom_dir
    if custom and os.path.isdir(custom):  # by content: a pipeline's fresh clone gives new times
        for folder, _, names in sorted(os.walk(custom)):
            for name in sorted(names):
                path = os.path.join(folder, name)
                parts.append(os.path.relpath(path, custom).encode() + b"\0" + read_or_empty(path))
    return digest(tuple(parts))


def code_digest() -> bytes:
    h = blake2b(digest_size=16)
    for path in sorted(CODE.rglob("*")):
        if path.suffix in (".py", ".html", ".js", ".css", ".json") and "__pycache__" not in path.parts:
            h.update(path.relative_to(CODE).as_posix().encode() + b"\0" + path.read_bytes())
    return h.digest()


def _version(dist: str) -> bytes:
    try:
        return metadata.version(dist).encode()
    except metadata.PackageNotFoundError:
        return b"-"


def read_or_empty(path) -> bytes:
    try:
        return Path(path).read_bytes() if path else b""
    except OSError:
        return b""


class PageCache:
    def __init__(self, site_dir, cache_dir, key: bytes, persist: bool, outputs_kept: bool = False):
        self.site_dir = os.path.abspath(site_dir)
        name = blake2b(self.site_dir.encode(), digest_size=8).hexdigest()
        self.path = Path(cache_dir) / "pages" / f"{name}.pickle"
        self.persist, self.key = persist, key
        self.outputs_kept = outputs_kept  # nothing but this process writes the output folder
        old = MEMORY.get(self.site_dir) or self._load()
        self.fresh = old is None or old.key != key
        self.old = Manifest(key) if self.fresh else old
        self.new: dict = {}
        self.made = self.seen = self.waiting = 0
        self._after: list = []  # (file, inputs) of pages made anyway, fingerprinted at commit
        self.writing = False  # begin() has run: MkDocs writes pages now

    def _load(self) -> Manifest | None:
        try:
            with open(self.path, "rb") as fh:
                found = pickle.load(fh)
            return found if isinstance(found, Manifest) else None
        except Exception:  # a cache only: anything unreadable means a full build
            return None

    def page(self, file: PleinFile, inputs, counted: bool = True) -> None:
        """Decide whether a generated page is made: `inputs` None means always."""
        fingerprint = None if inputs is None else digest((self.key, inputs))
        old = self.old.pages.get(file.dest_uri)
        file.changed = fingerprint is None or old != fingerprint or (
            not self.outputs_kept and not os.path.isfile(file.abs_dest_path))
        if counted:
            self.made += file.changed
            self.seen += 1
        if fingerprint is not None:
            self.new[file.dest_uri] = fingerprint

    def later(self, file: PleinFile, inputs) -> None:
        """A generated page whose inputs come from another process (related content from the
        search's, which on a first build indexes everything first): `inputs()` is asked only
        when MkDocs is about to write the page, so the pages before it are made meanwhile
        instead of waiting (issue 29). MkDocs reads every page before writing any (reading a
        generated page costs nothing): until begin() it counts as changed."""
        def decide() -> bool:
            if not self.writing:
                return True
            file.later = None
            self.page(file, inputs(), counted=False)
            return file.changed
        file.later = decide
        self.seen += 1
        self.waiting += 1

    def after(self, file: PleinFile, inputs) -> None:
        """A generated page this build makes whatever its fingerprint (it makes every page):
        `inputs()` is asked at commit, by when a copy of this process may have worked them out
        on the second CPU (bodies.py) instead of this one before the first page is written."""
        file.changed = True
        self.made += 1
        self.seen += 1
        self._after.append((file, inputs))

    def handwritten(self, file: File, inputs, dirty: bool) -> None:
        """A hand-written page whose Git dates changed loses its output, so it is made again."""
        fingerprint = digest((self.key, inputs))
        if dirty and self.old.pages.get(file.dest_uri) != fingerprint:
            _remove(file.abs_dest_path)
        self.new[file.dest_uri] = fingerprint

    def begin(self, files, dirty: bool) -> None:
        """Before anything is written: clear what can no longer be trusted, and record it."""
        outputs = {f.dest_uri for f in files}
        if dirty and self.fresh:
            clean_directory(self.site_dir)
        elif dirty:
            for gone in self.old.outputs - outputs:
                _remove(os.path.join(self.site_dir, gone), self.site_dir)
        # (a page decided later is not vouched for until commit: a build failing before it
        # is written leaves it to be made again)
        kept = {k: v for k, v in self.old.pages.items() if self.new.get(k) == v}
        self._save(Manifest(self.key, kept, self.old.outputs | outputs))
        self.writing = True

    @staticmethod
    def forget(site_dir, dest_uris) -> None:
        """Pages written outside a pass (plein serve's first page of an edit, see live): the
        record no longer vouches for them, so the next pass makes them again."""
        old = MEMORY.get(os.path.abspath(site_dir))
        if old is not None:
            pages = {k: v for k, v in old.pages.items() if k not in dest_uris}
            MEMORY[os.path.abspath(site_dir)] = Manifest(old.key, pages, old.outputs)

    def commit(self, files) -> None:
        """After a successful build: every page's fingerprint is now in the output folder."""
        for f in files:
            if getattr(f, "later", None) is not None:  # written unasked: a build that is not dirty
                f.later()
        for file, inputs in self._after:
            self.page(file, inputs(), counted=False)
        self._after = []
        self._save(Manifest(self.key, self.new, {f.dest_uri for f in files}))

    def _save(self, manifest: Manifest) -> None:
        MEMORY[self.site_dir] = manifest
        if not self.persist:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".pages-", dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(manifest, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            MEMORY.pop(self.site_dir, None)
            _remove(self.path)  # an old record must not outlive a failed write


def _remove(path, top: str | None = None) -> None:
    try:
        os.remove(path)
    except OSError:  # gone already, or not ours to remove
        return
    folder = os.path.dirname(path)
    while top and folder.startswith(top + os.sep):  # folders left empty go too
        try:
            os.rmdir(folder)
        except OSError:
            return
        folder = os.path.dirname(folder)
