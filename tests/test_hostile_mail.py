"""Hostile text in mail headers (issue 24), sent to a real SMTP server (aiosmtpd on
127.0.0.1) that records each envelope: a `site_name` holding an address never becomes the
sender, an e-mail address that would add recipients (tests/cases/hostile/mail) is never
mailed, line breaks and control characters in names and titles add no headers, and a
`digest` value other than weekly or daily gets no e-mail (fail closed)."""
from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from pathlib import Path
from types import MappingProxyType

import pytest
import yaml
from aiosmtpd.controller import Controller

from digest_helpers import NOW, REPO, Inbox, SmtpServer, example_repo, free_port, plein, set_field
from plein.digest.headers import Unsafe, plain_address
from plein.digest.run import deliver, open_run
from plein.digest.send import Smtp

CASES = yaml.safe_load((REPO / "tests/cases/hostile/mail/addresses.yml").read_text(encoding="utf-8"))
SENDER = "intranet@wetterveen.example"
EVIL = "attacker.example"
HOSTILE_SITE_NAME = "Intranet <evil@attacker.example>"


class Envelopes(Inbox):
    """Also keeps each message's envelope sender."""

    def __init__(self):
        super().__init__()
        self.senders: list = []

    async def handle_DATA(self, server, session, envelope):
        self.senders.append(envelope.mail_from)
        return await super().handle_DATA(server, session, envelope)


class Server(SmtpServer):
    def __init__(self):
        self.inbox = Envelopes()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())


@pytest.fixture
def smtp():
    with Server() as server:
        yield server


def with_site_name(root: Path, name: str) -> None:
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    config.write_text("\n".join([f"site_name: {json.dumps(name)}",
                                 *(x for x in lines if not x.startswith("site_name:"))]) + "\n", encoding="utf-8")


def assert_clean(smtp) -> None:
    """What arrived: each message one sender and one recipient, the same as its headers,
    nothing to or from the attacker, and no header that Plein did not write."""
    assert smtp.inbox.messages
    for (rcpt, msg), mail_from in zip(smtp.inbox.messages, smtp.inbox.senders):
        [to] = msg["To"].addresses
        [sender] = msg["From"].addresses
        assert list(rcpt) == [to.addr_spec]
        assert mail_from == sender.addr_spec
        assert EVIL not in " ".join([mail_from, *rcpt]) and EVIL not in str(msg["From"]) + str(msg["To"])
        assert set(msg.keys()) == {"Subject", "From", "To", "Date", "Message-ID", "List-Unsubscribe",
                                   "Auto-Submitted", "X-Plein-Person", "MIME-Version", "Content-Type"}


@pytest.mark.parametrize("configured, expected", [
    ("Intranet <intranet@wetterveen.example>", "Intranet <intranet@wetterveen.example>"),
    ("intranet@wetterveen.example", "Intranet <intranet@wetterveen.example>"),
    ('"evil@attacker.example" <intranet@wetterveen.example>', "Intranet <intranet@wetterveen.example>"),
    (None, "Intranet <noreply@localhost>"),  # site_url's host is 127.0.0.1
])
def test_a_site_name_with_an_address_is_never_the_sender(tmp_path, smtp, configured, expected):
    root = example_repo(tmp_path / "intranet")
    with_site_name(root, HOSTILE_SITE_NAME)
    env = {k: v for k, v in smtp.env.items() if k != "PLEIN_MAIL_FROM"}
    if configured:
        env["PLEIN_MAIL_FROM"] = configured
    plein(root, "digest", "--now", NOW, env=env)

    assert_clean(smtp)
    for _, msg in smtp.inbox.messages:
        assert msg["From"] == expected
        assert msg["Subject"].startswith("Intranet <evil@attacker.example>: ")  # the name, as words


@pytest.mark.parametrize("configured", [
    "Intranet <intranet@wetterveen.example>, evil@attacker.example",
    "intranet@wetterveen.example\r\nBcc: evil@attacker.example",
    "Intranet <intranet@wetterveen.example> <evil@attacker.example>",
    "friends: intranet@wetterveen.example, evil@attacker.example;",
    "Intranet",
])
def test_a_sender_setting_that_is_not_one_address_stops_the_run(tmp_path, smtp, configured):
    root = example_repo(tmp_path / "intranet")
    done = plein(root, "digest", "--now", NOW, env={**smtp.env, "PLEIN_MAIL_FROM": configured}, check=False)

    assert done.returncode != 0 and smtp.inbox.messages == []
    assert "PLEIN_MAIL_FROM" in done.stderr and "is not one e-mail address" in done.stderr
    assert "Traceback" not in done.stderr


# the loader strips blanks around a value: ' jan@…' is jan@… there (the mailer refuses it, below)
@pytest.mark.parametrize("address", [a for a in CASES["hostile"] if a == a.strip()])
def test_an_address_that_would_add_recipients_is_never_mailed(tmp_path, smtp, address):
    root = example_repo(tmp_path / "intranet")
    set_field(root, "jan-de-vries", f"email: {json.dumps(address)}")
    done = plein(root, "digest", "--now", NOW, env=smtp.env)

    assert_clean(smtp)
    mailed = [m["X-Plein-Person"] for _, m in smtp.inbox.messages]
    assert "jan-de-vries" not in mailed and "ruben-de-wit" in mailed  # the others still get theirs
    assert "profiles/jan-de-vries.yml" in done.stderr and "Traceback" not in done.stderr


