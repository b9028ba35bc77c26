"""The contribution commands against a real Git server (file:// and smart HTTP): each writes
exactly one new file on a new branch, pushes it with merge-request push options, prints the
link, and never loses or disturbs the user's work."""
from __future__ import annotations

import shlex
import subprocess
from pathlib import Path

import pytest

from gitserver import MKDOCS, GitServer, seed
from plein.cli import main
from plein.model.parse import parse_file

THREAD = "hoe-vraag-ik-een-parkeervergunning-aan"
REPLY = f"content/discussions/{THREAD}/replies/2026-11-02T10-15-jan-de-vries.md"
WHEN = ["--date", "2026-11-02 10:15"]


def git(cwd, *args) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def server(tmp_path):
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv)
        yield srv


def make_clone(srv: GitServer, path: Path, url: str, email="jan@wetterveen.example") -> Path:
    subprocess.run(["git", "clone", "--quiet", url, str(path)], check=True, capture_output=True)
    git(path, "config", "user.name", "Jan de Vries")
    git(path, "config", "user.email", email)
    return path


@pytest.fixture(params=["file", "http"])
def clone(request, server, tmp_path):
    url = server.file_url if request.param == "file" else server.http_url
    return make_clone(server, tmp_path / "clone", url)


@pytest.fixture
def file_clone(server, tmp_path):
    return make_clone(server, tmp_path / "clone", server.file_url)


def plein(capsys, clone: Path, *args):
    rc = main([*args, "--root", str(clone)])
    out = capsys.readouterr()
    return rc, out.out, out.err


def pushed_branch(srv: GitServer, kind: str) -> str:
    [branch] = [b for b in srv.branches() if b.startswith(f"plein/{kind}/")]
    return branch


def files_of(repo_path: Path, ref: str) -> list[str]:
    return git(repo_path, "diff-tree", "--no-commit-id", "--name-only", "-r", ref).split()


def state(clone: Path) -> tuple[str, str]:
    return git(clone, "branch", "--show-current").strip(), git(clone, "status", "--porcelain")


def test_reply_opens_a_merge_request(capsys, clone, server):
    rc, out, err = plein(capsys, clone, "reply", THREAD, "-m", "Via **de website**.", "--yes", *WHEN)
    assert rc == 0, err
    # what happens next, in the site's language: Jan has a forge username, a reply publishes at once
    assert "Je reactie staat binnen een paar minuten op het intranet" in out
    branch = pushed_branch(server, "reply")
    assert branch.startswith(f"plein/reply/{THREAD}/")
    assert files_of(server.path, branch) == [REPLY]
    parsed = parse_file(REPLY, server.show(f"{branch}:{REPLY}").encode())
    assert parsed.record.author == "jan-de-vries" and parsed.record.body == "Via **de website**."
    assert git(server.path, "log", "-1", "--format=%an <%ae>", branch).strip() == \
        "Jan de Vries <jan@wetterveen.example>"
    options = server.pushes()[-1]["options"]
    assert options[:2] == ["merge_request.create", "merge_request.target=main"]
    assert "merge_request.title=Reply to 'Hoe vraag ik een parkeervergunning aan?'" in options
    assert any(o.startswith("merge_request.description=Jan de Vries replies") for o in options)
    assert "merge_request.remove_source_branch" in options
    assert "Merge request: http://forge.invalid/intranet/-/merge_requests/" in out
    assert state(clone) == ("main", "")  # still on main, nothing written in the checkout


def test_push_refused_keeps_the_branch_and_prints_the_retry(capsys, clone, server):
    server.refuse()
    rc, out, err = plein(capsys, clone, "reply", THREAD, "-m", "Hallo", "--yes", *WHEN)
    assert rc == 1
    assert "declined" in err and "is safe on the branch plein/reply/" in err
    branch = err.split("safe on the branch ")[1].split(".")[0]
    assert files_of(clone, branch) == [REPLY]
    assert state(clone) == ("main", "")
    retry = err.strip().splitlines()[-1].strip()
    assert retry.startswith("git push --push-option=merge_request.create")
    server.refuse(False)
    subprocess.run(shlex.split(retry), cwd=clone, check=True, capture_output=True)
    assert branch in server.branches()
    assert "merge_request.create" in server.pushes()[-1]["options"]


