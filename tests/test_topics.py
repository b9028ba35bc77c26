"""One topic however it is written (issue 27): the normal form (model/topics.py) on data
cases, the same slug and query words in Python and in the browser's engine.js (run by node),
and a built organisation where each spelling group of tests/cases/topics/groups.yml is one
topic: one page, one facet value, and every spelling finds the same people first, in one
order, in `who-knows`, in `plein search` and in the browser's search."""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from plein.model.topics import slugify, topic_key
from plein.search.rank import read_query
from plein.search.store import for_cli
from plein.search.whoknows import EXACT, rank, standing_first

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests/cases/topics"
ENGINE_JS = REPO / "plugins/plein/search/browser/engine.js"
GROUPS = yaml.safe_load((CASES / "groups.yml").read_text())
QUERIES = ["c++", "C#", ".NET", "f#", "C# en .NET", "CI/CD", "cicd", "frontend_graphql", "Create:Editor",
           "Create: Editor", "front-end", "a/b/c/d/e", "2026-11-20", "node.js", "asp.net", "c++11", "x"]


def node(script: str, arg) -> object:
    """Run a script with engine.js loaded (PleinSearchEngine) and `arg` as ARG; its JSON output."""
    code = f"{ENGINE_JS.read_text()}\nconst ARG = {json.dumps(arg)};\n{script}"
    done = subprocess.run(["node", "-e", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# -- the normal form

@pytest.mark.parametrize("group", yaml.safe_load((CASES / "keys.yml").read_text())["same"], ids=str)
def test_spellings_of_one_topic_have_one_key(group):
    assert len({topic_key(label) for label in group}) == 1, {label: topic_key(label) for label in group}


def test_different_topics_keep_different_keys():
    apart = [label for group in yaml.safe_load((CASES / "keys.yml").read_text())["apart"] for label in group]
    keys = {}
    for label in apart:
        keys.setdefault(topic_key(label), []).append(label)
    assert all(len(labels) == 1 for labels in keys.values()), keys


def test_slugs_are_the_same_in_python_and_in_the_browser():
    cases = yaml.safe_load((CASES / "slugs.yml").read_text())
    assert {text: slugify(text) for text in cases} == cases
    assert node("console.log(JSON.stringify(ARG.map((t) => PleinSearchEngine.slugify(t))));",
                list(cases)) == list(cases.values())


def test_query_words_are_the_same_in_python_and_in_the_browser():
    js = node("""
const e = new PleinSearchEngine("/");
e.P = {MAX_QUERY: 500, MAX_TOKENS: 8, MIN_PREFIX: 3};
e.foldMap = new Map();
console.log(JSON.stringify(ARG.map((q) => { const r = e.readQuery(q);
  return [r.words, r.prefix, Object.fromEntries(r.joined)]; })));""", QUERIES)
    py = [list(read_query(q, {})) for q in QUERIES]
    assert js == py
    by_query = dict(zip(QUERIES, py))
    assert by_query["c++"][0] == ["cplusplus"] and by_query["C#"][0] == ["csharp"]
    assert by_query[".NET"][0] == ["dotnet"] and by_query["f#"][0] == ["fsharp"]
    assert by_query["CI/CD"] == [["ci", "cd"], None, {"ci": "cicd", "cd": "cicd"}]
    assert by_query["frontend_graphql"][0] == ["frontend", "graphql"]


def test_validate_points_out_near_duplicates_as_notices():
    from plein.model.load import load
    from plein.model.validate import check
    org, problems = load(CASES / "org")
    check(org, problems)
    assert not problems.errors
    notices = {(p.path, p.message) for p in problems if p.severity == "notice"}
    assert ("profiles/bas-jansen.yml", "expertise 'graphql' is the topic 'GraphQL', as 2 colleague(s) write it") \
        in notices
    assert ("profiles/gus-hendriks.yml", "expertise 'Compilr' looks like the topic 'compiler' of 2 colleague(s)") \
        in notices
    assert len(notices) == 2, notices  # one each: equal spellings are no near-duplicates


# -- a built organisation

class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("topics") / "org"
    shutil.copytree(CASES / "org", root)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict"], cwd=root,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return root


@pytest.fixture(scope="module")
def store(built):
    return for_cli(built)


def _who_knows(store, text) -> list:
    active, _ = rank(store.org, store.engine(), text)
    return active


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g["slug"])
def test_a_spelling_group_is_one_topic_with_one_page(built, store, group):
    org = store.org
    keys = {org.topic_key(s) for s in group["spellings"]}
    assert len(keys) == 1, keys
    topic = org.topics[keys.pop()]
    assert topic.slug == group["slug"]
    assert sorted(topic.people) == sorted(group["people"])
    page = (built / "site/expertise" / group["slug"] / "index.html").read_text()
    for handle in group["people"]:
        assert f"people/{handle}/" in page
    assert not (built / "site/expertise" / f"{group['slug']}-2").exists()
    meta = json.loads((built / "site/plein-search/meta.json").read_text())
    assert [label for label in meta["topics"] if org.topic_key(label) == topic.key] == [topic.label]


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g["slug"])
def test_every_spelling_finds_the_same_people_first_in_one_order(store, group):
    people = sorted(group["people"])
    orders = set()
    for spelling in group["spellings"]:
        found = _who_knows(store, spelling)
        first = [e.handle for e in found[:len(people)]]
        assert sorted(first) == people, (spelling, [e.handle for e in found])
        assert all(e.standing == EXACT for e in found[:len(people)])
        orders.add(tuple(first))
        hits = store.engine().search(spelling, kind=["person"], limit=50).hits
        assert set(people) <= {h.id.split(":", 1)[1] for h in hits}, spelling
    assert len(orders) == 1, orders


