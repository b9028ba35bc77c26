"""Moderation after publishing (issue 25), with the real build and headless Chromium.

A small organisation (tests/cases/site/basic) with, on top, what a moderator hid: a reply, a
question with a colleague's reply under it, a status update and kudos, each holding a word
found nowhere else. They must be absent from their pages, the static search index, the feeds
and the digest, while a visible reply (with a word of its own) is there, so that each check
can fail. The "Melden" link of a reply opens a forge issue naming the reply; the moderators'
page lists what was published in the 14 days before `now`; and the rate limit sends the
eleventh contribution in an hour to review, end to end through `plein review`."""
from __future__ import annotations

import email
import shutil
from email import policy
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import commit, git, make_org
from digest_helpers import NOW as DIGEST_NOW, example_repo, plein
from incremental_helpers import changed_pages, copy_sources, plein_build, replace, search_postings, site_report
from test_accessibility import AXE, RULES, violations
from test_browser_site import Served, browser, page  # noqa: F401 (fixtures)
from test_policy import apply_in_git, load, make_repo, review_json
from test_site_build import CASES, build_org, write_config

from plein.model.org import Reply, Source, Thread
from plein.model.load import load as load_org
from plein.site.i18n import Lang
from plein.site.moderation import LABEL, Reports

SITE_URL = "https://intranet.example.org/"
REPO_URL = "https://gitlab.example.org/wetterveen/intranet"  # the repository's mkdocs.yml
KOFFIE = "content/discussions/welke-koffie"
HIDDEN_REPLY = f"{KOFFIE}/replies/2026-11-20T10-00-carla-smit.md"
SHOWN_REPLY = f"{KOFFIE}/replies/2026-11-21T10-00-anna-jansen.md"
SECRET = "content/discussions/geheime-vraag"
HIDDEN = {  # path -> (text, the word only it holds)
    HIDDEN_REPLY: ("---\nauthor: carla-smit\ndate: 2026-11-20 10:00\nhidden: true\n"
                   "hidden_reason: persoonlijke gegevens\n---\nBel mijn kwartelkoning op 06-12345678.\n",
                   "kwartelkoning"),
    f"{SECRET}/index.md": ("---\ntitle: Waar broedt de zilverreiger?\nauthor: bram-de-vries\n"
                           "date: 2026-11-24 09:00\nkind: question\nhidden: true\n"
                           "hidden_reason: geen werkvraag\n---\nIk zoek de zilverreiger.\n", "zilverreiger"),
    f"{SECRET}/replies/2026-11-24T10-00-eva-yilmaz.md": (
        "---\nauthor: eva-yilmaz\ndate: 2026-11-24 10:00\n---\nBij de grutto in het weiland.\n", "grutto"),
    "content/updates/eva-yilmaz/2026-11-25-1.md": (
        "---\ndate: 2026-11-25 08:00\nhidden: true\nhidden_reason: reclame\n---\nKoop mijn ijsvogel.\n",
        "ijsvogel"),
    "content/kudos/2026/2026-11-24-bram-de-vries-1.md": (
        "---\nfrom: bram-de-vries\nto: eva-yilmaz\ndate: 2026-11-24\nhidden: true\n"
        "hidden_reason: plagen\n---\nDank voor de boomklever.\n", "boomklever"),
}
SHOWN = {SHOWN_REPLY: "---\nauthor: anna-jansen\ndate: 2026-11-21 10:00\n---\nEen roerdomp drinkt thee.\n"}
WORDS = [word for _, word in HIDDEN.values()]
REASONS = ["persoonlijke gegevens", "geen werkvraag", "reclame", "plagen"]