def test_no_network_fails_cleanly(capsys, file_clone, server):
    git(file_clone, "remote", "set-url", "origin", "http://127.0.0.1:9/intranet.git")  # discard port: closed
    rc, out, err = plein(capsys, file_clone, "reply", THREAD, "-m", "Hallo", "--yes", *WHEN)
    assert rc == 1
    assert "could not fetch origin/main" in err
    assert "the push to origin failed" in err and "git push --push-option" in err
    assert "Traceback" not in err
    assert any(b.startswith("plein/reply/") for b in git(file_clone, "branch", "--format=%(refname:short)").split())
    assert state(file_clone) == ("main", "")


def test_no_push_commits_offline_and_prints_the_push_command(capsys, clone, server):
    before = len(server.pushes())
    rc, out, err = plein(capsys, clone, "update", "-m", "Werk aan de omgevingsvisie.", "--yes",
                         "--no-push", *WHEN)
    assert rc == 0, err
    assert len(server.pushes()) == before
    command = out.strip().splitlines()[-1].strip()
    assert command.startswith("git push ") and "merge_request.create" in command
    subprocess.run(shlex.split(command), cwd=clone, check=True, capture_output=True)
    branch = pushed_branch(server, "update")
    assert files_of(server.path, branch) == ["content/updates/jan-de-vries/2026-11-02-1.md"]


def test_same_file_dirty_is_left_alone_and_not_reused(capsys, file_clone, server):
    mine = file_clone / REPLY
    mine.parent.mkdir(parents=True)
    mine.write_text("my own draft\n")
    rc, out, err = plein(capsys, file_clone, "reply", THREAD, "-m", "Hallo", "--yes", *WHEN)
    assert rc == 0, err
    assert mine.read_text() == "my own draft\n"
    assert files_of(server.path, pushed_branch(server, "reply")) == [REPLY.replace("T10-15", "T10-16")]


def test_other_dirty_files_are_untouched(capsys, file_clone, server):
    git(file_clone, "switch", "-q", "-c", "my-work")
    profile = file_clone / "profiles/jan-de-vries.yml"
    profile.write_text(profile.read_text() + "phone: '+31 30 123 4567'\n")
    (file_clone / "notes.txt").write_text("half-written\n")
    git(file_clone, "add", "notes.txt")
    (file_clone / "scratch.md").write_text("untracked\n")
    before = state(file_clone)
    rc, out, err = plein(capsys, file_clone, "reply", THREAD, "-m", "Hallo", "--yes", *WHEN)
    assert rc == 0, err
    assert state(file_clone) == before and before[0] == "my-work"
    assert "phone:" in profile.read_text() and (file_clone / "scratch.md").read_text() == "untracked\n"
    assert files_of(server.path, pushed_branch(server, "reply")) == [REPLY]  # not the dirty files


def test_existing_file_is_never_overwritten(tmp_path, capsys):
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv, {REPLY: "---\nauthor: jan-de-vries\ndate: 2026-11-02 10:15\n---\n\nEerder.\n"})
        clone = make_clone(srv, tmp_path / "clone", srv.file_url)
        rc, out, err = plein(capsys, clone, "reply", THREAD, "-m", "Hallo", "--yes", *WHEN)
        assert rc == 0, err  # the next free minute: the reply on main stays as it is
        assert files_of(srv.path, pushed_branch(srv, "reply")) == [REPLY.replace("T10-15", "T10-16")]
        assert srv.show(f"main:{REPLY}").endswith("Eerder.\n")


def test_invalid_input_is_refused_with_the_validation_message(capsys, clone, server):
    rc, out, err = plein(capsys, clone, "kudos", "fatima-el-amrani", "-m", "Dank!", "--yes", *WHEN)
    assert rc == 1
    assert "Fatima El Amrani has not opted in to kudos" in err and "nothing was committed" in err
    assert "plein kudos --team ruimte" in err
    assert not [b for b in git(clone, "branch", "--format=%(refname:short)").split() if b.startswith("plein/")]
    assert len(server.pushes()) == 1  # only the seed
    rc, out, err = plein(capsys, clone, "update", "-m", "x" * 600, "--yes", *WHEN)
    assert rc == 1 and "content/updates/jan-de-vries/2026-11-02-1.md:5:1: text is too long" in err


