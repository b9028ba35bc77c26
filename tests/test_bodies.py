"""Page bodies made in a copy of the build's process, on the second CPU (plein/site/bodies.py),
give the very bytes the build's own process gives (issue 29).

The example site with every hostile case planted (as in test_frames) is built in a fresh
interpreter each time: once with bodies made in a copy, once without, and with the copy
ending early, crashing, or hearing a warning. Every file must be the same each time, the copy
must have made most bodies, and a warning must show exactly once, from the build's process.
The page cache's record (each page's fingerprint, which the copy works out after the bodies
when every page is made) must be the same too, or the next build would make pages again."""
from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from plein.model.pages import person
from plein.site import bodies
from test_frames import files_of, hostile_root  # noqa: F401 - the fixture is used by name

SHOW = 8
# One build in a fresh interpreter (no threads of earlier tests, which would rule a fork out),
# with the copy made for any number of pages on any number of CPUs; prints what it did.
RUNNER = r"""
import json, logging, os, sys
os.environ["NO_MKDOCS_2_WARNING"] = "1"
from mkdocs.commands.build import build
from mkdocs.config import load_config
from plein.site import bodies, views
mode = sys.argv[3]
bodies.MIN_PAGES, bodies.MIN_CPUS = (10 ** 9, 99) if mode == "off" else (1, 1)
make = bodies._make
if mode == "early":  # the copy stops after five bodies, saying it is done
    bodies._make = lambda v, jobs, conn, *digests: make(v, jobs[:5], conn, *digests)
elif mode == "crash":  # the copy dies after five bodies, without a word
    def crash(v, jobs, conn, *digests):
        for src, spec, url in jobs[:5]:
            conn.send((src, v.render(spec, url)))
        os._exit(3)
    bodies._make = crash
elif mode == "warn":  # every profile's view warns, wherever it is rendered
    render = views.Views.render
    def warned(self, spec, url):
        if spec.kind == "person":
            logging.getLogger("mkdocs.plugins.plein.test").warning("a warning from the page of %s", spec.src)
        return render(self, spec, url)
    views.Views.render = warned
heard = []
class Heard(logging.Handler):
    def emit(self, record):
        heard.append(record.getMessage())
logging.getLogger("mkdocs").addHandler(Heard(logging.WARNING))
taken, digests = {}, {}  # per copy (finish is called more than once)
finish = bodies.Bodies.finish
def counted(self):
    finish(self)
    taken[id(self)], digests[id(self)] = self.made, len(self._digests)
bodies.Bodies.finish = counted
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=mode != "warn")
if mode == "fresh":  # plein build with no page cache (or a new key): every page is made
    config.plugins.on_startup(command="build", dirty=True)
build(config, dirty=mode == "fresh")
print(json.dumps({"made": sum(taken.values()), "digests": sum(digests.values()), "warnings": heard}))
"""


