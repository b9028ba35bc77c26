"""`plein validate` with its parse cache (.plein-cache/ beside mkdocs.yml) and the fast paths
behind it: a cached or quick result is always exactly what a full, cache-less run reports."""
from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest

from conftest import make_org
from plein.model import yamlio
from plein.cli import main
from plein.commands.validate import open_cache, run
from plein.model.fastcheck import check_files
from plein.model.lineyaml import UNSURE
from plein.model.quickyaml import quick_loads
from plein.model.load import load
from test_validate_cases import CASES, META, prepare

ANNA = ("name: Anna Jansen\nrole: Secretaris\nteam: gemeente\nemail: anna@wetterveen.example\n"
        "started: 2010-01-04\nkudos: true\n")
BRAM = ("name: Bram Visser\nrole: Adviseur\nteam: gemeente\nmanager: anna-jansen\n"
        "email: bram@wetterveen.example\nstarted: 2015-03-01\n")
ORG = {
    "mkdocs.yml": "site_name: Intranet\n",
    "content/index.md": "# Intranet\n",
    "profiles/anna-jansen.yml": ANNA,
    "profiles/bram-visser.yml": BRAM,
    "profiles/carla-smit.yml": BRAM.replace("Bram Visser", "Carla Smit").replace("bram@", "carla@")
                                   .replace("anna-jansen", "bram-visser"),
    "content/teams/gemeente.yml": "name: Gemeente\nlead: anna-jansen\n",
    "content/news/2026/2026-11-20-nieuws.md": "---\ntitle: Nieuws\ndate: 2026-11-20 09:00\n"
                                               "authors: [anna-jansen]\n---\nTekst\n",
    "content/discussions/vraag/index.md": "---\ntitle: Vraag?\nauthor: bram-visser\ndate: 2026-11-01 10:00\n"
                                           "kind: question\naccepted: 2026-11-02T10-15-anna-jansen\n---\nHoe?\n",
    "content/discussions/vraag/replies/2026-11-02T10-15-anna-jansen.md":
        "---\nauthor: anna-jansen\ndate: 2026-11-02 10:15\n---\nZo.\n",
    "content/updates/bram-visser/2026-11-20-1.md": "---\ndate: 2026-11-20 10:00\n---\nHoi\n",
    "content/kudos/2026/2026-11-21-bram-visser-1.md": "---\nfrom: bram-visser\nto: anna-jansen\n"
                                                       "date: 2026-11-21\n---\nDank!\n",
}


