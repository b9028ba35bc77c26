"""More contribution paths: a new profile (with the generated CODEOWNERS it needs), prompts for
what is missing, a GitHub remote's compare link."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from gitserver import GitServer, MKDOCS, seed
from plein.cli import main
from test_contribute import THREAD, files_of, git, make_clone, plein, pushed_branch, state

PLEIN = str(Path(sys.executable).with_name("plein"))


def test_new_profile_leaves_codeowners_to_ci(tmp_path, capsys):
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv)
        clone = make_clone(srv, tmp_path / "clone", srv.file_url)
        assert main(["codeowners", "--root", str(clone)]) == 0
        git(clone, "add", "CODEOWNERS", ".github/CODEOWNERS")
        git(clone, "commit", "-q", "-m", "CODEOWNERS")
        git(clone, "push", "-q", "origin", "main")
        capsys.readouterr()
        rc, out, err = plein(capsys, clone, "new", "profile", "--name", "Piet Jansen", "--role", "Adviseur",
                             "--team", "ruimte", "--email", "piet@wetterveen.example", "--forge-username",
                             "pjansen", "--started", "2026-11-01", "--kudos", "--yes")
        assert rc == 0, err
        assert "CODEOWNERS does not change in this merge request" in out
        branch = pushed_branch(srv, "profile")
        assert files_of(srv.path, branch) == ["profiles/piet-jansen.yml"]
        git(clone, "fetch", "-q", "origin")
        git(clone, "switch", "-q", "-c", "check", f"origin/{branch}")
        assert main(["codeowners", "--check", "--root", str(clone)]) == 0  # what CI checks in the MR
        assert "new profiles get their rules at the next `plein codeowners --push`: piet-jansen" in \
            capsys.readouterr().out
        git(clone, "push", "-q", "origin", "check:main")  # the merge
        git(clone, "switch", "-q", "main")
        git(clone, "pull", "-q")
        assert main(["codeowners", "--push", "--root", str(clone)]) == 0  # CI on main
        pushed = pushed_branch(srv, "codeowners")
        assert sorted(files_of(srv.path, pushed)) == [".github/CODEOWNERS", "CODEOWNERS"]
        assert "/profiles/piet-jansen.yml @pjansen @acme/mods" in srv.show(f"{pushed}:CODEOWNERS")
        assert "merge_request.title=Update CODEOWNERS" in srv.pushes()[-1]["options"]
        rc, out, err = plein(capsys, clone, "new", "profile", "--name", "Jan de Vries", "--role", "x",
                             "--team", "ruimte", "--yes")
        assert rc == 1 and "profiles/jan-de-vries.yml already exists" in err


def test_missing_arguments_are_asked_for(tmp_path):
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv)
        clone = make_clone(srv, tmp_path / "clone", srv.http_url)
        done = subprocess.run([PLEIN, "reply"], cwd=clone, input=f"{THREAD}\nMijn antwoord.\ny\n",
                              capture_output=True, text=True, env={**os.environ, "EDITOR": "false"})
        assert done.returncode == 0, done.stderr
        assert "Thread" in done.stdout and "Your reply" in done.stdout and "Open a merge request" in done.stdout
        branch = pushed_branch(srv, "reply")
        [rel] = files_of(srv.path, branch)
        assert srv.show(f"{branch}:{rel}").endswith("Mijn antwoord.\n")
        done = subprocess.run([PLEIN, "update", "-m", "Hoi"], cwd=clone, input="n\n", capture_output=True, text=True)
        assert done.returncode == 1 and "cancelled; nothing was committed" in done.stderr
        assert state(clone) == ("main", "")


def test_scripts_are_never_left_waiting(tmp_path):
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv)
        clone = make_clone(srv, tmp_path / "clone", srv.file_url)
        run = lambda *args: subprocess.run([PLEIN, *args], cwd=clone, stdin=subprocess.DEVNULL,
                                           capture_output=True, text=True)
        done = run("ask", "-m", "Weet iemand dit?", "--yes")
        assert done.returncode == 1
        assert "no answer for 'Your question, in one line'" in done.stderr and "pass it as --title" in done.stderr
        done = run("ask", "--title", "Wie kent QGIS?", "-m", "Graag hulp.", "--yes")  # tags are optional
        assert done.returncode == 0, done.stderr
        done = run("reply", THREAD, "--no-push")
        assert done.returncode == 1 and "pass it as --body (or -m)" in done.stderr
        assert state(clone) == ("main", "")


def test_github_remote_gets_a_compare_link(tmp_path, capsys):
    config = MKDOCS.replace("forge: gitlab", "forge: github")
    config = "repo_url: https://github.com/wetterveen/intranet\n" + config
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv, {"mkdocs.yml": config})
        clone = make_clone(srv, tmp_path / "clone", srv.file_url)
        rc, out, err = plein(capsys, clone, "update", "-m", "Hoi allemaal", "--yes")
        assert rc == 0, err
        branch = pushed_branch(srv, "update")
        assert srv.pushes()[-1]["options"] == []  # GitHub has no merge-request push options
        assert f"https://github.com/wetterveen/intranet/compare/main...{branch}?expand=1" in out


def test_parse_cache_is_kept_only_where_git_ignores_it(tmp_path, capsys):
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv, {".gitignore": "/.plein-cache/\n"})
        clone = make_clone(srv, tmp_path / "clone", srv.file_url)
        rc, out, err = plein(capsys, clone, "update", "-m", "Hoi", "--yes", "--no-push")
        assert rc == 0, err
        assert (clone / ".plein-cache" / "parsed.bin").is_file() and state(clone) == ("main", "")
    (tmp_path / "other").mkdir()
    with GitServer(tmp_path / "other") as srv:
        seed(tmp_path / "other" / "seed", srv)
        clone = make_clone(srv, tmp_path / "other" / "clone", srv.file_url)
        assert plein(capsys, clone, "update", "-m", "Hoi", "--yes", "--no-push")[0] == 0
        assert not (clone / ".plein-cache").exists() and state(clone) == ("main", "")
