"""Finding and reading the staff files: the record folders scanned in a fixed order with a
stat key per file (what the parse cache trusts), and files read with a size limit. Used by
the one loader (load), the parse cache and the parallel parse."""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from .yamlio import MAX_BYTES

PROFILES = "profiles"
CONTENT = "content"
# folders whose every file must be a record (or a photo, for profiles)
RECORD_DIRS = {
    "profiles": "profiles/<handle>.yml (and its photo)",
    "content/teams": "content/teams/<team-id>.yml",
    "content/news": "content/news/<YYYY>/<YYYY-MM-DD>-<slug>.md",
    "content/discussions": "content/discussions/<slug>/index.md or .../replies/<YYYY-MM-DDTHH-MM>-<handle>.md",
    "content/updates": "content/updates/<handle>/<YYYY-MM-DD>-<n>.md",
    "content/kudos": "content/kudos/<YYYY>/<YYYY-MM-DD>-<from>-<n>.md",
}
SECTIONS = tuple(RECORD_DIRS)  # the folders a full scan reads


class _Unstated:
    """The stat key of a regular file that `scan(keys=False)` did not ask for."""

    def __reduce__(self):
        return "UNSTATED"  # the very object in a worker process too


UNSTATED = _Unstated()


def scan(root: Path, sections=SECTIONS, keys: bool = True) -> list[tuple[str, str, tuple | None]]:
    """Every file under the record folders, in a fixed order: (relative posix path, absolute
    path, stat key). The key (size, mtime, ctime, inode) is given for regular files only: the
    cache trusts an unchanged key without reading the file. Like os.walk, links to folders are
    not followed and names starting with '.' are skipped. keys=False: UNSTATED for regular
    files, whose keys are taken later (a cold run, where no key is looked up, takes them as it
    reads the file: a third of the scan)."""
    return [file for part in scan_sections(root, sections, keys) for file in part]


def scan_sections(root: Path, sections=SECTIONS, keys: bool = True):
    """What `scan` gives, one section (record folder) at a time."""
    root = Path(root)
    if PROFILES in sections and (root / PROFILES).is_dir():
        out: list = []
        _scan(str(root / PROFILES), PROFILES, out, keys)
        yield out
    if (root / CONTENT).is_dir():
        for entry in _entries(str(root / CONTENT)):
            rel = f"{CONTENT}/{entry.name}"
            if rel in sections and rel in RECORD_DIRS and _is_dir(entry):
                out = []
                if entry.is_symlink():  # refused by the parse, never followed
                    out.append((rel, entry.path, None))
                else:
                    _scan(entry.path, rel, out, keys)  # other folders hold ordinary site pages
                yield out


def _entries(path: str) -> list:
    try:
        with os.scandir(path) as it:
            return sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError:
        return []  # an unreadable folder is skipped, as os.walk does


def _is_dir(entry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _scan(path: str, rel: str, out: list, keys: bool = True) -> None:
    folders = []
    for entry in _entries(path):
        if _is_dir(entry) and not entry.is_symlink():
            folders.append(entry)
            continue
        # a link to a folder is an entry like a link to a file: never followed, refused by
        # the parse, so that a link can't publish what it points to (only regular files are content)
        key = None
        if entry.is_symlink():
            pass
        elif keys:
            key = stat_key(entry.path)
        elif _is_file(entry):
            key = UNSTATED
        out.append((f"{rel}/{entry.name}", entry.path, key))
    for entry in folders:  # a folder's files first, then its subfolders, like os.walk
        _scan(entry.path, f"{rel}/{entry.name}", out, keys)


def stat_key(path: str, fd: int | None = None) -> tuple | None:
    """The stat key of a regular file (of the open file `fd` if given), else None."""
    try:
        st = os.lstat(path) if fd is None else os.fstat(fd)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _is_file(entry) -> bool:
    try:
        return entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def scan_folder(root: Path, rel: str) -> list[tuple[str, str, tuple | None]]:
    """What `scan` gives under the folder `rel`, assuming the scan reaches that folder."""
    out: list = []
    _scan(str(Path(root) / rel), rel, out)
    return out


LINK_FIX = "replace the link by a copy of the file itself, or remove it"


def irregular_pages(root: Path) -> list[tuple[str, str, str]]:
    """(relative path, problem, fix) of every link or other non-regular file under content/
    outside the record folders: the site's own pages, which MkDocs reads following links.
    The record folders and profiles/ are covered by `scan`, whose non-regular files the parse
    refuses. Hidden names are included: a link is refused whatever its name."""
    root = Path(root)
    found = []
    top = root / CONTENT
    if not top.is_dir():
        return found
    for folder, dirs, files in os.walk(top, followlinks=False):
        rel_folder = Path(folder).relative_to(root).as_posix()
        if rel_folder in RECORD_DIRS:
            dirs[:] = []
            continue
        for name in sorted(dirs + files):
            rel = f"{rel_folder}/{name}"
            if rel in RECORD_DIRS and name in dirs and not os.path.islink(os.path.join(folder, name)):
                continue
            what = irregular(os.path.join(folder, name))
            if what:
                found.append((rel, *what))
        dirs[:] = sorted(d for d in dirs if not os.path.islink(os.path.join(folder, d)))
    return found


def irregular(path: str) -> tuple[str, str] | None:
    """(problem, fix) when `path` is not an ordinary file or folder, else None."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return None
    if stat.S_ISLNK(mode):
        what = "a link to a folder" if os.path.isdir(path) else "a link (symbolic link)"
        return (f"{what}: only ordinary files and folders are content, and the site would publish "
                "what the link points to", LINK_FIX)
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "not a regular file (a pipe, socket or device)", "replace it by an ordinary file, or remove it"


def walk(root: Path):
    """Every file under the record folders, as (relative posix path, absolute path)."""
    for rel, path, _ in scan(root):
        yield rel, Path(path)


def read_limited(path: Path, limit: int = MAX_BYTES + 1) -> bytes:
    """At most `limit` bytes: a 10 MB file costs no more than the limit to refuse."""
    with open(path, "rb") as fh:
        return fh.read(limit)


def content_key(rel: str, raw: bytes) -> bytes:
    """What a file's parse result depends on: its path and its bytes."""
    return hashlib.blake2b(rel.encode() + b"\0" + raw, digest_size=20).digest()


def read_regular(path: str, key: tuple) -> tuple:
    """(key, what read_limited reads), the key's size a hint: one read, and a check for the end
    when the key is the scan's, without the file object that open() makes (a fifth of a small
    file's parse). UNSTATED: the key is taken from the open file, so it is the size read; (None,
    None) when that file turns out not to be a regular one."""
    limit = MAX_BYTES + 1
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        fresh = key is UNSTATED  # then the size is that of this very open file
        if fresh:
            key = stat_key(path, fd)
            if key is None:
                return None, None
        chunks = [os.read(fd, min(key[0] + 1, limit))]
        total, want = len(chunks[0]), 1  # a file that did not grow ends here
        while total < limit and not (fresh and total <= key[0]):
            chunk = os.read(fd, min(want, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total, want = total + len(chunk), 1 << 16
    finally:
        os.close(fd)
    return key, chunks[0] if len(chunks) == 1 else b"".join(chunks)
