"""Script planted in every free-text field of every kind of record, in Help page titles, in the
site's name and in the authors and messages of commits, built into the example site and opened in headless Chromium: nothing runs,
and every name and title shows as the text it is (issue 24).

The payloads are the cases in tests/cases/hostile/render/. The fields come from the schema
(plugins/plein/model/fields.py), so a field added there is planted without touching this test:
record k of each kind gets case k in every free-text field (one-line text, list items such as
expertise topics and tags, link titles and urls, audience locations, Markdown fields and the
body). One build (strict, with the link check), one browser, every built page visited."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from plein.model import fields as F
from plein.model.load import load
from plein.model.parse import classify
from plein.site import links as L
from test_browser_site import Served
from test_site_build import NOW, REPO, with_plein

pytestmark = pytest.mark.browser
Error = pytest.importorskip("playwright.sync_api").Error

CASES = Path(__file__).parent / "cases" / "hostile" / "render"
# kinds of field that hold text a colleague writes (the others are ids, dates, enums, booleans,
# file names and addresses: refused by validate when hostile, tests/cases/hostile/fields.yml)
FREE = {F.STR, F.TEXT, F.MARKDOWN, F.LIST, F.LINKS, F.AUDIENCE}
# one-line fields that name another record's file: a hostile value is refused, never shown
REFERENCES = {("thread", "accepted")}
HELP = "help"
HIDING = ("hidden", "hidden_reason")  # a moderator's switch and its reason (fields.py)
SITE_NAME_CASE = "title-script"  # the site's name is in every <title>: the case that leaves it
# planted, but on no page of the site (still in the files, the index and the editor's forms)
NOT_SHOWN = {
    "profile.forge_username": "names the person to the forge (CODEOWNERS, the editor), never shown",
    "update.tags": "a status update's tags are for search; the update shows its text",
}


def cases() -> list[dict]:
    out = []
    for path in sorted(CASES.glob("*.yml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        case["name"] = path.stem
        out.append(case)
    return out


def planted_fields() -> dict:
    """kind -> the fields that get a payload ('body' for the text under the front matter)."""
    out = {}
    for kind, (fields, max_body) in F.KINDS.items():
        names = [f for f in fields if f.kind in FREE and (kind, f.name) not in REFERENCES]
        out[kind] = names + (["body"] if max_body else [])
    return out


def planted_tags() -> list[str]:
    """What `{field}` becomes in each planted place: kind.field."""
    return [f"{kind}.{f if f == 'body' else f.name}" for kind, fields in planted_fields().items()
            for f in fields] + ["help.title", "help.heading", "config.site_name", "git.author", "git.message"]


def text_of(case: dict, tag: str) -> str:
    return case["text"].replace("{field}", tag)


def value_for(field, case: dict, kind: str, old):
    tag = f"{kind}.{field.name}"
    text = text_of(case, tag)
    if field.max_len:
        assert len(text) <= field.max_len, f"case {case['name']} is too long for {tag}: shorten it"
    if field.kind == F.LIST:
        return [text]
    if field.kind == F.LINKS:
        return [{"title": text, "url": case.get("url", "https://example.org/{field}").replace("{field}", tag)}]
    if field.kind == F.AUDIENCE:
        return {**(old or {}), "locations": [text]}
    return text


# -- the example, planted ----------------------------------------------------------------

def read_record(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".yml":
        return yaml.safe_load(text), None
    _, meta, body = text.split("---\n", 2)
    return yaml.safe_load(meta), body


def write_record(path: Path, data: dict, body: str | None) -> None:
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dumped if body is None else f"---\n{dumped}---\n{body}\n", encoding="utf-8")


def copy_name(rel: str, n: int) -> str:
    """Another valid file name for a copy of the record at `rel`, of the same kind and author
    (a kind with fewer records in the example than it needs gets copies)."""
    kind, parts = classify(rel)
    if rel.endswith("/index.md"):
        names = [f"{rel[:-len('/index.md')]}-copy{n}/index.md"]
    else:
        stem, _, ext = rel.rpartition(".")
        names = [f"{stem}-copy{n}.{ext}", f"{stem}-{n}.{ext}"]  # (an update's name ends in a number)
    for name in names:
        kind_again, parts_again = classify(name)
        if kind_again == kind and parts_again.get("author") == parts.get("author"):
            return name
    raise AssertionError(f"no name for a copy of {rel}: teach copy_name, or add {kind} records to the example")


def plant(root: Path) -> dict:
    """Every case in the free-text fields of its own record of every kind; returns
    {(kind, record id): case} of the records planted, visible ones only. A kind that a
    moderator can hide (HIDING) gets every case a second time, in hidden records: their reason
    is on the moderators' page."""
    by_kind: dict = {}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        rel = path.relative_to(root).as_posix()
        kind, parts = classify(rel)
        if kind:
            by_kind.setdefault(kind, []).append(rel)
    planted, all_cases = {}, cases()
    for kind, fields in planted_fields().items():
        if not fields:  # a kind without free text (a "this helped me")
            continue
        records = by_kind.get(kind, [])
        assert records, f"the example has no record of kind {kind}: nothing to plant in"
        hideable = set(HIDING) <= {f.name for f in F.KINDS[kind][0]}
        for hidden in (False, True) if hideable else (False,):
            for k, case in enumerate(all_cases):
                n = k + len(all_cases) * hidden
                rel = records[n % len(records)]
                data, body = read_record(root / rel)
                if n >= len(records):  # a copy, without the fields that name other records' files
                    rel = copy_name(rel, n)
                    for ref_kind, name in REFERENCES:
                        if ref_kind == kind:
                            data.pop(name, None)
                for field in fields:
                    if field == "body":
                        body = text_of(case, f"{kind}.body")
                    else:
                        data[field.name] = value_for(field, case, kind, data.get(field.name))
                if hidden:
                    data[HIDING[0]] = True
                else:
                    data.pop(HIDING[1], None)  # a reason without hiding is only a notice; shown nowhere
                write_record(root / rel, data, body)
                if not hidden:
                    planted[(kind, classify(rel)[1]["id"])] = case
    return planted


