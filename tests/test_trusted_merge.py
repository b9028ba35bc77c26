"""The trusted merge (issue 28), run as in CI: `plein merge-request` in a clone of main, against a
local stand-in for GitLab's or GitHub's API (tests/forgeserver.py) over a real bare repository.

For both forges: an own reply is merged at its reviewed commit; a hostile MR that rewrites the
pipeline and its review script, run with GITLAB_USER_LOGIN set to someone else, is not; a push
between the check and the merge is not merged; an API error merges nothing and fails; and the
GitHub workflow never checks out or runs the pull request's code.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from forgeserver import FakeGitLab, FakeGitHub, FakeMR, git

REPO = Path(__file__).resolve().parents[1]
PLEIN = Path(sys.executable).parent / "plein"
THREAD = "content/discussions/thuiswerken-en-de-teamdag"
REPLY = f"{THREAD}/replies/2026-11-30T10-00-jan-de-vries.md"
JAN = "jdevries"  # Jan de Vries' forge_username in profiles/jan-de-vries.yml
OTHER = "fatima"  # someone else


@pytest.fixture
def origin(tmp_path) -> dict:
    """The example intranet as a bare 'origin', a clone of main where the job runs, and an
    author's clone to make merge requests in."""
    src = tmp_path / "src"
    src.mkdir()
    git(src, "init", "-q", "-b", "main")
    for name in ("profiles", "content", "ci", "schema"):
        shutil.copytree(REPO / name, src / name)
    for name in ("mkdocs.yml", ".gitlab-ci.yml", "CODEOWNERS"):
        shutil.copy(REPO / name, src / name)
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "The example")
    bare = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(src), str(bare))
    job = tmp_path / "job"
    git(tmp_path, "clone", "-q", str(bare), str(job))
    author = tmp_path / "author"
    git(tmp_path, "clone", "-q", str(bare), str(author))
    return {"bare": bare, "job": job, "author": author, "tmp": tmp_path}


@pytest.fixture(params=["gitlab", "github"])
def forge(request, origin):
    fake = (FakeGitLab if request.param == "gitlab" else FakeGitHub)(origin["bare"])
    fake.kind = request.param
    fake.labels_review = "plein::review" if request.param == "gitlab" else "plein-review"
    yield fake
    fake.close()


def branch(origin, name: str, files: dict, message: str = "Change", start: str = "origin/main") -> str:
    """A branch in the author's clone with these files, pushed to origin; its head commit."""
    author = origin["author"]
    git(author, "checkout", "-q", "-B", name, start)
    for rel, text in files.items():
        (author / rel).parent.mkdir(parents=True, exist_ok=True)
        (author / rel).write_text(text, encoding="utf-8")
    git(author, "add", "-A")
    git(author, "commit", "-q", "-m", message)
    git(author, "push", "-q", "origin", f"+{name}:refs/heads/{name}")
    return git(author, "rev-parse", "HEAD").strip()


def reply(text="Dinsdag past mij ook goed; ik neem de kaarten mee.") -> dict:
    return {REPLY: f"---\nauthor: jan-de-vries\ndate: 2026-11-30 10:00\n---\n\n{text}\n"}


def event(origin, forge, number) -> Path:
    """The webhook's payload as the job gets it; whatever else it says is not read."""
    path = origin["tmp"] / "payload.json"
    if forge.kind == "gitlab":
        data = {"object_kind": "merge_request", "user": {"username": JAN},
                "object_attributes": {"iid": number, "author_id": 1, "last_commit": {"id": "0" * 40},
                                      "target_branch": "main", "title": "$(touch pwned)"}}
    else:
        data = {"action": "opened", "pull_request": {"number": number, "user": {"login": JAN},
                                                     "head": {"sha": "0" * 40}}}
    path.write_text(json.dumps(data))
    return path


def run_job(origin, forge, *args, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GITLAB_", "GITHUB_", "CI_", "PLEIN_"))}
    env.update({"PLEIN_FORGE": forge.kind, "PLEIN_FORGE_URL": forge.url, "PLEIN_BOT_TOKEN": "bot-token",
                "NO_MKDOCS_2_WARNING": "1"})
    env.update({"CI_PROJECT_ID": "42"} if forge.kind == "gitlab" else {"GITHUB_REPOSITORY": FakeGitHub.REPO})
    env.update(extra_env or {})
    return subprocess.run([str(PLEIN), "merge-request", *args], cwd=origin["job"], env=env,
                          capture_output=True, text=True, timeout=300)


def on_main(origin, rel: str) -> bool:
    return subprocess.run(["git", "cat-file", "-e", f"refs/heads/main:{rel}"], cwd=origin["bare"],
                          capture_output=True).returncode == 0


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def test_an_own_reply_is_merged_at_its_reviewed_commit(origin, forge):
    head = branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(7, JAN, "cms/reply-jan"))
    started = time.perf_counter()
    done = run_job(origin, forge, "--event", str(event(origin, forge, 7)))
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stdout + done.stderr
    [(_, path, body)] = forge.merge_calls()
    assert body["sha"] == head and path.endswith("/7/merge")
    assert on_main(origin, REPLY)
    assert "merged at " + head[:12] in done.stdout
    assert not forge.notes() and not forge.label_calls()
    print(f"{forge.kind}: merge job against the local stand-in took {seconds:.2f} s")


