"""The e-mails themselves: HTML (its CSS inlined by css-inline, for mail programs that drop
<style>) and plain text, as one multipart/alternative message with safe headers.

Everything staff wrote reaches the HTML through Jinja's autoescaping, as plain text: a
question's Markdown is shown as its words, never as markup. Headers are built from Address
objects and single lines of text (digest.headers): a newline in a title, or a comma in an
address, cannot add a header or a recipient. A message that cannot be built safely raises
Unsafe: its person is skipped with a warning."""
from __future__ import annotations

import html
from datetime import datetime, timezone
from email import policy
from email.errors import MessageError
from email.headerregistry import HeaderRegistry
from email.message import EmailMessage, MIMEPart
from email.utils import make_msgid
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import css_inline
import markdown
import nh3
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..model.org import Org, Person, Thread
from ..site import links as L
from .compose import Digest
from .headers import Unsafe, one_line, recipient, sender, shown
from .words import MailLang

TEMPLATES = Path(__file__).parent / "templates"
EXCERPT = 280
# The email package's modern messages: headers are parsed objects (addresses are Address
# objects, never pasted text) and a line break in a header value is refused. Headers may be
# 998 characters long, so a long List-Unsubscribe address stays one <URL>; the parts' quoted-
# printable lines stay within 76.


class _Registry(HeaderRegistry):
    """The standard header classes, each made once: HeaderRegistry makes a new class for every
    header it parses, a third of the time a message takes (15,000 of them at L)."""

    def __init__(self):
        super().__init__()
        self._made: dict = {}

    def __getitem__(self, name):
        key = name.lower()
        if key not in self._made:
            self._made[key] = super().__getitem__(name)
        return self._made[key]


HEADERS = policy.default.clone(max_line_length=998, header_factory=_Registry())
PARTS = policy.default.clone(max_line_length=76, header_factory=HEADERS.header_factory)


def _single(value):
    return value if isinstance(value, Markup) or not isinstance(value, str) else " ".join(value.split())


@lru_cache(maxsize=4096)
def excerpt(body: str) -> str:
    """The first words of Markdown as plain text (markup removed, not escaped: Jinja escapes)."""
    if not body:
        return ""
    text = html.unescape(nh3.clean(markdown.markdown(body[:4000]), tags=set()))
    return one_line(text, EXCERPT)


class Links:
    """Absolute addresses on the site."""

    def __init__(self, site_url: str):
        self.base = site_url.rstrip("/") + "/"

    def to(self, src: str, anchor: str = "") -> str:
        return self.base + L.url(src) + (f"#{anchor}" if anchor else "")

    def thread(self, thread_id: str) -> str:
        return self.to(L.thread(thread_id))

    def reply(self, thread_id: str, reply_id: str) -> str:
        return self.to(L.thread(thread_id), f"reply-{reply_id}")

    def news(self, news_id: str) -> str:
        return self.to(L.news(news_id))

    def person(self, handle: str) -> str:
        return self.to(L.person(handle))

    def more(self, section: str, person: Person) -> str:
        """Where the items a section left out are on the site."""
        return self.to({"questions": L.DISCUSSIONS, "replies": L.DISCUSSIONS, "news": L.NEWS,
                        "mentions": L.DISCUSSIONS, "helped": L.person(person.handle),
                        "colleagues": L.team(person.team), "kudos": L.person(person.handle)}[section])


