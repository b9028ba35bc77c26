"""Helpers for tests/test_incremental.py: run the real `plein build`, copy an intranet's
sources without its cache and site, and compare two site folders byte for byte with a
report a developer can act on (which files differ, and where)."""
from __future__ import annotations

import difflib
import itertools
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

PLEIN = Path(sys.executable).parent / "plein"
# What a build reads. Everything else in the repository (the site, .plein-cache/, any staging
# folder an incremental build keeps) is output or cache, and a build from scratch has none.
SOURCES = ("profiles", "content", "mkdocs.yml", ".gitignore", ".git")
# What differs between two builds of one tree (found by building the example twice, in two
# folders): MkDocs stamps today's UTC date into sitemap.xml (<lastmod>) and the gzip header of
# sitemap.xml.gz, so builds on both sides of midnight differ. SOURCE_DATE_EPOCH, MkDocs' switch
# for reproducible builds, fixes that date, so the sitemaps are compared like any other file.
# The rest goes in EXEMPT, each path with its reason.
BUILD_ENV = {"SOURCE_DATE_EPOCH": "1795780800", "NO_MKDOCS_2_WARNING": "1"}  # 2026-11-27 12:00 UTC
EXEMPT = frozenset({
    # search.export's note of the Whoosh index state the folder holds: a digest of segment ids,
    # which Whoosh draws at random, so two builds from scratch of one tree differ here too. The
    # browser never reads it; the files it vouches for are compared like any other.
    "plein-search/stamp.json",
})
SHOW_FILES = 8   # differing files listed by name
SHOW_DIFFS = 3   # of which this many with a diff excerpt
DIFF_LINES = 14  # lines of each excerpt
WIDTH = 180      # characters of each excerpt line, around the first difference
SEARCH = "plein-search/"  # the static search index (search.export), compared decoded as well


def plein_build(root: Path) -> Path:
    """`plein build` in `root` as a user runs it (its own process, the default site folder)."""
    done = subprocess.run([str(PLEIN), "build", "-q"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, **BUILD_ENV}, timeout=600)
    assert done.returncode == 0, f"plein build in {root} failed ({done.returncode}):\n{done.stderr[-3000:]}"
    return root / "site"


def copy_sources(root: Path, dest: Path) -> Path:
    """The intranet in `root` as a fresh clone with the same work tree would have it."""
    dest.mkdir(parents=True)
    for name in SOURCES:
        if (root / name).is_dir():
            shutil.copytree(root / name, dest / name, symlinks=True)
        elif (root / name).exists():
            shutil.copy2(root / name, dest / name)
    return dest


def listing(site: Path) -> set[str]:
    """Files and folders under `site`, folders ending in '/' (a stale empty folder counts)."""
    return {p.relative_to(site).as_posix() + ("/" if p.is_dir() else "") for p in site.rglob("*")}


def differences(got: Path, want: Path) -> tuple[list[str], list[str], list[str]]:
    """(only in got, only in want, in both with other bytes), each sorted, EXEMPT left out."""
    mine, theirs = listing(got) - EXEMPT, listing(want) - EXEMPT
    changed = [p for p in sorted(mine & theirs) if not p.endswith("/") and not same_bytes(got / p, want / p)]
    return sorted(mine - theirs), sorted(theirs - mine), changed


