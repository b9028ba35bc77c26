"""Every case under tests/cases/linkcheck/: a small built site in site/, checked with the link
check the pipelines run after the build (option check_links).

A case without expected.txt must have no broken link; with it, the report must be exactly its
lines. base.txt holds the path the site is published under (default /); sources.txt maps a page
written by hand to its source file ('<source> <page>' lines)."""
from __future__ import annotations

from pathlib import Path

import pytest

from plein.site import linkcheck

CASES = Path(__file__).parent / "cases" / "linkcheck"


def _read(case: Path, name: str) -> str:
    path = case / name
    return path.read_text(encoding="utf-8") if path.exists() else ""


@pytest.mark.parametrize("name", sorted(p.name for p in CASES.iterdir() if p.is_dir()))
def test_case(name):
    case = CASES / name
    base = _read(case, "base.txt").strip() or "/"
    sources = dict(reversed(line.split()) for line in _read(case, "sources.txt").splitlines() if line)
    broken = linkcheck.check(case / "site", base)
    assert linkcheck.report(broken, sources).splitlines() == _read(case, "expected.txt").splitlines()
