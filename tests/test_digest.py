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
        "<http://127.0.0.1:8000/bewerken/#/collections/profiles/entries/ahmed-bouzid>"
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


# validate refuses a line break or control character in a title (tests/test_hostile_mail.py
# gives one to the mailer itself); a title can still hold markup and header-like text
HOSTILE_TITLE = "Kaart <script>alert(1)</script> <img src=x onerror=alert(2)> Bcc: evil@example.org"
HOSTILE = {
    "content/discussions/kaart-vraag/index.md":
        "---\ntitle: " + json.dumps(HOSTILE_TITLE) + "\nauthor: sarah-oconnor\ndate: 2026-11-27 10:30\n"
        "kind: question\ntags: [GIS]\n---\n\nHelp <script>document.cookie</script> "
        "<a href=\"javascript:alert(3)\">hier</a> <iframe src=\"https://evil.example\"></iframe>\n",
    "content/discussions/zaaksysteem-koppelen-aan-bag-api/replies/2026-11-27T11-30-daan-kok.md":
        "---\nauthor: daan-kok\ndate: 2026-11-27 11:30\n---\n\n<b onmouseover=\"alert(4)\">Zie</b> "
        "<style>body{display:none}</style>[dit](javascript:alert(5))\n",
}


def hostile_intranet(tmp_path):
    return example_repo(tmp_path / "hostile", HOSTILE)


def live_markup(html: str) -> list[str]:
    page = Page(html)
    bad = page.tags & {"script", "img", "iframe", "b", "style"}
    return sorted(bad) + [href for href in page.links if not href.startswith(("http://", "https://"))]


def test_hostile_text_is_shown_as_text_never_as_markup_or_headers(tmp_path, smtp):
    root = hostile_intranet(tmp_path)
    plein(root, "digest", "--now", NOW, env=smtp.env)
    plein(root, "digest", "--new-questions", "--now", "2026-11-27 13:00", env=smtp.env)
    jan = [m for _, m in smtp.inbox.messages if m["X-Plein-Person"] == "jan-de-vries"]
    ruben = [m for _, m in smtp.inbox.messages if m["X-Plein-Person"] == "ruben-de-wit"]
    assert len(jan) == 2 and len(ruben) == 1  # the digest with both, then one "can you help?"

    for msg in jan + ruben:
        html = msg.get_body(("html",)).get_content()
        assert live_markup(html) == []
        assert "<script" not in html and "onerror" not in html.replace("onerror=alert(2)&gt;", "")
        assert msg["Bcc"] is None and "\r" not in msg["Subject"] and "\n" not in msg["Subject"]
    digest = jan[0].get_body(("html",)).get_content()
    assert "Kaart &lt;script&gt;alert(1)&lt;/script&gt;" in digest  # shown, as words
    help_mail = jan[1]
    assert help_mail["Subject"].startswith("Kun je helpen? Kaart <script>alert(1)</script>")
    assert help_mail["Subject"].endswith("Bcc: evil@example.org")  # one line: text, not a header
    for msg in jan + ruben:
        text = msg.get_body(("plain",)).get_content()
        assert "\r" not in text.replace("\r\n", "") and "\nBcc:" not in text


def test_can_you_help_goes_to_the_three_who_know_a_new_question_best(intranet, smtp):
    done = plein(intranet, "digest", "--new-questions", "--now", "2026-11-27 13:00", env=smtp.env)

    assert "3 e-mail(s) sent about 1 new question(s)" in done.stdout
    assert handles(smtp.inbox.messages) == sorted(EXPECTED["asked"])  # joost-vermeulen has digest: off
    msg = smtp.inbox.to("jan.devries@wetterveen.example")[0]
    assert msg["Subject"] == "Kun je helpen? Welke projectie gebruiken we voor GIS-kaarten in het omgevingsplan?"
    assert Page(msg.get_body(("html",)).get_content()).links == [
        "http://127.0.0.1:8000/discussions/welke-projectie-voor-gis-kaarten/",
        "http://127.0.0.1:8000/bewerken/#/collections/profiles/entries/jan-de-vries"]
    assert "Sarah O'Connor stelde een vraag over GIS, Omgevingsplan" in msg.get_body(("plain",)).get_content()

    again = plein(intranet, "digest", "--new-questions", "--now", "2026-11-27 13:30", env=smtp.env)
    assert "0 e-mail(s) sent about 0 new question(s)" in again.stdout  # that question is done


