"""`plein notify` (issue 25): the asker hears of a reply within minutes of its merge, and a
colleague named with @handle of being named; sent to a real SMTP server (aiosmtpd) from a real
Git repository, as the default branch's pipeline runs it after the build (`ci/digest.sh
instant`). Also: `notify: off` and hidden replies send nothing, a rebuild sends nothing twice,
and the pipelines run the job only on the default branch after publishing."""
from __future__ import annotations

import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml

from conftest import commit, git
from digest_helpers import REPO, SmtpServer, example_repo, plein, set_field

THREAD = "coordinatenstelsel-kaarten-omgevingsplan"  # a question by lotte-visser
ASKER = "lotte.visser@wetterveen.example"
MENTIONED = "fatima.elamrani@wetterveen.example"


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def intranet(tmp_path):
    """The example, committed long ago (so nothing in it is new)."""
    return example_repo(tmp_path / "intranet")


def local_now() -> datetime:
    return datetime.now(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None, second=0, microsecond=0)


def reply_file(root: Path, author: str, text: str, extra: str = "", minutes_ago: int = 1) -> str:
    when = local_now() - timedelta(minutes=minutes_ago)
    rel = f"content/discussions/{THREAD}/replies/{when:%Y-%m-%dT%H-%M}-{author}.md"
    (root / rel).write_text(f"---\nauthor: {author}\ndate: {when:%Y-%m-%d %H:%M}\n{extra}---\n{text}\n",
                            encoding="utf-8")
    return rel


def merge(root: Path, branch: str, message: str) -> None:
    """What the trusted merge does: the branch's commit (made days ago) merged into main now."""
    stamp = datetime.now().astimezone().isoformat(timespec="seconds")
    git(root, "checkout", "-q", "main")
    git(root, "merge", "-q", "--no-ff", "-m", message, branch, date=stamp)


def on_branch(root: Path, branch: str, write, days_ago: int = 5) -> str:
    """Files written by `write(root)` committed on a new branch, `days_ago` days ago."""
    git(root, "checkout", "-q", "-b", branch)
    rel = write(root)
    old = (datetime.now().astimezone() - timedelta(days=days_ago)).isoformat(timespec="seconds")
    commit(root, f"Add {rel}", date=old)
    git(root, "checkout", "-q", "main")
    return rel


def notify(root: Path, smtp, check: bool = True):
    return plein(root, "notify", env=smtp.env, check=check)


def test_the_asker_gets_a_mail_soon_after_the_reply_is_merged(intranet, smtp):
    arrived = []
    smtp.inbox.after = lambda n: arrived.append(time.monotonic())
    rel = on_branch(intranet, "reply", lambda root: reply_file(
        root, "jan-de-vries", "Gebruik RD New (EPSG:28992), dan sluiten de lagen aan."))
    merged = time.monotonic()
    merge(intranet, "reply", "Merge branch 'reply'")
    done = notify(intranet, smtp)  # the pipeline's job after `pages`: sh ci/digest.sh instant

    assert "1 instant e-mail(s) sent." in done.stdout
    (rcpt, msg), = smtp.inbox.messages
    assert rcpt == (ASKER,) and msg["X-Plein-Person"] == "lotte-visser"
    assert msg["Subject"].startswith("Jan de Vries reageerde op je vraag: ")
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    reply_id = Path(rel).stem
    link = f"http://127.0.0.1:8000/discussions/{THREAD}/#reply-{reply_id}"
    assert link in text and f'href="{link}"' in html
    assert "EPSG:28992" in text and "notify: off" in text
    seconds = arrived[0] - merged
    print(f"\nmerge to the asker's mail: {seconds:.2f} s (plein notify, as after `pages`)")
    assert seconds < 60


def test_a_rebuild_sends_no_second_mail(intranet, smtp):
    on_branch(intranet, "reply", lambda root: reply_file(root, "jan-de-vries", "Zie de handleiding."))
    merge(intranet, "reply", "Merge branch 'reply'")
    notify(intranet, smtp)
    again = notify(intranet, smtp)  # the next pipeline (a rebuild, a retried job)

    assert len(smtp.inbox.messages) == 1
    assert "0 instant e-mail(s) sent." in again.stdout and "1 already sent" in again.stdout


def test_a_mention_gets_its_mail_and_the_author_none(intranet, smtp):
    on_branch(intranet, "reply", lambda root: reply_file(
        root, "jan-de-vries", "@fatima-el-amrani weet dit vast, en `@tim-groen` staat in code; @jan-de-vries ook."))
    merge(intranet, "reply", "Merge branch 'reply'")
    notify(intranet, smtp)

    got = {m["X-Plein-Person"]: m for _, m in smtp.inbox.messages}
    assert sorted(got) == ["fatima-el-amrani", "lotte-visser"]  # not tim-groen (code), not the author
    mention = got["fatima-el-amrani"]
    assert mention["To"].addresses[0].addr_spec == MENTIONED
    assert mention["Subject"] == "Jan de Vries noemde je op het intranet"
    assert "noemde je in een reactie op" in mention.get_body(("plain",)).get_content()


