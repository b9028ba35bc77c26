"""The offline link check of the built site (option `check_links`, on in the pipelines): every
link, image, script and stylesheet of every page leads to a file of the site, and every
#anchor to an id of the page it names.

It reads each page once, after the build wrote them all, with libxml2's HTML parser (lxml:
five times the speed of the standard library's, whose regular expressions took 85 s of a
first build at L; the same ids and links on every page of L), on every CPU; after a build
that changed a few pages, only those (check_once keeps what each page held in the cache, and
judges the pages that did not change against the files and anchors that did).
mkdocs-htmlproofer-plugin, which did this before, rebuilt an index of all files for every
page it checked: at L, 48,000 pages and 70,000 files, that took about an hour.
Links to other hosts are not followed: the intranet builds without the internet."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import pickle
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple
from pathlib import Path

from lxml import etree

from ..model import linkrule
from .publish import site_listing

LINKS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "use": "href"}
CHUNK = 400  # pages a worker reads at a time

_FILES: frozenset = frozenset()  # the site's files, set before the workers fork


@dataclass(frozen=True, order=True)
class Broken:
    page: str  # the page, relative to the site folder
    link: str  # as written in the page
    why: str


# every attribute a link can be in, and every id a fragment can name, found by libxml2 itself
_LINKS = etree.XPath(" | ".join([f"//{tag}/@{attr}" for tag, attr in LINKS.items()] + ["//use/@*[name()='xlink:href']"]),
                     smart_strings=False)
_IDS = etree.XPath("//@id | //a/@name", smart_strings=False)
# lxml's parsers hold no state between documents, and are safe to use in a forked worker
_PARSER = etree.HTMLParser(encoding="utf-8", recover=True, no_network=True, huge_tree=True)


def _parse(data: bytes) -> tuple[set, set]:
    """The ids and the links (stripped) of a page."""
    root = etree.fromstring(data, _PARSER) if data.strip() else None
    if root is None:
        return set(), set()
    return set(_IDS(root)), {link.strip() for link in _LINKS(root)}


class _Seen(NamedTuple):
    """What one page's check found, kept between builds (check_once): the page as it was
    (size, times, inode), its ids, the files its links lead to, its links to anchors on
    other pages, and what is broken on the page itself. A tuple: 49,000 of them are read
    and written on every build at L."""
    stat: tuple
    sig: bytes  # a digest of the page's bytes
    ids: frozenset
    targets: frozenset | tuple  # paths; kept between builds as numbers into a table (_Record)
    anchors: tuple  # (link, target page, fragment)
    broken: tuple


def _version() -> bytes:
    """The code that decides: this module and the link rule."""
    digest = hashlib.blake2b(digest_size=16)
    for module in (__file__, linkrule.__file__):
        digest.update(Path(module).read_bytes())
    return digest.digest()


def check_once(site: Path, base_path: str, passed: Path, skip=(), since: int | None = None,
               listing: dict | None = None) -> list[Broken]:
    """check(), reading again only the pages that changed since the last check (the record
    beside `passed`, in the cache), and the unchanged pages whose links led to a file that is
    gone or were broken. The file `passed` holds a digest of the site the last check found
    nothing broken in (its files' paths and its pages' bytes); it is rewritten only when that
    changes, so a scheduled build that changed nothing leaves it as it was.

    At L the whole check reads 49,000 pages in about 50 s; a merge changes tens of them.
    `skip`: top folders another process may be writing meanwhile, which no page links to (the
    search's export, which scripts read). `since`: when the build began (ns); see _restored.
    `listing`: site_listing(site, skip), when the caller has walked the site already."""
    state = listing if listing is not None else site_listing(site, skip)
    kept = passed.with_suffix(".pickle")
    old = _load(kept, base_path)
    broken, seen, read = _check(Path(site), base_path, state, old, since)
    if read or old is None or old.files != set(state):
        _save(kept, base_path, _Record(set(state), seen, old.table if old else []))
    stamp = hashlib.blake2b(base_path.encode() + b"\0" + _version(), digest_size=16)
    for name in sorted(state):
        stamp.update(name.encode() + b"\0" + (seen[name].sig if name in seen else b""))
    stamp = stamp.hexdigest()
    if broken:
        passed.unlink(missing_ok=True)
    elif not passed.is_file() or passed.read_text() != stamp:
        passed.write_text(stamp)
    return broken


@dataclass
class _Record:
    """What the last check found: the site's files, and per page what its check found, with
    the paths its links lead to as numbers into `table` (kept in order, added to). At L pages
    hold 1.9 million links to 70,000 files: as text the record was 90 MB, a second to write
    and another to read on every build."""
    files: set
    seen: dict
    table: list

    def numbered(self, pages: int) -> _Record:
        """The record with every page's targets as numbers; a table grown to twice the
        files it needs is made anew."""
        renumber = len(self.table) > 2 * pages + 1000
        table = [] if renumber else list(self.table)
        index = {name: i for i, name in enumerate(table)}
        seen = {}
        for page, s in self.seen.items():
            if renumber:
                s = s._replace(targets=self._names(s.targets))
            if not isinstance(s.targets, tuple):  # read in this check, or renumbered
                numbers = []
                for name in sorted(s.targets):
                    if name not in index:
                        index[name] = len(table)
                        table.append(name)
                    numbers.append(index[name])
                s = s._replace(targets=tuple(numbers))
            seen[page] = s
        return _Record(self.files, seen, table)

    def _names(self, targets) -> frozenset:
        return frozenset(self.table[i] for i in targets) if isinstance(targets, tuple) else targets

    def numbers(self, names) -> frozenset:
        """The numbers of these paths in the table."""
        return frozenset(i for i, name in enumerate(self.table) if name in names)


def _load(path: Path, base_path: str) -> _Record | None:
    try:
        with open(path, "rb") as fh:
            version, base, files, table, rows = pickle.load(fh)
        if (version, base) != (_version(), base_path):
            return None
        return _Record(files, {page: _Seen._make(row) for page, row in rows.items()}, table)
    except Exception:  # a cache only: anything unreadable means reading every page
        return None


def _save(path: Path, base_path: str, record: _Record) -> None:
    record = record.numbered(len(record.files))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".links-", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            rows = {page: tuple(s) for page, s in record.seen.items()}  # plain tuples load fastest
            pickle.dump((_version(), base_path, record.files, record.table, rows), fh,
                        protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        path.unlink(missing_ok=True)


def check(site: Path, base_path: str = "/") -> list[Broken]:
    """Every broken link of the site in `site`, published under `base_path` (the path of
    site_url, for links that start with '/')."""
    return _check(Path(site), base_path, site_listing(site), None)[0]


def _check(site: Path, base_path: str, state: dict, old, since: int | None = None) -> tuple[list, dict, int]:
    """The broken links, what each page's check found, and how many pages were read or found
    the same by their bytes. `old`: the _Record of the last check;
    a page whose file is unchanged (by its stat, else by its bytes' digest) is not read again
    unless a file its links led to is gone, or it had a broken link and files came or went."""
    global _FILES
    _FILES = frozenset(state)
    refreshed = 0
    pages = sorted(f for f in _FILES if f.endswith(".html"))
    seen: dict = {}
    if old is None:
        todo = pages
    else:
        before = old.seen
        gone = old.files - _FILES
        moved = bool(gone) or bool(_FILES - old.files)
        gone = old.numbers(gone) if gone else gone
        todo = []
        for page in pages:
            was = before.get(page)
            if was is None or (moved and was.broken) or (gone and not gone.isdisjoint(was.targets)):
                todo.append(page)
            elif was.stat == state[page]:
                seen[page] = was
            elif _restored(was.stat, state[page], since):
                seen[page] = was._replace(stat=state[page])
                refreshed += 1
            elif was.stat[0] == state[page][0] and _sig(site / page) == was.sig:
                # the same bytes in another file: a pipeline restores the cache from a zip (new
                # inodes, times to the second), and reading a page costs 25 times hashing it
                seen[page] = was._replace(stat=state[page])
                refreshed += 1
            else:
                todo.append(page)
    chunks = [(str(site), base_path, todo[i:i + CHUNK], [state[p] for p in todo[i:i + CHUNK]])
              for i in range(0, len(todo), CHUNK)]
    workers = min(len(os.sched_getaffinity(0)), len(chunks)) if chunks else 0
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_read, chunks))
    else:
        results = [_read(chunk) for chunk in chunks]
    for found in results:
        seen.update(found)
    broken = []
    for page in pages:
        found = seen[page]
        broken += found.broken
        for link, target, fragment in found.anchors:  # an anchor on another page
            there = seen.get(target)
            if there is None or fragment not in there.ids:
                broken.append(Broken(page, link, f"{target} has no anchor '{fragment}'"))
    return sorted(broken), seen, len(todo) + refreshed


def _restored(was: tuple, now: tuple, since: int | None) -> bool:
    """Whether a page is the one checked before, unpacked from the pipeline's cache: the same
    size and the same time to the second (an archive keeps no more), before this build began,
    so no page this build wrote. Make's rule, which spares hashing 49,000 pages at L."""
    if since is None or was[0] != now[0]:
        return False
    second = now[1] // 10**9
    return second == was[1] // 10**9 and second < since // 10**9


def _read(chunk) -> dict:
    site, base_path, pages, stats = chunk
    out = {}
    for page, stat in zip(pages, stats):
        data = Path(site, page).read_bytes()
        ids, links = _parse(data)
        broken, targets, anchors = [], set(), []
        for link in sorted(links):
            target, fragment, why = _resolve(page, link, base_path)
            if why:
                broken.append(Broken(page, link, why))
                continue
            if target:
                targets.add(target)
            if fragment and target == page:
                if fragment not in ids:
                    broken.append(Broken(page, link, f"no anchor '{fragment}' on this page"))
            elif fragment and target.endswith(".html"):
                anchors.append((link, target, fragment))
        out[page] = _Seen(stat, _sig_of(data), frozenset(ids), frozenset(targets), tuple(anchors),
                          tuple(broken))
    return out


def _sig_of(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _sig(path: Path) -> bytes:
    try:
        return _sig_of(path.read_bytes())
    except OSError:
        return b""


def _resolve(page: str, link: str, base_path: str) -> tuple[str, str, str]:
    """(the file the link leads to, its #fragment, '') or ('', '', why it leads nowhere):
    the rule `plein validate` applies to links in records too (model/linkrule.py)."""
    return linkrule.resolve(page, link, base_path, _FILES.__contains__)


def report(broken: list[Broken], sources: dict, limit: int = 50) -> str:
    """One line per broken link, `file: what is wrong. Fix: …`. `sources` maps a page of the
    site to the file its links were written in (a Markdown page, or the record a page shows),
    or to None for a page Plein makes from many records."""
    lines = []
    for b in broken[:limit]:
        source = sources.get(b.page)
        if source:
            lines.append(f"{source} (page {b.page}): the link '{b.link}' leads nowhere: {b.why}. "
                         f"Fix: correct the link in {source}")
        else:
            lines.append(f"{b.page}: the link '{b.link}' leads nowhere: {b.why}. Fix: Plein made this "
                         "page, so this is a fault in Plein or in a template of the site's theme; report it")
    if len(broken) > limit:
        lines.append(f"… and {len(broken) - limit} more broken links")
    return "\n".join(lines)
