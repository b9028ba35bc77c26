"""Shared test helpers: real git repositories with a fixed identity and dates, a home
folder of our own (no user's git config, caches or pre-commit store leak in), and
`make_org` to write a small organisation's files.

Use from a test module with `from conftest import make_org, git, commit`.
"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

AUTHOR = ("Plein Test", "test@plein.example")
FIXED_DATE = "2026-11-20T09:00:00+01:00"


def make_org(tmp_path: Path, files: dict) -> Path:
    """Write files (relative path -> str or bytes) under tmp_path; return tmp_path."""
    for rel, content in files.items():
        path = Path(tmp_path) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return Path(tmp_path)


def git(repo: Path, *args: str, date: str = FIXED_DATE) -> str:
    """Run git in repo with the fixed identity and date; return its stdout."""
    env = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True,
                          env={**os.environ, **env})
    if done.returncode:
        raise AssertionError(f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return done.stdout


def commit(repo: Path, message: str = "Change", date: str = FIXED_DATE) -> str:
    """Stage everything in repo and commit it; return the new commit's sha."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--no-verify", "-m", message, date=date)
    return git(repo, "rev-parse", "HEAD").strip()


@pytest.fixture
def git_repo(tmp_path):
    """A factory: git_repo(files=None, name="repo") -> path of a new repository on 'main',
    with `files` (as for make_org) committed at FIXED_DATE when given."""
    def make(files: dict | None = None, name: str = "repo", message: str = "Initial content") -> Path:
        root = tmp_path / name
        root.mkdir(parents=True)
        git(root, "init", "-q", "-b", "main")
        if files:
            make_org(root, files)
            commit(root, message)
        return root
    return make


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch) -> Path:
    """HOME, XDG folders and git's global config in a temporary folder, with a fixed identity."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                     ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")):
        (home / sub).mkdir(parents=True)
        monkeypatch.setenv(var, str(home / sub))
    gitconfig = home / ".gitconfig"
    gitconfig.write_text(f"[user]\n\tname = {AUTHOR[0]}\n\temail = {AUTHOR[1]}\n"
                         "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n"
                         "[core]\n\tautocrlf = false\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "PRE_COMMIT_HOME"):
        monkeypatch.delenv(var, raising=False)
    return home


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Debian chromium for the whole session: Playwright's sync API allows only
    one running instance per thread, so every browser test shares this one."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test-deps installs it)")
    from playwright import sync_api
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped test is a failure: a green run must mean that every test ran. A missing part
    (Chromium, Node, slapd, openssl) fails with the skip's text, which names the install step."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"not run, which `make test` does not allow: {reason}"
