"""The built site in headless Chromium, as a colleague would use it: the example
organisation (built once per session) and a small fixture full of XSS payloads."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
import yaml

from plein.site import links as L
from plein.model.load import load
from test_site_build import CASES, NOW, REPO, build_org, with_plein

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class Served:
    """A built site on a local http.server thread (random free port)."""

    def __init__(self, site: Path):
        handler = functools.partial(_QuietHandler, directory=str(site))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.site = site

    def url(self, path: str = "") -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/{path}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def browser(chromium_browser):
    return chromium_browser


@pytest.fixture(scope="session")
def example(tmp_path_factory):
    """The repository's example organisation, built once with a fixed `now`
    (PLEIN_EXAMPLE_ROOT may name another organisation's folder, for development)."""
    root = Path(os.environ.get("PLEIN_EXAMPLE_ROOT", REPO))
    org, _ = load(root)
    if not org.people:
        pytest.skip("the example organisation is not in profiles/ yet (tools/generate-example)")
    work = tmp_path_factory.mktemp("example")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(root / "content")
    config["plugins"] = with_plein(config["plugins"], {"forge": "gitlab", "language": "nl", "now": NOW,
                                                       "git": False, "root": str(root)})
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(config_file=str(work / "mkdocs.yml"), site_dir=str(work / "site")))
    served = Served(work / "site")
    yield org, served
    served.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors and uncaught exceptions."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    context.close()


def href(src: str) -> str:
    return L.url(src)


def test_directory_filters_narrow_the_cards(example, page):
    org, served = example
    ready = ("s => { const f = document.querySelector('[data-plein-directory]');"
             " return f.dataset.state === 'ready' && f.dataset.url === s; }")
    page.goto(served.url(href(L.DIRECTORY)))
    page.wait_for_function(ready, arg="")
    cards = page.locator(".plein-card:visible")
    total = cards.count()
    assert total > 1
    team = page.locator("select[name=team] option").last.get_attribute("value")  # a team low in the tree
    page.select_option("select[name=team]", team)
    page.wait_for_function(ready, arg=f"?team={team}")
    narrowed = cards.count()
    assert 0 < narrowed < total
    for handle in page.locator(".plein-card:visible a").evaluate_all(
            "links => links.map(a => a.getAttribute('href'))"):
        person = org.people[handle.strip("/").split("/")[-1]]
        assert team in [t.id for t in org.team_path(person.team)]
    page.select_option("select[name=team]", "")
    page.wait_for_function(ready, arg="")
    assert cards.count() == total
    assert page.errors == []


def test_profile_shows_replies_and_the_reply_link_targets_the_thread_folder(example, page):
    org, served = example
    handle, replies = next((h, org.by(h).replies) for h in org.people
                           if org.by(h).replies and not org.people[h].alumnus)
    page.goto(served.url(href(L.person(handle))))
    body = page.locator(".plein-replies").inner_text()
    assert org.threads[replies[0].thread].title in body
    page.click(f"a[href*='{replies[0].thread}/#reply-']")
    reply = page.locator("a[data-plein-reply]").get_attribute("href")
    assert reply.endswith(f"bewerken/#/collections/replies/new?_thread={replies[0].thread}")
    raw = page.locator("details.plein-raw a").get_attribute("href")  # for those who write the file
    assert f"/-/new/main/content/discussions/{replies[0].thread}/replies?file_name=" in raw
    assert "content=" not in raw  # GitLab ignores it: the text to paste is on the page
    assert page.errors == []


def test_an_alumnus_accepted_answer_is_shown_and_attributed(example, page):
    org, served = example
    thread = next(t for t in org.threads.values()
                  if t.accepted_reply and org.people.get(t.accepted_reply.author)
                  and org.people[t.accepted_reply.author].alumnus)
    alumnus = org.people[thread.accepted_reply.author]
    page.goto(served.url(href(L.thread(thread.id))))
    accepted = page.locator(".plein-reply--accepted")
    assert accepted.count() == 1
    assert alumnus.name in accepted.inner_text()
    page.goto(served.url(href(L.person(alumnus.handle))))
    assert page.locator(".plein-alumnus").count() == 1
    assert thread.title in page.locator(".plein-replies").inner_text()


def test_scheduled_news_is_absent(example, page):
    org, served = example
    scheduled = [n for n in org.news if n.date.year >= 2030]
    assert scheduled, "the example has a news item dated 2030"
    page.goto(served.url(href(L.NEWS)))
    assert scheduled[0].title not in page.content()
    page.goto(served.url(href(L.HOME)))
    assert scheduled[0].title not in page.content()
    response = page.goto(served.url(href(L.news(scheduled[0].id))))
    assert response.status == 404


def test_no_horizontal_scroll_at_375px_and_no_console_errors(example, browser):
    org, served = example
    person = next(p for p in org.people.values() if not p.alumnus and org.by(p.handle).replies)
    thread = max(org.threads.values(), key=lambda t: len(t.replies))
    context = browser.new_context(viewport={"width": 375, "height": 800})
    pg = context.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    for src in (L.HOME, L.DIRECTORY, L.person(person.handle), L.thread(thread.id), L.ORGCHART):
        pg.goto(served.url(href(src)))
        width = pg.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{src} is {width}px wide"
    context.close()
    assert errors == []


@pytest.mark.parametrize("width, shown", [(1280, {"logo", "search", "repo"}), (375, {"menu", "search"})])
def test_header_icons_are_drawn_from_the_sprite(example, browser, width, shown):
    """The header's icons point into assets/plein/icons.svg instead of being inlined on every
    page: each one a reader sees at this width is drawn, at its size."""
    org, served = example
    context = browser.new_context(viewport={"width": width, "height": 800})
    pg = context.new_page()
    pg.goto(served.url(href(L.DIRECTORY)))
    sizes = pg.evaluate("""[...document.querySelectorAll('header svg use')].map(u => {
        const box = u.getBoundingClientRect();
        return [u.getAttribute('href').split('#')[1], Math.round(box.width), Math.round(box.height)]; })""")
    drawn = {name for name, w, h in sizes if w >= 10 and h >= 10}
    inline = pg.evaluate("document.querySelectorAll('header svg path').length")
    context.close()
    assert shown <= drawn, sizes
    assert inline == 0


def test_xss_payloads_do_not_execute(browser, tmp_path):
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    served = Served(build_org(org, tmp_path / "site"))
    context = browser.new_context()
    pg = context.new_page()
    try:
        for src in (L.person("carla-smit"), L.thread("gis-laag-bomen"), L.team("ruimte"), L.HOME):
            pg.goto(served.url(href(src)))
            assert pg.evaluate("typeof window.__xss") == "undefined", src
            assert pg.locator("iframe").count() == 0
        pg.goto(served.url(href(L.thread("gis-laag-bomen"))))
        pg.get_by_text("x", exact=True).click()
        assert pg.evaluate("typeof window.__xss") == "undefined"
        pg.goto(served.url(href(L.person("carla-smit"))))
        pg.get_by_text("klik", exact=True).click()
        assert pg.evaluate("typeof window.__xss") == "undefined"
    finally:
        context.close()
        served.close()