def moderated_org(root: Path) -> Path:
    shutil.copytree(CASES / "basic" / "org", root)
    make_org(root, {path: text for path, (text, _) in HIDDEN.items()})
    return make_org(root, SHOWN)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = moderated_org(tmp_path_factory.mktemp("moderated") / "org")
    return build_org(root, root.parent / "site", search=True, now="2026-11-27 12:00")


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_the_model_keeps_hidden_items_apart(site):
    org, problems = load_org(site.parent / "org")
    assert not problems.errors
    assert sorted(r.source.path for r in org.hidden) == sorted(HIDDEN)
    assert all(r.hidden for r in org.hidden if r.source.path != f"{SECRET}/replies/2026-11-24T10-00-eva-yilmaz.md")
    assert "geheime-vraag" not in org.threads
    assert [r.source.path for r in org.threads["welke-koffie"].replies][-1] == SHOWN_REPLY
    assert all(not r.hidden for r in org.replies()) and HIDDEN_REPLY not in [r.source.path for r in org.replies()]


def test_a_hidden_reply_is_gone_from_its_thread_the_hidden_question_has_no_page(site):
    thread = read(site, "discussions/welke-koffie")
    assert "roerdomp" in thread and "kwartelkoning" not in thread
    assert "reply-2026-11-20T10-00-carla-smit" not in thread
    assert not (site / "discussions" / "geheime-vraag").exists()
    assert "zilverreiger" not in read(site, "discussions")
    assert "ijsvogel" not in read(site, "people/eva-yilmaz") and "boomklever" not in read(site, "people/eva-yilmaz")


def test_hidden_words_are_in_no_file_of_the_site_and_not_in_the_search_index(site):
    found = {word: [p.relative_to(site).as_posix() for p in site.rglob("*")
                    if p.is_file() and word.encode() in p.read_bytes()] for word in WORDS + ["roerdomp"]}
    assert found["roerdomp"], "the visible reply's word is somewhere (the check can fail)"
    assert {w: f for w, f in found.items() if f and w != "roerdomp"} == {}
    stems = search_postings(site / "plein-search")
    assert any(s.startswith("roerdomp") for s in stems)
    for word in WORDS:
        assert not [s for s in stems if s.startswith(word[:6])], word
    for feed in (site / "feeds").rglob("*.xml"):
        text = feed.read_text(encoding="utf-8")
        assert not [w for w in WORDS if w in text], feed


@pytest.mark.browser
def test_the_moderators_page_lists_the_last_14_days_newest_first_and_what_is_hidden(site, page):
    served = Served(site)
    try:
        page.goto(served.url("moderation/"))
        rows = page.locator("#plein-recent tbody tr")
        files = rows.evaluate_all("rows => rows.map(r => r.dataset.pleinFile)")
        assert files == [  # 13 November 12:00 to 27 November 12:00, newest first; not the hidden ones
            "content/updates/carla-smit/2026-11-26-1.md",
            "content/kudos/2026/2026-11-22-carla-smit-1.md",
            SHOWN_REPLY,
            "content/kudos/2026/2026-11-21-bram-de-vries-1.md",
            "content/discussions/open-vraag-wifi/index.md",
        ]  # (the discussion welke-koffie and its first reply, of 10 November, are older)
        shown = rows.first.locator("td").all_inner_texts()
        assert shown[1:3] == ["statusupdate", "Carla Smit"]
        # each row offers the moderator the file to hide it in, on the forge
        hide = rows.nth(2).get_by_role("link", name="Verbergen:")
        assert hide.inner_text() == "verbergen"
        assert hide.get_attribute("href").endswith(f"/-/edit/main/{SHOWN_REPLY}")
        link = rows.nth(2).locator("td:nth-child(4) a").first
        link.click()
        page.wait_for_url("**/discussions/welke-koffie/#reply-2026-11-21T10-00-anna-jansen")
        assert page.locator("#reply-2026-11-21T10-00-anna-jansen").is_visible()
        page.goto(served.url("moderation/"))
        hidden = page.locator("#plein-hidden tbody tr")
        assert sorted(hidden.evaluate_all("rows => rows.map(r => r.dataset.pleinFile)")) == sorted(HIDDEN)
        text = page.locator("#plein-hidden").inner_text()
        assert all(reason in text for reason in REASONS)
        under = hidden.filter(has=page.locator("code", has_text=f"{SECRET}/replies/"))
        assert "geen werkvraag" in under.inner_text()  # hidden with its question, and why
        assert not [w for w in WORDS if w in page.content()]  # the reasons, never the text
        reports = page.locator("a", has_text="Open meldingen").get_attribute("href")
        assert parse_qs(urlsplit(reports).query) == {"label_name[]": [LABEL]}
        assert page.errors == []
    finally:
        served.close()


