"""The people directory on the example organisation, in headless Chromium: filters over
the whole organisation (not one page), the state in the URL, the same lists as
`plein search --kind person` (cases in tests/cases/directory/facets.yml), checked against
the model; and, with JavaScript off, every person reachable from the directory's pages."""
from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlencode, urljoin

import pytest
import yaml

from plein.cli import main
from plein.model.org import topic_key
from plein.search.facets import subtree
from plein.search.store import for_cli
from plein.site.plan import DIRECTORY_PAGE
from test_search_browser import Site

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")
REPO = Path(__file__).resolve().parents[1]
CASES = yaml.safe_load((REPO / "tests/cases/directory/facets.yml").read_text(encoding="utf-8"))["cases"]
FORM = "[data-plein-directory]"
FOUND = "[data-plein-found] .plein-card"
OPTIONS = {"team": "team", "location": "location", "expertise": "topic", "language": "language", "day": "day"}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not any((REPO / "profiles").glob("*.yml")):
        pytest.skip("profiles/ holds no example yet: run tools/generate-example")
    root = tmp_path_factory.mktemp("directory") / "example"
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    s = Site(root)
    yield s
    s.close()


@pytest.fixture(scope="module")
def org(site):
    return for_cli(site.root).org


@pytest.fixture
def page(chromium_browser):
    p = chromium_browser.new_page()
    p.errors = []
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    p.on("console", lambda m: m.type == "error" and p.errors.append(m.text))
    yield p
    p.close()


def model_list(org, url: dict) -> list:
    """The current staff that pass the filters, in the model's (name) order."""
    teams = set(subtree(org.subteams, url["team"])) if "team" in url else None
    return [f"person:{p.handle}" for p in org.active_people()
            if (teams is None or p.team in teams)
            and ("location" not in url or p.location.casefold() == url["location"].casefold())
            and ("expertise" not in url or topic_key(url["expertise"]) in p.topics)
            and ("language" not in url or url["language"] in p.languages)
            and ("day" not in url or url["day"] in p.office_days)]


def cli_list(root: Path, url: dict, capsys, monkeypatch) -> list:
    args = ["search", *([url["q"]] if "q" in url else []), "--kind", "person", "-n", "1000", "--json"]
    for key, option in OPTIONS.items():
        if key in url:
            args += [f"--{option}", url[key]]
    monkeypatch.chdir(root)
    capsys.readouterr()
    assert main(args) == 0
    hits = json.loads(capsys.readouterr().out)["hits"]
    return [h["id"] for h in hits if not h["alumnus"]]  # the directory lists current staff


def wait_ready(page, search: str) -> None:
    page.wait_for_function(
        "s => { const f = document.querySelector('[data-plein-directory]');"
        " return f.dataset.state === 'ready' && f.dataset.url === s; }", arg=search)


def browser_list(page) -> list:
    """Every person the filtered directory shows, through all of its result pages."""
    ids = page.eval_on_selector_all(FOUND, "els => els.map(e => e.dataset.id)")
    while page.locator("[data-plein-found] .plein-pager:not([hidden]) [data-step='1']:not([disabled])").count():
        before = page.get_attribute("[data-plein-found]", "data-page")
        page.click("[data-plein-found] [data-step='1']")
        page.wait_for_function("b => document.querySelector('[data-plein-found]').dataset.page !== b "
                               "&& document.querySelector('[data-plein-directory]').dataset.state === 'ready'", arg=before)
        ids += page.eval_on_selector_all(FOUND, "els => els.map(e => e.dataset.id)")
    return ids


def open_directory(page, site, url: dict) -> None:
    search = "?" + urlencode(url) if url else ""
    page.goto(site.url("people/" + search))
    wait_ready(page, search)


@pytest.mark.parametrize("case", CASES, ids=lambda c: urlencode(c["url"]))
def test_cases_browser_cli_and_model_agree(page, site, org, capsys, monkeypatch, case):
    url = case["url"]
    open_directory(page, site, url)
    shown = browser_list(page)
    cli = cli_list(site.root, url, capsys, monkeypatch)
    assert len(shown) >= case["at_least"], case["why"]
    if "q" in url:  # the command line ranks a query; the directory lists by name
        assert sorted(shown) == sorted(cli), case["why"]
        by_name = [f"person:{p.handle}" for p in org.active_people()]
        assert shown == sorted(shown, key=by_name.index), "the directory lists by name"
    else:
        assert shown == cli == model_list(org, url), case["why"]
    count = page.inner_text("[data-plein-found] .plein-filters__count")
    assert (str(len(shown)) in count) if len(shown) > 1 else count
    assert page.errors == []