def help_pages(root: Path, config: dict) -> list[tuple[str, str]]:
    """Two Help pages per case, in the nav (so on every Help page): one titled by its front
    matter, one by its heading. A Help page's body is reviewed HTML, so the heading holds the
    payload as code (text in the body); MkDocs hands its title over with the entities of that
    text, the route by which Material's `striptags` in <title> made markup of it. Returns
    (source path, title as shown)."""
    pages = []
    for k, case in enumerate(cases()):
        title = text_of(case, "help.title")
        src = f"{HELP}/hostile-title-{k}.md"
        write_record(root / "content" / src, {"title": title}, "Tekst van de pagina.")
        pages.append((src, title))
        heading = text_of(case, "help.heading")
        src = f"{HELP}/hostile-heading-{k}.md"
        (root / "content" / src).write_text(f"# `{heading}`\n\nTekst.\n\n## `{heading}`\n\nMeer tekst.\n",
                                            encoding="utf-8")
        pages.append((src, heading))
    for item in config["nav"]:
        if isinstance(item, dict) and "Help" in item:
            item["Help"] += [src for src, _ in pages]
    return pages


def history(root: Path) -> None:
    """The files in Git, then each case the author and the message of a commit that edits one
    profile: names and messages of commits are on the pages (contributors, recent changes).
    Git itself drops < and > from an author's name; the rest of it stays."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_COMMITTER_NAME": "Plein Test", "GIT_COMMITTER_EMAIL": "test@plein.example",
           "GIT_AUTHOR_NAME": "Plein Test", "GIT_AUTHOR_EMAIL": "test@plein.example"}

    def git(*args, **extra):
        subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=root, check=True,
                       capture_output=True, env={**env, **extra})
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "--no-verify", "-m", "The example")
    profiles = sorted((root / "profiles").glob("*.yml"))
    for k, case in enumerate(cases()):
        with profiles[k].open("a", encoding="utf-8") as fh:
            fh.write(f"# edited {k}\n")
        git("commit", "-q", "--no-verify", "-am", text_of(case, "git.message"),
            GIT_AUTHOR_NAME=text_of(case, "git.author"), GIT_AUTHOR_EMAIL=f"author{k}@example.org")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    for part in ("profiles", "content"):
        shutil.copytree(REPO / part, root / part)
    planted = plant(root)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    site_name = text_of(next(c for c in cases() if c["name"] == SITE_NAME_CASE), "config.site_name")
    config["site_name"] = site_name
    pages = help_pages(root, config)
    history(root)
    config["docs_dir"] = str(root / "content")
    config["strict"] = True
    config["plugins"] = with_plein(config["plugins"], {"forge": "gitlab", "language": "nl", "now": NOW,
                                                       "git": True, "root": str(root), "check_links": True})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    org, problems = load(root)
    assert not problems.errors
    served = Served(root / "site")
    yield {"root": root, "site": root / "site", "org": org, "planted": planted, "help": pages,
           "site_name": site_name, "served": served}
    served.close()


def test_feeds_and_sitemap_stay_well_formed_with_the_planted_text(hostile_site):
    """The Atom feeds carry news titles, summaries, bodies and authors' names; each stays
    well-formed XML with the planted text as text."""
    feeds = sorted(hostile_site["site"].rglob("*.xml"))
    assert any(p.parent.name == "feeds" for p in feeds)
    titles = []
    for path in feeds:
        root = ET.parse(path).getroot()  # fails on markup that is not escaped
        titles += [t.text for t in root.iter("{http://www.w3.org/2005/Atom}title")]
    planted = {text_of(case, "news.title") for case in cases()}
    assert planted & set(titles), "no planted news title in the feeds"


# the DOM APIs that parse a string as markup or code: Plein's browser code builds its DOM with
# createElement and textContent (and the editor with React, which does the same) instead
MARKUP_SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML"
                          r"|createContextualFragment|DOMParser|srcdoc|\beval\(|new Function|setHTML")
BROWSER_CODE = [REPO / "plugins" / "plein" / "site" / "assets",
                *(REPO / "plugins" / "plein").glob("*/browser")]


def test_browser_code_parses_no_text_as_markup():
    scripts = sorted(p for folder in BROWSER_CODE for p in folder.rglob("*.js"))
    assert len(scripts) >= 6
    found = [f"{p.relative_to(REPO)}:{n}: {line.strip()}" for p in scripts
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if MARKUP_SINKS.search(line)]
    assert not found, "build the DOM with createElement and textContent:\n" + "\n".join(found)


# -- in the browser -------------------------------------------------------------------------

# after a page loaded: what ran, and any markup that would run (handlers, javascript: addresses,
# scripts or frames carrying a payload), outside the page's body or anywhere
INSPECT = """async () => {
  await new Promise((r) => setTimeout(r, 30));  // handlers that fire after load (ontoggle, focus)
  const bad = [];
  const URLS = ["href", "src", "action", "formaction", "data", "xlink:href", "poster"];
  for (const e of document.querySelectorAll("*")) {
    for (const a of e.attributes) {
      const n = a.name.toLowerCase(), v = a.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (n.startsWith("on")) bad.push(`<${e.localName} ${n}>`);
      if (n === "srcdoc") bad.push(`<${e.localName} srcdoc>`);
      if (URLS.includes(n) && v.startsWith("javascript:")) bad.push(`<${e.localName} ${n}=javascript:>`);
    }
  }
  for (const s of document.scripts) if (s.text.includes("__pwned")) bad.push("<script> with a payload");
  for (const e of document.querySelectorAll("base, meta[http-equiv=refresh i], iframe, object, embed")) bad.push(`<${e.localName}>`);
  for (const f of document.forms) if (new URL(f.action, location.href).origin !== location.origin) bad.push(`<form action=${f.action}>`);
  const topic = document.querySelector("[data-md-component=header-topic] .md-ellipsis");
  const h1 = document.querySelector("h1");
  const texts = (sel) => Array.from(document.querySelectorAll(sel), (e) => e.textContent.trim());
  return {pwned: window.__pwned || null, bad,
          topic: topic ? topic.textContent.trim() : null, h1: h1 ? h1.textContent : null,
          title: document.title, toc: texts(".md-nav--secondary .md-nav__link"),
          nav: texts(".md-nav--primary .md-nav__link"), related: texts(".plein-related a")};
}"""


def inspect(pg, url: str):
    """INSPECT's findings on the page at `url`, or None when the page navigated away itself."""
    try:
        pg.goto(url, wait_until="load")
        seen = pg.evaluate(INSPECT)
    except Error:  # "execution context was destroyed": a refresh or a script sent it away
        return None
    return seen if pg.url == url else None


