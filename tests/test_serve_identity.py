"""`plein serve` says in one line what to set when the git identity belongs to no profile
(issue 26): the web editor then knows nobody, and nothing saved in it is published. Run as a
person runs it, on a small intranet in a Git repository, with the line read from its output."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import git, make_org
from test_policy import target_files
from test_serve import free_port

PLEIN = str(Path(sys.executable).with_name("plein"))
LINE = ("webeditor: je git-identiteit ({email}) hoort bij geen profiel, dus wat je opslaat is van niemand "
        "en niets wordt gepubliceerd: zet `git config user.email` op het adres in profiles/<jij>.yml")


def serve_output(root: Path, log: Path, timeout: float = 120) -> str:
    """What plein serve says until it serves the site."""
    with open(log, "w") as out:
        proc = subprocess.Popen([PLEIN, "serve", "-a", f"127.0.0.1:{free_port()}", "--editor-port",
                                 str(free_port()), "--no-publish", "--no-livereload"], cwd=root, stdout=out,
                                stderr=subprocess.STDOUT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        deadline = time.monotonic() + timeout
        while "Serving on" not in log.read_text():
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.2)
        return log.read_text()
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def intranet(tmp_path):
    files = target_files({"options": {"language": "nl"}})
    files["mkdocs.yml"] += b"theme:\n  name: material\n"
    root = make_org(tmp_path / "intranet", files)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-verify", "-m", "Intranet")
    return root


def test_an_identity_that_belongs_to_no_profile_is_named_with_the_fix(intranet, tmp_path):
    git(intranet, "config", "user.email", "jan@example.org")  # Jan's profile says jan@wetterveen.example
    said = serve_output(intranet, tmp_path / "serve.log")
    assert LINE.format(email="jan@example.org") in said.splitlines(), said[-2000:]


def test_an_identity_of_a_profile_says_nothing_more(intranet, tmp_path):
    git(intranet, "config", "user.email", "Jan@Wetterveen.example")  # case does not matter
    said = serve_output(intranet, tmp_path / "serve.log")
    assert "git-identiteit" not in said, said[-2000:]
