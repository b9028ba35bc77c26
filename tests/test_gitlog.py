"""plein.git.log.scan on real git repositories with fixed identities and dates."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path, PurePath

import pytest

from plein.git import log as gitlog
from plein.git.log import SHALLOW_WARNING, scan

ANNA = ("Anna de Vries", "anna@gemeente.example")
BRAM = ("Bram Bakker", "bram@gemeente.example")
CEM = ("Cem Yılmaz", "cem@gemeente.example")


@pytest.fixture(autouse=True)
def isolated_git(tmp_path, monkeypatch):
    """No user or system git configuration leaks in; `main` is the default branch."""
    config = tmp_path / "gitconfig"
    config.write_text("[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(name, raising=False)


def git(repo: Path, *args: str, who=ANNA, date="2024-01-01T12:00:00+01:00", ok=True) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": who[0], "GIT_AUTHOR_EMAIL": who[1],
           "GIT_COMMITTER_NAME": who[0], "GIT_COMMITTER_EMAIL": who[1],
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    done = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)
    assert (done.returncode == 0) == ok, done.stdout + done.stderr
    return done.stdout


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    git(path, "init", "-q")
    return path


def commit(repo: Path, files: dict, who, date: str, message: str = "Update") -> None:
    """Write (text) or delete (None) files, then commit everything as `who` at `date`."""
    for rel, text in files.items():
        target = repo / rel
        if text is None:
            target.unlink()
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, who=who, date=date)


def test_last_update_and_contributors_follow_several_commits(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    commit(repo, {"profiles/a/anna.yml": "name: Anna\n", "content/news/fiets.md": "# Fiets\n",
                  "README.md": "hi\n"}, ANNA, "2024-03-01T10:00:00+01:00")
    commit(repo, {"content/news/fiets.md": "# Fietsen\n"}, BRAM, "2024-03-02T11:00:00+01:00")
    commit(repo, {"profiles/a/anna.yml": "name: Anna V\n"}, CEM, "2024-03-03T12:00:00+01:00")
    commit(repo, {"content/news/fiets.md": "# Fietsplan\n", "README.md": "hello\n"},
           ("Anna V. de Vries", "ANNA@gemeente.example"), "2024-04-04T09:30:00+02:00")
    (repo / "content/draft.md").write_text("not committed\n")

    history = scan(repo)

    assert history.warning == ""
    news = history.for_path("content/news/fiets.md")
    # The author's own wall-clock time, at +02:00, not converted to UTC or to local time.
    assert news.updated == datetime(2024, 4, 4, 9, 30)
    # Unique by e-mail regardless of case; the newest name is kept; newest first.
    assert news.authors == (("Anna V. de Vries", "ANNA@gemeente.example"), BRAM)
    profile = history.for_path(PurePath("profiles/a/anna.yml"))
    assert (profile.updated, profile.authors) == (datetime(2024, 3, 3, 12, 0), (CEM, ANNA))
    assert history.for_path("README.md") is None  # only profiles/ and content/
    assert history.for_path("content/draft.md") is None  # uncommitted
    assert set(history.files) == {"content/news/fiets.md", "profiles/a/anna.yml"}


def test_a_merge_counts_for_files_it_changed_itself(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    commit(repo, {"content/page.md": "one\n", "content/other.md": "a\n"}, ANNA,
           "2024-05-01T09:00:00+02:00")
    git(repo, "checkout", "-q", "-b", "side")
    commit(repo, {"content/page.md": "two (Bram)\n", "content/other.md": "b\n"}, BRAM,
           "2024-05-02T09:00:00+02:00")
    git(repo, "checkout", "-q", "main")
    commit(repo, {"content/page.md": "two (Anna)\n"}, ANNA, "2024-05-03T09:00:00+02:00")
    assert "CONFLICT" in git(repo, "merge", "side", who=CEM, ok=False)  # Cem resolves it:
    (repo / "content/page.md").write_text("two (Anna and Bram)\n")
    commit(repo, {}, CEM, "2024-05-04T15:00:00+02:00", "Merge branch 'side'")

    history = scan(repo)

    page = history.for_path("content/page.md")
    assert page.updated == datetime(2024, 5, 4, 15, 0)
    assert page.authors == (CEM, ANNA, BRAM)
    other = history.for_path("content/other.md")  # merged cleanly: the merger is no author
    assert (other.updated, other.authors) == (datetime(2024, 5, 2, 9, 0), (BRAM, ANNA))
    assert [c.message for c in history.recent][:1] == ["Merge branch 'side'"]


def test_paths_with_spaces_quotes_and_non_ascii_names(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    names = ["content/Nieuws en zo/café ü.md", 'content/"quoted" name.md',
             "profiles/ö/jürgen ß.yml", "content/日本語.md"]
    commit(repo, {n: "x\n" for n in names}, ANNA, "2024-06-01T08:00:00+02:00")
    commit(repo, {names[0]: "y\n"}, BRAM, "2024-06-02T08:00:00+02:00")

    history = scan(repo)

    assert set(history.files) == set(names)
    assert history.for_path(names[0]).authors == (BRAM, ANNA)
    for name in names[1:]:
        assert history.for_path(name).updated == datetime(2024, 6, 1, 8, 0)
    assert (repo / names[0]).is_file()  # the keys are the names on disk


def test_recent_changes_are_newest_first_and_limited(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    for day, who in enumerate((ANNA, BRAM, CEM, ANNA, BRAM), start=1):
        commit(repo, {f"content/day-{day}.md": "x\n", "profiles/b/bram.yml": f"v: {day}\n"},
               who, f"2024-07-0{day}T10:00:00+02:00", f"Day {day}\n\nA longer body.")
    commit(repo, {"README.md": "only outside the site\n"}, CEM, "2024-07-09T10:00:00+02:00")

    history = scan(repo, recent=3)

    assert [(c.date, c.author, c.email, c.message) for c in history.recent] == [
        (datetime(2024, 7, 5, 10, 0), *BRAM, "Day 5"),
        (datetime(2024, 7, 4, 10, 0), *ANNA, "Day 4"),
        (datetime(2024, 7, 3, 10, 0), *CEM, "Day 3")]
    assert history.recent[0].paths == ("content/day-5.md", "profiles/b/bram.yml")
    head = git(repo, "rev-parse", "HEAD~1").strip()
    assert history.recent[0].commit == head
    assert history.for_path("profiles/b/bram.yml").authors == (BRAM, ANNA, CEM)


def test_contributors_are_capped(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    for i in range(gitlog.MAX_AUTHORS + 3):
        commit(repo, {"content/busy.md": f"{i}\n"}, (f"Person {i}", f"p{i}@x.example"),
               f"2024-08-01T10:{i:02d}:00+02:00")
    authors = scan(repo).for_path("content/busy.md").authors
    assert len(authors) == gitlog.MAX_AUTHORS
    assert authors[0] == ("Person 22", "p22@x.example")


def test_a_renamed_file_starts_a_fresh_history(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    commit(repo, {"content/old.md": "text\n"}, ANNA, "2024-09-01T10:00:00+02:00")
    git(repo, "mv", "content/old.md", "content/new.md")
    commit(repo, {}, BRAM, "2024-09-02T10:00:00+02:00", "Rename")
    new = scan(repo).for_path("content/new.md")
    assert (new.updated, new.authors) == (datetime(2024, 9, 2, 10, 0), (BRAM,))


def test_not_a_repository_gives_a_warning_and_no_history(tmp_path):
    folder = tmp_path / "plain"
    (folder / "content").mkdir(parents=True)
    (folder / "content/page.md").write_text("x\n")
    history = scan(folder)
    assert history.files == {} and history.recent == []
    assert "not a git repository" in history.warning
    assert "git: false" in history.warning  # the way out
    assert "is not a folder" in scan(tmp_path / "missing").warning


def test_empty_repository_gives_a_warning(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    (repo / "content").mkdir()
    (repo / "content/page.md").write_text("not committed yet\n")
    history = scan(repo)
    assert history.files == {}
    assert "no commits yet" in history.warning and "git commit" in history.warning


def test_shallow_clone_still_scans_and_says_how_to_fix_it(tmp_path):
    origin = new_repo(tmp_path / "origin")
    commit(origin, {"content/page.md": "1\n"}, ANNA, "2024-10-01T10:00:00+02:00")
    commit(origin, {"content/page.md": "2\n", "profiles/c/cem.yml": "x\n"}, BRAM,
           "2024-10-02T10:00:00+02:00")
    commit(origin, {"profiles/c/cem.yml": "y\n"}, CEM, "2024-10-03T10:00:00+02:00")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "clone")

    history = scan(tmp_path / "clone")

    assert history.warning == SHALLOW_WARNING
    assert "git fetch --unshallow" in history.warning and "fetch-depth: 0" in history.warning
    # Only the tip is there: every file seems last changed by its author.
    assert history.for_path("content/page.md").authors == (CEM,)
    assert history.for_path("profiles/c/cem.yml").updated == datetime(2024, 10, 3, 10, 0)


def test_root_in_a_subfolder_of_the_work_tree(tmp_path):
    repo = new_repo(tmp_path / "mono")
    commit(repo, {"intranet site/content/page.md": "x\n", "intranet site/profiles/a/ab.yml": "x\n",
                  "content/not-the-site.md": "x\n", "intranet site/docs/other.md": "x\n"},
           ANNA, "2024-11-01T10:00:00+01:00")
    commit(repo, {"intranet site/content/page.md": "y\n"}, BRAM, "2024-11-02T10:00:00+01:00")

    history = scan(repo / "intranet site")

    assert set(history.files) == {"content/page.md", "profiles/a/ab.yml"}
    assert history.for_path("content/page.md").authors == (BRAM, ANNA)
    assert history.recent[0].paths == ("content/page.md",)


def test_git_missing_gives_a_warning(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    commit(repo, {"content/page.md": "x\n"}, ANNA, "2024-12-01T10:00:00+01:00")
    empty_path = tmp_path / "no-programs"
    empty_path.mkdir()
    code = ("import sys; from plein.git.log import scan; h = scan(sys.argv[1]); "
            "print(len(h.files)); print(h.warning)")
    done = subprocess.run([sys.executable, "-c", code, str(repo)], capture_output=True,
                          text=True, env={**os.environ, "PATH": str(empty_path)})
    assert done.returncode == 0, done.stderr
    count, warning = done.stdout.split("\n", 1)
    assert count == "0"
    assert "`git` program was not found" in warning and "install Git" in warning


def test_added_is_the_first_commit_of_a_file_and_updated_the_last(tmp_path):
    repo = new_repo(tmp_path / "intranet")
    commit(repo, {"content/a.md": "one\n"}, ANNA, "2024-02-01T09:00:00+01:00")
    commit(repo, {"content/a.md": "two\n", "content/b.md": "new\n"}, BRAM, "2024-02-08T10:00:00+01:00")
    commit(repo, {"content/a.md": "three\n"}, CEM, "2024-02-15T11:00:00+01:00")

    history = scan(repo)

    a, b = history.for_path("content/a.md"), history.for_path("content/b.md")
    assert (a.added, a.updated) == (datetime(2024, 2, 1, 9, 0), datetime(2024, 2, 15, 11, 0))
    assert (b.added, b.updated) == (datetime(2024, 2, 8, 10, 0), datetime(2024, 2, 8, 10, 0))
