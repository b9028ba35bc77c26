"""The web editor's local backend for `plein serve`: decap-server in git mode, so that a
save in the editor makes a cms/… branch in this repository, as it makes a merge request on
the forge.

decap-server commits with `git add .` and checks branches out in its own working tree, so it
never runs in the user's checkout: it gets a clone of its own in the cache folder, brought up
to date with the repository's branch at every start, and a post-commit hook there pushes each
cms/… branch back into the repository.
"""
from __future__ import annotations

import ctypes
import os
import shlex
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

import git

SERVER = "decap-server/dist/index.js"
HOOK = """#!/bin/sh
# Plein: a save of the web editor is a commit on a cms/... branch; show it in the repository.
branch=$(git symbolic-ref --short -q HEAD) || exit 0
case "$branch" in
  cms/*) git push --quiet --force origin "refs/heads/$branch:refs/heads/$branch" >/dev/null 2>&1 ;;
esac
exit 0
"""
# decap-server checks out the branch it is on before and after every read (runOnBranch). That
# changes nothing, but on a tree of 130,000 files each checkout costs 0.1 s, so a form took a
# second longer to open: decap-server runs with this git first on its PATH. It says what git
# says: simple-git waits 50 ms more for a command that printed nothing, and a form's opening
# waits for three such reads one after another (issue 26).
GIT = """#!/bin/sh
if [ "$#" -eq 2 ] && [ "$1" = checkout ] && [ "$({git} symbolic-ref --short -q HEAD)" = "$2" ]; then
  echo "Already on '$2'" >&2
  exit 0
fi
exec {git} "$@"
"""


class LocalEditor:
    def __init__(self, root: Path, cache_dir: Path, modules: Path, branch: str, port: int):
        self.root, self.clone = root, cache_dir / "editor" / "repo"
        self.server, self.branch, self.port = modules / SERVER, branch, port
        self.process: subprocess.Popen | None = None

    def start(self) -> tuple[str | None, str]:
        """(the URL of decap-server's API, a line for the person) or (None, why not); and a
        second line when the git identity belongs to no profile (identity_problem)."""
        url, line = self._start()
        problem = identity_problem(self.root)
        return url, f"{line}\n{problem}" if problem else line

    def _start(self) -> tuple[str | None, str]:
        node = shutil.which("node")
        if node is None or not self.server.is_file():
            return None, "web editor: no local backend (Node.js or decap-server missing; run 'make install')"
        why = f"port {self.port} is in use: pass --editor-port" if _answers(self.port) else self._prepare()
        if why:
            return None, f"web editor: no local backend ({why})"
        path = f"{self.clone.parent / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}"
        env = {**os.environ, "PATH": path, "MODE": "git", "GIT_REPO_DIRECTORY": str(self.clone),
               "PORT": str(self.port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
        self.log = self.clone.parent / "decap-server.log"
        with open(self.log, "wb") as log:  # read when it fails; a pipe nobody reads would block it
            self.process = subprocess.Popen([node, str(self.server)], env=env, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
        if not _listening(self.port, self.process):
            detail = self.stop()
            return None, f"web editor: decap-server did not start on port {self.port} ({detail or 'no answer'})"
        return (f"http://127.0.0.1:{self.port}/api/v1",
                f"web editor: a save makes a cms/… branch in this repository (decap-server on port {self.port})")

    def stop(self) -> str:
        if self.process is None:
            return ""
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None
        lines = self.log.read_text(errors="replace").strip().splitlines()
        return lines[-1] if lines else ""

    def _prepare(self) -> str | None:
        try:
            repo = git.Repo(self.root)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            return f"{self.root} is not a Git repository"
        if self.branch not in repo.heads:
            return f"the branch '{self.branch}' does not exist here"
        try:
            if not (self.clone / ".git").is_dir():
                shutil.rmtree(self.clone, ignore_errors=True)
                git.Repo.clone_from(str(self.root), str(self.clone), branch=self.branch, no_tags=True)
            clone = git.Repo(self.clone)
            clone.git.fetch("origin", self.branch, "--quiet")
            clone.git.checkout("--force", "-B", self.branch, f"origin/{self.branch}", "--quiet")
            clone.git.clean("-fdq")
            _same_identity(repo, clone)
        except git.GitCommandError as err:
            return f"git {' '.join(err.command[1:3])} failed: {str(err.stderr).strip()}"
        _script(self.clone / ".git" / "hooks" / "post-commit", HOOK)
        _script(self.clone.parent / "bin" / "git", GIT.format(git=shlex.quote(shutil.which("git") or "git")))
        return None


IDENTITY = {
    "en": {"none": "web editor: your git identity has no e-mail address, so nothing you save is yours "
                   "and nothing publishes: set `git config user.email` to the address in profiles/<you>.yml",
           "nobody": "web editor: your git identity ({email}) belongs to no profile, so nothing you save "
                     "is yours and nothing publishes: set `git config user.email` to the address in "
                     "profiles/<you>.yml"},
    "nl": {"none": "webeditor: je git-identiteit heeft geen e-mailadres, dus wat je opslaat is van niemand "
                   "en niets wordt gepubliceerd: zet `git config user.email` op het adres in profiles/<jij>.yml",
           "nobody": "webeditor: je git-identiteit ({email}) hoort bij geen profiel, dus wat je opslaat is "
                     "van niemand en niets wordt gepubliceerd: zet `git config user.email` op het adres in "
                     "profiles/<jij>.yml"},
}


def identity_problem(root: Path, language: str | None = None) -> str | None:
    """One line saying what to set when `git config user.email` is the e-mail of no profile in
    profiles/ (the editor then knows nobody, and plein serve publishes nothing); else None.
    Profiles are read as data, regular files only."""
    from ..config.settings import read
    from ..errors import FatalError
    from ..model.parse import parse_file
    if language is None:
        try:
            language = read(root).language
        except FatalError:
            language = "en"
    words = IDENTITY.get(language, IDENTITY["en"])
    try:
        email = git.Repo(root, search_parent_directories=True).config_reader().get_value("user", "email", "")
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None  # no repository: start() says so
    email = str(email).strip()
    if not email:
        return words["none"]
    folder = Path(root) / "profiles"
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else ():
        if path.is_symlink() or not path.is_file():
            continue
        record = parse_file(f"profiles/{path.name}", path.read_bytes()).record
        if record is not None and str(getattr(record, "email", "")).casefold() == email.casefold():
            return None
    return words["nobody"].format(email=email)


def _script(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)


def _same_identity(repo: git.Repo, clone: git.Repo) -> None:
    """Commits in the clone carry the repository's own author, as the user's commits do."""
    reader = repo.config_reader()
    with clone.config_writer() as writer:
        for key in ("name", "email"):
            value = reader.get_value("user", key, "")
            if value:
                writer.set_value("user", key, value)


def _answers(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _listening(port: int, process: subprocess.Popen, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        if _answers(port):
            return True
        time.sleep(0.1)
    return False


def _die_with_parent() -> None:
    """decap-server ends with plein serve, however that ends (Linux; elsewhere stop() ends it)."""
    try:
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