def test_a_hostile_mr_that_rewrites_the_pipeline_is_not_merged(origin, forge):
    files = {**reply(),
             "ci/review.sh": "#!/bin/sh\necho '{\"decision\": \"publish\"}'\nexit 0\n",
             ".gitlab-ci.yml": "variables:\n  GITLAB_USER_LOGIN: jdevries\n"
                               "review:\n  script: [echo publish]\n"}
    branch(origin, "cms/reply-jan", files)
    forge.add(FakeMR(8, JAN, "cms/reply-jan"))
    done = run_job(origin, forge, "--event", str(event(origin, forge, 8)),
                   extra_env={"GITLAB_USER_LOGIN": OTHER, "GITHUB_ACTOR": OTHER})
    assert done.returncode == 0, done.stdout + done.stderr
    assert not forge.merge_calls() and not on_main(origin, REPLY)
    assert forge.label_calls() == [forge.labels_review]
    [note] = forge.notes()
    assert "moderator" in note and "ci/review.sh" in plain(note)
    assert "left for a moderator" in done.stdout


def test_a_push_between_the_check_and_the_merge_is_not_merged(origin, forge):
    head = branch(origin, "cms/reply-jan", reply())
    late = branch(origin, "late", {"content/help/index.md": "# Overgenomen\n"}, "A late push", start=head)
    forge.add(FakeMR(9, JAN, "cms/reply-jan", move_to=late))
    main_before = forge.tip("main")
    done = run_job(origin, forge, "9")
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(forge.merge_calls()) == 1, done.stdout
    [(_, _, body)] = forge.merge_calls()
    assert body["sha"] == head  # the reviewed commit, which is no longer the head
    assert forge.tip("main") == main_before and not on_main(origin, REPLY)
    assert "not merged: the branch moved after the check" in done.stdout


def test_while_the_mrs_checks_run_the_merge_waits_pinned(origin, forge):
    """GitLab with "Pipelines must succeed": auto_merge at the reviewed sha (a later push cancels
    it). GitHub with required checks: not mergeable yet; the next event or sweep merges it."""
    head = branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(18, JAN, "cms/reply-jan", checks_pending=True))
    done = run_job(origin, forge, "18")
    assert done.returncode == 0, done.stdout + done.stderr
    [(_, _, body)] = forge.merge_calls()
    assert body["sha"] == head and not on_main(origin, REPLY)
    if forge.kind == "gitlab":
        assert body["auto_merge"] is True and "merges when its pipeline succeeds" in done.stdout
    else:
        assert "not merged: not mergeable now" in done.stdout
    forge.mrs[18].checks_pending = False
    done = run_job(origin, forge, "--sweep")
    assert done.returncode == 0 and on_main(origin, REPLY)


def test_a_second_event_does_not_repeat_the_comment(origin, forge):
    branch(origin, "cms/other", {"content/help/index.md": "# Overgenomen\n"})
    forge.add(FakeMR(19, JAN, "cms/other"))
    for _ in range(2):
        done = run_job(origin, forge, "19")
        assert done.returncode == 0, done.stdout + done.stderr
    assert len(forge.notes()) == 1 and len(forge.label_calls()) == 1 and not forge.merge_calls()


def test_an_api_error_merges_nothing_and_fails(origin, forge):
    branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(10, JAN, "cms/reply-jan"))
    forge.fail.add("/10")
    done = run_job(origin, forge, "10")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "HTTP 500" in done.stderr and "nothing was merged" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not forge.merge_calls() and not on_main(origin, REPLY)


def test_an_error_at_the_merge_itself_fails_closed(origin, forge):
    branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(11, JAN, "cms/reply-jan"))
    forge.fail.add("/merge")
    done = run_job(origin, forge, "11")
    assert done.returncode == 1 and "nothing was merged" in done.stderr
    assert not on_main(origin, REPLY)


def test_someone_else_pushing_to_the_branch_leaves_it_for_review(origin, forge):
    """The branch carries only Jan's reply, but the forge says another account pushed it."""
    branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(12, JAN, "cms/reply-jan"), pusher=OTHER)
    done = run_job(origin, forge, "12")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not forge.merge_calls() and not on_main(origin, REPLY)
    [note] = forge.notes()
    assert OTHER in plain(note)


def test_a_push_the_forge_does_not_know_about_is_not_trusted(origin, forge):
    branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(13, JAN, "cms/reply-jan"))
    forge.pushes.clear()  # the forge no longer has the event (expired, or a bulk push)
    done = run_job(origin, forge, "13")
    assert done.returncode == 0 and not forge.merge_calls()
    assert forge.label_calls() == [forge.labels_review]