def test_team_filter_finds_members_beyond_the_first_page_then_a_second_filter_narrows(page, site, org):
    open_directory(page, site, {})
    assert page.locator("[data-plein-everyone]").is_visible()
    first_page = set(page.eval_on_selector_all("[data-plein-everyone] .plein-card a",
                                               "els => els.map(e => e.getAttribute('href'))"))
    assert len(first_page) == DIRECTORY_PAGE
    members = model_list(org, {"team": "fysiek-domein"})
    assert [m for m in members if f"../people/{m[7:]}/" not in first_page]  # some live on page 2
    page.select_option("select[name=team]", "fysiek-domein")
    wait_ready(page, "?team=fysiek-domein")
    assert browser_list(page) == members
    assert page.locator("[data-plein-everyone]").is_hidden()
    team_option = page.inner_text("select[name=team] option:checked")
    assert f"({len(members)})" in team_option  # the count includes the sub-teams
    tuesday = page.inner_text("select[name=day] option[value=tue]")
    page.select_option("select[name=day]", "tue")
    wait_ready(page, "?team=fysiek-domein&day=tue")
    narrowed = browser_list(page)
    assert narrowed == model_list(org, {"team": "fysiek-domein", "day": "tue"})
    assert set(narrowed) < set(members) and f"({len(narrowed)})" in tuesday
    assert page.url.endswith("/people/?team=fysiek-domein&day=tue")
    page.reload()  # the URL restores the state: list and selects
    wait_ready(page, "?team=fysiek-domein&day=tue")
    assert browser_list(page) == narrowed
    assert page.input_value("select[name=team]") == "fysiek-domein" and page.input_value("select[name=day]") == "tue"
    page.go_back()  # the back button undoes the second filter
    wait_ready(page, "?team=fysiek-domein")
    assert browser_list(page) == members and page.input_value("select[name=day]") == ""
    page.click(f"{FORM} button[type=reset]")
    wait_ready(page, "")
    assert page.locator("[data-plein-everyone]").is_visible() and page.url.endswith("/people/")
    assert page.errors == []


BOTH_ORDERS = """async (filters) => {
  const e = window.pleinSearch, { found } = await e.people("", filters);
  const sorted = (await e.byName(found, 1, 1000)).map((d) => d.id);  // few chunks: by the rows' places
  const paged = [];  // one row a page: the rows span more chunks than that, so order.bin decides
  for (let p = 1; p <= found.length; p++) paged.push(...(await e.byName(found, p, 1)).map((d) => d.id));
  return [sorted, paged];
}"""


@pytest.mark.parametrize("url", [{}, {"day": "tue"}, {"team": "fysiek-domein"}])
def test_both_ways_of_sorting_by_name_agree_with_the_model(page, site, org, url):
    open_directory(page, site, {})
    filters = page.evaluate("u => { const m = window.pleinSearch.meta; return {"
                            " team: u.team ? m.team_ids.indexOf(u.team) : null,"
                            " day: u.day ? m.days.indexOf(u.day) : null }; }", url)
    sorted_, paged = page.evaluate(BOTH_ORDERS, filters)
    assert sorted_ == paged == model_list(org, url)
    assert page.errors == []


def test_an_unknown_value_in_the_url_finds_nobody_without_an_error(page, site):
    open_directory(page, site, {"team": "opgeheven-team", "day": "tue"})
    assert page.inner_text("[data-plein-found] .plein-filters__count") == "Niemand voldoet aan deze filters."
    assert page.locator(FOUND).count() == 0 and page.input_value("select[name=team]") == "opgeheven-team"
    assert page.errors == []


def test_a_typed_name_filters_and_opens_the_person(page, site):
    open_directory(page, site, {})
    page.locator(f"{FORM} input[name=q]").press_sequentially("fatima", delay=20)
    wait_ready(page, "?q=fatima")
    assert browser_list(page)[0] == "person:fatima-el-amrani"
    page.locator(FOUND + " a").first.click()
    page.wait_for_url("**/people/fatima-el-amrani/")


def test_without_javascript_everyone_is_reachable_from_the_directory(chromium_browser, site, org):
    context = chromium_browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(site.url("people/"))
        assert not page.locator(FORM).is_visible()  # filters need JavaScript: not shown without
        links = {urljoin(page.url, h) for h in page.eval_on_selector_all(
            "article a", "els => els.map(e => e.getAttribute('href'))")}
        assert site.url("teams/") in links and site.url("expertise/") in links
        reached, todo, seen = set(), [site.url("people/")], set()
        while todo:
            url = todo.pop()
            if url in seen:
                continue
            seen.add(url)
            page.goto(url)
            for href in page.eval_on_selector_all(".plein-card a, a[rel=next], a[href*='alumni/']",
                                                  "els => els.map(e => e.getAttribute('href'))"):
                target = urljoin(url, href)
                if target.startswith(site.url("people/")) and "/page/" not in target and target != site.url("people/"):
                    reached.add(target)
                elif "/page/" in target or target.endswith("/alumni/"):
                    todo.append(target)
        assert reached == {site.url(f"people/{h}/") for h in org.people}
        page.goto(site.url("people/"))  # a page per location, linked from the directory
        page.click("article a:text-is('Stadskantoor')")
        cards = page.eval_on_selector_all(".plein-card a", "els => els.map(e => e.getAttribute('href'))")
        assert [urljoin(page.url, h) for h in cards] == [
            site.url(f"people/{p.handle}/") for p in org.active_people() if p.location == "Stadskantoor"]
    finally:
        context.close()


def test_the_header_names_the_forge_as_it_is_written(site):
    html = (site.root / "site/index.html").read_text()
    repo = html[html.index('class="md-source__repository"'):][:80]
    assert "GitLab" in repo and "Gitlab" not in repo