def test_a_mention_in_a_status_update_links_to_it(intranet, smtp):
    when = local_now() - timedelta(minutes=1)

    def write(root):
        rel = f"content/updates/jan-de-vries/{when:%Y-%m-%d}-9.md"
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(f"---\ndate: {when:%Y-%m-%d %H:%M}\n---\nMooi werk van @fatima-el-amrani!\n")
        return rel
    on_branch(intranet, "update", write, days_ago=0)
    merge(intranet, "update", "Merge branch 'update'")
    notify(intranet, smtp)

    (rcpt, msg), = smtp.inbox.messages
    assert rcpt == (MENTIONED,)
    assert f"http://127.0.0.1:8000/people/jan-de-vries/#update-jan-de-vries-{when:%Y-%m-%d}-9" \
        in msg.get_body(("plain",)).get_content()


def test_what_staff_wrote_reaches_the_mail_as_text(intranet, smtp):
    on_branch(intranet, "reply", lambda root: reply_file(
        root, "jan-de-vries", '<img src=x onerror="alert(1)"><script>alert(2)</script> **vet** & <b>dik</b>'))
    merge(intranet, "reply", "Merge branch 'reply'")
    notify(intranet, smtp)

    (_, msg), = smtp.inbox.messages
    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html and "onerror" not in html and "<b>dik" not in html and "alert(2)" not in html
    assert "vet &amp; dik" in html  # the words, escaped; the markup gone
    assert len(msg.get_all("To")) == 1 and msg["To"].addresses[0].addr_spec == ASKER


def test_notify_off_and_digest_get_no_instant_mail(intranet, smtp):
    set_field(intranet, "lotte-visser", "notify: OFF")  # enums are case-insensitive
    set_field(intranet, "fatima-el-amrani", "notify: digest")
    commit(intranet, "Profiles", date=(datetime.now().astimezone() - timedelta(days=9)).isoformat())
    on_branch(intranet, "reply", lambda root: reply_file(root, "jan-de-vries", "Vraag het @fatima-el-amrani."))
    merge(intranet, "reply", "Merge branch 'reply'")
    done = notify(intranet, smtp)

    assert smtp.inbox.messages == [] and "0 instant e-mail(s) sent." in done.stdout


def test_notify_digest_hears_of_the_mention_in_the_digest(intranet, smtp):
    set_field(intranet, "fatima-el-amrani", "notify: digest")
    commit(intranet, "Profiles", date=(datetime.now().astimezone() - timedelta(days=9)).isoformat())
    on_branch(intranet, "reply", lambda root: reply_file(root, "jan-de-vries", "Vraag het @fatima-el-amrani."),
              days_ago=1)
    merge(intranet, "reply", "Merge branch 'reply'")
    notify(intranet, smtp)
    digest = plein(intranet, "digest", "--to-person", "fatima-el-amrani",
                   "--now", f"{local_now() + timedelta(minutes=1):%Y-%m-%d %H:%M}")

    assert [m["X-Plein-Person"] for _, m in smtp.inbox.messages] == ["lotte-visser"]
    assert "Collega's die je noemden" in digest.stdout and "Jan de Vries noemde je in" in digest.stdout


def test_a_notify_value_not_understood_mails_nobody(intranet, smtp):
    set_field(intranet, "lotte-visser", "notify: sometimes")
    commit(intranet, "Profiles", date=(datetime.now().astimezone() - timedelta(days=9)).isoformat())
    on_branch(intranet, "reply", lambda root: reply_file(root, "jan-de-vries", "Zie de kaart."))
    merge(intranet, "reply", "Merge branch 'reply'")
    done = notify(intranet, smtp)

    assert smtp.inbox.messages == []
    assert "profiles/lotte-visser.yml:" in done.stderr and "Fix: write notify: instant, digest or off" in done.stderr


def test_a_hidden_reply_sends_nothing(intranet, smtp):
    on_branch(intranet, "reply", lambda root: reply_file(
        root, "jan-de-vries", "Iets wat niet hoort, @fatima-el-amrani.",
        extra="hidden: true\nhidden_reason: persoonlijke gegevens\n"))
    merge(intranet, "reply", "Merge branch 'reply'")
    done = notify(intranet, smtp)

    assert smtp.inbox.messages == [] and "0 instant e-mail(s) sent." in done.stdout


def test_a_reply_hidden_after_its_merge_but_before_the_job_sends_nothing(intranet, smtp):
    rel = on_branch(intranet, "reply", lambda root: reply_file(root, "jan-de-vries", "Onzin."))
    merge(intranet, "reply", "Merge branch 'reply'")
    path = intranet / rel
    path.write_text(path.read_text().replace("---\nOnzin", "hidden: true\nhidden_reason: spam\n---\nOnzin"))
    commit(intranet, "Hide a reply", date=datetime.now().astimezone().isoformat(timespec="seconds"))
    notify(intranet, smtp)

    assert smtp.inbox.messages == []