def test_unknown_identity_is_refused_with_the_fix(capsys, tmp_path, server):
    clone = make_clone(server, tmp_path / "c", server.file_url, email="eve@elsewhere.example")
    rc, out, err = plein(capsys, clone, "update", "-m", "Hoi", "--yes")
    assert rc == 1 and "no profile has your git e-mail 'eve@elsewhere.example'" in err and "--as" in err


def test_ask_writes_a_question(capsys, clone, server):
    rc, out, err = plein(capsys, clone, "ask", "--title", "Wie kent QGIS?", "--tags", "gis, qgis",
                         "-m", "Ik zoek hulp met kaarten.", "--yes", *WHEN)
    assert rc == 0, err
    rel = "content/discussions/wie-kent-qgis/index.md"
    branch = pushed_branch(server, "ask")
    assert files_of(server.path, branch) == [rel]
    thread = parse_file(rel, server.show(f"{branch}:{rel}").encode()).record
    assert (thread.title, thread.author, thread.kind, thread.tags) == \
        ("Wie kent QGIS?", "jan-de-vries", "question", ("gis", "qgis"))


def test_kudos_to_a_team_and_as_someone_else(capsys, clone, server):
    rc, out, err = plein(capsys, clone, "kudos", "--team", "ruimte", "-m", "Top!", "--yes", *WHEN)
    assert rc == 0, err
    rc, out, err = plein(capsys, clone, "kudos", "jan-de-vries", "-m", "Dank je!", "--yes",
                         "--as", "fatima-el-amrani", *WHEN)
    assert rc == 0, err
    names = sorted(f for b in server.branches() if b.startswith("plein/kudos/") for f in files_of(server.path, b))
    assert names == ["content/kudos/2026/2026-11-02-fatima-el-amrani-1.md",
                     "content/kudos/2026/2026-11-02-jan-de-vries-1.md"]


def test_news_can_be_scheduled(capsys, clone, server):
    rc, out, err = plein(capsys, clone, "news", "--title", "Nieuwe parkeerregels", "-m", "Vanaf 1 december.",
                         "--summary", "Wat verandert er?", "--expires", "2027-01-01", "--yes",
                         "--date", "2026-12-01 09:00")
    assert rc == 0, err
    rel = "content/news/2026/2026-12-01-nieuwe-parkeerregels.md"
    item = parse_file(rel, server.show(f"{pushed_branch(server, 'news')}:{rel}").encode()).record
    assert item.authors == ("jan-de-vries",) and str(item.date) == "2026-12-01 09:00:00"
    assert "merge_request.title=News: Nieuwe parkeerregels" in server.pushes()[-1]["options"]


def test_a_reply_is_stamped_in_the_sites_time_zone_whatever_the_machines_clock(capsys, file_clone, server,
                                                                               monkeypatch):
    """A laptop or runner on UTC: the reply still says the Amsterdam time the author sees."""
    import time
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        rc, out, err = plein(capsys, file_clone, "reply", THREAD, "-m", "Nu.", "--yes")
        expected = datetime.now(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None, second=0, microsecond=0)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert rc == 0, err
    branch = pushed_branch(server, "reply")
    [rel] = files_of(server.path, branch)
    stamped = parse_file(rel, server.show(f"{branch}:{rel}").encode()).record.date
    assert expected - timedelta(minutes=1) <= stamped <= expected, (stamped, expected)


def test_a_reply_above_the_hourly_limit_says_a_moderator_looks_first(capsys, tmp_path):
    """Jan replied at 10:00; with at most one own contribution an hour, the next one within that
    hour goes to a moderator (the policy's flood limit), and the command says so, not 'live'."""
    earlier = f"content/discussions/{THREAD}/replies/2026-11-02T10-00-jan-de-vries.md"
    with GitServer(tmp_path) as srv:
        seed(tmp_path / "seed", srv, {earlier: "---\nauthor: jan-de-vries\ndate: 2026-11-02 10:00\n---\n\nEerst.\n",
                                      "mkdocs.yml": MKDOCS + "      publish_per_hour: 1\n"})
        clone = make_clone(srv, tmp_path / "clone", srv.file_url)
        rc, out, err = plein(capsys, clone, "reply", THREAD, "-m", "Nog een.", "--yes", *WHEN)
    assert rc == 0, err
    assert "Dit gaat eerst langs een moderator, omdat je het afgelopen uur al 1 bijdrage plaatste" in out
    assert "binnen een paar minuten" not in out
