"""The contributor guides' terminal commands, run as written on the example organisation.

Every `plein …` command in content/help/contribute.md and bijdragen.md (code lines and table
cells) runs in a clone of a bare repository holding the example intranet, as a member of
staff whose git e-mail is in a profile, answering the questions a command asks. Each must
open a merge request. Commands with a placeholder (`<…>`, `…`) and the moderators' commands
(review, codeowners: they need a merge request's branch or write files) are left out.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from gitserver import GitServer
from test_contribute import git

REPO = Path(__file__).resolve().parents[1]
GUIDES = [REPO / "content/help/contribute.md", REPO / "content/help/bijdragen.md"]
PLEIN = str(Path(sys.executable).with_name("plein"))
SKIP = ("review", "codeowners", "serve")  # serve runs until stopped: tests/test_serve*.py
ANSWERS = {  # what a person types at the questions each command asks (then 'y' to confirm)
    "ask": "Ik zoek hulp met kaarten.\ny\n",
    "news": "Vanaf 1 december gelden nieuwe regels.\ny\n",
    "new": "Nieuwe Collega\nAdviseur\nruimte\nnieuwe.collega@wetterveen.example\nncollega\n2026-11-01\ny\ny\n",
}


def guide_commands() -> list[str]:
    found = []
    for guide in GUIDES:
        text = guide.read_text(encoding="utf-8")
        found += re.findall(r"^ {4}(plein .+)$", text, re.M)
        found += re.findall(r"`(plein [^`]+)`", text)
    return [c for c in dict.fromkeys(c.strip() for c in found)
            if not re.search(r"[<…]", c) and shlex.split(c)[1] not in SKIP]


def test_the_guides_name_commands():
    commands = guide_commands()
    verbs = {shlex.split(c)[1] for c in commands}
    assert {"reply", "ask", "update", "kudos", "news", "new"} <= verbs, commands


def test_every_guide_command_runs_as_written(tmp_path):
    with GitServer(tmp_path) as srv:
        seed = tmp_path / "seed"
        seed.mkdir()
        shutil.copy(REPO / "mkdocs.yml", seed)
        for folder in ("profiles", "content"):
            shutil.copytree(REPO / folder, seed / folder)
        git(seed, "init", "-q", "-b", "main")
        git(seed, "add", "-A")
        git(seed, "commit", "-q", "-m", "The example intranet")
        git(seed, "push", "-q", srv.file_url, "main")
        clone = tmp_path / "clone"
        subprocess.run(["git", "clone", "-q", srv.file_url, str(clone)], check=True, capture_output=True)
        git(clone, "config", "user.name", "Fatima El Amrani")
        git(clone, "config", "user.email", "fatima.elamrani@wetterveen.example")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "EDITOR": "false"}
        commands = guide_commands()
        for command in commands:
            args = shlex.split(command)
            done = subprocess.run([PLEIN, *args[1:]], cwd=clone, input=ANSWERS.get(args[1], "y\n"),
                                  capture_output=True, text=True, env=env, timeout=300)
            assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
            assert "Merge request: http://forge.invalid/intranet/-/merge_requests/" in done.stdout, command
        assert len([b for b in srv.branches() if b.startswith("plein/")]) == len(commands)
