"""The fast paths of a cold `plein validate` give exactly what the plain ones give: the line
reader what yamlio reads, a parallel cold run (shards parsed in processes, scan without stat
keys) what one process reports, and a cache that later runs read just as they read one made
in one process. Speed itself is measured by tools/bench, not here."""
from __future__ import annotations

import os
import pickle
import random
from pathlib import Path

import pytest

from conftest import make_org
from plein.model import load as L, parallel, parse, scan, yamlio
from plein.commands.validate import open_cache, run
from plein.model.fastcheck import check_files
from plein.model.lineyaml import UNSURE, line_loads
from plein.model.parsecache import ParseCache
from plein.model.validate import check
from test_validate_cache import ORG, _lines
from test_validate_cases import CASES, prepare

KEYS = ["a", "name", "tags", "x_1", "true", "null", "B", "n", "k" * 120]
VALUES = ["", "x", "x y", "1", "-1", "+1", "0", "00", "1_000", "1.5", ".5", "1e3", "1.", "true", "TRUE",
          "tRue", "no", "~", "null", "Null", "'q'", '"q"', "'a''b'", '"a\\nb"', '""', "[a, b]", "[]", "[ ]",
          "[a,]", "[a, [b]]", "[a, 'b, c']", '["x", y]', "[x'y, z]", "[1, 2.5, true, ~]", "[a: b]", "[a?b]",
          "[a #b]", "[a] #c", "a #b", "a#b", "a: b", "a:b", "a:", "|-", ">", "- x", "-x", "&a x", "*a",
          "!!str x", "%x", "@x", "C#", "x  ", "{a: b}", "a, b", "é", "\u00a0x", "x\u3000y", "2026-01-01 10:00",
          "'x' y", "[x", "[-]", "---", "\\x", "\tx"]
BLOCKS = ["  line\n", "  line\n\n  more\n", "  a\n    b\n", "  a\n\n\n", "\n  a\n", "   \n  a\n", " a\n  b\n",
          "    a\n  b\n", "  # h\n  x: y\n", "  a", "  ---\n"]
NESTED = ["  - title: a\n    url: b\n  - title: c\n", "  - a\n  - [b]\n", "  - x: 1\n   y: 2\n", "  - x:\n",
          "  - x: 1\n    - y\n", "  - - a\n", "  - \n", "  - a: b: c\n", "  - a\n    - b\n", "  - a\n  b: c\n",
          "  - x: 1\n    y: 2\nz: 3\n", "  t: [a]\n  l: x\n", "  t:\n", "  t: x\n    u: y\n", "  - a\n", "  t: x\n l: y\n", "   \n",
          "  t: x\n\n  l: y\n", "  t: |\n    x\n", "  true: x\n", "  t: x\n  t: y\n"]
OTHER = ["# c\n", "\n", "  # c\n", "   \n", "---\n", "...\n", "- a\n", "x\n", " x: y\n", "a : b\n", "\ufeff", "\r\n"]


def _text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, rng.choice([1, 2, 3, 6]))):
        key, r = rng.choice(KEYS), rng.random()
        if r < 0.55:
            parts.append(f"{key}:{rng.choice([' ', '', '  '])}{rng.choice(VALUES)}{rng.choice(['', ' '])}\n")
        elif r < 0.7:
            parts.append(f"{key}: |\n" + "".join(rng.choice(BLOCKS) for _ in range(rng.randint(1, 2))))
        elif r < 0.85:
            parts.append(f"{key}:\n" + rng.choice(NESTED))
        else:
            parts.append(rng.choice(OTHER))
    text = "".join(parts)
    return text.rstrip("\n") if rng.random() < 0.1 else text


def test_line_reader_reads_like_yamlio():
    """Every text the line reader accepts gives yamlio's values, types and lines; it declines
    the rest (which the other readers then read)."""
    rng = random.Random(11)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CASES.rglob("*.yml"))]
    for page in sorted(CASES.rglob("*.md")):
        try:
            texts.append(yamlio.split_front_matter(page.read_text(encoding="utf-8", errors="replace"))[0])
        except yamlio.YamlError:
            pass
    texts += [_text(rng) for _ in range(30_000)]
    accepted = 0
    for text in texts:
        value = line_loads(text, 2)
        if value is UNSURE:
            continue
        accepted += 1
        expected = yamlio.loads(text, first_line=2)
        assert (value, _lines(value)) == (expected, _lines(expected)), text
        assert type(value) is type(expected), text
    assert accepted > 2500  # it does not simply decline everything


