"""The user's repository as `plein serve`'s publishing (publish.py) sees it: git run as a list
of arguments (never a shell: branch names cannot become commands) that fails as GitFailed,
blobs read in one process, the work trees and what the user has changed in them."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path


class GitFailed(Exception):
    pass


def git(root: Path, *args: str, data: str | None = None) -> str:
    done = run(root, *args, data=data)
    if done.returncode:
        raise GitFailed(f"git {args[0]} failed ({first(done.stderr)})")
    return done.stdout


def run(root: Path, *args: str, cwd: Path | None = None, data: str | bytes | None = None, text: bool = True):
    # no prompt for a password: a watcher in the background cannot answer one
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    try:
        return subprocess.run(["git", *args], cwd=cwd or root, input=data, capture_output=True,
                              text=text, timeout=120, env=env, **({"errors": "replace"} if text else {}))
    except (OSError, subprocess.TimeoutExpired) as err:
        raise GitFailed(f"git {args[0]} did not finish ({err})") from None


def blobs(root: Path, shas: list[str]) -> list[bytes]:
    """The contents of these blobs, read by one git process (a profile each would be
    thousands of processes in a large organisation)."""
    if not shas:
        return []
    done = run(root, "cat-file", "--batch", data=("\n".join(shas) + "\n").encode(), text=False)
    if done.returncode:
        raise GitFailed(f"git cat-file failed ({first(done.stderr.decode('utf-8', 'replace'))})")
    out, at = [], 0
    for _ in shas:
        end = done.stdout.find(b"\n", at)
        header = done.stdout[at:end].split()
        if end < 0 or len(header) != 3:
            raise GitFailed("git cat-file gave no blob for a profile")
        size = int(header[2])
        out.append(done.stdout[end + 1:end + 1 + size])
        at = end + 1 + size + 1
    return out


def main_worktree(root: Path, branch: str) -> tuple[str | None, Path | None]:
    """("checked", the work tree) that has the default branch checked out; ("busy", the work
    tree) that is rebasing it (git shows it detached, and moves the branch at the end: a
    merge meanwhile would make the rebase fail); or (None, None)."""
    target = f"refs/heads/{branch}"
    trees = worktrees(root)
    for tree, head in trees:
        if head == target:
            return "checked", tree
    for tree in (tree for tree, head in trees if head is None):
        gitdir = Path(run(root, "rev-parse", "--absolute-git-dir", cwd=tree).stdout.strip() or "/nonexistent")
        for name in ("rebase-merge", "rebase-apply"):
            try:
                if (gitdir / name / "head-name").read_text().strip() == target:
                    return "busy", tree
            except OSError:
                pass
    return None, None


def worktrees(root: Path) -> list[tuple[Path, str | None]]:
    """Every work tree of the repository, with the branch it has checked out (None: detached)."""
    found = []
    for field in git(root, "worktree", "list", "--porcelain", "-z").split("\0"):
        if field.startswith("worktree "):
            found.append((Path(field[len("worktree "):]), None))
        elif field.startswith("branch ") and found:
            found[-1] = (found[-1][0], field[len("branch "):])
    return found


def dirty(root: Path, branch: str, files, where: Path | None = None) -> list[str]:
    """The files among `files` with a change of the user's (staged, unstaged, untracked or
    ignored) in the work tree `where`, or else the one that has `branch` checked out."""
    if not files:
        return []
    where = where or main_worktree(root, branch)[1]
    if where is None:
        return []
    # ignored files too: a checkout overwrites those without asking
    done = run(root, "--literal-pathspecs", "status", "--porcelain", "-z", "--no-renames",
               "--untracked-files=all", "--ignored=matching", "--", *files, cwd=where)
    if done.returncode:
        return list(files)  # cannot tell: wait rather than risk the user's work
    return [entry[3:] for entry in done.stdout.split("\0") if len(entry) > 3]


def first(stderr: str) -> str:
    lines = [line.strip() for line in (stderr or "").splitlines() if line.strip()]
    return lines[0][:200] if lines else "no message"
