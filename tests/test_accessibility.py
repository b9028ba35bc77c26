"""WCAG 2.1 AA on the example intranet, in Debian's chromium: axe-core's A and AA rules on
one page of every kind at a desktop and a phone width, no sideways scrolling at 320 px (200 %
zoom), the keyboard alone through search, the directory filters and the org chart, and the
language of parts. What axe cannot check is listed on content/help/toegankelijkheid.md."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from plein.site import links as L
from test_browser_site import Served, example  # noqa: F401 - the example organisation, built and served
from conftest import make_org
from test_site_build import CASES, NOW, REPO, build_org, with_plein

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
WIDTHS = (1280, 375)
KINDS = ("home", "directory", "profile", "team", "orgchart", "news list", "news item", "discussions",
         "thread", "updates", "kudos", "expertise", "topic", "alumni", "changes", "help",
         "accessibility statement", "search results")
SEARCH_BOX = "input.md-search__input"


def pages(org) -> dict:
    """The source path of one page of every kind, each chosen to show as much as its kind can."""
    people = [p for p in org.people.values() if not p.alumnus]
    person = max(people, key=lambda p: (bool(p.bio), len(org.by(p.handle).replies), len(p.expertise)))
    published = [n for n in org.news if n.date.strftime("%Y-%m-%d %H:%M") <= NOW]
    topic = max(org.topics.values(), key=lambda t: len(t.people))
    return {
        "home": L.HOME, "directory": L.DIRECTORY, "profile": L.person(person.handle),
        "team": L.team(max(org.teams, key=lambda t: len(org.subteams.get(t, ())) + len(org.members.get(t, ())))),
        "orgchart": L.ORGCHART, "news list": L.NEWS,
        "news item": L.news(max(published, key=lambda n: (n.pinned, len(n.body))).id),
        "discussions": L.DISCUSSIONS,
        "thread": L.thread(max(org.threads.values(), key=lambda t: (t.answered, len(t.replies))).id),
        "updates": L.UPDATES, "kudos": L.KUDOS, "expertise": L.TOPICS, "topic": L.topic(topic.slug),
        "alumni": L.ALUMNI, "changes": L.CHANGES, "help": "help/content-reference.md",
        "accessibility statement": "help/toegankelijkheid.md", "search results": L.HOME,
    }


@pytest.fixture(scope="module")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing. Fix: run 'make install' (npm ci installs axe-core)")
    return AXE


@pytest.fixture
def open_page(example, chromium_browser):  # noqa: F811
    """open_page(kind, width) -> a page showing that kind of page, at that width."""
    org, served = example
    where = pages(org)
    contexts = []

    def opened(kind: str, width: int):
        context = chromium_browser.new_context(viewport={"width": width, "height": 900},
                                               bypass_csp=True)  # axe is an inline script: the CSP blocks it
        contexts.append(context)
        pg = context.new_page()
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.goto(served.url(L.url(where[kind])))
        pg.wait_for_load_state("load")
        if kind == "search results":
            search(pg, "omgevingswet")
        pg.wait_for_timeout(50)  # Material's scripts wrap tables after the load event
        return pg
    yield opened
    for context in contexts:
        context.close()


def search(pg, words: str):
    box = pg.locator(SEARCH_BOX)
    box.focus()  # opens the search dialog (on a phone it covers the page)
    box.press_sequentially(words)
    pg.wait_for_selector("[data-plein-search][data-state=ready] .plein-search__item")


def violations(result: dict) -> list[str]:
    """One line per failing element: the rule, its impact, the element and what to fix."""
    out = []
    for rule in result["violations"]:
        for node in rule["nodes"]:
            fix = (node.get("failureSummary") or "").replace("\n", " ").strip()
            out.append(f"{rule['id']} ({node.get('impact')}): {' '.join(map(str, node['target']))}: "
                       f"{rule['help']}. {fix}")
    return out


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_wcag_21_aa_violation(open_page, axe_script, kind, width):
    pg = open_page(kind, width)
    pg.add_script_tag(path=str(axe_script))
    result = pg.evaluate("rules => axe.run(document, rules)", RULES)
    problems = violations(result)
    assert not problems, f"{kind} at {width}px ({pg.url}):\n  " + "\n  ".join(problems)
    assert result["passes"], "axe ran no check at all"
    assert pg.errors == []


@pytest.fixture(scope="module")
def dark_example(example, tmp_path_factory):  # noqa: F811
    """The example with Material's dark scheme, as an organisation with a palette of its own."""
    org, _ = example
    work = tmp_path_factory.mktemp("dark")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["palette"] = {"scheme": "slate"}
    config["docs_dir"] = str(REPO / "content")
    config["plugins"] = with_plein(config["plugins"], {"forge": "gitlab", "language": "nl", "now": NOW,
                                                       "git": False, "search": False, "root": str(REPO)})
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(load_config(config_file=str(work / "mkdocs.yml"), site_dir=str(work / "site")))
    served = Served(work / "site")
    yield org, served
    served.close()