def url_of(src: str) -> str:
    return L.url(src)


def expected_titles(h) -> dict:
    """Built page (relative path) -> the planted text its header must show as its title."""
    org, planted, out = h["org"], h["planted"], {}
    page = lambda src: url_of(src) + ("index.html" if url_of(src).endswith("/") or not url_of(src) else "")
    for (kind, key) in planted:
        if kind == "profile":
            out[page(L.person(key))] = org.people[key].name
        elif kind == "team":
            out[page(L.team(key))] = org.teams[key].name
        elif kind == "thread":
            out[page(L.thread(key))] = org.threads[key].title
        elif kind == "news" and (h["site"] / page(L.news(key))).exists():  # (not scheduled ones)
            out[page(L.news(key))] = next(n.title for n in org.news if n.id == key)
    places: dict = {}  # spellings that make one address are one location, under one of them
    for person in org.people.values():
        if person.location and "profile.location" in person.location and not person.alumnus:
            places.setdefault(page(L.people_at(person.location)), set()).add(person.location.strip())
    out.update((rel, spellings.pop() if len(spellings) == 1 else tuple(spellings)) for rel, spellings in places.items())
    for topic in org.topics.values():
        if "__pwned" in topic.label or "7*7" in topic.label or "javascript:" in topic.label:
            out[page(L.topic(topic.slug))] = topic.label
    for src, title in h["help"]:
        out[page(src)] = title
    return out