@pytest.mark.browser
def test_the_report_link_on_a_reply_opens_a_prefilled_issue_naming_it(site, page):
    served = Served(site)
    opened = []

    def forge(route):
        opened.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body="<title>New issue</title>")

    try:
        page.route("https://gitlab.example.org/**", forge)
        page.goto(served.url("discussions/welke-koffie/"))
        question = page.locator(".plein-byline a.plein-report").get_attribute("href")
        assert parse_qs(urlsplit(question).query)["issue[title]"] == [f"Melding: discussie {KOFFIE}/index.md"]
        reply = page.locator("#reply-2026-11-21T10-00-anna-jansen")
        link = reply.get_by_role("link", name="Melden: reactie van Anna Jansen")
        link.click()
        page.wait_for_url("https://gitlab.example.org/**")
        parts = urlsplit(page.url)
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == f"{REPO_URL}/-/issues/new"
        query = parse_qs(parts.query)
        assert set(query) == {"issue[title]", "issue[description]"}
        assert query["issue[title]"] == [f"Melding: reactie {SHOWN_REPLY}"]
        description = query["issue[description]"][0]
        assert "Pagina: http://127.0.0.1:8000/discussions/welke-koffie/#reply-2026-11-21T10-00-anna-jansen" \
            in description  # the repository's mkdocs.yml has the local site_url
        assert description.rstrip().endswith(f"\n{LABEL}\n/label ~{LABEL}")  # the search finds it unlabelled too
        assert "roerdomp" not in page.url  # the text itself never goes into the link
        assert opened == [page.url]
    finally:
        served.close()


def test_every_reply_question_update_and_kudos_has_a_report_link(site):
    """On the pages that show them: the thread, the updates and the kudos wall."""
    thread = read(site, "discussions/welke-koffie")
    assert thread.count('class="plein-report"') == 1 + 2  # the discussion and its two replies
    for url, count in (("updates", 2), ("kudos", 2)):
        assert read(site, url).count('class="plein-report"') == count, url
    assert 'id="update-carla-smit-2026-11-26-1"' in read(site, "people/carla-smit")  # the link's anchor


@pytest.mark.browser
def test_reports_by_mail_when_the_site_has_no_issue_tracker(tmp_path, page):
    root = moderated_org(tmp_path / "org")
    out = build_org(root, tmp_path / "site", report_to="mail", moderators_email="moderatie@wetterveen.example")
    served = Served(out)
    try:
        page.goto(served.url("discussions/welke-koffie/"))
        href = page.locator(".plein-byline a.plein-report").get_attribute("href")
    finally:
        served.close()
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and unquote(parts.path) == "moderatie@wetterveen.example"
    query = parse_qs(parts.query)
    assert query["subject"] == [f"Melding: discussie {KOFFIE}/index.md"]
    assert query["body"][0].startswith("Pagina: http://127.0.0.1:8000/discussions/welke-koffie/\n")
    assert "Meldingen komen per e-mail binnen op moderatie@wetterveen.example" in read(out, "moderation")