@pytest.mark.parametrize("kind", ("home", "profile", "thread", "orgchart", "directory", "topic"))
def test_the_dark_scheme_passes_too(dark_example, chromium_browser, axe_script, kind):
    org, served = dark_example
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900},
                                           bypass_csp=True)  # axe is an inline script: the CSP blocks it
    try:
        pg = context.new_page()
        pg.goto(served.url(L.url(pages(org)[kind])))
        assert pg.get_attribute("body", "data-md-color-scheme") == "slate"
        pg.add_script_tag(path=str(axe_script))
        problems = violations(pg.evaluate("rules => axe.run(document, rules)", RULES))
        assert not problems, f"{kind}, dark scheme ({pg.url}):\n  " + "\n  ".join(problems)
    finally:
        context.close()


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "search results"])
def test_nothing_scrolls_sideways_at_320px(open_page, kind):
    """200 % zoom of a 640 px window, or 400 % of 1280: the page reflows into one column
    (tables may scroll inside their own box, which takes the keyboard focus)."""
    pg = open_page(kind, 320)
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{kind} is {width}px wide at 320px"
    boxes = pg.evaluate("""Array.from(document.querySelectorAll('.md-typeset__scrollwrap'))
        .filter(b => b.scrollWidth > b.clientWidth && b.tabIndex !== 0).length""")
    assert boxes == 0, f"{kind}: a table scrolls sideways but cannot take the focus"


# -- the keyboard alone ------------------------------------------------------------------

FOCUSED = """() => {
  const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {tag: e.tagName.toLowerCase(), text: (e.innerText || e.value || '').trim().slice(0, 60),
          href: e.href || '', cls: String(e.className), visible: r.width > 0 && r.height > 0 && s.opacity !== '0',
          outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0};
}"""


def tab_to(pg, selector: str, limit: int = 40, key: str = "Tab") -> list[dict]:
    """Press Tab until `selector` has the focus; every element passed on the way must show
    that it has the focus. Returns what was focused, in order."""
    seen = []
    for _ in range(limit):
        pg.keyboard.press(key)
        now = pg.evaluate(FOCUSED)
        seen.append(now)
        assert now["visible"] and now["outline"], f"the focus on {now} is not visible"
        if pg.evaluate("s => document.activeElement.matches(s)", selector):
            return seen
    raise AssertionError(f"{selector} not reached with {limit} presses of {key}: {[s['text'] for s in seen]}")


@pytest.fixture
def keyboard_page(example, chromium_browser):  # noqa: F811
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield example[1], pg
    context.close()


def test_skip_link_then_search_by_keyboard(keyboard_page):
    served, pg = keyboard_page
    pg.goto(served.url(L.url(L.HOME)))
    pg.keyboard.press("Tab")
    first = pg.evaluate(FOCUSED)
    assert first["href"].endswith("#plein-content") and first["visible"], first
    pg.keyboard.press("Enter")
    assert pg.evaluate("location.hash") == "#plein-content"
    pg.goto(served.url(L.url(L.HOME)))
    tab_to(pg, SEARCH_BOX, limit=6)
    pg.keyboard.type("omgevingswet", delay=20)
    pg.wait_for_selector("[data-plein-search][data-state=ready] .plein-search__item")
    links = pg.locator(".plein-search__item a")
    assert links.count() >= 2
    pg.keyboard.press("ArrowDown")
    assert pg.evaluate(FOCUSED)["href"] == links.nth(0).evaluate("a => a.href")
    pg.keyboard.press("ArrowDown")
    second = pg.evaluate(FOCUSED)
    assert second["href"] == links.nth(1).evaluate("a => a.href") and second["outline"], second
    pg.keyboard.press("ArrowUp")
    pg.keyboard.press("ArrowUp")
    assert pg.evaluate("s => document.activeElement.matches(s)", SEARCH_BOX)
    pg.keyboard.press("ArrowDown")
    pg.keyboard.press("ArrowDown")
    pg.keyboard.press("Enter")
    pg.wait_for_url(second["href"])
    assert pg.errors == []


def test_directory_filter_by_keyboard(keyboard_page, example):  # noqa: F811
    org, _ = example
    served, pg = keyboard_page
    pg.goto(served.url(L.url(L.DIRECTORY)))
    tab_to(pg, "select[name=team]")
    pg.keyboard.press("ArrowDown")  # the first team after 'All'
    team = pg.evaluate("document.activeElement.value")
    assert team in org.teams
    pg.locator("[data-plein-found] .plein-card").first.wait_for()
    pg.wait_for_function(f"location.search.includes('team={team}')")
    pg.keyboard.press("ArrowUp")
    pg.wait_for_function("!location.search.includes('team=')")
    assert pg.errors == []


