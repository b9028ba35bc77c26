"""What a build writes from the search index into a site folder kept between builds (a
dirty build): the static index touches no file when nothing changed and only the files
whose bytes changed otherwise, ending byte for byte as an export into an empty folder;
related threads computed from the cache equal those computed from scratch."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from plein.model.load import load
from plein.search.related import CACHE, PEOPLE_CACHE, for_threads, similar
from plein.search.documents import documents
from plein.search.engine import Engine
from plein.search.export import MADE_FROM, STAMP, export, stamp
from plein.search.index import open_index

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, 12, 0)
OLD = 946_684_800  # 2000-01-01: a file written by an export gets a later time than this
OLD_NS = OLD * 10**9
SMALL = {"pack": 600, "dict_max": 900}  # many small files, so a change can miss most of them


@pytest.fixture(scope="module")
def org_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("export") / "org"
    subprocess.run([sys.executable, str(REPO / "tools/generate-org"), "--people", "40", "--seed", "3",
                    "-q", str(root)], check=True)
    return root


def engine_of(root: Path, cache: Path) -> tuple:
    """(model, engine) of the organisation's files as they are now; the index in `cache`
    is brought up to date incrementally, as a build does."""
    org, _ = load(root)
    return org, Engine(open_index(cache, "nl", documents(org, NOW, "nl")), "nl")


def names(org) -> tuple[dict, dict]:
    return {t.id: t.name for t in org.teams.values()}, {k: t.label for k, t in org.topics.items()}


def snapshot(folder: Path) -> dict:
    """{file name: (mtime_ns, bytes)} of every file below folder."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def age(folder: Path) -> None:
    """Date every file back, so that a rewrite shows in its time whatever the clock's grain."""
    for p in folder.rglob("*"):
        if p.is_file():
            os.utime(p, (OLD, OLD))