def test_without_a_script_a_report_link_opens_the_empty_issue_form(site):
    """The page carries the item, not the prefilled link (a tenth of the site at 15,000
    people): plein.js makes that. Without it the link still reaches the forge's form."""
    thread = read(site, "discussions/welke-koffie")
    start = thread.index('<a class="plein-report"')
    link = thread[start:thread.index(">", start)]
    assert f'href="{REPO_URL}/-/issues/new"' in link
    assert f'data-report="discussion {KOFFIE}/index.md discussions/welke-koffie/"' in link
    assert 'data-report="reply ' in thread and "roerdomp" not in link


def test_a_bad_moderators_address_stops_the_build_with_a_plain_message(tmp_path, caplog):
    root = moderated_org(tmp_path / "org")
    with pytest.raises(Abort):
        build(load_config(config_file=str(write_config(root, moderators_email="a@b.nl, c@d.nl")),
                          site_dir=str(tmp_path / "site")))
    assert "plein: option 'moderators_email': 'a@b.nl, c@d.nl' is not one plain e-mail address. Fix: " \
        in caplog.text
    assert not (tmp_path / "site").exists()


def test_github_reports_carry_the_label_in_the_url():
    reply = Reply("2026-11-21T10-00-anna-jansen", "welke-koffie", "anna-jansen", None,
                  source=Source(SHOWN_REPLY))
    reports = Reports(Lang("en"), "github", "https://github.com/wetterveen/intranet/", SITE_URL, True)
    parts = urlsplit(reports.url(reply))
    assert parts.path == "/wetterveen/intranet/issues/new"
    query = parse_qs(parts.query)
    assert query["labels"] == [LABEL] and query["title"] == [f"Report: reply {SHOWN_REPLY}"]
    assert f"Page: {SITE_URL}discussions/welke-koffie/#reply-2026-11-21T10-00-anna-jansen" in query["body"][0]
    assert parse_qs(urlsplit(reports.list_url()).query) == {"q": [f"is:issue is:open label:{LABEL}"]}
    question = Thread("welke-koffie", "A title", "bram-de-vries", None, "question", source=Source(f"{KOFFIE}/index.md"))
    assert parse_qs(urlsplit(reports.url(question)).query)["title"] == [f"Report: question {KOFFIE}/index.md"]


def test_a_hidden_reply_is_not_in_the_digest(tmp_path):
    """Ruben asked the question; Jan's reply of this week is in his digest, Sarah's hidden one not."""
    hidden = ("content/discussions/zaaksysteem-koppelen-aan-bag-api/replies/2026-11-27T11-30-sarah-oconnor.md")
    root = example_repo(tmp_path / "intranet", {hidden: "---\nauthor: sarah-oconnor\ndate: 2026-11-27 11:30\n"
                                                "hidden: true\nhidden_reason: scheldwoord\n---\nEen kwartelkoning!\n"})
    plein(root, "digest", "--dry-run", "out", "--now", DIGEST_NOW)
    mail = email.message_from_bytes((root / "out" / "digest-ruben-de-wit.eml").read_bytes(), policy=policy.default)
    text = mail.get_body(("plain",)).get_content()
    assert "Jan de Vries reageerde in Hoe koppel ik het zaaksysteem aan de BAG-API?" in text
    everything = b"".join(p.read_bytes() for p in (root / "out").glob("*.eml"))
    assert b"Sarah O'Connor reageerde" not in everything and b"kwartelkoning" not in everything
    assert b"2026-11-27T11-30-sarah-oconnor" not in everything
    # the same reply not hidden (uncommitted, as just merged): then it is there (the check can fail)
    make_org(root, {hidden: "---\nauthor: sarah-oconnor\ndate: 2026-11-27 11:30\n---\nEen kwartelkoning!\n"})
    shutil.rmtree(root / "out")
    plein(root, "digest", "--dry-run", "out", "--now", DIGEST_NOW)
    text = (root / "out" / "digest-ruben-de-wit.eml").read_text(encoding="utf-8")
    assert "Sarah O'Connor reageerde" in email.message_from_string(text, policy=policy.default) \
        .get_body(("plain",)).get_content()


