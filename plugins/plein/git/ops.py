"""Git for the contribution commands, through GitPython.

The user's checkout is never touched: a contribution is written, checked and committed in a
temporary worktree (`git worktree add` in a temp dir) on a new branch, and pushed from there.
So the user stays on their branch and their uncommitted files stay exactly as they were.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import git

from ..errors import FatalError

_URL = re.compile(r"https?://\S+")


def open_repo_at(root: Path) -> git.Repo:
    """The Git clone holding `root` (which may be a folder inside it)."""
    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise FatalError(f"{root} is not a Git clone; clone your intranet's repository first "
                         "(git clone <url>) and run the command inside it") from None


def identity(repo: git.Repo) -> tuple[str, str]:
    """The user's (name, e-mail) from their git config: commits carry it, and it proves who wrote."""
    reader = repo.config_reader()
    name = reader.get_value("user", "name", "")
    email = reader.get_value("user", "email", "")
    if not name or not email:
        raise FatalError("Git does not know who you are. Fix: git config --global user.name 'Your Name' "
                         "and git config --global user.email your.name@organisation.example "
                         "(the e-mail in your profile)")
    return str(name), str(email)


def remote_url(repo: git.Repo, remote: str) -> str:
    try:
        return repo.remote(remote).url
    except ValueError:
        raise FatalError(f"this clone has no remote '{remote}'; add it with "
                         f"git remote add {remote} <url of the intranet repository>") from None


def default_branch(repo: git.Repo, remote: str, fallback: str, online: bool) -> str:
    """The remote's default branch: origin/HEAD, else what the remote says, else `fallback`."""
    try:
        ref = repo.git.symbolic_ref(f"refs/remotes/{remote}/HEAD")
        return ref.rsplit(f"refs/remotes/{remote}/", 1)[1]
    except git.GitCommandError:
        pass
    if online:
        rc, out, _ = repo.git.ls_remote("--symref", remote, "HEAD", with_extended_output=True,
                                        with_exceptions=False)
        m = re.search(r"^ref: refs/heads/(\S+)\s+HEAD", out or "", re.M)
        if rc == 0 and m:
            return m.group(1)
    return fallback


def fetch(repo: git.Repo, remote: str, branch: str) -> str:
    """Fetch the default branch and the open contributions (plein/* branches, so a new file's
    name is free on them too); returns '' or a warning (offline is not an error here)."""
    rc, _, err = repo.git.fetch("--prune", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}",
                                f"+refs/heads/plein/*:refs/remotes/{remote}/plein/*",
                                with_extended_output=True, with_exceptions=False)
    return "" if rc == 0 else git_error(err)


def pending(repo: git.Repo, remote: str, base) -> dict[str, str]:
    """{path from the top: branch} of files added by contributions not yet merged: the
    remote's plein/* branches as last fetched, and local plein/* branches (a failed push)."""
    out = repo.git.log("--source", "--no-renames", "--diff-filter=A", "--name-only", "--format=%x01%S",
                       f"--remotes={remote}/plein/*", "--branches=plein/*", f"^{base.hexsha}", "--")
    found: dict[str, str] = {}
    for entry in out.split("\x01")[1:]:
        ref, *paths = [line for line in entry.splitlines() if line.strip()]
        branch = ref
        for prefix in ("refs/heads/", "refs/remotes/", f"{remote}/"):
            branch = branch.removeprefix(prefix)
        for path in paths:
            found.setdefault(path, branch)
    return found


def remote_sha(repo: git.Repo, remote: str, branch: str) -> str | None:
    """The commit `branch` points at on the remote now, or None (absent, or unreachable)."""
    rc, out, _ = repo.git.ls_remote(remote, f"refs/heads/{branch}", with_extended_output=True,
                                    with_exceptions=False, kill_after_timeout=20)
    return out.split()[0] if rc == 0 and out.strip() else None


def base_commit(repo: git.Repo, remote: str, branch: str):
    """The commit to branch from: the remote's default branch as last fetched."""
    for ref in (f"refs/remotes/{remote}/{branch}", f"refs/heads/{branch}"):
        try:
            return ref, repo.commit(ref)
        except (git.BadName, ValueError):
            continue
    raise FatalError(f"cannot find {remote}/{branch}; fetch it first: git fetch {remote} {branch}")


def changed_in_worktree(repo: git.Repo, rel: str) -> bool:
    """True when the user's checkout has uncommitted (or untracked) changes to `rel`."""
    return bool(repo.git.status("--porcelain", "--untracked-files=all", "--", rel).strip())


def exists_in(commit, rel: str) -> bool:
    try:
        commit.tree / rel
        return True
    except KeyError:
        return False


def free_branch(repo: git.Repo, name: str) -> str:
    heads = {h.name for h in repo.heads}
    candidate, n = name, 1
    while candidate in heads:
        n += 1
        candidate = f"{name}-{n}"
    return candidate