def weekly_run(folder: Path):
    """A run of the weekly digest in this process, so that the mailer itself gets what
    validation refuses (people and threads changed after loading)."""
    root = example_repo(folder / "intranet")
    return open_run(root, datetime(2026, 11, 30, 7, 0), folder / "sent.jsonl",
                    "Intranet <intranet@wetterveen.example>", write_log=True)


@pytest.fixture
def run(tmp_path):
    return weekly_run(tmp_path)


@pytest.fixture(scope="module")
def shared_run(tmp_path_factory):
    return weekly_run(tmp_path_factory.mktemp("mailer"))


def hostile(run, handle: str, **changes):
    person = dataclasses.replace(run.org.people[handle], **changes)
    people = MappingProxyType({**run.org.people, handle: person})
    run.org = run.mailer.org = dataclasses.replace(run.org, people=people)
    return person


@pytest.mark.parametrize("address", CASES["hostile"])
def test_the_mailer_itself_refuses_an_address_that_is_not_one(shared_run, address):
    person = hostile(shared_run, "jan-de-vries", email=address)
    [digest] = shared_run.digests("weekly", [person])
    with pytest.raises(Unsafe, match="profiles/jan-de-vries.yml: 'email': .* jan-de-vries gets no e-mail"):
        shared_run.mailer.digest(digest)


@pytest.mark.parametrize("address", CASES["plain"])
def test_one_plain_address_is_one_address(address):
    assert plain_address(address).addr_spec == address


def test_line_breaks_and_control_characters_add_no_headers(run, smtp):
    """Names and a title with CR, LF, ESC and NUL, delivered: every header is Plein's, one
    line each; the person with two addresses is skipped with a warning, the others arrive."""
    hostile(run, "jan-de-vries", name="Jan\r\nBcc: evil@attacker.example\x1b[2J\x00 de Vries")
    hostile(run, "ahmed-bouzid", name="Ahmed\nTo: evil@attacker.example")
    hostile(run, "daan-kok", email="daan.kok@wetterveen.example, evil@attacker.example")
    thread = next(t for t in run.org.threads.values() if t.kind == "question")
    thread = dataclasses.replace(thread, title="Kaart\r\nBcc: evil@attacker.example\rX-Evil: 1\x1b]0;pwn\x07")
    jobs = run.digest_jobs("weekly", run.digests("weekly"))
    jan = run.org.people["jan-de-vries"]
    help_mail = run.mailer.help(jan, thread, ["GIS"])
    transport = Smtp("127.0.0.1", smtp.controller.port, "none")
    out = deliver(jobs, transport, run.log)
    transport.send(help_mail, "help")
    transport.close()

    assert_clean(smtp)
    assert [h for h, _ in out.skipped] == ["daan-kok"]
    assert "profiles/daan-kok.yml: 'email':" in out.skipped[0][1]
    got = {m["X-Plein-Person"]: m for _, m in smtp.inbox.messages[:-1]}
    assert "daan-kok" not in got and {"jan-de-vries", "ahmed-bouzid", "ruben-de-wit"} <= set(got)
    assert got["jan-de-vries"]["To"].addresses[0].display_name == "Jan Bcc: de Vries"
    assert got["ahmed-bouzid"]["To"].addresses[0].display_name == "Ahmed To:"
    subject = smtp.inbox.messages[-1][1]["Subject"]
    assert subject == "Kun je helpen? Kaart Bcc: evil@attacker.example X-Evil: 1]0;pwn"
    for _, msg in smtp.inbox.messages:
        for name, value in msg.items():
            assert not any(c in str(value) for c in "\r\n\x1b\x00\x07"), name


DIGEST_VALUES = {  # profile line -> mailed? (after the loader's normalisation; unknown: not mailed)
    "ahmed-bouzid": ("digest: Off", False),
    "daan-kok": ("digest: no", False),
    "jan-de-vries": ("digest: false", False),
    "rosa-meijer": ("digest: sometimes", False),
    "kim-van-leeuwen": ("digest: [weekly]", False),
    "mehmet-yilmaz": ("digest: 0", False),
    "bas-hendriks": ("digest: WEEKLY", True),
    "yvonne-de-boer": ("digest: weekly", True),
}


def test_a_digest_value_other_than_weekly_or_daily_gets_no_mail(tmp_path, smtp):
    root = example_repo(tmp_path / "intranet")
    for handle, (line, _) in DIGEST_VALUES.items():
        set_field(root, handle, line)
    weekly = plein(root, "digest", "--now", NOW, env=smtp.env)
    plein(root, "digest", "--period", "daily", "--now", "2026-11-28 07:00", env=smtp.env)
    plein(root, "digest", "--new-questions", "--now", "2026-11-27 13:00", env=smtp.env)

    mailed = {m["X-Plein-Person"] for _, m in smtp.inbox.messages}
    assert mailed >= {"ruben-de-wit", "bas-hendriks", "yvonne-de-boer"}
    for handle, (line, expected) in DIGEST_VALUES.items():
        assert (handle in mailed) == expected, line
    for handle in ("rosa-meijer", "kim-van-leeuwen", "mehmet-yilmaz"):  # refused by the loader
        assert f"profiles/{handle}.yml" in weekly.stderr
    assert "Traceback" not in weekly.stderr
