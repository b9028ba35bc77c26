"""The offline link check of the built site (option `check_links`, on in the pipelines): every
link, image, script and stylesheet of every page leads to a file of the site, and every
#anchor to an id of the page it names.

It reads each page once, after the build wrote them all, with the standard library's HTML
parser, on every CPU. mkdocs-htmlproofer-plugin, which did this before, rebuilt an index of all
files for every page it checked: at L, 48,000 pages and 70,000 files, that took about an hour.
Links to other hosts are not followed: the intranet builds without the internet."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..model import linkrule

LINKS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src", "use": "href"}
CHUNK = 400  # pages a worker reads at a time

_FILES: frozenset = frozenset()  # the site's files, set before the workers fork


@dataclass(frozen=True, order=True)
class Broken:
    page: str  # the page, relative to the site folder
    link: str  # as written in the page
    why: str


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: set[str] = set()

    def handle_starttag(self, tag, attrs):
        wanted = LINKS.get(tag)
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (name == "name" and tag == "a"):
                self.ids.add(value)
            elif name == wanted or (tag == "use" and name == "xlink:href"):
                self.links.add(value.strip())

    handle_startendtag = handle_starttag


def fingerprint(site: Path, base_path: str = "/") -> str:
    """What the check's answer depends on: every file's path and every page's bytes. Reading
    and hashing them takes a second at L, where the check takes 50: a scheduled build that
    changed nothing need not check again (check_once)."""
    digest = hashlib.blake2b(base_path.encode(), digest_size=16)
    for path in sorted(Path(site).rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(site).as_posix().encode() + b"\0")
            if path.suffix == ".html":
                digest.update(path.read_bytes())
    return digest.hexdigest()


def check_once(site: Path, base_path: str, passed: Path) -> list[Broken]:
    """check(), unless the site is as it was at the last check that found nothing broken,
    whose fingerprint the file `passed` keeps."""
    stamp = fingerprint(site, base_path)
    if passed.is_file() and passed.read_text() == stamp:
        return []
    broken = check(site, base_path)
    if not broken:
        passed.write_text(stamp)
    return broken


def check(site: Path, base_path: str = "/") -> list[Broken]:
    """Every broken link of the site in `site`, published under `base_path` (the path of
    site_url, for links that start with '/')."""
    global _FILES
    site = Path(site)
    _FILES = frozenset(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    pages = sorted(f for f in _FILES if f.endswith(".html"))
    chunks = [(str(site), base_path, pages[i:i + CHUNK]) for i in range(0, len(pages), CHUNK)]
    broken, ids, later = [], {}, []
    workers = min(len(os.sched_getaffinity(0)), len(chunks)) if chunks else 0
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_read, chunks))
    else:
        results = [_read(chunk) for chunk in chunks]
    for found, page_ids, deferred in results:
        broken += found
        ids.update(page_ids)
        later += deferred
    for page, link, target, fragment in later:  # an anchor on another page
        if fragment not in ids.get(target, ()):
            broken.append(Broken(page, link, f"{target} has no anchor '{fragment}'"))
    return sorted(broken)


def _read(chunk) -> tuple[list, dict, list]:
    site, base_path, pages = chunk
    broken, ids, later = [], {}, []
    for page in pages:
        reader = _Page()
        reader.feed(Path(site, page).read_text(encoding="utf-8", errors="replace"))
        reader.close()
        ids[page] = frozenset(reader.ids)
        for link in sorted(reader.links):
            target, fragment, why = _resolve(page, link, base_path)
            if why:
                broken.append(Broken(page, link, why))
            elif fragment and target == page:
                if fragment not in reader.ids:
                    broken.append(Broken(page, link, f"no anchor '{fragment}' on this page"))
            elif fragment and target.endswith(".html"):
                later.append((page, link, target, fragment))
    return broken, ids, later


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
