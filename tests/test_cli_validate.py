"""`plein validate` as staff and pre-commit use it: output formats, PATHS, exit codes, and
bad input never reaching the user as a traceback."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import make_org
from plein.cli import main

PLEIN = Path(__file__).resolve().parents[1] / ".venv/bin/plein"
GOOD = {
    "profiles/anna-jansen.yml": "name: Anna Jansen\nrole: Secretaris\nteam: gemeente\n"
                                "email: anna@wetterveen.example\nstarted: 2010-01-04\n",
    "content/teams/gemeente.yml": "name: Gemeente\nlead: anna-jansen\n",
}
BROKEN = {
    **GOOD,
    "profiles/bram-visser.yml": "name: Bram Visser\nrole: Adviseur\nteam: gemeente\n"
                                "email: bram@wetterveen.example\nstarted: 2026-02-30\n",
    "content/updates/anna-jansen/2026-11-20-1.md": "---\ndate: 2026-11-20 10:00\nmood: blij\n---\nHoi\n",
}


def run(monkeypatch, capsys, cwd: Path, *args: str):
    monkeypatch.chdir(cwd)
    rc = main(["validate", *args])
    out, err = capsys.readouterr()
    return rc, out, err


def test_clean_repository_exits_0_with_a_summary(tmp_path, monkeypatch, capsys):
    make_org(tmp_path, GOOD)
    assert run(monkeypatch, capsys, tmp_path) == (0, "ok: 1 person, 1 team, 0 news, 0 threads, "
                                                     "0 updates, 0 kudos\n", "")


def test_errors_exit_1_with_file_line_and_fix(tmp_path, monkeypatch, capsys):
    make_org(tmp_path, BROKEN)
    rc, out, err = run(monkeypatch, capsys, tmp_path / "profiles")  # found from a subfolder too
    assert rc == 1
    assert out.splitlines() == [
        "content/updates/anna-jansen/2026-11-20-1.md:3:1: unknown field 'mood'. "
        "Fix: allowed fields: date, tags, language, hidden, hidden_reason",
        "profiles/bram-visser.yml:5:1: 'started': '2026-02-30' is not a real date "
        "(day is out of range for month). Fix: check the day and the month",
    ]
    assert err == "2 error(s) in 2 file(s)\n"


def test_json_format(tmp_path, monkeypatch, capsys):
    make_org(tmp_path, BROKEN)
    rc, out, err = run(monkeypatch, capsys, tmp_path, "--format", "json")
    assert (rc, err) == (1, "")
    problems = json.loads(out)
    assert [(p["path"], p["line"], p["col"], p["severity"]) for p in problems] == [
        ("content/updates/anna-jansen/2026-11-20-1.md", 3, 1, "error"),
        ("profiles/bram-visser.yml", 5, 1, "error")]
    assert problems[1]["message"].startswith("'started': '2026-02-30' is not a real date")
    assert problems[1]["hint"] == "check the day and the month"
    make_org(tmp_path, {"profiles/bram-visser.yml": GOOD["profiles/anna-jansen.yml"].replace("anna", "bram"),
                        "content/updates/anna-jansen/2026-11-20-1.md": "---\ndate: 2026-11-20 10:00\n---\nHoi\n"})
    assert run(monkeypatch, capsys, tmp_path, "--format", "json") == (0, "[]\n", "")


def test_paths_keep_only_their_problems(tmp_path, monkeypatch, capsys):
    make_org(tmp_path, BROKEN)
    rc, out, _ = run(monkeypatch, capsys, tmp_path, "profiles/bram-visser.yml")
    assert rc == 1 and out.startswith("profiles/bram-visser.yml:5:1:") and len(out.splitlines()) == 1
    rc, out, _ = run(monkeypatch, capsys, tmp_path, "content")
    assert rc == 1 and out.startswith("content/updates/") and len(out.splitlines()) == 1
    rc, out, err = run(monkeypatch, capsys, tmp_path, "profiles/anna-jansen.yml", "content/teams")
    assert (rc, err) == (0, "") and out.startswith("ok: ")
    rc, out, _ = run(monkeypatch, capsys, tmp_path / "profiles", "bram-visser.yml")  # relative to here
    assert rc == 1 and out.startswith("profiles/bram-visser.yml:5:1:")


def test_root_option(tmp_path, monkeypatch, capsys):
    make_org(tmp_path / "org", BROKEN)
    (tmp_path / "elsewhere").mkdir()
    rc, out, _ = run(monkeypatch, capsys, tmp_path / "elsewhere", "--root", str(tmp_path / "org"))
    assert rc == 1 and len(out.splitlines()) == 2


@pytest.mark.parametrize("path, message", [
    ("../outside.yml", "../outside.yml: is outside the repository"),
    ("/etc/passwd", "/etc/passwd: is outside the repository"),
    ("profiles/nobody.yml", "profiles/nobody.yml: no such file or folder"),
])
def test_bad_paths_exit_1_with_a_message(tmp_path, monkeypatch, capsys, path, message):
    make_org(tmp_path / "org", GOOD)
    (tmp_path / "outside.yml").write_text("name: x\n")
    rc, out, err = run(monkeypatch, capsys, tmp_path / "org", path)
    assert (rc, out) == (1, "")
    assert err.startswith("plein: " + message) and "Traceback" not in err


def test_outside_any_repository(tmp_path, monkeypatch, capsys):
    rc, out, err = run(monkeypatch, capsys, tmp_path)
    assert (rc, out) == (1, "")
    assert "is not inside a Plein repository" in err and "--root" in err


def test_usage_error_exits_2(tmp_path, monkeypatch, capsys):
    make_org(tmp_path, GOOD)
    rc, _, err = run(monkeypatch, capsys, tmp_path, "--format", "xml")
    assert rc == 2 and "'xml' is not one of 'text', 'json'" in err


def test_installed_command_never_shows_a_traceback(tmp_path):
    """The real executable, on the inputs that once crashed the loader or could hang it."""
    make_org(tmp_path, {
        **GOOD,
        "profiles/a.yml": "name: !!int abc\n",
        "profiles/b.yml": b"name: J\xe9\n",
        "profiles/c.yml": "a: &a [x, x]\nb: [*a, *a]\n",
        "profiles/d.yml": "name: \"\\ud800\"\n",
        "profiles/e.yml": "[" * 10_000,
        "profiles/f.yml": b"\x00\x01\x02\xff" * 100,
        "content/news/2026/2026-11-20-x.md": "---\n---\n",
    })
    (tmp_path / "profiles/g.yml").write_bytes(b"#" * 10_000_000)
    (tmp_path / "profiles/h.yml").symlink_to("/etc/passwd")
    (tmp_path / "profiles/i.yml").symlink_to(tmp_path / "missing")
    done = subprocess.run([str(PLEIN), "validate"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr and "unexpected error" not in done.stderr
    files = {line.split(":", 1)[0] for line in done.stdout.splitlines()}
    assert files == {f"profiles/{c}.yml" for c in "abcdefghi"} | {"content/news/2026/2026-11-20-x.md"}
    assert "file is a link to outside the repository" in done.stdout
    assert "root:" not in done.stdout  # nothing of the linked file is echoed