def test_old_replies_and_other_branches_send_nothing(intranet, smtp):
    """Only what landed on the checked-out branch in the last days: the example's replies are
    old, and a reply still on its branch is not on the default branch."""
    on_branch(intranet, "reply", lambda root: reply_file(root, "jan-de-vries", "Nog niet gemerged."))
    done = notify(intranet, smtp)

    assert smtp.inbox.messages == [] and "0 instant e-mail(s) sent." in done.stdout


def test_without_history_nobody_is_mailed(tmp_path, smtp):
    root = tmp_path / "copy"
    (root / "profiles").mkdir(parents=True)
    (root / "content").mkdir()
    (root / "mkdocs.yml").write_text((REPO / "mkdocs.yml").read_text())
    done = notify(root, smtp, check=False)

    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert smtp.inbox.messages == []


# -- the pipelines: the job runs on the default branch's own pipeline, after publishing -----

def _truth(clause: str, env: dict) -> bool:
    value = lambda term: env.get(term[1:]) if term.startswith("$") else term.strip('"')
    for op in ("==", "!="):
        if op in clause:
            left, right = (value(t.strip()) for t in clause.split(op))
            return (left == right) == (op == "==")
    return bool(value(clause.strip()))


def _gitlab_runs(job: dict, env: dict) -> bool:
    for rule in job["rules"]:
        if "if" not in rule or any(all(_truth(c, env) for c in part.split("&&"))
                                   for part in rule["if"].split("||")):
            return rule.get("when", "on_success") != "never"
    return False


DEFAULT = {"CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"}


@pytest.mark.parametrize("env, runs", [
    ({**DEFAULT, "CI_PIPELINE_SOURCE": "push"}, True),  # a merge (the trusted merge pushes)
    ({"CI_PIPELINE_SOURCE": "merge_request_event", "CI_DEFAULT_BRANCH": "main",
      "CI_MERGE_REQUEST_IID": "7"}, False),
    ({"CI_PIPELINE_SOURCE": "merge_request_event", "CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"},
     False),
    ({"CI_PIPELINE_SOURCE": "push", "CI_COMMIT_BRANCH": "nieuws", "CI_DEFAULT_BRANCH": "main"}, False),
    ({**DEFAULT, "CI_PIPELINE_SOURCE": "trigger"}, False),  # the webhook's pipeline only decides
    ({**DEFAULT, "CI_PIPELINE_SOURCE": "schedule", "PLEIN_DIGEST": "weekly"}, False),
])
def test_gitlab_notify_job_runs_only_on_the_default_branch_after_pages(env, runs):
    ci = yaml.safe_load((REPO / "ci/gitlab-ci.yml").read_text())
    job = ci["notify"]
    assert job["needs"] == ["pages"] and job["script"] == ["sh ci/digest.sh instant"]
    assert job["extends"] == ".mail" and ci[".mail"]["resource_group"] == "plein-mail"
    assert ".plein-cache/digest/" in [p for c in ci[".mail"]["cache"] for p in c["paths"]]  # the send log
    assert _gitlab_runs(job, env) is runs
    if runs:  # what it needs ran in the same pipeline
        assert _gitlab_runs(ci["pages"], env) and ci["pages"]["needs"] == ["validate", "build"]


def test_github_notify_job_runs_only_for_pushes_to_main_after_the_deploy():
    flow = yaml.safe_load((REPO / ".github/workflows/intranet.yml").read_text())
    job = flow["jobs"]["notify"]
    assert "deploy" in job["needs"] and "build" in flow["jobs"]["deploy"]["needs"]
    assert "needs.deploy.result == 'success'" in job["if"]
    assert ("github.ref == 'refs/heads/main'" in job["if"]
            or "github.ref_name == github.event.repository.default_branch" in job["if"])
    assert "github.event_name == 'push'" in job["if"]
    assert "pull_request" not in job["if"]
    runs = [s for s in job["steps"] if "run" in s]
    assert [s["run"] for s in runs] == ["sh ci/digest.sh instant"]
    assert set(runs[0]["env"]) >= {"PLEIN_SMTP_HOST", "PLEIN_SMTP_PASSWORD", "PLEIN_MAIL_FROM"}
    saved = [s for s in job["steps"] if s.get("uses", "").startswith("actions/cache/save")]
    assert saved and saved[0]["if"] == "always()" and saved[0]["with"]["path"] == ".plein-cache/digest"
    assert job["concurrency"]["group"] == "plein-mail"


def test_digest_script_runs_plein_notify_for_instant():
    script = (REPO / "ci/digest.sh").read_text()
    assert "instant) .venv/bin/plein notify ;;" in script