def test_who_knows_ranks_declared_then_partial_then_team(store):
    found = _who_knows(store, "frontend")
    standing = {e.handle: (e.standing, e.in_team) for e in found}
    assert [e.handle for e in found[:2]] == ["ada-bakker", "dirk-visser"]  # 'Frontend', 'front-end'
    assert standing["bas-jansen"][0] < EXACT and standing["cor-smit"][0] < EXACT  # 'Frontend GraphQL'
    assert [e.standing for e in found] == sorted((e.standing for e in found), reverse=True)


def test_who_knows_says_how_many_more(built, capsys):
    from plein.cli import main
    assert main(["who-knows", "-n", "1", "open", "source", "--root", str(built)]) == 0
    few = capsys.readouterr().out
    assert "3 more people know about it" in few and "-n 4 'open source'" in few
    assert main(["who-knows", "-n", "50", "open source", "--root", str(built)]) == 0
    every = capsys.readouterr().out
    assert "more people" not in every
    for name in ("Ada Bakker", "Dirk Visser", "Eva Mulder"):
        assert name in every
    assert every.index("Eva Mulder") < every.index("Fay de Boer")  # declares it; Fay is in the team only
    assert "in the team Open source" in every


@pytest.fixture(scope="module")
def served(built):
    handler = functools.partial(_Quiet, directory=str(built / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.browser
def test_symbols_and_spellings_are_found_in_the_browser_as_on_the_command_line(chromium_browser, served, store):
    page = chromium_browser.new_page()
    try:
        page.goto(served)
        page.wait_for_function("() => window.pleinSearch")
        for query in ["c++", "C#", ".net", "f#", "cicd", "CI/CD", "front-end", "frontend_graphql", "k8s",
                      "open source", "compilers", "Create: Editor"]:
            found = page.evaluate("([q]) => window.pleinSearch.search(q, null, 10)", [query])
            browser = [(h["id"], h["matched"], h["score"]) for h in found["hits"]]
            first = standing_first(store.org, store.engine(), query)  # who knows a topic first, in both
            cli = [(h.id, h.matched, h.score) for h in store.engine().search(query, limit=10, first=first).hits]
            assert browser == cli, query
            assert browser, query
        for query, handle in [("c++", "fay-de-boer"), ("C#", "bas-jansen"), (".net", "cor-smit")]:
            found = page.evaluate("([q]) => window.pleinSearch.search(q, null, 10)", [query])
            assert f"person:{handle}" in [h["id"] for h in found["hits"]], query
    finally:
        page.close()
