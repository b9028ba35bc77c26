"""`plein digest` on the example organisation, sent to a real SMTP server (aiosmtpd on
127.0.0.1): who gets mail, what it holds, its MIME structure and headers, a crash and a
re-run, refused recipients, hostile text, and "can you help?" e-mails."""
from __future__ import annotations

import email
import json
import signal
import subprocess
from email import policy
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from digest_helpers import CASES, NOW, PLEIN, SmtpServer, example_repo, plein, set_field

EXPECTED = yaml.safe_load((CASES / "expected.yml").read_text(encoding="utf-8"))
ADDRESS = "{}@wetterveen.example"


class Page(HTMLParser):
    """The h2 headings, links and tags of an HTML e-mail."""

    def __init__(self, html: str):
        super().__init__()
        self.headings, self.links, self.tags, self._in_h2 = [], [], set(), False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self._in_h2 = tag == "h2"
        if tag == "a":
            self.links.append(dict(attrs)["href"])
        if tag == "h2":
            self.headings.append("")

    def handle_endtag(self, tag):
        if tag == "h2":
            self._in_h2 = False

    def handle_data(self, data):
        if self._in_h2:
            self.headings[-1] += data


@pytest.fixture
def intranet(tmp_path):
    root = example_repo(tmp_path / "intranet")
    for handle, line in EXPECTED["profiles"].items():
        set_field(root, handle, line)
    return root


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def handles(messages) -> list[str]:
    return sorted(m["X-Plein-Person"] for _, m in messages)


def test_weekly_digest_goes_to_who_has_something_new(intranet, smtp):
    done = plein(intranet, "digest", "--now", NOW, env=smtp.env)

    assert f"{len(EXPECTED['weekly'])} e-mail(s) sent" in done.stdout
    assert handles(smtp.inbox.messages) == sorted(EXPECTED["weekly"])
    for rcpt, msg in smtp.inbox.messages:  # one envelope recipient: the person's own address
        assert len(rcpt) == 1 and rcpt[0] in msg["To"]
    for handle in EXPECTED["never"]:
        assert handle not in handles(smtp.inbox.messages), handle
    assert len(handles(smtp.inbox.messages)) == len(set(handles(smtp.inbox.messages)))


@pytest.mark.parametrize("handle", sorted(EXPECTED["people"]))
def test_sections_and_links_of_known_people(intranet, smtp, handle):
    plein(intranet, "digest", "--now", NOW, env=smtp.env)
    [(_, msg)] = [m for m in smtp.inbox.messages if m[1]["X-Plein-Person"] == handle]
    html = msg.get_body(("html",)).get_content()
    text = msg.get_body(("plain",)).get_content()
    page = Page(html)
    want = EXPECTED["people"][handle]

    assert page.headings == want["sections"]
    assert page.links == want["links"]
    for heading in want["sections"]:
        assert heading in text
    for link in want["links"]:
        assert link in text  # the plain text has every link too


def test_multipart_structure_and_headers(intranet, smtp):
    plein(intranet, "digest", "--now", NOW, env=smtp.env)
    [(rcpt, msg)] = [m for m in smtp.inbox.messages if m[1]["X-Plein-Person"] == "ahmed-bouzid"]

    assert rcpt == ("ahmed.bouzid@wetterveen.example",)
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert all(p.get_content_charset() == "utf-8" for p in msg.iter_parts())
    assert msg["To"] == "Ahmed Bouzid <ahmed.bouzid@wetterveen.example>"
    assert msg["From"] == "Intranet <intranet@wetterveen.example>"
    assert msg["Subject"] == "Gemeente Wetterveen intranet: nieuw voor jou sinds 23 november 2026"
    assert msg["List-Unsubscribe"] == \
        "<https://gitlab.example.org/wetterveen/intranet/-/edit/main/profiles/ahmed-bouzid.yml>"
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Date"] and msg["Message-ID"]
    html = msg.get_body(("html",)).get_content()
    assert '<html lang="nl">' in html
    assert "<style" not in html and 'style="' in html  # the CSS is inlined
    assert "Je krijgt deze e-mail elke week" in html  # the footer, with the profile form link


