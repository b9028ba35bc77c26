"""`plein search` with the directory's filters and without a query, topics shown once under
the spelling most people use (profile page, who-knows, the search index's facets), and
the forge's name in the header."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from plein.cli import main
from plein.site.links import repo_name

REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests/cases/search/org"
GRAPHQL = {  # two spellings of one topic; 'GraphQL' is the one most people use
    "lotte-smit.yml": "expertise: [Interne communicatie, GraphQL, graphql]\noffice_days: [tue, thu]\n"
                      "languages: [nl, fy]\n",
    "jan-de-vries.yml": "expertise: [GraphQL]\noffice_days: [tue]\n",
    "pieter-jansen.yml": "expertise: [GraphQL]\n",
}


@pytest.fixture(scope="module")
def org(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("directory-cli") / "org"
    shutil.copytree(FIXTURE, root)
    for name, extra in GRAPHQL.items():
        path = root / "profiles" / name
        text = "".join(line + "\n" for line in path.read_text().splitlines()
                       if not line.startswith(("expertise:", "office_days:", "languages:")))
        path.write_text(text + extra)
    # a sub-team of ruimte, with one of ruimte's two people in it
    (root / "content/teams/geo.yml").write_text("name: Geo-informatie\nparent: ruimte\n")
    ahmed = root / "profiles/ahmed-yilmaz.yml"
    ahmed.write_text(ahmed.read_text().replace("team: ruimte", "team: geo"))
    return root


def run(capsys, monkeypatch, root: Path, *args) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    capsys.readouterr()
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def ids(capsys, monkeypatch, root, *args) -> list:
    rc, out, err = run(capsys, monkeypatch, root, "search", *args, "--json")
    assert rc == 0, err
    return [h["id"] for h in json.loads(out)["hits"]]


def test_filters_without_a_query_list_by_name(org, capsys, monkeypatch):
    assert ids(capsys, monkeypatch, org, "--kind", "person", "--day", "tue") == \
        ["person:jan-de-vries", "person:lotte-smit"]
    assert ids(capsys, monkeypatch, org, "--kind", "person", "--language", "fy") == ["person:lotte-smit"]
    assert ids(capsys, monkeypatch, org, "--kind", "person", "--topic", "graphql") == \
        ["person:jan-de-vries", "person:lotte-smit", "person:pieter-jansen"]
    assert ids(capsys, monkeypatch, org, "--kind", "person", "--location", "stadhuis", "--topic", "GRAPHQL") == \
        ["person:lotte-smit"]
    rc, out, _ = run(capsys, monkeypatch, org, "search", "--kind", "person", "--day", "tue")
    assert rc == 0 and out.startswith("2 results for these filters") and "Jan de Vries" in out


def test_team_includes_its_sub_teams(org, capsys, monkeypatch):
    assert ids(capsys, monkeypatch, org, "--kind", "person", "--team", "ruimte") == \
        ["person:ahmed-yilmaz", "person:sanne-bakker"]
    assert ids(capsys, monkeypatch, org, "--kind", "person", "--team", "Geo-informatie") == ["person:ahmed-yilmaz"]
    assert sorted(ids(capsys, monkeypatch, org, "gis", "--kind", "person", "--team", "ruimte")) == \
        ["person:ahmed-yilmaz", "person:sanne-bakker"]  # ranked: any order


def test_unknown_location_is_a_plain_error(org, capsys, monkeypatch):
    rc, _, err = run(capsys, monkeypatch, org, "search", "--kind", "person", "--location", "Mars")
    assert rc == 1 and "--location 'Mars': nobody works there" in err and "Stadhuis" in err
    assert "Traceback" not in err


def test_who_knows_names_a_topic_once(org, capsys, monkeypatch):
    rc, out, err = run(capsys, monkeypatch, org, "who-knows", "graphql")
    assert rc == 0, err
    lotte = out[out.index("Lotte Smit"):].splitlines()[1]
    assert "expertise: GraphQL" in lotte and "graphql" not in lotte.replace("GraphQL", "")


def test_profile_page_and_facets_show_a_topic_once(org):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=org, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    html = (org / "site/people/lotte-smit/index.html").read_text()
    assert html.count(">GraphQL</a>") == 1 and ">graphql<" not in html
    meta = json.loads((org / "site/plein-search/meta.json").read_text())
    assert [t for t in meta["topics"] if t.casefold() == "graphql"] == ["GraphQL"]
    people = zlib.decompress((org / "site/plein-search/people.z").read_bytes())
    head = json.loads(people[:people.index(b"\n")])  # the directory's part (search.facets)
    assert head["topic_people"][meta["topics"].index("GraphQL")] == 3


@pytest.mark.parametrize("name,url,forge,shown", [
    ("Gitlab", "https://gitlab.example.org/a/b", "gitlab", "GitLab"),  # MkDocs' guess from the host
    ("Git", "https://git.example.org/a/b", "github", "GitHub"),
    ("GitHub", "https://github.com/a/b", "github", "GitHub"),
    ("Intranet", "https://gitlab.example.org/a/b", "gitlab", "Intranet"),  # set in mkdocs.yml: kept
    (None, None, "gitlab", None),
])
def test_forge_name(name, url, forge, shown):
    assert repo_name(name, url, forge) == shown
