"""`plein validate` points out a missing site_name (MkDocs refuses to build: an error) and a
placeholder one (a notice: the header, the tab and the mail would show another name), with
mkdocs.yml's line and the fix (issue 27)."""
from __future__ import annotations

import pytest

from conftest import make_org
from plein.cli import main
from test_cli_validate import GOOD


@pytest.mark.parametrize("config,expected,rc", [
    ("site_url: http://127.0.0.1:8000/\nsite_name: My Docs\n",
     "mkdocs.yml:2:1: notice: site_name 'My Docs' is a placeholder", 0),
    ("site_name: Gemeente Wetterveen intranet\n",
     "mkdocs.yml:1:1: notice: site_name 'Gemeente Wetterveen intranet' is a placeholder", 0),
    ("site_url: http://127.0.0.1:8000/\n", "mkdocs.yml:1:1: the site has no name (site_name)", 1),
    ("site_url: http://127.0.0.1:8000/\nsite_name: ''\n", "mkdocs.yml:2:1: the site has no name (site_name)", 1),
    ("site_name: Gemeente Utrecht intranet\n", None, 0),
])
def test_site_name(tmp_path, monkeypatch, capsys, config, expected, rc):
    make_org(tmp_path, {**GOOD, "mkdocs.yml": config})
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == rc
    out, err = capsys.readouterr()
    lines = [line for line in out.splitlines() if line.startswith("mkdocs.yml")]
    if expected is None:
        assert lines == [], out
    else:
        [line] = lines
        assert line.startswith(expected) and ". Fix: " in line and "site_name" in line.split(". Fix: ")[1]
