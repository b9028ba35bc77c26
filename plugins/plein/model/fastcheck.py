"""`plein validate PATHS` without loading every file: exactly what a full run reports for
those files (see `check_files`)."""
from __future__ import annotations

import stat
from collections import Counter
from pathlib import Path

from .load import assemble, parse_files
from .parse import classify, is_photo, quiet_collector, record_dir
from .scan import SECTIONS, scan, scan_folder
from .validate import check

MAX_PATHS = 2000  # more files than this: a full run is about as fast
BASE = ("profiles", "content/teams")  # what checks across files read, whatever the paths


def check_files(root: Path, rels: list[str], cache):
    """(counts, problems) of `plein validate PATHS` for the files `rels`, exactly as a full run
    reports them, without loading every file; None when that is not possible here (a folder
    among the paths, no full scan in the cache yet): then the caller runs in full.

    Checks across files read every profile and team: those folders are scanned, unchanged
    files come from the cache. Of the rest only `rels` are parsed, with what their checks read:
    a reply's thread, a thread's replies. Counts of content outside `rels` are those of the
    last full run (a build or a validate)."""
    indexes = {section: cache.loaded(section) for section in SECTIONS if section not in BASE}
    refs = cache.refs(BASE)
    if len(rels) > MAX_PATHS or None in indexes.values() or refs is None:
        return None
    found = {}
    for rel in dict.fromkeys(rels):
        if (root / rel).is_dir() or rel in ("", "."):
            return None
        found[rel] = _as_scanned(root, rel)
    with quiet_collector():
        return _check_files(root, rels, refs, indexes, found)


def _check_files(root: Path, rels: list[str], refs, indexes: dict, found: dict):
    base = [f for f in scan(root, BASE) if not is_photo(f[0])]
    parsed = parse_files(root, base, refs)
    known = {f[0] for f in base}
    others = [item for rel, item in {**found, **_related(root, found)}.items()
              if item is not None and rel not in known]
    extra = parse_files(root, others)
    org, problems = assemble(root, parsed + extra, photos_of=set(rels))
    check(org, problems, touched=rels)
    counts = Counter({"people": len(org.people), "teams": len(org.teams)})
    for kinds, _ in indexes.values():
        counts.update(kinds)
    for (rel, _, _), result in zip(others, extra):  # what changed in the files parsed here
        if f"\n{rel}\n" in indexes.get(record_dir(rel), ({}, ""))[1]:
            counts[classify(rel)[0]] -= 1
        if result.record is not None:
            counts[result.kind] += 1
    counts = {"people": counts["people"], "teams": counts["teams"], "news": counts["news"],
              "threads": counts["thread"], "updates": counts["update"], "kudos": counts["kudos"]}
    wanted = set(rels)
    return counts, [p for p in problems if p.path in wanted]


def _as_scanned(root: Path, rel: str):
    """The (rel, path, stat key) a full scan gives for the file `rel`, or None when a full
    scan does not read it (outside the record folders, hidden, under a link to a folder)."""
    parts = rel.split("/")
    if record_dir(rel) is None or is_photo(rel) or any(p.startswith(".") for p in parts):
        return None
    if not _reached(root, parts[:-1]):
        return None
    path = root / rel
    try:
        st = path.lstat()
    except OSError:
        return None
    if path.is_dir():
        return None
    regular = stat.S_ISREG(st.st_mode)
    key = (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) if regular else None
    return rel, str(path), key


def _reached(root: Path, parts: list[str]) -> bool:
    """Does a full scan walk into the folder `parts`? It follows profiles/ and content/ even as
    links, but no link to a folder below them."""
    if not (root / parts[0]).is_dir():
        return False
    for depth in range(2, len(parts) + 1):
        folder = root.joinpath(*parts[:depth])
        if folder.is_symlink() or not folder.is_dir():
            return False
    return True


def _related(root: Path, found: dict) -> dict:
    """What the checks of these files read besides profiles and teams: the thread of a reply
    (is it an orphan?), the replies of a thread (does 'accepted' name one?)."""
    related = {}
    for rel, item in found.items():
        parts = rel.split("/")
        if item is None or parts[:2] != ["content", "discussions"] or len(parts) < 4:
            continue
        thread = "/".join(parts[:3])
        index = f"{thread}/index.md"
        if index not in found:
            related[index] = _as_scanned(root, index)
        if rel == index and _reached(root, parts[:3] + ["replies"]):
            for reply in scan_folder(root, f"{thread}/replies"):
                related.setdefault(reply[0], reply)
    return related
