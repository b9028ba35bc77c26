"""The pre-commit hook, run by the real pre-commit in a real repository: a broken profile is
refused at commit with validate's message, a good one is committed."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from conftest import FIXED_DATE, git
from plein.model.yamlio import loads

REPO = Path(__file__).resolve().parents[1]
VENV_BIN = REPO / ".venv/bin"
HOOK = next(h for h in loads((REPO / ".pre-commit-hooks.yaml").read_text()) if h["id"] == "plein-validate")
ORG = {
    "profiles/anna-jansen.yml": "name: Anna Jansen\nrole: Secretaris\nteam: gemeente\n"
                                "email: anna@wetterveen.example\nstarted: 2010-01-04\n",
    "content/teams/gemeente.yml": "name: Gemeente\nlead: anna-jansen\n",
    "content/index.md": "# Intranet\n",
}
BROKEN = ("name: Bram Visser\nrole: Adviseur\nteam: gemeente\nemail: bram@wetterveen.example\n"
          "started: 2026-02-30\n")
MESSAGE = ("profiles/bram-visser.yml:5:1: 'started': '2026-02-30' is not a real date "
           "(day is out of range for month). Fix: check the day and the month")


def _local_config() -> str:
    """This repository's published hook, run from the project's venv instead of installed."""
    return ("repos:\n  - repo: local\n    hooks:\n      - id: plein-validate\n"
            f"        name: {HOOK['name']}\n        entry: {VENV_BIN / 'plein'} validate\n"
            f"        language: system\n        pass_filenames: {str(HOOK['pass_filenames']).lower()}\n"
            f"        require_serial: {str(HOOK['require_serial']).lower()}\n"
            f"        files: {HOOK['files']}\n")


def _try_commit(repo: Path, message: str) -> tuple[int, str]:
    """(exit code, output) of `git commit`; git sends a hook's output to stderr."""
    env = {**os.environ, "GIT_AUTHOR_DATE": FIXED_DATE, "GIT_COMMITTER_DATE": FIXED_DATE}
    done = subprocess.run(["git", "commit", "-m", message], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=300)
    return done.returncode, done.stdout + done.stderr


def _install(repo: Path) -> None:
    subprocess.run([str(VENV_BIN / "pre-commit"), "install"], cwd=repo, check=True, capture_output=True)


def _refuses_broken_then_accepts_fixed(repo: Path) -> None:
    head = git(repo, "rev-parse", "HEAD")
    (repo / "profiles/bram-visser.yml").write_text(BROKEN, encoding="utf-8")
    git(repo, "add", "profiles/bram-visser.yml")
    rc, output = _try_commit(repo, "Add Bram")
    assert rc == 1 and "Failed" in output and MESSAGE in output, output
    assert git(repo, "rev-parse", "HEAD") == head  # nothing was committed

    (repo / "profiles/bram-visser.yml").write_text(BROKEN.replace("2026-02-30", "2026-02-03"), encoding="utf-8")
    git(repo, "add", "profiles/bram-visser.yml")
    rc, output = _try_commit(repo, "Add Bram")
    assert rc == 0 and "plein validate" in output and "Passed" in output, output
    assert git(repo, "log", "-1", "--format=%s") == "Add Bram\n"


def test_commit_of_broken_profile_is_refused(git_repo):
    repo = git_repo({**ORG, ".pre-commit-config.yaml": _local_config()})
    _install(repo)
    _refuses_broken_then_accepts_fixed(repo)
    (repo / "README.md").write_text("Niet gecontroleerd\n")  # outside profiles/ and content/
    git(repo, "add", "README.md")
    rc, output = _try_commit(repo, "Readme")
    assert rc == 0 and "(no files to check)Skipped" in output, output


def test_this_repository_uses_the_published_hook():
    config = loads((REPO / ".pre-commit-config.yaml").read_text())
    local = next(h for r in config["repos"] for h in r["hooks"] if h["id"] == "plein-validate")
    assert local["entry"].endswith("plein validate") and local["files"] == HOOK["files"]
    assert HOOK["entry"] == "plein validate" and HOOK["language"] == "python"
    assert HOOK["pass_filenames"] is True


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("PLEIN_NETWORK_TESTS"),
                    reason="installs Plein from PyPI into pre-commit's own environment (20-60 s); "
                           "set PLEIN_NETWORK_TESTS=1 to run it")
def test_published_hook_installs_from_a_clone_of_this_repository(git_repo):
    """What an intranet repository does: `repo:` this project at a commit. pre-commit clones
    it and pip-installs Plein and its dependencies into an environment of its own."""
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout.strip()
    shown = subprocess.run(["git", "show", f"{rev}:.pre-commit-hooks.yaml"], cwd=REPO, capture_output=True)
    if shown.returncode:
        pytest.skip("the checked-out commit has no .pre-commit-hooks.yaml yet")
    config = f"repos:\n  - repo: {REPO}\n    rev: {rev}\n    hooks:\n      - id: plein-validate\n"
    repo = git_repo({**ORG, ".pre-commit-config.yaml": config})
    _install(repo)
    _refuses_broken_then_accepts_fixed(repo)