def same_bytes(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()


def site_report(got: Path, want: Path, what: str) -> str:
    """'' when the two sites are the same file for file and byte for byte, else what differs."""
    extra, missing, changed = differences(got, want)
    if not (extra or missing or changed):
        return ""
    out = [f"{what}: the site in {got} is not the site built from scratch in {want}."]
    for paths, label in ((changed, "with other bytes (a stale page?)"),
                         (missing, "missing (never written?)"),
                         (extra, "that should not be there (left over from before?)")):
        if paths:
            folders = Counter(p.split("/")[0] for p in paths).most_common()
            out.append(f"{len(paths)} files {label}, by folder: "
                       + ", ".join(f"{name} {n}" for name, n in folders))
            out.append("  " + ", ".join(paths[:SHOW_FILES]) + (", ..." if len(paths) > SHOW_FILES else ""))
    for rel in one_per_folder([p for p in changed if not p.startswith(SEARCH)])[:SHOW_DIFFS]:
        out.append(f"--- {rel} (- from scratch, + {what})")
        out.append(excerpt((want / rel).read_bytes(), (got / rel).read_bytes()))
    if any(p.startswith(SEARCH) for p in changed + missing + extra):
        out.append(search_report(got / SEARCH, want / SEARCH))
    return "\n".join(out)


def one_per_folder(paths: list[str]) -> list[str]:
    """The first path of each top folder: the excerpts show the kinds of pages that differ."""
    firsts: dict = {}
    for path in paths:
        firsts.setdefault(path.split("/")[0], path)
    return list(firsts.values())


def excerpt(old: bytes, new: bytes) -> str:
    """A short unified diff of two versions of a file, long lines cut around the change."""
    try:
        a, b = old.decode("utf-8").splitlines(), new.decode("utf-8").splitlines()
    except UnicodeDecodeError:
        at = next((i for i, (x, y) in enumerate(zip(old, new)) if x != y), min(len(old), len(new)))
        return f"    binary: {len(old)} vs {len(new)} bytes, first difference at byte {at}"
    diff = [line for line in difflib.unified_diff(a, b, n=0, lineterm="")][2:]
    first_old = next((l[1:] for l in diff if l.startswith("-")), "")
    first_new = next((l[1:] for l in diff if l.startswith("+")), "")
    col = len(os.path.commonprefix([first_old, first_new]))
    lines = [clip(line, col) for line in diff[:DIFF_LINES]]
    if len(diff) > DIFF_LINES:
        lines.append(f"... {len(diff) - DIFF_LINES} more diff lines")
    return "\n".join("    " + line for line in lines)


def clip(line: str, col: int) -> str:
    if len(line) <= WIDTH:
        return line
    start = max(1, col - WIDTH // 3)
    return line[0] + ("..." if start > 1 else "") + line[start:start + WIDTH] + "..."


def changed_pages(before: Path, after: Path) -> set[str]:
    """Paths of `after` that are new or hold other bytes than in `before`."""
    extra, _, changed = differences(after, before)
    return set(extra) | set(changed)


def replace(root: Path, rel: str, old: str, new: str) -> None:
    """Edit a file of the example; fails clearly when the example no longer holds `old`."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer holds {old!r}: update this edit to the example"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def search_report(got: Path, want: Path) -> str:
    """What differs in two static search indexes, decoded: words, documents per stem, weights."""
    mine, theirs = search_postings(got), search_postings(want)
    lines = ["plein-search decoded (stem: documents, weights; - from scratch, +):"]
    only = sorted(set(mine) ^ set(theirs))
    if only:
        lines.append(f"  {len(only)} stems in one index only: {', '.join(only[:SHOW_FILES])}")
    common = sorted(set(mine) & set(theirs))
    docs = [s for s in common if mine[s][0] != theirs[s][0]]
    weights = [s for s in common if mine[s][0] == theirs[s][0] and mine[s][1] != theirs[s][1]]
    for stems, label in ((docs, "other documents"), (weights, "the same documents, other weights")):
        if stems:
            lines.append(f"  {len(stems)} of {len(common)} stems with {label}, e.g.")
            lines += [f"    {s}: -{theirs[s]} +{mine[s]}"[:WIDTH] for s in stems[:SHOW_DIFFS]]
    return "\n".join(lines)


def search_postings(folder: Path) -> dict:
    """{stem: (document numbers, weights)} of a static search index (see search.export)."""
    packs = {p.name: p.read_bytes() for p in (folder / "p").glob("*.bin")}
    out = {}
    for path in (folder / "d").glob("*.json"):
        for stem, _df, pack, offset, size, *_head in json.loads(path.read_text(encoding="utf-8"))["s"]:
            numbers = unvarint(packs.get(f"{pack}.bin", b"")[offset:offset + size])
            docs = list(itertools.accumulate(numbers[0::2]))
            out[stem] = (docs, numbers[1::2])
    return out


def unvarint(data: bytes) -> list[int]:
    numbers, n, shift = [], 0, 0
    for byte in data:
        n |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            numbers.append(n)
            n, shift = 0, 0
    return numbers