def test_scan_without_keys_finds_the_same_files(tmp_path):
    root = make_org(tmp_path / "org", ORG)
    (root / "profiles/link.yml").symlink_to(root / "profiles/anna-jansen.yml")
    with_keys, without = scan.scan(root), scan.scan(root, keys=False)
    assert [f[:2] for f in with_keys] == [f[:2] for f in without]
    assert [f[2] is None for f in with_keys] == [f[2] is None for f in without]
    assert all(key is scan.UNSTATED for *_, key in without if key is not None)
    assert [parse.stated(f) for f in without] == with_keys


def _org(org, problems):
    check(org, problems)
    return ({name: getattr(org, name) for name in ("people", "teams", "news", "threads", "updates", "kudos")},
            sorted(set(problems)))


def _stored(cache: ParseCache) -> dict:
    """Every blob of a saved cache, unpickled (refs: per shard)."""
    cache = ParseCache(cache.path.parent)
    out = {}
    for name in cache._blobs:
        value = cache._blob(name)
        out[name] = {shard: pickle.loads(part) for shard, part in value.items()} if "@refs" in name else value
    return out


def _unstated(stored: dict) -> dict:
    """`_stored` without the stat keys of the entries (the first item of each)."""
    def entry(value):
        return (None, *value[1:]) if isinstance(value, tuple) and value else value
    return {name: ({k: entry(v) for k, v in blob.items()} if isinstance(blob, dict) else blob)
            for name, blob in stored.items()}


def _cold_in_processes(root: Path, folder: Path):
    """A cold run with a cache, in two processes from the first file on: (result, cache)."""
    cache = ParseCache(folder)
    assert cache.empty()
    result = _org(*L.load(root, cache, jobs=2))
    cache.save()
    return result, cache


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "invalid").iterdir() if p.is_dir())
                         + ["valid/" + p.name for p in (CASES / "valid").iterdir() if p.is_dir()])
def test_parallel_cold_run_is_a_serial_run(case, tmp_path, monkeypatch):
    folder = CASES / (case if "/" in case else f"invalid/{case}")
    root = prepare(folder, tmp_path / "org")
    (root / "profiles/outside.yml").symlink_to(CASES / "base/profiles/anna-jansen.yml")  # read as a link
    (root / "profiles/gone.yml").symlink_to(tmp_path / "nowhere.yml")
    os.mkfifo(root / "content/teams/pipe.yml")  # never opened: it would wait for a writer
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    cold, cache = _cold_in_processes(root, tmp_path / "cache")
    serial = _org(*L.load(root, jobs=1))
    assert cold == serial
    assert _org(*L.load(root, ParseCache(tmp_path / "cache"), jobs=1)) == serial  # warm, from that cache
    one = ParseCache(tmp_path / "one")
    L.load(root, one, jobs=1)
    one.save()
    # the same cache as one process makes; but for stat keys: a file written less than
    # parsecache.RACY_NS before a run is kept without one, and whether each run falls in that
    # window depends on the machine's load, not on the code
    assert _unstated(_stored(cache)) == _unstated(_stored(one))


def test_quick_paths_read_a_cache_made_in_processes(tmp_path, monkeypatch):
    files = dict(ORG)
    for i in range(300):
        files[f"profiles/p-{i}.yml"] = ORG["profiles/bram-visser.yml"].replace("bram@", f"p{i}@")
    root = make_org(tmp_path / "org", files)
    monkeypatch.chdir(root)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 1)
    cache = open_cache(root)
    L.load(root, cache, jobs=2)
    cache.save()
    for old, new, message in (("manager: anna-jansen", "manager: p-7", "own manager"), ("p7@", "p8@", "also used by")):
        (root / "profiles/p-7.yml").write_text(files["profiles/p-7.yml"].replace(old, new))
        seen = ""
        for rel in ("profiles/p-7.yml", "profiles/p-8.yml", "content/teams/gemeente.yml"):
            quick = check_files(root, [rel], open_cache(root))
            assert quick is not None
            counts, problems = run(root, [rel])  # no cache: in full
            assert (quick[0], sorted(set(quick[1]))) == (counts, sorted(set(problems))), rel
            seen += str(problems)
        assert message in seen
        run(root, [], open_cache(root))  # a warm full run: the changed profile's shard is made again