def test_org_chart_opens_and_closes_by_keyboard(keyboard_page):
    served, pg = keyboard_page
    pg.goto(served.url(L.url(L.ORGCHART)))
    stops = tab_to(pg, ".plein-tree summary")
    assert stops[-2]["tag"] == "a", "the team's own link comes before its sub-teams' toggle"
    details = "document.activeElement.parentElement"
    inner = pg.evaluate(f"{details}.querySelector('ul a').href")
    assert pg.evaluate(f"{details}.open")
    pg.keyboard.press("Enter")
    assert not pg.evaluate(f"{details}.open")
    assert not pg.locator(f"a[href='{inner}']").first.is_visible()
    pg.keyboard.press("Space")
    assert pg.evaluate(f"{details}.open")
    pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.href") == inner
    assert pg.errors == []


def test_reply_ask_and_edit_buttons_are_reached_by_keyboard(keyboard_page, example):  # noqa: F811
    org, _ = example
    served, pg = keyboard_page
    thread = max(org.threads.values(), key=lambda t: len(t.replies))
    me = next(p for p in org.people.values() if not p.alumnus and p.forge_username)
    colleague = next(p for p in org.people.values() if not p.alumnus and p.kudos and p.handle != me.handle)
    # logged in to the web editor as `me` (Decap keeps the login in localStorage): one's own
    # profile has the edit button, a colleague's the kudos button (plein.js decides)
    pg.goto(served.url(L.url(L.HOME)))
    pg.evaluate("login => localStorage.setItem('decap-cms-user', JSON.stringify({login}))", me.forge_username)
    # this build has no editor installed (no node_modules beside it): its accounts table, as
    # editor/site.py writes it
    table = json.dumps({f"u:{me.forge_username.lower()}": [me.handle, me.name, 1]})
    pg.route("**/bewerken/accounts/*.json", lambda route: route.fulfill(
        status=200, content_type="application/json",
        body=table if route.request.url.endswith(f"/{me.forge_username[0].lower()}.json") else "{}"))
    for src, button in ((L.thread(thread.id), ".md-button[href*='collections/replies/new']"),
                        (L.DISCUSSIONS, ".md-button[href*='collections/threads/new']"),
                        (L.person(me.handle), ".md-button[href*='collections/profiles/entries']"),
                        (L.person(colleague.handle), ".md-button[href*='collections/kudos/new']")):
        pg.goto(served.url(L.url(src)))
        pg.wait_for_load_state("networkidle")  # plein.js has looked up who is logged in
        tab_to(pg, button, limit=80)


def test_paging_by_keyboard(chromium_browser, tmp_path):
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    make_org(org, {f"content/updates/carla-smit/2026-10-{day:02d}-1.md":
                   f"---\ndate: 2026-10-{day:02d} 09:00\n---\nUpdate {day}.\n" for day in range(1, 32)})
    served = Served(build_org(org, tmp_path / "site"))
    context = chromium_browser.new_context(viewport={"width": 375, "height": 800})
    try:
        pg = context.new_page()
        pg.goto(served.url(L.url(L.UPDATES)))
        tab_to(pg, ".plein-pager a[rel=next]", limit=120)
        pg.keyboard.press("Enter")
        pg.wait_for_url(served.url(L.url(L.list_page(L.UPDATES, 2))))
        tab_to(pg, ".plein-pager a[rel=prev]", limit=120)
    finally:
        context.close()
        served.close()


# -- language of parts -------------------------------------------------------------------

def test_an_english_thread_on_the_dutch_intranet_is_marked_english(example, chromium_browser):  # noqa: F811
    org, served = example
    english = org.threads["where-should-we-keep-our-python-scripts"]
    dutch = org.threads["brieven-op-b1-niveau-ervaringen"]
    context = chromium_browser.new_context()
    pg = context.new_page()
    try:
        pg.goto(served.url(L.url(L.thread(english.id))))
        assert pg.get_attribute("html", "lang") == "nl"
        assert pg.get_attribute("h1", "lang") == "en"
        assert pg.get_attribute(".plein-thread__body", "lang") == "en"
        pg.goto(served.url(L.url(L.thread(dutch.id))))
        assert pg.get_attribute("h1", "lang") is None  # Dutch, like the page
        assert pg.locator(".plein-reply__body[lang]").count() == 0
    finally:
        context.close()


def test_less_motion_when_the_reader_asks_for_it(example, chromium_browser):  # noqa: F811
    _, served = example
    durations = {}
    for motion in ("no-preference", "reduce"):
        context = chromium_browser.new_context(reduced_motion=motion)
        pg = context.new_page()
        pg.goto(served.url(L.url(L.DIRECTORY)))
        durations[motion] = pg.eval_on_selector(
            ".plein-card__link", "a => parseFloat(getComputedStyle(a).transitionDuration)")
        context.close()
    assert durations["no-preference"] > 0.1 and durations["reduce"] < 0.001, durations
