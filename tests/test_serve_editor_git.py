"""The git that `plein serve`'s local backend gives decap-server (serve/editor.py GIT).

decap-server reads every file "on a branch": it checks out the branch it is already on, before
and after the read. Plein's git skips that checkout, which cost 0.1 s on a large tree. It must
still say what git says, because simple-git (decap-server's git library) waits 50 ms more for a
command that printed nothing, and a form's opening waits for three such reads in a row (issue 26).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from plein.serve.editor import LocalEditor

REPO = Path(__file__).resolve().parents[1]
MODULES = REPO / "node_modules"
TIMED = """
const simpleGit = require(process.argv[1]);
const git = (simpleGit.default || simpleGit)({ baseDir: process.argv[2] });
(async () => {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    await git.checkout("main");
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(JSON.stringify(times));
})();
"""


@pytest.fixture
def prepared(tmp_path):
    root = tmp_path / "intranet"
    root.mkdir()
    (root / "profiles").mkdir()
    (root / "profiles" / "jan.yml").write_text("name: Jan\n")
    for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                 ["-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-q", "-m", "start"]):
        subprocess.run(["git", *args], cwd=root, check=True)
    editor = LocalEditor(root, tmp_path / "cache", MODULES, "main", 0)
    assert editor._prepare() is None
    return editor.clone, editor.clone.parent / "bin" / "git"


def test_a_checkout_of_the_branch_it_is_on_says_what_git_says(prepared):
    clone, wrapper = prepared
    real = subprocess.run(["git", "checkout", "main"], cwd=clone, capture_output=True, text=True)
    ours = subprocess.run([str(wrapper), "checkout", "main"], cwd=clone, capture_output=True, text=True)
    assert ours.returncode == real.returncode == 0
    assert ours.stderr.strip() == real.stderr.strip().splitlines()[0] == "Already on 'main'"
    head = subprocess.run(["git", "symbolic-ref", "--short", "HEAD"], cwd=clone, capture_output=True, text=True)
    assert head.stdout.strip() == "main"


def test_other_commands_go_to_git(prepared):
    clone, wrapper = prepared
    made = subprocess.run([str(wrapper), "checkout", "-q", "-b", "cms/profiles/jan"], cwd=clone)
    assert made.returncode == 0
    head = subprocess.run([str(wrapper), "symbolic-ref", "--short", "HEAD"], cwd=clone, capture_output=True, text=True)
    assert head.stdout.strip() == "cms/profiles/jan"
    back = subprocess.run([str(wrapper), "checkout", "main"], cwd=clone, capture_output=True, text=True)
    assert back.returncode == 0 and "Switched to branch 'main'" in back.stderr


def test_decap_servers_git_library_does_not_wait_on_the_skipped_checkout(prepared):
    """simple-git, as decap-server runs it, with Plein's git first on the PATH: a checkout that
    printed nothing would take at least 50 ms every time, whatever the machine."""
    clone, wrapper = prepared
    node = shutil.which("node")
    library = MODULES / "simple-git"
    if node is None or not library.is_dir():
        pytest.skip("Node.js or simple-git (decap-server's) is missing (make install)")
    path = f"{wrapper.parent}:{os.environ.get('PATH', '')}"
    out = subprocess.run([node, "-e", TIMED, str(library), str(clone)], capture_output=True, text=True,
                         env={**os.environ, "PATH": path}, timeout=60)
    assert out.returncode == 0, out.stderr
    times = json.loads(out.stdout)
    assert min(times) < 50, f"simple-git's checkout took {times} ms: it waited for output"