def test_at_most_one_can_you_help_a_day_the_rest_waits_for_the_digest(intranet, smtp):
    plein(intranet, "digest", "--new-questions", "--now", "2026-11-27 13:00", env=smtp.env)
    second = intranet / "content/discussions/gis-lagen-delen/index.md"
    second.parent.mkdir(parents=True)
    second.write_text("---\ntitle: Hoe delen we GIS-lagen met de provincie?\nauthor: rosa-meijer\n"
                      "date: 2026-11-27 14:00\nkind: question\ntags: [GIS]\n---\n\nVia welk portaal?\n")
    done = plein(intranet, "digest", "--new-questions", "--now", "2026-11-27 15:00", env=smtp.env)
    # GIS alone: jan-de-vries, lotte-visser and daan-kok know it best; the first two had theirs today
    assert "1 e-mail(s) sent about 1 new question(s)" in done.stdout
    assert handles(smtp.inbox.messages) == sorted([*EXPECTED["asked"], "daan-kok"])
    plein(intranet, "digest", "--now", NOW, env=smtp.env)
    [digest] = [m for _, m in smtp.inbox.messages
                if m["X-Plein-Person"] == "jan-de-vries" and m["Subject"].startswith("Gemeente")]
    assert "Hoe delen we GIS-lagen met de provincie?" in digest.get_body(("plain",)).get_content()


def test_both_pipelines_send_the_digest_on_a_schedule_and_keep_the_send_log(tmp_path):
    from yaml import safe_load as loads  # CI files use anchors, which staff files may not
    repo = Path(__file__).resolve().parent.parent
    gitlab = loads((repo / "ci/gitlab-ci.yml").read_text())
    assert "schedule" in gitlab["digest"]["rules"][0]["if"]
    assert gitlab["digest"]["script"] == ['sh ci/digest.sh "$PLEIN_DIGEST"']
    [log_cache] = [c for c in gitlab[".mail"]["cache"] if c["key"] == "plein-digest"]
    assert log_cache == {"key": "plein-digest", "paths": [".plein-cache/digest/"], "when": "always"}
    github = loads((repo / ".github/workflows/intranet.yml").read_text())
    triggers = github.get("on", github.get(True))  # YAML 1.1 reads the key `on` as true
    assert "0 6 * * 1" in [s["cron"] for s in triggers["schedule"]]
    steps = github["jobs"]["digest"]["steps"]
    assert [s["with"]["path"] for s in steps if "actions/cache" in s.get("uses", "")] == [".plein-cache/digest"] * 2
    assert steps[-1]["if"] == "always()"  # saved also when the run failed halfway
    done = subprocess.run(["sh", "ci/digest.sh", "weekly"], cwd=repo, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin"})
    # a due digest that cannot be sent fails loudly (issue 29): a green job must mean it was sent
    assert done.returncode == 1 and "the weekly digest" in done.stderr and "PLEIN_SMTP_HOST" in done.stderr


def test_two_runs_at_once_do_not_both_send(intranet, smtp):
    import fcntl
    log = intranet / ".plein-cache" / "digest" / "sent.jsonl"
    log.parent.mkdir(parents=True)
    with log.open("a") as other:  # another `plein digest` holds the log
        fcntl.flock(other, fcntl.LOCK_EX)
        done = plein(intranet, "digest", "--now", NOW, env=smtp.env, check=False)
    assert done.returncode == 1 and "another `plein digest` is sending" in done.stderr
    assert smtp.inbox.messages == []


def test_a_busy_week_shows_the_newest_ten_and_links_to_the_rest(tmp_path):
    news = {f"content/news/2026/2026-11-27-bericht-{i:02d}.md":
            f"---\ntitle: Bericht {i:02d}\ndate: 2026-11-27 {8 + i // 6:02d}:{i % 6 * 10:02d}\n"
            "authors: [fatima-el-amrani]\n---\n\nTekst.\n" for i in range(12)}
    root = example_repo(tmp_path / "busy", news)
    done = plein(root, "digest", "--to-person", "sarah-oconnor", "--now", NOW)
    shown = [line for line in done.stdout.splitlines() if line.startswith("- Bericht")]
    assert shown == [f"- Bericht {i:02d} (27 november 2026)" for i in range(11, 1, -1)]  # newest first
    assert "… en nog 2 op het intranet http://127.0.0.1:8000/news/" in done.stdout