def set_role(root: Path, new_role: str) -> str:
    """Give the first profile another role, as a person would in an editor; its handle."""
    path = sorted((root / "profiles").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    lines = [f"role: {new_role}" if line.startswith("role:") else line for line in text.splitlines()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path.stem


def test_export_into_a_kept_folder_writes_only_what_changed(org_dir, tmp_path):
    cache, site = tmp_path / "cache", tmp_path / "site" / "plein-search"
    org, engine = engine_of(org_dir, cache)
    export(engine, site, *names(org), **SMALL)
    assert (site / "meta.json").is_file() and (site / STAMP).is_file()
    age(site)
    before = snapshot(site)

    # The next build, nothing changed: not one file is written, and the stamp says why.
    org, engine = engine_of(org_dir, cache)
    meta = export(engine, site, *names(org), **SMALL)
    assert snapshot(site) == before
    # the site's stamp names its files only (the same in every clone); the cache notes which
    # index state gave them (Whoosh's segment ids are random)
    noted = json.loads(Path(engine.ix.storage.folder, MADE_FROM).read_text())
    assert noted["state"] == stamp(engine, *names(org), **SMALL)
    assert json.loads((site / STAMP).read_text()) == {"format": 1, "files": noted["files"]}
    assert meta == json.loads(before["meta.json"][1])

    # A file the previous export had and this one has not (e.g. a chunk of a removed
    # person) and a temporary file of an interrupted export: both must go.
    (site / "m" / "9999.json").write_text("[]")
    (site / "p" / ".1.bin.123.tmp").write_bytes(b"\0")
    handle = set_role(org_dir, "Coördinator zonnepanelen")
    org, engine = engine_of(org_dir, cache)
    export(engine, site, *names(org), **SMALL)
    after = snapshot(site)

    rewritten = {n for n in after if after[n][0] != OLD_NS}
    differ = {n for n in after if n not in before or after[n][1] != before[n][1]}
    assert rewritten == differ, "a file was rewritten with the same bytes, or changed without a new time"
    assert STAMP in differ and "m/9999.json" not in after and "p/.1.bin.123.tmp" not in after
    chunk = next(n for n in differ if n.startswith("m/") and f"person:{handle}" in after[n][1].decode())
    assert "zonnepanelen" in after[chunk][1].decode()
    untouched = [n for n in after if n.startswith("m/") and n not in differ]
    assert len(untouched) > 0.9 * sum(n.startswith("m/") for n in after), "a role change rewrote most chunks"

    fresh = tmp_path / "fresh" / "plein-search"
    export(engine, fresh, *names(org), **SMALL)
    assert {n: b for n, (_, b) in snapshot(fresh).items()} == {n: b for n, (_, b) in after.items()}


def test_stamp_follows_team_and_topic_names(org_dir, tmp_path):
    org, engine = engine_of(org_dir, tmp_path / "cache")
    teams, topics = names(org)
    site = tmp_path / "plein-search"
    export(engine, site, teams, topics)
    age(site)
    team = sorted(teams)[0]
    export(engine, site, {**teams, team: "Team Hernoemd"}, topics)
    changed = {n for n, (t, _) in snapshot(site).items() if t != OLD_NS}
    assert {"meta.json", STAMP} <= changed <= {"meta.json", "people.z", STAMP}  # people.z: team ids
    assert "Team Hernoemd" in (site / "meta.json").read_text(encoding="utf-8")


def related_of(org, engine, cache: Path) -> dict:
    return {tid: (r.threads, r.people) for tid, r in for_threads(org, engine, cache).items()}


def test_related_after_a_change_equals_a_full_match(org_dir, tmp_path):
    cache = tmp_path / "cache"
    org, engine = engine_of(org_dir, cache)
    first = related_of(org, engine, cache)
    assert sum(bool(threads) for threads, _ in first.values()) > len(first) / 2
    stored = [cache / CACHE, cache / PEOPLE_CACHE]
    for path in stored:
        os.utime(path, (OLD, OLD))
    assert related_of(org, engine, cache) == first
    assert [p.stat().st_mtime for p in stored] == [OLD, OLD], "nothing changed, yet a cache was written again"

    thread = sorted((org_dir / "content" / "discussions").glob("*/index.md"))[0]
    thread.write_text(thread.read_text(encoding="utf-8") + "\nWie weet meer over zonnepanelen op het stadhuis?\n",
                      encoding="utf-8")
    org, engine = engine_of(org_dir, cache)
    after = related_of(org, engine, cache)
    assert after != first
    # Key terms depend on the whole index, so a cold cache would differ a little from a
    # warm one; compare with all threads matched again from the very same key terms (a
    # first line that is not the one the key terms below it were written with).
    head, terms = stored[0].read_text(encoding="utf-8").split("\n")
    full = tmp_path / "full"
    full.mkdir()
    (full / CACHE).write_text(json.dumps({"stamp": "another", "near": {}}) + "\n" + terms, encoding="utf-8")
    assert related_of(org, engine, full) == after
    assert json.loads((full / CACHE).read_text(encoding="utf-8").split("\n")[0]) == json.loads(head)

    # Someone to ask changes their name: the thread pages name them anew.
    tid, (_, people) = next((tid, r) for tid, r in sorted(after.items()) if r[1])
    handle = people[0][1].split("/")[-2]
    profile = org_dir / "profiles" / f"{handle}.yml"
    renamed = f"{people[0][0]} Zonneveld"  # sorts where the old name did
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace(f"name: {people[0][0]}\n", f"name: {renamed}\n"), encoding="utf-8")
    org, engine = engine_of(org_dir, cache)
    assert related_of(org, engine, cache)[tid][1][0][0] == renamed


def test_similar_threads_recomputed_for_a_change_equal_a_full_match():
    rnd = random.Random(5)
    vocabulary = [f"w{i}" for i in range(60)] + ["#common"]
    terms = {f"t{i:02}": {w: rnd.choice((0.25, 0.5, 0.3, 0.7)) for w in rnd.sample(vocabulary, 8)}
             for i in range(40)}
    for _ in range(60):
        changed = {tid: dict(ts) for tid, ts in terms.items()}
        tid = rnd.choice(sorted(changed))
        what = rnd.randrange(4)
        if what == 0:
            del changed[tid]
        elif what == 1:
            changed[f"n{rnd.randrange(1000)}"] = {w: 0.5 for w in rnd.sample(vocabulary, 6)}
        elif what == 2:  # more or fewer threads with a term: it may cross the 'common' limit
            for other in rnd.sample(sorted(changed), 6):
                changed[other]["#common"] = 0.5
        else:
            changed[tid] = dict(reversed(list(changed[tid].items())))  # the order of the sums counts
        assert similar(changed, (terms, similar(terms))) == similar(changed)
        terms = changed