def test_dry_run_writes_one_readable_email_per_person(intranet):
    plein(intranet, "digest", "--dry-run", "out", "--now", NOW)
    files = sorted((intranet / "out").glob("*.eml"))

    assert [f.stem for f in files] == [f"digest-{h}" for h in sorted(EXPECTED["weekly"])]
    msg = email.message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert msg.get_body(("plain",)).get_content().startswith("Hallo ")
    assert not (intranet / ".plein-cache" / "digest" / "sent.jsonl").exists()  # a dry run sends nothing


def test_to_person_previews_one_digest(intranet):
    done = plein(intranet, "digest", "--to-person", "ruben-de-wit", "--now", NOW)
    assert done.stdout.startswith("Subject: Gemeente Wetterveen intranet: nieuw voor jou")
    assert "Jan de Vries reageerde in Hoe koppel ik het zaaksysteem aan de BAG-API?" in done.stdout
    nothing = plein(intranet, "digest", "--to-person", "sarah-oconnor", "--now", NOW)
    assert "Nothing new for sarah-oconnor" in nothing.stdout


def test_a_crash_then_a_rerun_sends_everyone_exactly_one(intranet, smtp):
    """The server has the fourth message when the sending process dies (SIGKILL: no cleanup)."""
    env = {**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1", **smtp.env}
    proc = subprocess.Popen([*PLEIN, "digest", "--now", NOW], cwd=intranet, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    smtp.inbox.after = lambda n: n == 4 and proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=120)
    assert proc.returncode == -signal.SIGKILL
    assert len(smtp.inbox.messages) == 4

    smtp.inbox.after = None
    again = plein(intranet, "digest", "--now", NOW, env=smtp.env)

    assert handles(smtp.inbox.messages) == sorted(EXPECTED["weekly"])  # each exactly once
    assert "3 already sent by an earlier run" in again.stdout
    assert "1 may have been sent by a run that stopped" in again.stderr
    third = plein(intranet, "digest", "--now", NOW, env=smtp.env)
    assert "0 e-mail(s) sent" in third.stdout and len(smtp.inbox.messages) == len(EXPECTED["weekly"])
    log = intranet / ".plein-cache" / "digest" / "sent.jsonl"
    states = [json.loads(line)["state"] for line in log.read_text().splitlines()]
    assert states.count("sent") == len(EXPECTED["weekly"]) - 1


def test_a_refused_recipient_is_reported_and_the_run_goes_on(intranet, smtp):
    smtp.inbox.refuse.add("daan.kok@wetterveen.example")
    done = plein(intranet, "digest", "--now", NOW, env=smtp.env)

    assert "not delivered to daan-kok: daan.kok@wetterveen.example: 550" in done.stderr
    assert handles(smtp.inbox.messages) == sorted(set(EXPECTED["weekly"]) - {"daan-kok"})
    smtp.inbox.refuse.clear()  # refused is not sent: a later run may try again
    plein(intranet, "digest", "--now", NOW, env=smtp.env)
    assert handles(smtp.inbox.messages) == sorted(EXPECTED["weekly"])


def test_the_next_digest_starts_where_the_last_one_ended(intranet, smtp):
    plein(intranet, "digest", "--now", NOW, env=smtp.env)
    plein(intranet, "digest", "--now", "2026-12-07 07:00", env=smtp.env)  # nothing new since
    assert handles(smtp.inbox.messages) == sorted(EXPECTED["weekly"])


def test_daily_digest_for_those_who_chose_it(intranet, smtp):
    plein(intranet, "digest", "--period", "daily", "--now", "2026-11-28 07:00", env=smtp.env)
    assert handles(smtp.inbox.messages) == ["lotte-visser"]
