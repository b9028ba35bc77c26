"""`plein serve` publishes as the forge's trusted job does (issue 28): a cms/… branch of the web
editor is decided by the policy of `main`, for the repository's own git user (the profile with
`git config user.email`), and what is `publish` is merged into the local `main`, exactly the
commit that was decided, without touching the user's uncommitted work.

First the watcher on its own (`Publisher.poll`) on real Git repositories of the example; then
`plein serve` with the editor's local backend (decap-server) and Chromium: a reply saved in the
editor, and branches pushed into the repository as decap-server's hook pushes them, go live
(or say why not) within seconds."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from plein.serve.publish import Publisher
from test_serve import fetch, free_port

REPO = Path(__file__).resolve().parents[1]
PLEIN = Path(sys.executable).with_name("plein")
ME, EMAIL = "jan-de-vries", "jan.devries@wetterveen.example"
THREAD = "zaaksysteem-koppelen-aan-bag-api"
LIVE_WITHIN = 30  # seconds from the branch (or the Save click) to the reply on the served page


def git(root: Path, *args: str, check: bool = True) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True)
    if check and done.returncode:
        raise AssertionError(f"git {' '.join(args)}: {done.stderr}")
    return done.stdout


def example(root: Path) -> Path:
    """The example in a fresh repository on main, whose user is Jan de Vries (forge_username jdevries)."""
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / ".gitignore").write_text("/node_modules\n/site/\n/.plein-cache/\n")
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Jan de Vries")
    git(root, "config", "user.email", EMAIL)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The example")
    return root


def push_branch(root: Path, branch: str, files: dict, symlinks: dict = None) -> str:
    """A commit on cms/<branch> made in a clone and pushed into the repository, as decap-server's
    clone and its post-commit hook do; returns its sha."""
    clone = root.parent / f"clone-{branch.replace('/', '-')}-{time.monotonic_ns()}"
    git(root.parent, "clone", "-q", "--branch", "main", str(root), str(clone))
    git(clone, "checkout", "-q", "-b", f"cms/{branch}")
    for rel, text in files.items():
        (clone / rel).parent.mkdir(parents=True, exist_ok=True)
        (clone / rel).write_text(text, encoding="utf-8")
    for rel, target in (symlinks or {}).items():
        (clone / rel).symlink_to(target)
    git(clone, "add", "-A")
    git(clone, "-c", "user.name=Decap", "-c", f"user.email={EMAIL}", "commit", "-q", "-m", f"Save {branch}")
    git(clone, "push", "-q", "--force", "origin", f"cms/{branch}:cms/{branch}")
    sha = git(clone, "rev-parse", "HEAD").strip()
    shutil.rmtree(clone)
    return sha


def reply(text: str, thread: str = THREAD, author: str = ME, minute: int = 0) -> dict:
    return {f"content/discussions/{thread}/replies/2026-11-27T10-{minute:02d}-{author}.md":
            f"---\nauthor: {author}\ndate: 2026-11-27 10:{minute:02d}\n---\n\n{text}\n"}


def profile_with(root: Path, handle: str, **fields) -> dict:
    data = (root / f"profiles/{handle}.yml").read_text(encoding="utf-8")
    for key, value in fields.items():
        data = re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", data)
    return {f"profiles/{handle}.yml": data}


def branches(root: Path) -> list[str]:
    return git(root, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/").split()


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return example(tmp_path_factory.mktemp("template") / "intranet")


@pytest.fixture
def repo(template, tmp_path):
    root = tmp_path / "intranet"
    git(tmp_path, "clone", "-q", str(template), str(root))
    git(root, "config", "user.name", "Jan de Vries")
    git(root, "config", "user.email", EMAIL)
    git(root, "remote", "remove", "origin")
    return root


@pytest.fixture
def publisher(repo):
    said = []
    pub = Publisher(repo, "main", "nl", say=said.append)
    pub.said = said
    return pub


def test_an_own_reply_is_merged_at_the_decided_commit(repo, publisher):
    before = git(repo, "rev-parse", "main").strip()
    tip = push_branch(repo, f"replies/{THREAD}/a", reply("Mijn eigen antwoord."))
    publisher.poll()
    assert git(repo, "rev-parse", "main^1", "main^2").split() == [before, tip]
    assert "Mijn eigen antwoord." in (repo / next(iter(reply("")))).read_text()
    assert branches(repo) == []
    assert git(repo, "status", "--porcelain") == ""
    [line] = publisher.said
    assert line.startswith(f"cms/replies/{THREAD}/a: samengevoegd in main") and "je eigen reactie" in line


def test_someone_elses_profile_is_left_for_a_moderator_and_says_why(repo, publisher):
    before = git(repo, "rev-parse", "main").strip()
    push_branch(repo, "profiles/lotte-visser", profile_with(repo, "lotte-visser", chat='"@lotte.v"'))
    publisher.poll()
    publisher.poll()  # said once, not at every poll
    assert git(repo, "rev-parse", "main").strip() == before
    assert branches(repo) == ["cms/profiles/lotte-visser"]
    [line] = publisher.said
    assert line.startswith("cms/profiles/lotte-visser: Dit gaat eerst langs een moderator, omdat: ")
    assert "Lotte Visser" in line and "De branch blijft staan" in line


def test_a_symlink_is_refused(repo, publisher):
    before = git(repo, "rev-parse", "main").strip()
    push_branch(repo, f"replies/{THREAD}/link", {}, symlinks={
        f"content/discussions/{THREAD}/replies/2026-11-27T10-00-{ME}.md": "../../../../mkdocs.yml"})
    publisher.poll()
    assert git(repo, "rev-parse", "main").strip() == before
    [line] = publisher.said
    assert "Deze wijziging kan niet gepubliceerd worden" in line and "symbolische link" in line


@pytest.mark.parametrize("email, said", [
    ("nobody@wetterveen.example", "geen profiel op main heeft het e-mailadres nobody@wetterveen.example"),
    ("ahmed.bouzid@wetterveen.example", "profiles/ahmed-bouzid.yml heeft geen forge_username"),
])
def test_without_a_known_identity_nothing_is_merged(repo, publisher, email, said):
    git(repo, "config", "user.email", email)
    before = git(repo, "rev-parse", "main").strip()
    push_branch(repo, f"replies/{THREAD}/b", reply("Van Jan, maar wie is de gebruiker?"))
    publisher.poll()
    publisher.poll()
    assert git(repo, "rev-parse", "main").strip() == before
    assert branches(repo) == [f"cms/replies/{THREAD}/b"]
    [line] = publisher.said
    assert said in line and "niet samengevoegd" in line
    git(repo, "config", "user.email", EMAIL)  # fixed: taken at the next poll
    publisher.poll()
    assert "samengevoegd in main" in publisher.said[-1] and branches(repo) == []


def test_an_uncommitted_change_of_the_user_waits_and_is_never_lost(repo, publisher):
    mine = repo / f"profiles/{ME}.yml"
    push_branch(repo, f"profiles/{ME}", profile_with(repo, ME, chat='"@jan.v"'))
    mine.write_text(mine.read_text().replace("hij/hem", "hij"))
    work = mine.read_text()
    before = git(repo, "rev-parse", "main").strip()
    publisher.poll()
    publisher.poll()
    assert mine.read_text() == work and git(repo, "rev-parse", "main").strip() == before
    [line] = publisher.said
    assert "nog niet samengevoegd" in line and f"profiles/{ME}.yml" in line
    git(repo, "checkout", "--", f"profiles/{ME}.yml")  # the user discards it: now it goes
    publisher.poll()
    assert 'chat: "@jan.v"' in mine.read_text() and branches(repo) == []
    assert "samengevoegd in main" in publisher.said[-1]


def test_other_uncommitted_work_stays_as_it_is(repo, publisher):
    other = repo / "content/index.md"
    other.write_text("mijn half af stuk\n")
    staged = repo / "profiles/tim-groen.yml"
    staged.write_text(staged.read_text() + "# notitie\n")
    git(repo, "add", "profiles/tim-groen.yml")
    push_branch(repo, f"replies/{THREAD}/c", reply("Nog een antwoord."))
    publisher.poll()
    assert "samengevoegd in main" in publisher.said[-1]
    assert other.read_text() == "mijn half af stuk\n"
    assert git(repo, "diff", "--cached", "--name-only").split() == ["profiles/tim-groen.yml"]


def test_when_main_is_not_checked_out_its_ref_moves_and_the_work_tree_not(repo, publisher):
    git(repo, "checkout", "-q", "-b", "werk")
    tip = push_branch(repo, f"replies/{THREAD}/d", reply("Terwijl ik op een andere branch zit."))
    publisher.poll()
    assert git(repo, "rev-parse", "main^2").strip() == tip
    assert git(repo, "rev-parse", "werk").strip() == git(repo, "rev-parse", "main^1").strip()
    assert not (repo / next(iter(reply("")))).exists() and git(repo, "status", "--porcelain") == ""
    assert "niet uitgecheckt" in publisher.said[-1]


def test_a_rebase_of_main_in_progress_is_waited_for(repo, publisher):
    """git shows a rebasing work tree as detached, and moves main only at the end."""
    mine = repo / f"profiles/{ME}.yml"
    git(repo, "checkout", "-q", "-b", "ander")
    mine.write_text(mine.read_text().replace("hij/hem", "hij"))
    git(repo, "commit", "-q", "-am", "Elsewhere")
    git(repo, "checkout", "-q", "main")
    mine.write_text(mine.read_text().replace("hij/hem", "he/him"))
    git(repo, "commit", "-q", "-am", "Here")
    assert subprocess.run(["git", "rebase", "ander"], cwd=repo, capture_output=True).returncode  # stops
    before = git(repo, "rev-parse", "main").strip()
    push_branch(repo, f"replies/{THREAD}/r", reply("Tijdens een rebase."))
    publisher.poll()
    publisher.poll()
    assert git(repo, "rev-parse", "main").strip() == before
    [line] = publisher.said
    assert "halverwege een rebase" in line
    git(repo, "rebase", "--abort")
    publisher.poll()
    assert "samengevoegd in main" in publisher.said[-1] and git(repo, "rev-parse", "main^1").strip() == before


def test_a_conflict_with_main_is_said_and_left(repo, publisher):
    push_branch(repo, f"profiles/{ME}", profile_with(repo, ME, chat='"@jan.v"'))
    mine = repo / f"profiles/{ME}.yml"
    mine.write_text(mine.read_text().replace('chat: "@jan.devries"', 'chat: "@jdv"'))
    git(repo, "commit", "-q", "-am", "My own chat")
    before = git(repo, "rev-parse", "main").strip()
    publisher.poll()
    assert git(repo, "rev-parse", "main").strip() == before and branches(repo) == [f"cms/profiles/{ME}"]
    assert "botst met main" in publisher.said[-1] and git(repo, "status", "--porcelain") == ""


def test_a_save_after_the_decision_is_not_merged_with_it(repo, publisher):
    """The decided commit is merged, not the branch: a newer save stays and is decided itself."""
    branch = f"replies/{THREAD}/e"
    decided = push_branch(repo, branch, reply("Eerste versie."))
    real = publisher.merge
    later = {}

    def merge_after_a_newer_save(ref, tip, base, merge_base, reasons):
        later["sha"] = push_branch(repo, branch, {**reply("Eerste versie."),
                                                  f"content/discussions/{THREAD}/index.md": "kapot\n"})
        return real(ref, tip, base, merge_base, reasons)

    publisher.merge = merge_after_a_newer_save
    publisher.poll()
    assert git(repo, "rev-parse", "main^2").strip() == decided
    assert git(repo, "rev-parse", f"cms/{branch}").strip() == later["sha"]  # still there
    publisher.merge = real
    publisher.poll()  # the newer save on its own: someone else's thread, not valid: not merged
    assert git(repo, "rev-parse", "main^2").strip() == decided
    assert "niet gepubliceerd" in publisher.said[-1] or "moderator" in publisher.said[-1]


def test_a_branch_checked_out_by_hand_is_merged_and_stays(repo, publisher):
    branch = f"replies/{THREAD}/bekeken"
    tip = push_branch(repo, branch, reply("Even bekijken."))
    git(repo, "worktree", "add", "-q", str(repo.parent / "bekijk"), f"cms/{branch}")
    publisher.poll()
    assert git(repo, "rev-parse", "main^2").strip() == tip
    assert branches(repo) == [f"cms/{branch}"]  # deleting it would leave that work tree on nothing
    publisher.poll()  # and, merged already, it is not decided again
    assert len(publisher.said) == 1 and "samengevoegd in main" in publisher.said[0]


def test_a_branch_without_common_history_is_one_plain_line(repo, publisher):
    clone = repo.parent / "orphan"
    git(repo.parent, "init", "-q", "-b", "cms/replies/wees", str(clone))
    (clone / "los.md").write_text("los\n")
    git(clone, "add", "-A")
    git(clone, "-c", "user.name=X", "-c", "user.email=x@x", "commit", "-q", "-m", "Orphan")
    git(clone, "push", "-q", str(repo), "cms/replies/wees:cms/replies/wees")
    publisher.poll()
    [line] = publisher.said
    assert line.startswith("cms/replies/wees: niet beoordeeld: ") and line.endswith("de branch blijft staan")
    assert "share no history" in line
    assert "Traceback" not in line and "\n" not in line


def test_the_words_follow_the_site_language(repo):
    said = []
    git(repo, "config", "user.email", "nobody@wetterveen.example")
    push_branch(repo, f"replies/{THREAD}/en", reply("In English."))
    Publisher(repo, "main", "en", say=said.append).poll()
    assert said == [f"cms/replies/{THREAD}/en: not merged: no profile on main has the e-mail "
                    "nobody@wetterveen.example (git config user.email), so who made it is unknown; the branch stays"]


def test_no_repository_is_no_error(tmp_path):
    said = []
    Publisher(tmp_path, "main", "en", say=said.append).poll()
    assert said == []


# -- plein serve, with the editor's local backend and Chromium -------------------------------------

@pytest.fixture(scope="module")
def served(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("publish")
    root = tmp / "intranet"
    root.mkdir()
    example(root)
    (root / "node_modules").symlink_to(REPO / "node_modules")
    port, editor_port, log = free_port(), free_port(), tmp / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(PLEIN), "serve", "-a", f"127.0.0.1:{port}", "--editor-port", str(editor_port)],
                                cwd=root, stdout=out, stderr=out, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while "decap" not in fetch(url + "/bewerken/"):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)
        assert "a save makes a cms/" in log.read_text(), log.read_text()
        yield root, url, proc, log
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def shown_within(url: str, text: str, proc, log: Path, start: float, timeout: float = LIVE_WITHIN) -> float:
    while time.perf_counter() - start < timeout:
        assert proc.poll() is None, log.read_text()[-3000:]
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.1)
    raise AssertionError(f"{url} did not show {text!r} within {timeout} s; log:\n{log.read_text()[-3000:]}")


def said_within(log: Path, text: str, timeout: float = 20) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        lines = [line for line in log.read_text().splitlines() if text in line]
        if lines:
            return lines[-1]
        time.sleep(0.2)
    raise AssertionError(f"serve never said {text!r}; log:\n{log.read_text()[-3000:]}")


@pytest.mark.browser
def test_a_reply_saved_in_the_editor_is_live_within_seconds(served, chromium_browser):
    root, url, proc, log = served
    thread = "thuiswerken-en-de-teamdag"
    text = "Ik kom dinsdag ook naar de teamdag, met taart."
    context = chromium_browser.new_context(timezone_id="Europe/Amsterdam", locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(url + "/bewerken/")
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_timeout(500)
        page.goto(f"{url}/discussions/{thread}/")
        page.get_by_role("link", name="Reageer", exact=True).click()
        page.get_by_label("Tekst").fill(text)
        start = time.perf_counter()
        page.get_by_role("button", name="Opslaan").click()
        status = page.locator("#plein-after-save[role=status] p")
        status.wait_for(timeout=10_000)
        # after Save the editor says what happens: here serve itself merges, so seconds
        assert status.text_content() == "Opgeslagen. Je reactie staat binnen een paar seconden op het intranet."
        seconds = shown_within(f"{url}/discussions/{thread}/", text, proc, log, start)
    finally:
        context.close()
    print(f"\nSave -> live in plein serve (editor, Chromium): {seconds:.1f} s")
    assert f"{text}" in git(root, "show", "main:" + git(root, "diff", "--name-only", "main^1", "main").strip())
    assert git(root, "rev-parse", "main^2")  # a merge of the editor's branch
    assert branches(root) == []
    # decap-server's clone loses the branch at the first poll when decap-server has it no
    # longer checked out (it reads the saved entry back on that branch right after Save)
    assert gone_within(root / ".plein-cache/editor/repo", 5), branches(root / ".plein-cache/editor/repo")
    assert git(root, "status", "--porcelain") == ""


def gone_within(repo: Path, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while branches(repo):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def test_a_pushed_own_reply_is_live_within_seconds(served):
    root, url, proc, log = served
    text = "Dat kan ook met de BAG-API v2, zie de handleiding."
    before = git(root, "rev-parse", "main").strip()
    start = time.perf_counter()
    tip = push_branch(root, f"replies/{THREAD}/x", reply(text, minute=5))
    pushed = time.perf_counter() - start
    while git(root, "rev-parse", "main").strip() == before and time.perf_counter() - start < LIVE_WITHIN:
        time.sleep(0.05)
    merged = time.perf_counter() - start
    seconds = shown_within(f"{url}/discussions/{THREAD}/", text, proc, log, start)
    print(f"\nbranch -> live in plein serve: {seconds:.1f} s (pushed {pushed:.1f} s, merged {merged:.1f} s)")
    assert git(root, "rev-parse", "main^2").strip() == tip and f"cms/replies/{THREAD}/x" not in branches(root)


def test_serve_leaves_someone_elses_profile_and_a_symlink_and_says_why(served):
    root, url, proc, log = served
    before = git(root, "rev-parse", "main").strip()
    push_branch(root, "profiles/lotte-visser", profile_with(root, "lotte-visser", chat='"@lotte.v"'))
    push_branch(root, f"replies/{THREAD}/link", {}, symlinks={
        f"content/discussions/{THREAD}/replies/2026-11-27T11-00-{ME}.md": "../../../../mkdocs.yml"})
    line = said_within(log, "cms/profiles/lotte-visser: ")
    assert "Dit gaat eerst langs een moderator, omdat: " in line and "Lotte Visser" in line
    line = said_within(log, f"cms/replies/{THREAD}/link: ")
    assert "kan niet gepubliceerd worden" in line and "symbolische link" in line
    assert git(root, "rev-parse", "main").strip() == before
    assert {"cms/profiles/lotte-visser", f"cms/replies/{THREAD}/link"} <= set(branches(root))
    assert "Traceback" not in log.read_text()
    assert yaml.safe_load((root / "profiles/lotte-visser.yml").read_text())["chat"] == "@lotte.visser"