def validate(monkeypatch, capsys, root: Path, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    rc = main(["validate", *args])
    out, err = capsys.readouterr()
    return rc, out, err


def cacheless(root: Path, tmp: Path) -> Path:
    """A copy of the repository without mkdocs.yml or cache: validate runs in full there."""
    copy = tmp / f"copy-{random.random()}"
    shutil.copytree(root, copy, symlinks=True, ignore=lambda d, names: {"mkdocs.yml", ".plein-cache"} & set(names))
    return copy


def test_warm_run_prints_exactly_what_the_cold_run_printed(tmp_path, monkeypatch, capsys):
    root = make_org(tmp_path / "org", {**ORG, "profiles/dirk.yml": "name: Dirk\nrole: x\n",
                                       "content/news/2026/oops.md": "no front matter\n"})
    cold = validate(monkeypatch, capsys, root)
    assert (root / ".plein-cache/parsed.bin").is_file()
    assert cold[0] == 1 and "profiles/dirk.yml:1:1: missing required field 'team'" in cold[1]
    assert validate(monkeypatch, capsys, root) == cold
    assert validate(monkeypatch, capsys, cacheless(root, tmp_path)) == cold
    for fmt in ("json", "text"):
        assert validate(monkeypatch, capsys, root, "--format", fmt) == \
            validate(monkeypatch, capsys, cacheless(root, tmp_path), "--format", fmt)


def test_editing_a_file_invalidates_its_entry(tmp_path, monkeypatch, capsys):
    root = make_org(tmp_path / "org", ORG)
    time.sleep(2.1)  # older than the cache's two-second window: trusted by size, time and inode
    assert validate(monkeypatch, capsys, root)[0] == 0
    anna = root / "profiles/anna-jansen.yml"
    before = anna.stat()
    anna.write_text(ANNA.replace("2010-01-04", "2010-13-04"), encoding="utf-8")  # same size
    os.utime(anna, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old time, as `touch -r` can
    rc, out, _ = validate(monkeypatch, capsys, root)
    assert rc == 1 and out.startswith("profiles/anna-jansen.yml:5:1: 'started': '2010-13-04' is not a real date")
    anna.write_text(ANNA, encoding="utf-8")
    assert validate(monkeypatch, capsys, root)[0] == 0
    (root / "content/updates/bram-visser/2026-11-20-1.md").unlink()  # gone files leave the counts
    assert validate(monkeypatch, capsys, root)[1] == \
        "ok: 3 people, 1 team, 1 news item, 1 thread, 0 updates, 1 kudos\n"


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty", "folder"])
def test_a_damaged_cache_is_ignored_and_replaced(tmp_path, monkeypatch, capsys, damage):
    root = make_org(tmp_path / "org", {**ORG, "profiles/dirk.yml": "name: Dirk\n"})
    expected = validate(monkeypatch, capsys, root)
    cache = root / ".plein-cache/parsed.bin"
    if damage == "garbage":
        cache.write_bytes(os.urandom(5000))
    elif damage == "truncated":
        cache.write_bytes(cache.read_bytes()[: cache.stat().st_size // 2])
    elif damage == "empty":
        cache.write_bytes(b"")
    else:
        cache.unlink()
        cache.mkdir()
    assert validate(monkeypatch, capsys, root) == expected
    assert validate(monkeypatch, capsys, root, "profiles/dirk.yml") == \
        validate(monkeypatch, capsys, cacheless(root, tmp_path), "profiles/dirk.yml")


def test_paths_see_cross_file_problems_through_the_changed_file(tmp_path, monkeypatch, capsys):
    """The pre-commit case: the cache is warm, one profile changes, only it is validated."""
    root = make_org(tmp_path / "org", ORG)
    assert validate(monkeypatch, capsys, root)[0] == 0
    changes = {  # (new text of bram-visser.yml, what validate must say about it)
        "manager: ana-jansen": "'manager': unknown person 'ana-jansen'. Fix: did you mean 'anna-jansen'?",
        "email: anna@wetterveen.example": "e-mail 'anna@wetterveen.example' is also used by profiles/anna-jansen.yml",
        "manager: carla-smit": "managers form a cycle: bram-visser → carla-smit → bram-visser",
        "team: gemeentee": "'team': unknown team 'gemeentee'. Fix: did you mean 'gemeente'?",
    }
    for line, message in changes.items():
        key = line.split(":")[0]
        text = "".join(line + "\n" if old.startswith(key + ":") else old for old in BRAM.splitlines(True))
        (root / "profiles/bram-visser.yml").write_text(text, encoding="utf-8")
        for paths in (["profiles/bram-visser.yml"], ["profiles/bram-visser.yml", "profiles/carla-smit.yml"]):
            assert check_files(root, paths, open_cache(root)) is not None  # the quick path was taken
            quick = validate(monkeypatch, capsys, root, *paths)
            assert quick == validate(monkeypatch, capsys, cacheless(root, tmp_path), *paths), line
            assert quick[0] == 1 and message in quick[1], quick
    (root / "profiles/bram-visser.yml").write_text(BRAM, encoding="utf-8")
    assert validate(monkeypatch, capsys, root, "profiles/bram-visser.yml")[0] == 0


def test_paths_of_content_see_their_thread_and_replies(tmp_path, monkeypatch, capsys):
    root = make_org(tmp_path / "org", ORG)
    validate(monkeypatch, capsys, root)
    thread = root / "content/discussions/vraag"
    (thread / "replies/2026-11-02T10-15-anna-jansen.md").rename(thread / "replies/2026-11-02T10-15-bram-visser.md")
    (root / "content/discussions/weg/replies").mkdir(parents=True)
    (root / "content/discussions/weg/replies/2026-11-03T09-00-anna-jansen.md").write_text(
        "---\nauthor: anna-jansen\ndate: 2026-11-03 09:00\n---\nHallo?\n")
    (root / "content/kudos/2026/2026-11-21-bram-visser-1.md").write_text(
        "---\nfrom: anna-jansen\nto: bram-visser\ndate: 2026-11-21\n---\nDank!\n")
    paths = ["content/discussions/vraag/index.md", "content/discussions/vraag/replies/2026-11-02T10-15-bram-visser.md",
             "content/discussions/weg/replies/2026-11-03T09-00-anna-jansen.md",
             "content/kudos/2026/2026-11-21-bram-visser-1.md", "content/index.md", "profiles/anna-jansen.yml"]
    for some in ([p] for p in paths):
        assert validate(monkeypatch, capsys, root, *some) == \
            validate(monkeypatch, capsys, cacheless(root, tmp_path), *some), some
    quick = validate(monkeypatch, capsys, root, *paths)
    assert quick == validate(monkeypatch, capsys, cacheless(root, tmp_path), *paths)
    assert "'accepted': no reply" in quick[1] and "reply to a thread that does not exist ('weg')" in quick[1]
    assert "has not opted in to kudos" in quick[1] and "does not match the file name" in quick[1]


def _case_files(case: Path) -> list[str]:
    return sorted(p.relative_to(case).as_posix() for p in case.rglob("*")
                  if p.is_file() and p.name not in META)


@pytest.mark.parametrize("case", sorted(p.name for p in (CASES / "invalid").iterdir() if p.is_dir()))
def test_quick_paths_match_a_full_run_on_every_case(case, tmp_path, monkeypatch):
    root = prepare(CASES / "invalid" / case, tmp_path / "org")
    monkeypatch.chdir(root)
    (root / "mkdocs.yml").write_text("site_name: x\n")
    run(root, [], open_cache(root))  # a full run fills the cache
    for rel in _case_files(CASES / "invalid" / case) + ["profiles/anna-jansen.yml"]:
        quick = check_files(root, [rel], open_cache(root))
        assert quick is not None
        counts, problems = run(root, [rel])  # without a cache: the full run
        assert (quick[0], sorted(set(quick[1]))) == (counts, sorted(set(problems))), rel


def test_quick_reader_reads_like_yamlio():
    """Every text the quick reader accepts gives yamlio's value and lines; it declines the rest."""
    rng = random.Random(7)
    pieces = ["a", "b: ", ": ", "- ", "\n", "  ", "[", "]", "{", "}", ", ", "'", '"', "#", "1", "0", "_",
              ".5", "e3", "true", "False", "null", "~", "é", "\t", "?", "|", ">", "\\n", "-", "x y", "\ufeff"]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CASES.rglob("*.yml"))]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 30))) for _ in range(20_000)]
    quick = 0
    for text in texts:
        value = quick_loads(text, 2)
        if value is UNSURE:
            continue
        quick += 1
        expected = yamlio.loads(text, first_line=2)
        assert (value, _lines(value)) == (expected, _lines(expected)), text
        assert type(value) is type(expected)
    assert quick > 5000  # the quick reader is not simply declining everything


def _lines(value):
    if isinstance(value, dict):
        return (getattr(value, "line", None), getattr(value, "lines", None), [_lines(v) for v in value.values()])
    if isinstance(value, list):
        return [_lines(v) for v in value]
    return repr(value)


def test_parallel_cold_load_gives_what_one_process_gives(tmp_path):
    files = dict(ORG)
    for i in range(2100):  # above the number of files where parsing goes parallel
        files[f"content/updates/anna-jansen/2026-11-20-{i}.md"] = (
            f"---\ndate: 2026-11-20 10:{i % 60:02d}\ntags: [t{i % 7}]\n---\nUpdate {i}\n" if i % 500
            else "---\ndate: 2026-13-20\n---\n")
    root = make_org(tmp_path / "org", files)
    one = load(root, jobs=1)
    two = load(root, jobs=2)
    assert sorted(two[1]) == sorted(one[1]) and len(one[1]) == 10  # a bad date, no text; 5 times
    assert two[0].updates == one[0].updates and two[0].people == one[0].people
