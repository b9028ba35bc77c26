"""`plein import hr.csv`, one case a folder in tests/cases/import/: an HR export (hr.csv, bytes
as HR systems write them) and case.yml with the hr: options for mkdocs.yml and either what the
merge request's branch must hold (and the rows left out, `refused`, with the rest imported),
or the exact messages of a refused import, after which nothing may have been written. What an
import proposes passes `plein validate`."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from plein.cli import main

CASES = Path(__file__).parent / "cases" / "import"
ORG = CASES / "org"


def git(cwd, *args) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def case_names():
    return sorted(p.name for p in CASES.iterdir() if (p / "case.yml").is_file())


def intranet(tmp_path: Path, hr: dict) -> Path:
    """A clone of a bare 'origin' holding the small organisation, with `hr` in mkdocs.yml."""
    seed = tmp_path / "seed"
    shutil.copytree(ORG, seed)
    config = {"site_name": "Intranet", "docs_dir": "content", "plugins": [{"plein": {"hr": hr}}]}
    (seed / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    git(seed, "init", "-q", "-b", "main")
    git(seed, "add", "-A")
    git(seed, "commit", "-q", "-m", "The organisation")
    git(tmp_path, "init", "-q", "--bare", "-b", "main", "origin.git")
    git(seed, "push", "-q", str(tmp_path / "origin.git"), "main")
    git(tmp_path, "clone", "-q", str(tmp_path / "origin.git"), "clone")
    return tmp_path / "clone"


@pytest.mark.parametrize("name", case_names())
def test_import_case(name, tmp_path, capsys):
    case = yaml.safe_load((CASES / name / "case.yml").read_text(encoding="utf-8"))
    clone = intranet(tmp_path, case.get("hr", {}))
    rc = main(["import", str(CASES / name / "hr.csv"), "--root", str(clone), "--no-push", "--yes",
               *case.get("args", [])])
    out, err = capsys.readouterr()
    branches = git(clone, "branch", "--format=%(refname:short)").split()
    if "errors" in case:
        assert rc == 1, out
        assert err == case["errors"]
        assert branches == ["main"] and git(clone, "status", "--porcelain") == ""
        return
    assert rc == 0, err
    assert case["headline"] in out
    for line in case.get("refused", ()):
        assert line in err
    assert "\x1b" not in out + err  # a refused value is shown escaped, never run by the terminal
    [branch] = [b for b in branches if b.startswith("plein/import/")]
    message = git(clone, "log", "-1", "--format=%B", branch)
    for line in case.get("message", ()):
        assert line in message, message
    changed = git(clone, "diff", "--name-only", "main", branch).split()
    assert sorted(changed) == sorted(p for p in case["files"] if p not in case.get("unchanged", ()))
    for path, lines in case["files"].items():
        text = git(clone, "show", f"{branch}:{path}")
        for line in lines:
            assert line + "\n" in text, f"{path} lacks {line!r}:\n{text}"
    for path, lines in case.get("absent", {}).items():
        text = git(clone, "show", f"{branch}:{path}")
        assert not [line for line in lines if line + "\n" in text]
    git(clone, "switch", "-q", branch)
    assert main(["validate", "--root", str(clone)]) == 0, capsys.readouterr().out


@pytest.mark.parametrize("name", [n for n in case_names() if not {"errors", "refused"} &
                                  set(yaml.safe_load((CASES / n / "case.yml").read_text(encoding="utf-8")))])
def test_a_second_import_changes_nothing(name, tmp_path, capsys):
    """After the merge request is merged, the same export makes no commit. (An export with
    refused rows says so again each time, until HR fixes them.)"""
    case = yaml.safe_load((CASES / name / "case.yml").read_text(encoding="utf-8"))
    clone = intranet(tmp_path, case.get("hr", {}))
    args = ["import", str(CASES / name / "hr.csv"), "--root", str(clone), "--yes", *case.get("args", [])]
    assert main(args) == 0
    [branch] = [b for b in git(clone, "branch", "-r", "--format=%(refname:short)").split()
                if "plein/import/" in b]
    git(clone, "merge", "-q", "--ff-only", branch)
    git(clone, "push", "-q", "origin", "main")
    capsys.readouterr()
    head = git(tmp_path / "origin.git", "rev-parse", "main")
    assert main(args) == 0
    assert "Nothing to import" in capsys.readouterr().out
    assert git(tmp_path / "origin.git", "for-each-ref", "--format=%(refname)").split() == \
        ["refs/heads/main", f"refs/heads/{branch.split('/', 1)[1]}"]
    assert git(tmp_path / "origin.git", "rev-parse", "main") == head


def test_an_open_import_is_not_proposed_twice(tmp_path, capsys):
    """The nightly job runs again before the merge request was merged: no second one."""
    case = yaml.safe_load((CASES / "semicolon" / "case.yml").read_text(encoding="utf-8"))
    clone = intranet(tmp_path, case["hr"])
    args = ["import", str(CASES / "semicolon" / "hr.csv"), "--root", str(clone), "--yes"]
    assert main(args) == 0
    origin = tmp_path / "origin.git"
    refs = git(origin, "for-each-ref", "--format=%(refname)")
    capsys.readouterr()
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "already proposes exactly these changes; nothing new was committed" in out
    assert git(origin, "for-each-ref", "--format=%(refname)") == refs
    assert git(clone, "branch", "--format=%(refname:short)").split() == [
        "main", refs.split()[-1].removeprefix("refs/heads/")]