def test_nothing_planted_runs_and_every_name_shows_as_text(hostile_site, chromium_browser):
    h = hostile_site
    site, served = h["site"], h["served"]
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    titles = expected_titles(h)
    missing = [p for p in titles if p not in pages]
    assert not missing, f"planted records without their page: {missing}"
    html = [(site / rel).read_text(encoding="utf-8") for rel in pages]
    unseen = [tag for tag in planted_tags() if tag not in NOT_SHOWN and not any(tag in text for text in html)]
    assert not unseen, f"planted but shown on no page (so not tried in the browser): {unseen}"
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    dialogs, problems, shown = [], [], set()
    try:
        # nothing leaves the machine: a request to another host (a refresh, a <base>) fails at once
        context.route(re.compile(r"^(?!http://127\.0\.0\.1[:/]).*"), lambda route: route.abort())
        pg = context.new_page()
        pg.on("dialog", lambda d: (dialogs.append((pg.url, d.message)), d.dismiss()))
        for rel in pages:
            seen = inspect(pg, served.url(rel))
            if seen is None:
                problems.append(f"{rel}: the page went elsewhere by itself (to {pg.url})")
                continue
            if seen["pwned"] or seen["bad"]:
                problems.append(f"{rel}: ran {seen['pwned']}, markup {sorted(set(seen['bad']))[:5]}")
            if h["site_name"] in (seen["title"] or ""):
                shown.add("config.site_name")
            if any("thread.title" in t for t in seen["related"]):
                shown.add("related threads")  # partials/search-related.html, rendered apart
            if rel.startswith(HELP + "/"):  # every Help title in the Help section's navigation
                lost = [t for _, t in h["help"] if t not in seen["nav"]]
                if lost:
                    problems.append(f"{rel}: the navigation does not show {lost[:2]} as text")
                shown.add("help navigation")
            want = titles.get(rel)
            if isinstance(want, tuple):  # one of the spellings
                want = next((w for w in want if w in (seen["topic"] or "")), want[0])
            if want is not None:
                if want not in (seen["topic"] or "") or want not in (seen["h1"] or ""):
                    problems.append(f"{rel}: the title shows as {seen['topic']!r} / {seen['h1']!r}, "
                                    f"not as the text {want!r}")
                if "hostile-heading" in rel and want not in seen["toc"]:
                    problems.append(f"{rel}: the table of contents shows {seen['toc']!r}, not the text {want!r}")
        for check in (search_box, directory):
            try:
                problems += check(pg, served, h)
            except Error as err:  # a page that went elsewhere, or never got ready
                problems.append(f"{check.__name__}: {str(err).splitlines()[0]}")
    finally:
        context.close()
    problems += [f"{url}: a dialog said {message!r}" for url, message in dialogs]
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:60])
    assert shown == {"config.site_name", "related threads", "help navigation"}, f"not tried: only {shown}"