def build(root: Path, name: str, mode: str) -> tuple[Path, dict]:
    """A build of a copy of `root` (its own cache) in a fresh interpreter: (site, what it did)."""
    copy = root.parent / name
    shutil.copytree(root, copy, symlinks=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", RUNNER, str(copy / "mkdocs.yml"), str(copy / "site"), mode],
                          capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return copy / "site", json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def alone(hostile_root):  # noqa: F811
    """The site with every body made in the build's own process, and its language answers."""
    site, did = build(hostile_root, "alone", "off")
    assert did["made"] == 0
    return site, files_of(site)


def same(site: Path, alone) -> None:
    a, b = files_of(site), alone[1]
    assert sorted(a) == sorted(b)
    differ = [path for path in a if a[path] != b[path]]
    assert not differ, f"{len(differ)} files differ with bodies made in a copy, e.g. {differ[:SHOW]}"
    mine, theirs = record(alone[0]), record(site)
    assert mine.key == theirs.key and len(mine.pages) > 100
    differ = sorted(k for k in mine.pages.keys() | theirs.pages.keys() if mine.pages.get(k) != theirs.pages.get(k))
    assert not differ, f"{len(differ)} pages' fingerprints differ with a copy, e.g. {differ[:SHOW]}"


def record(site: Path):
    """What the page cache recorded of the build of `site` (pagecache.Manifest)."""
    found = list((site.parent / ".plein-cache" / "pages").glob("*.pickle"))
    assert len(found) == 1, found
    return pickle.loads(found[0].read_bytes())


def pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html"))


def test_bodies_made_in_a_copy_are_the_same_bytes(hostile_root, alone):  # noqa: F811
    site, did = build(hostile_root, "shared", "on")
    same(site, alone)
    assert did["made"] > pages(site) // 2, f"the copy made only {did['made']} of {pages(site)} bodies"
    assert did["digests"] > pages(site) * 3 // 4, "the copy worked out the fingerprints' inputs"
    assert did["warnings"] == []


def test_a_dirty_build_that_makes_every_page_shares_them_too(hostile_root, alone):  # noqa: F811
    """`plein build` after a change to the code, the theme or mkdocs.yml (here: no page cache
    yet) makes every page, as `mkdocs build` does: the copy starts before the fingerprints."""
    site, did = build(hostile_root, "fresh", "fresh")
    same(site, alone)
    assert did["made"] > pages(site) // 2, f"the copy made only {did['made']} of {pages(site)} bodies"
    assert did["digests"] > pages(site) * 3 // 4, "the copy worked out the fingerprints' inputs"


def test_what_the_copy_learns_about_languages_is_kept(hostile_root, alone):  # noqa: F811
    site, _ = build(hostile_root, "languages", "on")
    cache = ".plein-cache/languages.json"
    theirs = json.loads((site.parent / cache).read_text(encoding="utf-8"))
    mine = json.loads((alone[0].parent / cache).read_text(encoding="utf-8"))
    assert theirs == mine and len(mine) > 10


@pytest.mark.parametrize("mode", ["early", "crash"])
def test_a_copy_that_stops_early_leaves_the_rest_to_the_build(hostile_root, alone, mode):  # noqa: F811
    site, did = build(hostile_root, mode, mode)
    same(site, alone)
    assert did["made"] == 5
    assert did["digests"] == (0 if mode == "crash" else did["digests"])  # (the rest worked out here)


def test_a_warning_in_the_copy_shows_once_from_the_build(hostile_root, alone):  # noqa: F811
    site, did = build(hostile_root, "warn", "warn")
    same(site, alone)
    profiles = {f"a warning from the page of {person(p.stem)}" for p in (hostile_root / "profiles").glob("*.yml")}
    assert sorted(did["warnings"]) == sorted(profiles), "each profile's warning, once"
    assert did["made"] > pages(site) // 3


@pytest.mark.parametrize("pages, serving, cpus, threads, expected", [
    (5000, False, 2, 1, True),
    (1999, False, 2, 1, False),  # a merge: a few pages, not worth a copy
    (5000, True, 2, 1, False),  # plein serve: a long-lived process with threads
    (5000, False, 1, 1, False),  # one CPU: nothing to share
    (5000, False, 2, 2, False),  # another thread (a hook's, say) could hold a lock the copy needs
])
def test_when_a_copy_is_made(pages, serving, cpus, threads, expected, monkeypatch):
    monkeypatch.setattr(bodies.os, "sched_getaffinity", lambda pid: set(range(cpus)))
    monkeypatch.setattr(bodies.threading, "active_count", lambda: threads)
    assert bodies.possible(pages, serving) is expected


class Beside:
    """The search process as SiteSearch sees it: past indexing (`ready`) or not."""

    def __init__(self, ready: bool):
        self._ready = ready

    def ready(self) -> bool:
        return self._ready

    def related(self) -> dict:
        assert self._ready, "asked for related content that is not there yet: the build would wait"
        return {"thread": "related"}


@pytest.mark.parametrize("ready, busy", [(False, True), (True, False)])
def test_no_copy_while_the_search_process_indexes(ready, busy):
    from plein.search.site import SiteSearch
    search = SiteSearch.__new__(SiteSearch)
    search._beside, search._related, search.store = Beside(ready), None, object()
    assert search.busy() is busy
    assert search._related == (None if busy else {"thread": "related"})
