"""Plein's search in the header of the built site, in headless Chromium: typing, opening
a result, facets, odd queries, and the same top results as `plein search` for the same
queries (the browser's engine.js against Python's search.engine)."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from plein.search.store import for_cli
from plein.search.whoknows import standing_first

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
REPO = Path(__file__).resolve().parents[1]
FIXTURE = REPO / "tests/cases/search/org"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
BOX = "input.md-search__input"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Site:
    """A built organisation served from a local http.server thread."""

    def __init__(self, root: Path):
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        self.root = root
        handler = functools.partial(_Quiet, directory=str(root / "site"))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{path}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def chromium(chromium_browser):
    return chromium_browser


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("search-site") / "org"
    shutil.copytree(FIXTURE, root)
    s = Site(root)
    yield s
    s.close()


def watched_page(browser, url: str):
    """A new page at `url` that keeps its script errors and console errors in `.errors`."""
    p = browser.new_page()
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("console", lambda m: m.type == "error" and p.errors.append(m.text))
    p.goto(url)
    return p


@pytest.fixture
def page(chromium, site):
    p = watched_page(chromium, site.url())
    yield p
    p.close()


def type_query(page, text: str) -> None:
    page.click(BOX)
    page.locator(BOX).press_sequentially(text, delay=20)
    wait_results(page, text)


def wait_results(page, text: str) -> None:
    page.wait_for_function(
        "q => { const b = document.querySelector('[data-plein-search]');"
        " return b.dataset.state === 'ready' && b.dataset.query === q; }", arg=text)


def result_ids(page) -> list:
    return page.eval_on_selector_all(".plein-search__item", "els => els.map(e => e.dataset.id)")


def test_header_search_replaces_material_search(page, site):
    assert page.locator("[data-md-component=search]").count() == 0  # no lunr search
    assert not (site.root / "site/search/search_index.json").exists()
    assert page.locator(BOX).count() == 1


def test_type_a_name_and_open_the_person(page):
    type_query(page, "Ahmed")
    assert result_ids(page)[0] == "person:ahmed-yilmaz"
    assert page.locator(".plein-search__kind").first.inner_text().lower() == "mensen"
    page.locator(".plein-search__item a").first.click()
    page.wait_for_url(re.compile(r".*/people/ahmed-yilmaz/$"))
    assert "Ahmed Yilmaz" in page.locator("h1").first.inner_text()
    assert page.errors == []


def test_prefix_matching_while_typing(page):
    type_query(page, "yilm")
    assert result_ids(page)[0] == "person:ahmed-yilmaz"


def test_dutch_inflection(page):
    type_query(page, "bestuurders ")
    assert "person:fatima-el-amrani" in result_ids(page)


def test_facets_filter_kind_team_and_expertise(page):
    type_query(page, "gis")
    everything = result_ids(page)
    assert {i.split(":")[0] for i in everything} >= {"person", "news", "thread"}
    page.click("button.plein-search__facet[data-facet=kind][data-value=person]")
    wait_results(page, "gis")
    assert result_ids(page) and all(i.startswith("person:") for i in result_ids(page))
    page.click("button.plein-search__facet[data-facet=kind][data-value=person]")  # off again
    wait_results(page, "gis")
    page.click("button.plein-search__facet[data-facet=location][data-value='Servicepunt Noord']")
    wait_results(page, "gis")
    assert result_ids(page) == ["person:ahmed-yilmaz", *[i for i in result_ids(page)[1:]]]
    assert all(i in everything for i in result_ids(page)) and len(result_ids(page)) < len(everything)
    page.click("button.plein-search__facet[data-facet=location][data-value='Servicepunt Noord']")
    wait_results(page, "gis")
    page.locator("button.plein-search__facet[data-facet=topic]", has_text="GIS").first.click()
    wait_results(page, "gis")
    assert set(result_ids(page)) <= set(everything) and "update:ahmed-yilmaz/2026-10-10-1" not in result_ids(page)
    assert page.errors == []


@pytest.mark.parametrize("query,expect", [
    ("a", "minstens twee letters"), ("!!!", "minstens twee letters"),
    ("zzqqy", "Niets gevonden"), ("x" * 2000, "Niets gevonden"), ("gis " * 500 + "gis", "resultat"),
])
def test_odd_queries(page, query, expect):
    page.click(BOX)
    page.fill(BOX, query)
    wait_results(page, query)
    assert expect in page.inner_text(".md-search-result__meta")
    assert page.errors == []


QUERIES = ["gis", "GIS-viewer", "kaart", "kaartlaag bomen", "bestuurder", "bestuurders", "Fatima",
           "ahm", "jan de vries", "zaaksysteem", "BAG-API", "bag api koppeling", "omgevingswet",
           "colleagues", "intranet news", "Turks", "qgis", "bo", "bom", "koppel", "de", "StUF",
           "raadsvoorstellen", "stadskantoor", "geodata", "hoogte", "informatie", "wethouders"]


def browser_top(page, query: str, n: int = 10) -> list:
    found = page.evaluate("([q, n]) => window.pleinSearch.search(q, null, n)", [query, n])
    return [(h["id"], h["matched"], h["score"]) for h in found["hits"]], found["total"]


def cli_top(store, query: str, n: int = 10) -> list:
    first = standing_first(store.org, store.engine(), query)  # as `plein search`: who knows a topic first
    found = store.engine().search(query, limit=n, first=first)
    return [(h.id, h.matched, h.score) for h in found.hits], found.total


def test_browser_and_cli_give_the_same_results(page, site):
    store = for_cli(site.root)
    words = sorted({w for q in QUERIES for w in q.split()})
    queries = QUERIES + [w[:k] for w in words for k in (3, 4)] + [f"{a} {b}" for a, b in zip(words, words[1:])]
    for q in queries:
        assert browser_top(page, q) == cli_top(store, q), q


def test_thread_pages_list_similar_threads_and_people_to_ask(site):
    html = (site.root / "site/discussions/gis-viewer-bomen/index.html").read_text()
    related = html[html.index('<aside class="plein-related"'):]
    related = related[:related.index("</aside>")]
    assert "Welke kaartlaag gebruiken we voor bomen?" in related
    assert "people/ahmed-yilmaz/" in related and "people/sanne-bakker/" in related
    assert "people/lotte-smit/" not in related  # she asked: not someone to send her to
