"""The Content-Security-Policy (plugins/plein/site/csp.py): every page carries it first in
<head>, it allows exactly the theme's inline scripts, the theme still works under it in
Chromium (search, the directory's filters, the drawer, the palette), and a script that got
into a page anyway does not run.

The example is built as the pipelines publish it (minify on, the web editor installed), with
one extra Help page holding an inline script, as if escaping had failed; and once more
without minify, with Material's light/dark palette toggle."""
from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from plein.site import csp
from plein.site import links as L
from plein.model.load import load
from test_site_build import NOW, REPO, with_plein

PLANTED = "<script>window.planted = 1</script>\n<img src=x onerror=\"window.planted = 2\">\n"
PROBE = "help/csp-proef.md"
VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));"""


def _build(tmp: Path, minify: bool, palette=None) -> Path:
    root = tmp / "intranet"
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    (root / "content" / PROBE).write_text("# CSP-proef\n\nHier staat een script dat niet mag lopen.\n\n"
                                          + PLANTED, encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = with_plein(config["plugins"], {
        "forge": "gitlab", "language": "nl", "now": NOW, "git": False, "minify": minify,
        "editor_modules": str(REPO / "node_modules")})
    if palette:
        config["theme"]["palette"] = palette
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return root / "site"


TOGGLES = [{"scheme": "default", "toggle": {"icon": "material/brightness-7", "name": "Donker"}},
           {"scheme": "slate", "toggle": {"icon": "material/brightness-4", "name": "Licht"}}]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("csp-min"), minify=True)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> Path:
    return _build(tmp_path_factory.mktemp("csp-plain"), minify=False, palette=TOGGLES)


class _Head(HTMLParser):
    """The elements of <head> in order, and the CSP metas wherever they are."""

    def __init__(self):
        super().__init__()
        self.head, self.policies, self.in_head = [], [], False

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "head":
            self.in_head = True
        elif self.in_head:
            self.head.append((tag, found))
        if tag == "meta" and (found.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(found.get("content", ""))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def pages(site: Path):
    return sorted(site.rglob("*.html"))


def directives(policy: str) -> dict:
    out = {}
    for part in filter(None, (p.strip() for p in policy.split(";"))):
        name, *values = part.split()
        out[name] = values
    return out


def policy_of(html: str) -> str:
    head = _Head()
    head.feed(html)
    return head.policies[0]


@pytest.mark.parametrize("build", ["published", "plain"])
def test_every_page_carries_one_policy_first_in_head(build, request):
    site = request.getfixturevalue(build)
    found = pages(site)
    assert len(found) > 200 and (site / "404.html") in found and (site / "bewerken/index.html") in found
    problems = []
    for path in found:
        html = path.read_text(encoding="utf-8")
        head = _Head()
        head.feed(html)
        where = path.relative_to(site)
        if len(head.policies) != 1:
            problems.append(f"{where}: {len(head.policies)} CSP metas")
        elif head.head[:1] != [("meta", {"http-equiv": "Content-Security-Policy", "content": head.policies[0]})]:
            problems.append(f"{where}: the CSP is not the first element of <head>: {head.head[:1]}")
        if 'charset="utf-8"' not in html[:1024] and "charset=utf-8" not in html[:1024]:
            problems.append(f"{where}: <meta charset> not within the first 1024 bytes")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("build", ["published", "plain"])
def test_the_theme_inline_scripts_are_hashed_and_nothing_else(build, request):
    site = request.getfixturevalue(build)
    problems, seen, probed = [], 0, False
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        policy = directives(policy_of(html))
        scripts, styles = csp.inline(html)
        allowed = set(policy["script-src"]) | set(policy["style-src"])
        planted = path.relative_to(site).as_posix() == L.url(PROBE) + "index.html"
        for text in scripts + styles:
            seen += 1
            if planted and "planted" in text:
                probed = True
                if csp.source(text) in allowed:
                    problems.append(f"{path.relative_to(site)}: the planted script is allowed")
            elif csp.source(text) not in allowed and "'unsafe-inline'" not in allowed:
                problems.append(f"{path.relative_to(site)}: not allowed: {text[:60]!r}")
    # the theme's own scripts are shared files (site/themejs.py): what is inline is the planted
    # script, the editor's page's one line, and Material's tab scripts of hand-written pages
    assert probed and seen >= 2
    assert not problems, "\n".join(problems[:20])


def test_the_policy_of_a_page(published):
    policy = directives(policy_of((published / "index.html").read_text(encoding="utf-8")))
    assert policy["script-src"] == ["'self'"]  # the theme's scripts are files (site/themejs.py)
    assert policy["default-src"] == ["'self'"] and policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"] and policy["connect-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"]
    assert policy["font-src"] == ["'self'"]
    assert policy["form-action"] == ["'self'", "https://gitlab.example.org"]  # repo_url's forge


def test_only_the_editor_page_reaches_the_forge_api(published):
    editor = directives(policy_of((published / "bewerken/index.html").read_text(encoding="utf-8")))
    assert "https://gitlab.example.org/api/v4/" in editor["connect-src"]
    assert "https://gitlab.example.org/oauth/token" in editor["connect-src"]
    assert "'unsafe-eval'" in editor["script-src"] and "'unsafe-inline'" not in editor["script-src"]
    assert editor["object-src"] == ["'none'"]
    for path in pages(published):
        if path.parent.name != "bewerken":
            text = path.read_text(encoding="utf-8")
            assert "api/v4" not in policy_of(text) and "unsafe-eval" not in policy_of(text), path


def test_github_editor_and_serve_policies():
    github = directives(csp.editor_policy("<script>x()</script>", {"name": "github", "repo": "o/r",
                                          "base_url": "https://auth.example.org"}, "https://github.com"))
    assert github["connect-src"] == ["'self'", "blob:", "https://api.github.com", "https://auth.example.org"]
    assert github["script-src"] == ["'self'", csp.source("x()"), "'unsafe-eval'"]
    assert github["form-action"] == ["'self'", "https://github.com"]
    serving = directives(csp.policy([csp.source("x()")], inline_scripts=True))
    assert serving["script-src"] == ["'self'", "'unsafe-inline'"]  # live reload's script, new each time
    assert csp.origin('https://ev"il.org/x') is None and csp.origin("https://user@h.org/") is None


# -- in the browser ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def served(published):
    from test_browser_site import Served
    s = Served(published)
    yield s
    s.close()


@pytest.fixture
def opened(chromium_browser):
    """open(url, width) -> a page that records console errors, uncaught errors and CSP
    violations (window.__violations, listened for before any of the page's scripts)."""
    contexts = []

    def open_(url: str, width: int = 1280):
        context = chromium_browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        pg = context.new_page()
        pg.errors = []
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.add_init_script(VIOLATIONS)
        pg.goto(url)
        pg.wait_for_load_state("load")
        return pg

    yield open_
    for context in contexts:
        context.close()


def violations(pg) -> list:
    pg.wait_for_timeout(100)  # violation events are queued tasks
    return pg.evaluate("window.__violations")


@pytest.fixture(scope="module")
def example_org():
    org, _ = load(REPO)
    return org


def kinds(org) -> dict:
    person = next(p for p in org.people.values() if not p.alumnus and org.by(p.handle).replies)
    thread = max(org.threads.values(), key=lambda t: len(t.replies))
    return {"home": L.HOME, "person": L.person(person.handle), "directory": L.DIRECTORY,
            "thread": L.thread(thread.id), "help": "help/publiceren.md", "insights": L.INSIGHTS,
            "org chart": L.ORGCHART}


@pytest.mark.browser
@pytest.mark.parametrize("kind", ["home", "person", "directory", "thread", "help", "insights", "org chart"])
def test_pages_run_without_a_violation(served, opened, example_org, kind):
    pg = opened(served.url(L.url(kinds(example_org)[kind])))
    # the theme's three inline scripts ran: Material's storage helpers, the palette, the tabs
    assert pg.evaluate("typeof __md_get === 'function' && 'palette' in window && 'target' in window")
    assert violations(pg) == [] and pg.errors == []


@pytest.mark.browser
def test_the_404_page_runs_without_a_violation(served, opened):
    pg = opened(served.url("404.html"))  # (its links start at the site's root, as the server's 404 is)
    assert pg.evaluate("typeof __md_get === 'function'")
    assert violations(pg) == [] and pg.errors == []


@pytest.mark.browser
def test_search_finds_a_name_under_the_policy(served, opened, example_org):
    person = next(p for p in example_org.people.values() if not p.alumnus)
    pg = opened(served.url())
    box = "input.md-search__input"
    pg.click(box)
    pg.locator(box).press_sequentially(person.name, delay=20)
    pg.wait_for_function("q => { const b = document.querySelector('[data-plein-search]');"
                         " return b.dataset.state === 'ready' && b.dataset.query === q; }", arg=person.name)
    assert person.name in pg.locator(".plein-search__item").first.inner_text()
    assert violations(pg) == [] and pg.errors == []


@pytest.mark.browser
def test_the_directory_filters_under_the_policy(served, opened):
    ready = ("s => { const f = document.querySelector('[data-plein-directory]');"
             " return f.dataset.state === 'ready' && f.dataset.url === s; }")
    pg = opened(served.url(L.url(L.DIRECTORY)))
    pg.wait_for_function(ready, arg="")
    cards = pg.locator(".plein-card:visible")
    total = cards.count()
    team = pg.locator("select[name=team] option").last.get_attribute("value")
    pg.select_option("select[name=team]", team)
    pg.wait_for_function(ready, arg=f"?team={team}")
    assert 0 < cards.count() < total
    assert violations(pg) == [] and pg.errors == []


@pytest.mark.browser
def test_the_drawer_opens_on_a_phone(served, opened):
    pg = opened(served.url(L.url("help/publiceren.md")), width=375)
    pg.click("header label[for=__drawer]")
    assert pg.is_checked("#__drawer")
    pg.wait_for_timeout(300)  # the drawer slides in
    nav = pg.locator("nav.md-nav--primary").first.bounding_box()
    assert nav and nav["x"] >= 0 and nav["width"] > 100
    assert violations(pg) == [] and pg.errors == []


@pytest.mark.browser
def test_the_palette_toggle_works_and_is_remembered(plain, opened):
    from test_browser_site import Served
    s = Served(plain)
    try:
        pg = opened(s.url(L.url("help/publiceren.md")))
        assert pg.get_attribute("body", "data-md-color-scheme") == "default"
        pg.click("label[for=__palette_1]")
        assert pg.get_attribute("body", "data-md-color-scheme") == "slate"
        pg.goto(s.url(L.url(L.DIRECTORY)))  # Material's inline palette script applies the choice
        assert pg.get_attribute("body", "data-md-color-scheme") == "slate"
        assert violations(pg) == [] and pg.errors == []
    finally:
        s.close()


@pytest.mark.browser
def test_the_editor_page_loads_decap_under_its_policy(served, opened):
    pg = opened(served.url("bewerken/"))
    pg.wait_for_function("window.CMS !== undefined")
    pg.get_by_role("button").first.wait_for()  # Decap's login screen: its config passed AJV
    assert violations(pg) == []
    assert not [e for e in pg.errors if "Content Security Policy" in e or "schema" in e], pg.errors


@pytest.mark.browser
def test_a_script_in_a_page_is_blocked(served, opened):
    """The Help page with a <script> and an onerror handler, as if escaping had failed."""
    pg = opened(served.url(L.url(PROBE)))
    assert pg.locator("text=Hier staat een script").count() == 1
    assert pg.evaluate("window.planted") is None
    found = violations(pg)
    assert any(v.startswith("script-src-elem inline") for v in found), found
    assert any(v.startswith("script-src-attr inline") for v in found), found


@pytest.mark.browser
def test_a_script_added_to_a_built_page_is_blocked(published, opened, tmp_path):
    """A page changed after the build (its hashes no longer cover what is in it)."""
    from test_browser_site import Served
    site = tmp_path / "site"
    shutil.copytree(published, site, ignore=shutil.ignore_patterns("bewerken", "*.gz"))
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    assert html.count("</main>") == 1
    home.write_text(html.replace("</main>", "<script>window.injected = 1</script></main>"), encoding="utf-8")
    s = Served(site)
    try:
        pg = opened(s.url())
        assert pg.evaluate("window.injected") is None
        assert pg.evaluate("typeof __md_get === 'function'")  # the theme's own still run
        assert any(v.startswith("script-src-elem inline") for v in violations(pg))
    finally:
        s.close()