@pytest.mark.parametrize("change, said", [
    ({"draft": True}, "draft"), ({"state": "closed"}, "closed"), ({"target": "archief"}, "not the default branch"),
])
def test_drafts_closed_mrs_and_other_targets_are_left_alone(origin, forge, change, said):
    branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(14, JAN, "cms/reply-jan", **change))
    done = run_job(origin, forge, "14")
    assert done.returncode == 0 and said in done.stdout
    assert not forge.merge_calls() and not forge.notes() and not forge.label_calls()


def test_a_fork_is_left_for_review(origin, forge):
    branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(15, JAN, "cms/reply-jan", fork=True))
    done = run_job(origin, forge, "15")
    assert done.returncode == 0 and not forge.merge_calls()
    assert "fork" in forge.notes()[0]


def test_the_sweep_checks_every_open_mr_to_main(origin, forge):
    branch(origin, "cms/reply-jan", reply())
    forge.add(FakeMR(16, JAN, "cms/reply-jan"))
    branch(origin, "plein/elsewhere", {"content/help/nieuw.md": "# Nieuw\n"})
    forge.add(FakeMR(17, JAN, "plein/elsewhere", target="archief"))
    done = run_job(origin, forge, "--sweep")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [c[1].rsplit("/", 2)[-2] for c in forge.merge_calls()] == ["16"]
    assert on_main(origin, REPLY)


@pytest.mark.parametrize("payload", [
    {"object_kind": "merge_request", "object_attributes": {"iid": "7; rm -rf /"}},
    {"object_kind": "merge_request", "object_attributes": {"iid": -7}},
    {"object_kind": "merge_request", "object_attributes": {"iid": True}},
    {"pull_request": {"number": "$(id)"}},
])
def test_only_a_whole_number_is_taken_from_the_event(origin, forge, payload):
    path = origin["tmp"] / "bad.json"
    path.write_text(json.dumps(payload))
    done = run_job(origin, forge, "--event", str(path))
    expected_kind = "gitlab" if "object_kind" in payload else "github"
    if forge.kind == expected_kind:
        assert done.returncode == 1 and "positive whole number" in done.stderr
    else:
        assert done.returncode == 0 and "nothing to do" in done.stdout
    assert not forge.calls


def test_the_token_goes_only_to_https_or_this_machine(origin, forge):
    done = run_job(origin, forge, "7", extra_env={"PLEIN_FORGE_URL": "http://forge.example.org"})
    assert done.returncode == 1 and "not https" in done.stderr


# -- the GitHub workflow never runs the pull request's code --------------------------------------

TRUSTED = REPO / ".github/workflows/trusted-merge.yml"
HEAD_REFS = re.compile(r"github\.event\.pull_request\.head\.|github\.head_ref|refs/pull/|"
                       r"github\.event\.pull_request\.merge_commit_sha|github\.event\.workflow_run\.head")


def test_the_github_workflow_never_checks_out_or_runs_the_pull_requests_code():
    flow = yaml.safe_load(TRUSTED.read_text())
    triggers = flow.get("on", flow.get(True))
    assert "pull_request_target" in triggers and "pull_request" not in triggers
    for name, job in flow["jobs"].items():
        for step in job["steps"]:
            uses, run = step.get("uses", ""), step.get("run", "")
            if uses.startswith("actions/checkout"):
                ref = str(step.get("with", {}).get("ref", ""))
                assert ref == "${{ github.event.repository.default_branch }}", (name, step)
            assert not HEAD_REFS.search(json.dumps(step)), (name, step)
            assert "cache" not in uses, "no caches shared with pull_request_target"
            if run:
                # only the default branch's own script runs; the PR's head is fetched as data
                assert run.strip() in RUNS, run
    assert flow["permissions"] == {}
    text = TRUSTED.read_text()
    assert "GITHUB_TOKEN" in text and "create-github-app-token" in text


RUNS = {'sh ci/merge-request.sh --event "$GITHUB_EVENT_PATH"', "sh ci/merge-request.sh --sweep",
        'gh workflow run intranet.yml --ref "${DEFAULT_BRANCH:-main}"'}


def test_the_github_workflow_publishes_after_a_merge_by_github_token():
    steps = yaml.safe_load(TRUSTED.read_text())["jobs"]["decide"]["steps"]
    publish = next(s for s in steps if s.get("run", "").startswith("gh workflow run intranet.yml"))
    assert "steps.decide.outputs.merged == 'true'" in publish["if"] and "PLEIN_APP_CLIENT_ID == ''" in publish["if"]
    intranet = yaml.safe_load((REPO / ".github/workflows/intranet.yml").read_text())
    assert "workflow_dispatch" in intranet.get("on", intranet.get(True))


def test_the_trusted_merge_script_fetches_the_head_as_data_only():
    code = [line for line in (REPO / "ci/merge-request.sh").read_text().splitlines()
            if line.strip() and not line.lstrip().startswith("#")]
    assert not [line for line in code if "git " in line or "checkout" in line or "eval" in line]
    assert any(".venv/bin/plein merge-request --event" in line for line in code)
    job = (REPO / "plugins/plein/forge/job.py").read_text()
    assert '"fetch"' in job and '"checkout"' not in job and "shell=True" not in job
