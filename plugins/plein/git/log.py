"""Git history in one pass: last update and contributors per file, and recent changes.

One `git log` process (driven by GitPython) streams the whole history of profiles/ and
content/; we keep per file only its newest date and a capped list of contributors, so
memory grows with the number of files, not with commits x files.

Choices, kept simple and consistent:
- Dates are the *author* date, as a naive datetime in the author's own UTC offset: the
  wall-clock time the author saw. Never compare them across authors as instants.
- A file's `updated` is the author date of the newest commit (in `git log` order) touching it,
  its `added` that of the oldest: when it appeared (the digest's "new since").
- Contributors come through .mailmap (%aN/%aE), newest first, unique by e-mail (ignoring
  case; the newest name wins), at most MAX_AUTHORS per file.
- Renames are not followed: the new path starts a fresh history at the rename commit.
- A merge counts as touching only the files it changed relative to every parent (a
  conflict resolution, or a file both sides changed): `git log -c`. The commits of a
  merged branch count by themselves.
- Only the checked-out branch (HEAD) is read; uncommitted files have no entry.
- For the Insights page the same pass keeps, per profile file, its first commit's date
  (`profile_added`) and, per month, who committed changes to profiles (`profile_edits`, by
  lower-cased e-mail): a few entries per month, not per commit.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath

FOLDERS = ("profiles", "content")
MAX_AUTHORS = 20
_MARK = b"\x01"  # starts each commit's header in the -z stream; never in a path we keep
_FORMAT = "%x01%H%x00%aI%x00%aN%x00%aE%x00%s"
_FIELDS = 5
_LOG_ARGS = ("--no-renames", "-c", "--name-only", "-z", "--encoding=UTF-8",
             f"--format={_FORMAT}", "HEAD", "--", *FOLDERS)
# User settings that would change the output we parse.
_CONFIG = ["log.showSignature=false", "diff.relative=false", "core.quotePath=false"]
_OFF = "set `git: false` for the plein plugin in mkdocs.yml to build without Git history"

SHALLOW_WARNING = (
    "this is a shallow clone, so 'last updated' dates and contributors may be wrong. "
    "Fix: run `git fetch --unshallow` (in CI: GitLab `GIT_DEPTH: 0`, "
    "GitHub actions/checkout `fetch-depth: 0`).")


@dataclass(frozen=True)
class FileHistory:
    updated: datetime  # naive, in the author's own UTC offset (see above)
    authors: tuple[tuple[str, str], ...]  # (name, email), most recent first, unique
    added: datetime | None = None  # the oldest commit touching it (in `git log` order)


@dataclass(frozen=True)
class Change:
    date: datetime  # naive, in the author's own UTC offset
    author: str
    email: str
    message: str  # the subject: first line of the commit message
    paths: tuple[str, ...]  # under profiles/ and content/, relative to the repo root
    commit: str = ""  # full hash, for links to the forge


@dataclass
class History:
    files: dict = field(default_factory=dict)  # path relative to the repo root -> FileHistory
    recent: list = field(default_factory=list)  # newest Change first
    warning: str = ""
    profile_added: dict = field(default_factory=dict)  # profiles/<handle>.yml -> first commit's date
    profile_edits: dict = field(default_factory=dict)  # 'YYYY-MM' -> {e-mail (or name) of a committer}

    @classmethod
    def empty(cls) -> "History":
        return cls()

    def for_path(self, rel: str | PurePath) -> FileHistory | None:
        return self.files.get(rel if isinstance(rel, str) else PurePath(rel).as_posix())


class _NoHistory(Exception):
    """Why there is no history to read: becomes History.warning."""


def scan(root: Path, recent: int = 100) -> History:
    """The history of every committed file under root/profiles and root/content.

    Never raises for a missing git, a folder outside Git or an empty repository: it returns
    an empty History whose `warning` says why and how to fix it."""
    root = Path(root)
    try:
        git = _git(root)
        prefix, shallow = _locate(git, root)
        history = _read(git, prefix, recent)
    except _NoHistory as why:
        return History(warning=str(why))
    if shallow and not history.warning:
        history.warning = SHALLOW_WARNING
    return history


def _git(root: Path):
    if not root.is_dir():  # GitPython would silently run git in the current folder instead
        raise _NoHistory(f"{root} is not a folder, so there is no Git history to read.")
    try:
        import git  # GitPython looks for the git program when first imported
    except ImportError:
        raise _NoHistory(_no_git()) from None
    return git.Git(root)


def _no_git() -> str:
    return ("the `git` program was not found, so pages show no 'last updated' dates "
            f"or contributors. Fix: install Git (in CI: use an image with git), or {_OFF}.")


def _run(git, *args) -> tuple[int, bytes, str]:
    from git.exc import GitCommandNotFound
    try:
        status, out, err = git.execute([git.GIT_PYTHON_GIT_EXECUTABLE, *args],
                                       with_extended_output=True, with_exceptions=False,
                                       stdout_as_string=False)
    except GitCommandNotFound:
        raise _NoHistory(_no_git()) from None
    return status, out, (err or "").strip()


def _locate(git, root: Path) -> tuple[bytes, bool]:
    """root's path inside the work tree (b"" or b"sub/dir/"), and whether the clone is shallow."""
    status, out, err = _run(git, "rev-parse", "--is-inside-work-tree",
                            "--is-shallow-repository", "--show-prefix")
    lines = out.split(b"\n") if status == 0 else []
    if len(lines) < 3 or lines[0] != b"true":
        reason = err.splitlines()[-1] if err else "not inside a Git work tree"
        raise _NoHistory(f"cannot read the Git history of {root} ({reason}), so pages "
                         "show no 'last updated' dates or contributors. Fix: build from a "
                         f"clone of the intranet's repository, or {_OFF}.")
    if _run(git, "rev-parse", "--quiet", "--verify", "HEAD^{commit}")[0] != 0:
        raise _NoHistory(f"the Git repository of {root} has no commits yet, so pages "
                         "show no 'last updated' dates or contributors. Fix: commit your "
                         "files (`git add` and `git commit`).")
    return lines[2], lines[1] == b"true"


