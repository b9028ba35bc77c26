"""Moderation after publishing (issue 25): the "Report" link of every reply, question, status
update and kudos, and what the moderators' page lists.

A report is an issue on the forge, prefilled with the item's file and its page address and
labelled `plein-report` (GitLab: the `/label` quick action in the description; GitHub: the
`labels` parameter; both apply for people allowed to label, the marker in the text finds the
others), or an e-mail to the moderators when the site has no issue tracker. The prefilled text
names the item by its path and address only: no text that staff wrote goes into a link."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import quote, urlencode

from mkdocs.exceptions import PluginError

from ..model.convert import Bad, one_address
from ..model.org import Kudos, Reply, Thread, Update, moment
from . import links as L

LABEL = "plein-report"
RECENT_DAYS = 14
PAGE = "moderation/index.md"  # the moderators' page: in no tab; Help links to it
PER_PAGE = 200
KIND = {Thread: "thread", Reply: "reply", Update: "update", Kudos: "kudos"}
# A prefilled Report link was 470 bytes, and every reply, question, update and kudos on every
# page carries one: 58 MB of the site at 15,000 people (issue 29). A page now carries the
# item's kind, file and page (`Reports.data`, about 110 bytes); plein.js fills in the link from
# one template per site (`Reports.template`) with these tokens.
KIND_TOKEN, FILE_TOKEN, PAGE_TOKEN = "PLEINKIND", "PLEINFILE", "PLEINPAGE"
CODES = {"thread": "report_thread", "discussion": "report_discussion", "reply": "report_reply",
         "update": "report_update", "kudos": "report_kudos"}
# Characters a query may hold as they are (RFC 3986): the links' paths and addresses are not
# percent-encoded, and spaces are '+' (form encoding, as the forges read it), since every item
# on every page carries its link: a tenth less of it.
SAFE = "/:~(),@"


def kind_of(record) -> str:
    return KIND[type(record)]


def word(record) -> str:
    """The key of the item's name in the site's words (i18n): 'report_reply'…"""
    if isinstance(record, Thread) and record.kind == "discussion":
        return "report_discussion"
    return f"report_{kind_of(record)}"


def anchor(record) -> str:
    """The element id of the item on its page ('' for a question: the page is the question)."""
    if isinstance(record, Reply):
        return f"reply-{record.id}"
    if isinstance(record, Update):
        return "update-" + record.id.replace("/", "-")
    if isinstance(record, Kudos):
        return "kudos-" + record.id.replace("/", "-")
    return ""


def page_of(record) -> str:
    """The source path of the page that shows the item."""
    if isinstance(record, Reply):
        return L.thread(record.thread)
    if isinstance(record, Thread):
        return L.thread(record.id)
    if isinstance(record, Update):
        return L.person(record.author)
    return L.person(record.to) if record.to else L.team(record.to_team)


def author_of(record) -> str:
    return record.sender if isinstance(record, Kudos) else record.author


@dataclass(frozen=True)
class Recent:
    when: datetime
    kind: str
    record: object


def recent(org, now: datetime, days: int = RECENT_DAYS) -> list[Recent]:
    """Replies, questions, updates and kudos dated in the `days` before `now`, newest first."""
    since = now - timedelta(days=days)
    items = [*org.threads.values(), *org.replies(), *org.updates, *org.kudos]
    out = [Recent(moment(r.date), kind_of(r), r) for r in items if since <= moment(r.date) <= now]
    return sorted(out, key=lambda r: (r.when, r.record.source.path), reverse=True)


@dataclass(frozen=True)
class Row:
    """One line of the moderators' page."""

    when: datetime
    kind: str
    record: object
    author: str
    path: str
    link: str = ""  # the item on its page, relative to the moderators' page
    label: str = ""  # the question's title, or the start of the text
    text_of: object = None  # the record whose language the label is in
    file_url: str = ""  # the file on the forge's editor (to hide an item, or to lift the hiding)
    reason: str = ""  # why it is hidden (a reply under a hidden question: the question's reason)


EXCERPT = 80


def rows(items, org, href, file_url) -> list[Row]:
    """Rows of `recent` items (links to their pages) or of `org.hidden` (links to their files)."""
    out = []
    questions = {r.id: r for r in items if isinstance(r, Thread)}  # hidden ones, when the items are
    for item in items:
        record = getattr(item, "record", item)
        kind = kind_of(record)
        thread = org.threads.get(record.thread) if isinstance(record, Reply) else None
        if isinstance(record, Thread):
            label = record.title
        elif thread is not None:
            label = thread.title
        else:
            text = " ".join(record.body.split())
            label = text if len(text) <= EXCERPT else text[:EXCERPT].rstrip() + "…"
        mark = anchor(record)
        link = href(page_of(record)) + (f"#{mark}" if mark else "") if item is not record else ""
        why = getattr(record, "hidden_reason", "") or getattr(questions.get(getattr(record, "thread", None)),
                                                               "hidden_reason", "")
        out.append(Row(moment(record.date), kind, record, author_of(record), record.source.path, link,
                       label, thread or record, file_url(record.source.path), why))
    return out