def search_box(pg, served, h) -> list[str]:
    """The header search box, with a query matching the planted names: its results and facets
    (built by search.js from the index) show them as text."""
    problems = []
    people = [p.name for (kind, key), _ in h["planted"].items() if kind == "profile"
              for p in [h["org"].people[key]]]
    pg.goto(served.url(""), wait_until="load")
    pg.fill("[data-plein-search] input.md-search__input", "onerror profile name")
    pg.wait_for_function("() => document.querySelector('[data-plein-search]').dataset.state === 'ready'"
                         " && document.querySelector('[data-plein-search]').dataset.query === 'onerror profile name'", timeout=15_000)
    seen = pg.evaluate(INSPECT)
    titles = pg.locator("[data-plein-search] .md-search-result__list h3").evaluate_all(
        "hs => hs.map(h => h.textContent)")
    if seen["pwned"] or seen["bad"]:
        problems.append(f"search box: ran {seen['pwned']}, markup {seen['bad'][:5]}")
    if not set(titles) & set(people):
        problems.append(f"search box: no planted name among the results {titles[:5]}")
    facets = pg.locator("[data-plein-search] .plein-search__facet").evaluate_all("bs => bs.map(b => b.textContent)")
    if not facets:
        problems.append("search box: no facets shown for the planted names")
    return problems


def directory(pg, served, h) -> list[str]:
    """The directory filtered by a query matching the planted names: its cards and its
    filters (team names, locations, topics; built by directory.js) show them as text."""
    problems = []
    people = {h["org"].people[key].name for (kind, key) in h["planted"] if kind == "profile"
              and not h["org"].people[key].alumnus}
    query = "onerror"
    pg.goto(served.url(url_of(L.DIRECTORY) + "?q=" + query), wait_until="load")
    pg.wait_for_function("q => { const f = document.querySelector('[data-plein-directory]');"
                         " return f.dataset.state === 'ready' && f.dataset.url === '?q=' + q; }", arg=query, timeout=15_000)
    seen = pg.evaluate(INSPECT)
    if seen["pwned"] or seen["bad"]:
        problems.append(f"directory: ran {seen['pwned']}, markup {seen['bad'][:5]}")
    names = pg.locator(".plein-card__name:visible").evaluate_all("ns => ns.map(n => n.textContent)")
    if not set(names) & people:
        problems.append(f"directory: no planted name among the cards {names[:5]}")
    options = pg.locator("[data-plein-directory] select option").evaluate_all("os => os.map(o => o.textContent)")
    for field in ("location", "expertise"):
        if not any(f"profile.{field}" in o for o in options):
            problems.append(f"directory: the planted {field} is not among the filters' options")
    if not re.search(r"team\.name", " ".join(options)):
        problems.append("directory: the planted team names are not among the filters' options")
    return problems