@contextmanager
def worktree(repo: git.Repo, commit):
    """A detached checkout of `commit` in a temp dir, removed afterwards whatever happens."""
    for where in (_ram_dir(), None):
        tmp = Path(tempfile.mkdtemp(prefix=f"plein-{os.getpid()}-", dir=where))
        path = tmp / "work"
        try:
            repo.git.worktree("add", "--detach", "--quiet", str(path), commit.hexsha)
            break
        except BaseException as err:  # Ctrl-C too: never leave an empty folder behind
            shutil.rmtree(tmp, ignore_errors=True)
            repo.git.worktree("prune")
            if where is None or not isinstance(err, git.GitCommandError):
                raise
    try:
        yield git.Repo(path)
    finally:
        try:
            repo.git.worktree("remove", "--force", str(path))
        except git.GitCommandError:
            pass  # already gone; prune below tidies git's bookkeeping
        shutil.rmtree(tmp, ignore_errors=True)
        repo.git.worktree("prune")


def _ram_dir() -> str | None:
    """A memory-backed temp folder when there is one with room: writing thousands of small
    files is what a checkout costs, and on some disks that takes seconds."""
    try:
        st = os.statvfs("/dev/shm")
    except (OSError, AttributeError):
        return None
    roomy = st.f_bavail * st.f_frsize > 1 << 30
    return "/dev/shm" if roomy and os.access("/dev/shm", os.W_OK) else None


def branch_tip(repo: git.Repo, remote: str, branch: str):
    """The commit of `branch` on the remote as last fetched, else the local branch."""
    for ref in (f"refs/remotes/{remote}/{branch}", f"refs/heads/{branch}"):
        try:
            return repo.commit(ref)
        except (git.BadName, ValueError):
            continue
    raise FatalError(f"cannot find the branch {branch}; fetch it first: git fetch {remote}")


def commit_files(wt: git.Repo, branch: str | None, rels: list[str], message: str) -> str:
    """Create `branch` here (None: stay where HEAD is) and commit exactly `rels` on it, as the
    user (their git identity)."""
    if branch:
        wt.git.switch("--quiet", "-c", branch)
    wt.git.add("--", *rels)
    # Hooks are skipped: the file was just checked by the same validation `plein validate` runs,
    # and a hook in a throwaway worktree may need tools or network the user's shell lacks.
    wt.git.commit("--quiet", "--no-verify", "-m", message, "--", *rels)
    return wt.head.commit.hexsha


def commit_many(wt: git.Repo, branch: str, rels: list[str], message: str) -> str:
    """As commit_files, for any number of paths (an HR import may write 15,000): the paths go
    to git on standard input, not on a command line that the system limits in length."""
    wt.git.switch("--quiet", "-c", branch)
    listing = "\0".join(rels).encode("utf-8")
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as text:
        text.write(message)  # a message may be as long as the list of paths
        text.flush()
        for args in (["add", "--pathspec-from-file=-", "--pathspec-file-nul"],
                     ["commit", "--quiet", "--no-verify", "-F", text.name, "--pathspec-from-file=-",
                      "--pathspec-file-nul"]):
            done = subprocess.run(["git", *args], cwd=wt.working_tree_dir, input=listing,
                                  capture_output=True)
            if done.returncode:
                raise git.GitCommandError(["git", *args], done.returncode, done.stderr)
    return wt.head.commit.hexsha


@dataclass
class Pushed:
    ok: bool
    output: str
    command: str


def quote_args(args: list[str]) -> list[str]:
    return [shlex.quote(a) for a in args]


def push_args(remote: str, branch: str, options: list[str]) -> list[str]:
    return [*(f"--push-option={o}" for o in options), remote, f"{branch}:refs/heads/{branch}"]


def push(repo: git.Repo, remote: str, branch: str, options: list[str]) -> Pushed:
    args = push_args(remote, branch, options)
    command = "git push " + " ".join(quote_args(args))
    rc, out, err = repo.git.push(*args, with_extended_output=True, with_exceptions=False)
    return Pushed(rc == 0, "\n".join(x for x in (out, err) if x), command)


def mr_link(output: str) -> str:
    """The merge request URL in the remote's reply ('View merge request for …:', 'To create a
    merge request for …, visit:', GitHub's 'Create a pull request … by visiting:'), or ''."""
    lines = [re.sub(r"^remote:\s?", "", line).strip() for line in output.splitlines()]
    for i, line in enumerate(lines):
        if re.search(r"(merge|pull) request", line, re.I):
            for later in lines[i:i + 3]:
                m = _URL.search(later)
                if m:
                    return m.group(0)
    return ""


def web_url(url: str) -> str:
    """https://host/owner/repo for a remote URL in https, ssh or scp form; '' for local paths."""
    m = (re.match(r"^(?:ssh://)?[^@/\s]+@([^:/\s]+)(?::\d+)?[:/](.+?)(?:\.git)?/?$", url)
         or re.match(r"^https?://(?:[^@/]+@)?([^/]+)/(.+?)(?:\.git)?/?$", url))
    if not m:
        return ""
    return f"https://{m.group(1)}/{m.group(2)}"


def is_github(url: str) -> bool:
    return bool(re.search(r"(^|[@/])github\.com[:/]", url))


def compare_url(url: str, base: str, branch: str) -> str:
    web = web_url(url)
    return f"{web}/compare/{base}...{branch}?expand=1" if web else ""


def git_error(text: str) -> str:
    """The line of git's error output that says what went wrong ('fatal: …'), in one line."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    for line in lines:
        for prefix in ("fatal: ", "error: "):
            if line.startswith(prefix):
                return line[len(prefix):].strip()
    return lines[-1] if lines else "git failed"