class Reports:
    """Where "Report" links go: `to` is 'issues' (the forge's tracker) or 'mail'."""

    def __init__(self, lang, forge: str, repo_url: str | None, site_url: str | None, directory_urls: bool,
                 to: str = "issues", email: str | None = None):
        self.lang, self.forge, self.repo = lang, forge, (repo_url or "").rstrip("/")
        self.site = (site_url or "").rstrip("/") + "/" if site_url else ""
        self.directory_urls, self.email = directory_urls, (email or "").strip()
        self.to = "issues" if to == "issues" and self.repo else "mail" if self.email else ""

    def page_url(self, record) -> str:
        """The item's address: absolute when the site has a `site_url`."""
        mark = anchor(record)
        return self.site + L.url(page_of(record), self.directory_urls) + (f"#{mark}" if mark else "")

    def text(self, record) -> tuple[str, str]:
        """The report's title (the kind of item and its file) and body (its address, and room
        for why). Short: every item on every page carries its link."""
        t = self.lang.t
        title = f"{t('report_title')}: {t(word(record))} {record.source.path}"
        return title, f"{t('report_page')}: {self.page_url(record)}\n\n{t('report_why')}\n\n"

    def url(self, record) -> str:
        """The "Report" link of an item, or '' when the site has nowhere to send it."""
        if not self.to:
            return ""
        return self._prefilled(*self.text(record))

    def template(self) -> str:
        """The prefilled link with KIND, FILE and PAGE for the item's kind, file and address,
        which plein.js puts in each page's Report links (see `data`); '' without a place."""
        if not self.to:
            return ""
        t = self.lang.t
        return self._prefilled(f"{t('report_title')}: {KIND_TOKEN} {FILE_TOKEN}",
                               f"{t('report_page')}: {PAGE_TOKEN}\n\n{t('report_why')}\n\n")

    def kinds(self) -> dict:
        """The items' names in the site's words, by the codes `data` writes."""
        return {code: self.lang.t(key) for code, key in CODES.items()}

    def fallback(self) -> str:
        """Where a Report link goes when the browser runs no script: the empty issue form
        (or an e-mail to the moderators). The reporter then names the page."""
        if self.to == "mail":
            return f"mailto:{quote(self.email, safe='@')}"
        return f"{self.repo}/issues/new" if self.forge == "github" else f"{self.repo}/-/issues/new"

    def data(self, record) -> str:
        """The item for plein.js: its kind's code, its file and its page from the site's root."""
        mark = anchor(record)
        page = L.url(page_of(record), self.directory_urls) + (f"#{mark}" if mark else "")
        return f"{word(record)[len('report_'):]} {quote(record.source.path)} {page}"

    def _prefilled(self, title: str, body: str) -> str:
        if self.to == "mail":  # (in a mailto: address '+' is a plus: spaces stay %20)
            query = urlencode({"subject": title, "body": body + LABEL + "\n"}, quote_via=quote, safe=SAFE)
            return f"mailto:{quote(self.email, safe='@')}?{query}"
        if self.forge == "github":
            query = urlencode({"title": title, "body": body + LABEL + "\n", "labels": LABEL}, safe=SAFE)
            return f"{self.repo}/issues/new?{query}"
        # the marker on a line of its own stays when GitLab takes out the quick action, which it
        # carries out only for people allowed to label
        query = urlencode({"issue[title]": title, "issue[description]": body + f"{LABEL}\n/label ~{LABEL}\n"},
                          safe=SAFE)
        return f"{self.repo}/-/issues/new?{query}"

    def list_url(self) -> str:
        """The open reports: the forge's issues with the label (or the mailbox: '')."""
        if self.to != "issues":
            return ""
        if self.forge == "github":
            return f"{self.repo}/issues?" + urlencode({"q": f"is:issue is:open label:{LABEL}"}, quote_via=quote)
        return f"{self.repo}/-/issues?" + urlencode({"label_name[]": LABEL}, quote_via=quote)

    def search_url(self) -> str:
        """Open issues whose text holds the marker: reports by people who may not label."""
        if self.to != "issues":
            return ""
        if self.forge == "github":
            return f"{self.repo}/issues?" + urlencode({"q": f"is:issue is:open {LABEL}"}, quote_via=quote)
        return f"{self.repo}/-/issues?" + urlencode({"state": "opened", "search": LABEL}, quote_via=quote)


def reports_of(lang, plugin_config, config) -> Reports:
    """Reports as the options say; a moderators' address that is no address stops the build."""
    email, to = plugin_config.moderators_email, plugin_config.report_to
    if email:
        try:
            email = one_address(email.strip()).addr_spec
        except Bad as bad:
            raise PluginError(f"plein: option 'moderators_email': {bad.message}. Fix: {bad.hint}") from None
    if to == "mail" and not email:
        raise PluginError("plein: option 'report_to: mail' needs 'moderators_email'. Fix: add "
                          "moderators_email: <the moderators' address> under plugins: plein:")
    return Reports(lang, plugin_config.forge, config.repo_url, config.site_url, config.use_directory_urls,
                   to, email)
