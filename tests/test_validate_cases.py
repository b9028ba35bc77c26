"""Every case under tests/cases/validate/: a small organisation laid over `base/`, checked
with the real `plein validate`.

valid/<case>/    must give exit 0 and 'ok: ...'.
invalid/<case>/  must give exit 1 and exactly the lines of its expected.txt.
A case may hold paths.txt (one path a line): then `plein validate PATHS` runs on those, as the
pre-commit hook does. A case may hold grow.txt ('<path> <bytes>' lines): those files are padded to that size in
the copy, so a 10 MB file need not be committed. No case may change any file.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from plein.cli import main

CASES = Path(__file__).parent / "cases" / "validate"
META = {"expected.txt", "grow.txt", "README.txt", "paths.txt"}  # files that describe a case, not part of it


def _cases(kind: str) -> list[str]:
    return sorted(p.name for p in (CASES / kind).iterdir() if p.is_dir())


def prepare(case: Path, dest: Path) -> Path:
    """Copy base/ and then the case into dest, and grow the files grow.txt names."""
    shutil.copytree(CASES / "base", dest)
    shutil.copytree(case, dest, dirs_exist_ok=True, ignore=lambda d, names: META & set(names))
    grow = case / "grow.txt"
    for line in grow.read_text().splitlines() if grow.exists() else ():
        rel, size = line.rsplit(" ", 1)
        with open(dest / rel, "ab") as fh:
            fh.write(b"#" * (int(size) - (dest / rel).stat().st_size))
    return dest


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_validate(root: Path, monkeypatch, capsys, paths=()) -> tuple[int, str, str]:
    monkeypatch.chdir(root)  # the repository is found from the working folder, like a user's
    rc = main(["validate", *paths])
    out, err = capsys.readouterr()
    return rc, out, err


@pytest.mark.parametrize("case", _cases("valid"))
def test_valid(case, tmp_path, monkeypatch, capsys):
    root = prepare(CASES / "valid" / case, tmp_path / "org")
    before = snapshot(root)
    rc, out, err = run_validate(root, monkeypatch, capsys)
    assert (rc, err) == (0, ""), out
    assert out.startswith("ok: ")
    assert snapshot(root) == before


@pytest.mark.parametrize("case", _cases("invalid"))
def test_invalid(case, tmp_path, monkeypatch, capsys):
    folder = CASES / "invalid" / case
    root = prepare(folder, tmp_path / "org")
    before = snapshot(root)
    paths = folder / "paths.txt"
    rc, out, err = run_validate(root, monkeypatch, capsys,
                                paths.read_text().split() if paths.exists() else ())
    expected = (folder / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert out.splitlines() == expected
    errors = [line for line in expected if ": warning: " not in line and ": notice: " not in line]
    files = len({line.split(":", 1)[0] for line in errors})
    assert (rc, err) == (1, f"{len(errors)} error(s) in {files} file(s)\n")
    assert snapshot(root) == before, "validate changed a file"
