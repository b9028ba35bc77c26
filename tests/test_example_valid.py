"""The example intranet bundled in this repository (profiles/ and content/, made by
tools/generate-example) passes `plein validate` without a single problem."""
from __future__ import annotations

from pathlib import Path

import pytest

from plein.cli import main

REPO = Path(__file__).resolve().parents[1]


def test_bundled_example_is_valid(monkeypatch, capsys):
    if not any((REPO / "profiles").glob("*.yml")):
        pytest.skip("profiles/ holds no example yet: run tools/generate-example")
    monkeypatch.chdir(REPO)
    rc = main(["validate"])
    out, err = capsys.readouterr()
    assert (rc, err) == (0, ""), out
    lines = out.splitlines()
    assert lines[-1].startswith("ok: ")
    # notices only: the example writes some topics in two spellings on purpose (one topic)
    assert all(": notice: " in line for line in lines[:-1]), out
