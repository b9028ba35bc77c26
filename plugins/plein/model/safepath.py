"""The one way Plein turns names into a path it writes: `inside(folder, *names)` refuses anything
that would leave the folder.

The folder is the caller's own (the repository, a worktree, .git/plein/…); the names may come
from people (a handle, a thread id, a title made into a slug) and are refused when they are
absolute, hold '..', a backslash, NUL or another control character, start with a dot (a
hidden file that later runs would trip on, or .git, .github), are longer than a file system
allows, or when a folder or file along the way is a symbolic link (a link committed to the
repository could point anywhere). Every write into the repository goes through here.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import FatalError
from .names import shown

MAX_COMPONENT = 255  # bytes: the limit of ext4, APFS, NTFS and most others


class UnsafePath(FatalError):
    """A name that would leave its folder, or that no file system should hold."""


def inside(folder: str | Path, *names: str, hidden: tuple[str, ...] = ()) -> Path:
    """folder/names… as a Path that is certainly beneath `folder`. Each name may hold several
    parts separated by '/' ('profiles/jan.yml'). `hidden` lists dot-names the caller chose
    itself (e.g. '.github' for the generated CODEOWNERS), allowed where they appear."""
    base = Path(folder).resolve()
    parts: list[str] = []
    for name in names:
        parts.extend(_parts(name, hidden))
    if not parts:
        raise UnsafePath(f"no file name given under {base}")
    path = base
    for i, part in enumerate(parts):
        path = path / part
        if path.is_symlink():
            raise UnsafePath(f"{shown('/'.join(parts[:i + 1]))}: is a symbolic link, and Plein writes only "
                             "through real folders and files. Fix: replace the link with the "
                             "folder or file itself")
    real = path.resolve()
    if real != base and base not in real.parents:  # belt and braces: the checks above hold
        raise UnsafePath(f"'{shown('/'.join(parts))}' leads outside {base}")
    return path


def write_text(folder: str | Path, name: str, text: str, hidden: tuple[str, ...] = ()) -> Path:
    """Write `text` (UTF-8) to inside(folder, name), making the folders between."""
    return write_bytes(folder, name, text.encode("utf-8"), hidden)


def write_bytes(folder: str | Path, name: str, data: bytes, hidden: tuple[str, ...] = ()) -> Path:
    path = inside(folder, name, hidden=hidden)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        inside(folder, name, hidden=hidden)  # the folders just made are real ones, still beneath
        fd = os.open(path, flags, 0o666)  # O_NOFOLLOW: a link that appeared since is not followed
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as err:  # a file where a folder should be, a full disk: said plainly
        raise UnsafePath(f"{shown(name)}: cannot be written ({err.strerror or err}). Fix: check "
                         "that no file stands where a folder of this path should be") from None
    return path


def name_problem(name: str, hidden: tuple[str, ...] = ()) -> str | None:
    """None when `name` (one part or several separated by '/') may be written, else why not."""
    try:
        _parts(name, hidden)
    except UnsafePath as err:
        return str(err)
    return None


def _parts(name: str, hidden: tuple[str, ...]) -> list[str]:
    if not isinstance(name, str):
        raise UnsafePath(f"'{shown(name)}' is not a file name")
    what = f"'{shown(name)}'"
    if "\0" in name:
        raise UnsafePath(f"{what} holds a NUL character, which no file name may hold")
    if any(ord(c) < 32 or 0x7f <= ord(c) < 0xa0 for c in name):
        raise UnsafePath(f"{what} holds a control character, which a file name must not hold")
    if "\\" in name:
        raise UnsafePath(f"{what} holds a backslash; Plein's file names use '/' between folders "
                         "and nothing else")
    if name.startswith("/") or (name[1:2] == ":" and name[:1].isalpha()):
        raise UnsafePath(f"{what} is an absolute path; it must be a name inside the folder")
    parts = name.split("/")
    for part in parts:
        if part in ("", "."):
            raise UnsafePath(f"{what} has an empty part ('//' or '/./'); write each folder once")
        if part == "..":
            raise UnsafePath(f"{what} holds '..', which would leave the folder")
        if part.startswith(".") and part not in hidden:
            raise UnsafePath(f"{what} has a part that starts with a dot ('{shown(part)}'): a hidden "
                             "file, which Plein never writes")
        if len(part.encode("utf-8")) > MAX_COMPONENT:
            raise UnsafePath(f"{what} has a part of {len(part.encode('utf-8'))} bytes; a file "
                             f"name may have at most {MAX_COMPONENT}")
    return parts