def _read(git, prefix: bytes, recent: int) -> History:
    from git.exc import GitCommandNotFound
    try:
        proc = git(c=_CONFIG).log(*_LOG_ARGS, as_process=True)
    except GitCommandNotFound:
        raise _NoHistory(_no_git()) from None
    history = _collect(_commits(_tokens(proc.stdout)), prefix, recent)
    err = proc.stderr.read().decode("utf-8", "replace").strip()
    if proc.proc.wait() != 0:  # keep what was read; say what went wrong
        history.warning = (f"`git log` failed, so some 'last updated' dates and "
                           f"contributors may be missing: {err}")
    return history


def _tokens(stream, size: int = 1 << 18):
    """The NUL-separated fields of a byte stream, read in big chunks."""
    rest = b""
    while chunk := stream.read(size):
        parts = (rest + chunk).split(b"\0")
        rest = parts.pop()
        yield from parts
    if rest:
        yield rest


def _commits(tokens):
    """(header fields, paths) per commit. Each header is _MARK + _FIELDS NUL-separated
    fields; the paths follow, the first after a newline (plain commits) or an empty field
    (merges)."""
    fields, paths = None, []
    for tok in tokens:
        if fields is not None and len(fields) < _FIELDS:
            fields.append(tok)
        elif tok[:1] == _MARK:
            if fields is not None:
                yield fields, paths
            fields, paths = [tok[1:]], []
        elif tok and fields is not None:
            paths.append(tok[1:] if not paths and tok[:1] == b"\n" else tok)
    if fields is not None and len(fields) == _FIELDS:
        yield fields, paths


def _collect(commits, prefix: bytes, keep_recent: int) -> History:
    wanted = tuple(prefix + f.encode() + b"/" for f in FOLDERS)
    cut = len(prefix)
    files: dict[str, tuple[datetime, dict]] = {}
    added: dict[str, datetime] = {}  # the log runs newest first: the last date seen is the oldest
    people: dict[tuple[bytes, bytes], tuple[str, tuple[str, str]]] = {}  # shared, not per file
    recent: list[Change] = []
    edits: dict[str, set] = {}
    for (sha, date, name, email, subject), raw in commits:
        paths = [os.fsdecode(p[cut:]) for p in raw if p.startswith(wanted)]
        if not paths:
            continue
        who = people.get((name, email))
        if who is None:
            ident = (name.decode("utf-8", "replace"), email.decode("utf-8", "replace"))
            who = people[(name, email)] = (ident[1].lower() or ident[0], ident)
        key, ident = who
        when = datetime.fromisoformat(date.decode()).replace(tzinfo=None)
        for path in paths:
            added[path] = when
            entry = files.get(path)
            if entry is None:
                files[path] = (when, {key: ident})
            elif len(entry[1]) < MAX_AUTHORS and key not in entry[1]:
                entry[1][key] = ident
            if path.startswith("profiles/") and path.endswith(".yml"):
                edits.setdefault(f"{when:%Y-%m}", set()).add(key)
        if len(recent) < keep_recent:
            recent.append(Change(when, ident[0], ident[1], subject.decode("utf-8", "replace"),
                                 tuple(paths), sha.decode()))
    profiles = {p: d for p, d in added.items() if p.startswith("profiles/") and p.endswith(".yml")}
    return History(files={p: FileHistory(when, tuple(authors.values()), added[p])
                          for p, (when, authors) in files.items()}, recent=recent,
                   profile_added=profiles, profile_edits=edits)
