"""`plein search` and `plein who-knows` on a small organisation: relevance cases from
tests/cases/search/relevance.yml, odd queries, and an index kept up to date incrementally."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from plein.cli import main

REPO = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((REPO / "tests/cases/search/relevance.yml").read_text(encoding="utf-8"))
FIXTURE = REPO / CASES["fixture"]["org"]


@pytest.fixture(scope="module")
def org(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("search") / "org"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.fixture(scope="module")
def example(tmp_path_factory) -> Path:
    """The example organisation of the repository (profiles/, content/, mkdocs.yml)."""
    if not any((REPO / "profiles").glob("*.yml")):
        pytest.skip("profiles/ holds no example yet: run tools/generate-example")
    root = tmp_path_factory.mktemp("search") / "example"
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def run(capsys, monkeypatch, root: Path, *args) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    rc = main(list(args))
    out, err = capsys.readouterr()
    return rc, out, err


def search_json(capsys, monkeypatch, root, query, *args) -> dict:
    rc, out, err = run(capsys, monkeypatch, root, "search", query, "--json", *args)
    assert rc == 0, err
    return json.loads(out)


def check_case(ids: list, case: dict) -> None:
    want = case["top"]
    if not want:
        assert ids == [], case["why"]
    elif "anywhere_in_top" in case:
        top = ids[:case["anywhere_in_top"]]
        assert all(w in top for w in want), f"{case['why']}: {want} not all in {top}"
    else:
        assert ids[:len(want)] == want, f"{case['why']}: got {ids[:len(want) + 2]}"


@pytest.mark.parametrize("case", CASES["fixture"]["cases"], ids=lambda c: c["query"])
def test_relevance(org, capsys, monkeypatch, case):
    args = ["--kind", case["kind"]] if "kind" in case else []
    found = search_json(capsys, monkeypatch, org, case["query"], *args, "-n", "20")
    check_case([h["id"] for h in found["hits"]], case)


@pytest.mark.parametrize("case", CASES["example"]["cases"], ids=lambda c: c["query"])
def test_relevance_on_the_example(example, capsys, monkeypatch, case):
    args = ["--kind", case["kind"]] if "kind" in case else []
    found = search_json(capsys, monkeypatch, example, case["query"], *args, "-n", "20")
    check_case([h["id"] for h in found["hits"]], case)


WHO_KNOWS = [(name, c) for name in ("fixture", "example") for c in CASES["who_knows"][name]]


@pytest.mark.parametrize("where,case", WHO_KNOWS, ids=lambda c: c if isinstance(c, str) else c["topic"])
def test_who_knows(request, capsys, monkeypatch, where, case):
    root = request.getfixturevalue("org" if where == "fixture" else "example")
    rc, out, err = run(capsys, monkeypatch, root, "who-knows", case["topic"], "--json")
    assert rc == 0, err
    found = json.loads(out)
    assert [p["handle"] for p in found["people"]] == case["people"]
    assert [p["handle"] for p in found["alumni"]] == case["alumni"]


def test_who_knows_lists_alumni_apart_with_links_to_what_they_wrote(org, capsys, monkeypatch):
    rc, out, _ = run(capsys, monkeypatch, org, "who-knows", "BAG-API", "koppeling")
    assert rc == 0
    now, _, alumni = out.partition("Knew about this (alumni):")
    assert "Pieter Jansen" not in now and "Pieter Jansen" in alumni
    assert "people/pieter-jansen/" in alumni
    assert "discussions/koppeling-bag-api-zaaksysteem/#reply-2024-03-05T10-00-pieter-jansen" in alumni


def test_text_output_groups_by_kind_people_first_for_a_name(org, capsys, monkeypatch):
    rc, out, _ = run(capsys, monkeypatch, org, "search", "Sanne", "Bakker")
    assert rc == 0
    assert out.splitlines()[2] == "People" and "Sanne Bakker" in out.splitlines()[3]
    assert "http://127.0.0.1:8000/people/sanne-bakker/" in out


@pytest.mark.parametrize("query", ["", " ", "a", "!!!", "?-*/", "é", "x" * 2000, "gis " * 500, "\u200b\U0001F600"])
def test_odd_queries_get_an_answer_not_an_error(org, capsys, monkeypatch, query):
    rc, out, err = run(capsys, monkeypatch, org, "search", query)
    assert rc == 0 and err == ""
    assert out.strip()
    found = search_json(capsys, monkeypatch, org, query)
    assert found["total"] == len(found["hits"]) or found["total"] > 10


def test_filters_and_unknown_team(org, capsys, monkeypatch):
    found = search_json(capsys, monkeypatch, org, "gis", "--team", "Ruimtelijke Ordening", "--kind", "news")
    assert [h["id"] for h in found["hits"]] == ["news:2026/2026-09-01-nieuwe-gis-viewer"]
    rc, _, err = run(capsys, monkeypatch, org, "search", "gis", "--team", "nope")
    assert rc == 1 and "no such team" in err and "Traceback" not in err


def test_index_follows_changes_and_ranks_like_a_fresh_build(tmp_path, capsys, monkeypatch):
    root = tmp_path / "org"
    shutil.copytree(FIXTURE, root)
    queries = ["gis", "bestuurder", "kaart", "zaaksysteem koppeling", "Lotte", "omgevingswet"]
    search_json(capsys, monkeypatch, root, "gis")  # builds the index
    profile = root / "profiles/lotte-smit.yml"
    profile.write_text(profile.read_text().replace("[Interne communicatie]", "[Interne communicatie, GIS]"))
    (root / "content/news/2026/2026-10-01-new-intranet.md").unlink()
    after = {q: search_json(capsys, monkeypatch, root, q, "-n", "20") for q in queries}
    assert "person:lotte-smit" in [h["id"] for h in after["gis"]["hits"]]
    gone = [h["id"] for h in search_json(capsys, monkeypatch, root, "colleagues")["hits"]]
    assert "news:2026/2026-10-01-new-intranet" not in gone
    shutil.rmtree(root / ".plein-cache")
    fresh = {q: search_json(capsys, monkeypatch, root, q, "-n", "20") for q in queries}
    assert fresh == after


def test_cache_inside_content_is_refused(tmp_path, capsys, monkeypatch):
    root = tmp_path / "org"
    shutil.copytree(FIXTURE, root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text() + "    cache_dir: content/.cache\n")
    rc, _, err = run(capsys, monkeypatch, root, "search", "gis")
    assert rc == 1 and "outside content/ and profiles/" in err
    assert not (root / "content/.cache").exists()