@pytest.mark.parametrize("limit, decision", [(None, "review"), (11, "publish")])
def test_the_eleventh_contribution_in_an_hour_goes_to_review(tmp_path, limit, decision):
    """Ten of Jan's own updates on main in the hour before his reply; `plein review` (the
    trusted merge's decision) with the target's options: 10 by default, or publish_per_hour."""
    case = load("79-the-eleventh-contribution-in-an-hour-goes-to-review")
    if limit:
        case["target"]["mkdocs"] = f"      publish_per_hour: {limit}\n"
    root = make_repo(tmp_path, case)
    apply_in_git(root, case)
    rc, result = review_json(root, case["user"])
    assert rc == 0 and result["decision"] == decision, result
    if decision == "review":
        assert result["reasons"] == [next(iter(case["change"]["add"])) + ": more than 10 contributions "
                                     "in an hour (11): a moderator looks first, against floods"]


@pytest.mark.browser
@pytest.mark.parametrize("width", (1280, 375, 320))
@pytest.mark.parametrize("url", ("moderation/", "discussions/welke-koffie/"))
def test_the_moderators_page_and_report_links_pass_axe_and_reflow(site, chromium_browser, url, width):
    """WCAG 2.1 AA as tests/test_accessibility.py checks every other kind of page."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing. Fix: run 'make install' (npm ci installs axe-core)")
    served = Served(site)
    context = chromium_browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
    try:
        pg = context.new_page()
        pg.goto(served.url(url))
        pg.wait_for_timeout(50)  # Material wraps tables after the load event
        pg.add_script_tag(path=str(AXE))
        # (the initials' colours are checked on the example by test_accessibility; one hue of the
        # small organisation's avatars falls short there, which is not what this test is about)
        result = pg.evaluate("rules => axe.run({exclude: [['.plein-avatar']]}, rules)", RULES)
        assert result["passes"] and not violations(result), "\n".join(violations(result))
        assert pg.evaluate("document.documentElement.scrollWidth") <= width
        boxes = pg.evaluate("""Array.from(document.querySelectorAll('.md-typeset__scrollwrap'))
            .filter(b => b.scrollWidth > b.clientWidth && b.tabIndex !== 0).length""")
        assert boxes == 0, "a table scrolls sideways but cannot take the focus"
    finally:
        context.close()
        served.close()


def test_hiding_in_a_second_build_gives_the_site_a_build_from_scratch_gives(tmp_path):
    """The page cache: hiding a reply and an update changes their thread, the pages that list
    them and the moderators' page, and a second build in place must leave none stale."""
    root = make_org(moderated_org(tmp_path / "repo"), {".gitignore": "/site/\n/.plein-cache/\n"})
    write_config(root, search=True, git=True)
    git(root, "init", "-q", "-b", "main")
    commit(root, "The organisation")
    first = shutil.copytree(plein_build(root), tmp_path / "first-site")
    replace(root, SHOWN_REPLY, "date: 2026-11-21 10:00\n", "date: 2026-11-21 10:00\nhidden: true\n"
            "hidden_reason: verkeerde draad\n")
    replace(root, "content/updates/carla-smit/2026-11-26-1.md", "tags: [gis]\n",
            "tags: [gis]\nhidden: true\nhidden_reason: dubbel\n")
    commit(root, "Hide a reply and an update", date="2026-11-27T11:00:00+01:00")
    again = plein_build(root)
    scratch = plein_build(copy_sources(root, tmp_path / "scratch"))
    changed = changed_pages(first, scratch)
    assert {"discussions/welke-koffie/index.html", "people/carla-smit/index.html", "updates/index.html",
            "moderation/index.html", "people/anna-jansen/index.html"} <= changed
    assert site_report(again, scratch, "second build after hiding") == ""
    assert "roerdomp" not in (again / "discussions/welke-koffie/index.html").read_text(encoding="utf-8")