class Mailer:
    def __init__(self, org: Org, site_name: str, site_url: str, language: str, forge: L.Forge,
                 sender_text: str | None):
        """`sender_text`: the configured sender, 'Name <address>' or an address; None: noreply@
        the site's host. ValueError when it is not one address."""
        self.org, self.site_name, self.forge = org, one_line(site_name), forge
        self.lang, self.link = MailLang(language), Links(site_url)
        self.domain = urlsplit(site_url).hostname or "localhost"
        self.sender = sender(sender_text, site_name, _mail_host(self.domain))
        loader = FileSystemLoader(TEMPLATES)
        # every value shown is one line: a carriage return in a title starts no line of its own
        self.html = Environment(loader=loader, autoescape=select_autoescape(default=True),
                                undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                finalize=_single)
        self.text = Environment(loader=loader, autoescape=False, undefined=StrictUndefined,
                                trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                finalize=_single)
        self.inliner = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False)
        self.css = Markup((TEMPLATES / "style.css").read_text(encoding="utf-8"))

    def profile_form(self, person: Person) -> str:
        """Where the person changes their `digest` field: the profile's form, else its file."""
        route = self.forge.form(f"profiles/entries/{person.handle}")
        if route:
            return self.link.base + L.EDITOR + route
        return self.forge.edit(person.source.path) or self.link.person(person.handle)

    def name(self, handle: str) -> str:
        person = self.org.people.get(handle)
        return person.name if person else handle

    def digest(self, d: Digest) -> EmailMessage:
        subject = self.lang.t("subject", site=self.site_name, since=self.lang.day(d.since))
        return self._message(d.person, subject, "digest", d=d)

    def help(self, person: Person, thread: Thread, topics: list[str]) -> EmailMessage:
        subject = self.lang.t("help_subject", title=one_line(thread.title, 150))
        return self._message(person, subject, "help", thread=thread, topics=topics)

    def notice(self, n) -> EmailMessage:
        """The instant e-mail of digest.instant: a reply to your question, or you are named."""
        author = self.name(n.record.author)
        if n.why == "reply":
            subject = self.lang.t("notice_reply_subject", name=author, title=one_line(n.thread.title, 150))
        else:
            subject = self.lang.t("notice_mention_subject", name=author)
        return self._message(n.person, subject, "notice", n=n, author=author, target=self.item_link(n.record),
                             title=n.thread.title if n.thread is not None else "")

    def item_link(self, record) -> str:
        """The address of a reply (its thread's page, at the reply), a question or an update."""
        thread = getattr(record, "thread", None)
        if isinstance(thread, str):
            return self.link.reply(thread, record.id)
        if hasattr(record, "kind"):
            return self.link.thread(record.id)
        return self.link.to(L.person(record.author), "update-" + record.id.replace("/", "-"))

    def _message(self, person: Person, subject: str, template: str, **values) -> EmailMessage:
        try:
            to = recipient(person.name, person.email)
        except ValueError as err:
            raise Unsafe(f"{person.source.path}: 'email': {err}; {person.handle} gets no e-mail. "
                         "Fix: write only the address, e.g. name@organisation.nl") from None
        form = self.profile_form(person)
        values.update(person=person, lang=self.lang, t=self.lang.t, link=self.link, excerpt=excerpt,
                      notice_link=self.item_link,
                      people_name=self.name, profile_form=form, subject=one_line(subject))
        text = self.text.get_template(f"{template}.txt").render(**values)
        page = self.html.get_template(f"{template}.html").render(css=self.css, **values)
        msg = EmailMessage(policy=HEADERS)
        try:
            msg["Subject"] = one_line(subject)
            msg["From"] = self.sender
            msg["To"] = to
            msg["Date"] = datetime.now(timezone.utc)
            msg["Message-ID"] = make_msgid(domain=self.domain)
            msg["List-Unsubscribe"] = f"<{form}>"
            msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to this
            msg["X-Plein-Person"] = person.handle
        except (ValueError, MessageError) as err:  # the policy refuses a line break in a value
            raise Unsafe(f"{person.source.path}: a header of the e-mail to {person.handle} would not be "
                         f"one line ({shown(err)}); {person.handle} gets no e-mail") from None
        msg["MIME-Version"] = "1.0"
        msg.make_alternative()
        for body, subtype in ((text, "plain"), (self.inliner.inline(page), "html")):
            part = MIMEPart(policy=PARTS)
            part.set_content(body, subtype=subtype, cte="quoted-printable")
            msg.attach(part)
        return msg


def _mail_host(host: str) -> str:
    """The site's host name for noreply@; 'localhost' for an IP address or a bare name."""
    return host if "." in host and not host.replace(".", "").isdigit() and ":" not in host else "localhost"
