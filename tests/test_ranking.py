"""One ranking of people for a topic (issue 27), on the data cases of tests/cases/ranking/:
for every spelling of a topic, `plein who-knows`, `plein search` and the built topic page list
the same people in the same order: a declared topic first, an exact match above a partial
one, members of a team named for the topic below both."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import make_org
from test_site_build import build_org

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "ranking" / "cases.yml").read_text(encoding="utf-8"))
PLEIN = Path(sys.executable).parent / "plein"
SPELLINGS = [(g, s) for g, group in enumerate(CASES["groups"]) for s in group["spellings"]]


def _files(org: dict) -> dict:
    files = {}
    for tid, team in org["teams"].items():
        files[f"content/teams/{tid}.yml"] = yaml.safe_dump(team, allow_unicode=True)
    for handle, p in org["people"].items():
        name = " ".join(w.capitalize() for w in handle.split("-"))
        files[f"profiles/{handle}.yml"] = yaml.safe_dump(
            {"name": name, "role": "Medewerker", "email": f"{handle}@wetterveen.example",
             "started": "2020-01-01", **p}, allow_unicode=True)
    for tid, t in org["threads"].items():
        reply = f"2026-11-02T10-00-{t['accepted_reply']}"
        files[f"content/discussions/{tid}/index.md"] = (
            f"---\ntitle: Een vraag\nauthor: {t['author']}\ndate: 2026-11-01 09:00\nkind: question\n"
            f"tags: {json.dumps(t['tags'])}\naccepted: {reply}\n---\nWie weet dit?\n")
        files[f"content/discussions/{tid}/replies/{reply}.md"] = (
            f"---\nauthor: {t['accepted_reply']}\ndate: 2026-11-02 10:00\n---\nZo doe je dat.\n")
    return files


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = make_org(tmp_path_factory.mktemp("ranking"), _files(CASES["org"]))
    site = build_org(root, root / "site")
    return root, site


def _run(root: Path, *args: str) -> dict:
    done = subprocess.run([str(PLEIN), *args, "--json", "--root", str(root)], cwd=root, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _page_people(site: Path, spelling: str) -> list:
    """The people of the topic page's first list ('declared by'), in page order."""
    from plein.model.load import load
    from plein.site import links as L
    org, _ = load(site.parent)
    topic = org.topics[org.topic_key(spelling)]
    html = (site / L.url(L.topic(topic.slug)) / "index.html").read_text(encoding="utf-8")
    declared = html.split("<h2", 2)[1]  # from 'declared by' to the next heading
    return list(dict.fromkeys(re.findall(r'href="[./]*people/([a-z0-9-]+)/"', declared)))


@pytest.mark.parametrize("group,spelling", SPELLINGS, ids=[s for _, s in SPELLINGS])
def test_who_knows_search_and_the_topic_page_agree(built, group, spelling):
    root, site = built
    expected = CASES["groups"][group]
    knows = _run(root, "who-knows", "-n", "100", spelling)
    stated = [p["handle"] for p in knows["people"] if p["standing"]]
    assert stated == expected["people"], "who-knows"
    found = _run(root, "search", "-n", "100", "--kind", "person", spelling)
    people = [h["id"].split(":", 1)[1] for h in found["hits"]]
    assert people[:len(stated)] == expected["people"], "search"
    assert _page_people(site, spelling) == expected["page"], "the topic page"
