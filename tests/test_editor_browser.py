"""The web editor as staff use it: `plein serve` on a Git repository of the example, with its
local backend (a real decap-server), driven in Debian's chromium. Each save must become a
cms/… branch in the repository holding exactly the file Plein expects, and validate."""
from __future__ import annotations

import contextlib
import json
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

from test_serve import fetch, free_port

pytestmark = pytest.mark.browser
REPO = Path(__file__).resolve().parents[1]
PLEIN = Path(sys.executable).with_name("plein")
ME = "jan-de-vries"


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def intranet(tmp_path_factory):
    """The example in a fresh Git repository whose user is Jan de Vries, served by plein serve."""
    with served(tmp_path_factory.mktemp("editor")) as running:
        yield running


@contextlib.contextmanager
def served(tmp: Path, config: str | None = None):
    """plein serve of the example in tmp/intranet, a fresh Git repository whose user is Jan de
    Vries; `config`: another mkdocs.yml than the example's. Gives (root, url)."""
    root = tmp / "intranet"
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    (root / "mkdocs.yml").write_text(config if config is not None else (REPO / "mkdocs.yml").read_text())
    (root / "node_modules").symlink_to(REPO / "node_modules")
    (root / ".gitignore").write_text("/node_modules\n/site/\n/.plein-cache/\n")
    email = yaml.safe_load((root / f"profiles/{ME}.yml").read_text())["email"]
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Jan de Vries")
    git(root, "config", "user.email", email)
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "The example")
    port, editor_port, log = free_port(), free_port(), tmp / "serve.log"
    with open(log, "w") as out:
        # --no-publish: these tests read the branches the editor makes; publishing them is test_serve_publish's
        proc = subprocess.Popen([str(PLEIN), "serve", "-a", f"127.0.0.1:{port}", "--editor-port", str(editor_port),
                                 "--no-publish"],
                                cwd=root, stdout=out, stderr=out, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while "decap" not in fetch(url + "/bewerken/"):
            assert proc.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.3)
        assert "a save makes a cms/" in log.read_text(), log.read_text()
        yield root, url
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def page(chromium_browser, intranet):
    """A logged-in editor session; fails the test if anything came from another host."""
    _, url = intranet
    context = chromium_browser.new_context(timezone_id="Europe/Amsterdam", locale="nl-NL")
    pg = context.new_page()
    hosts = set()
    pg.on("request", lambda r: hosts.add(r.url.split("/")[2]))
    pg.goto(url + "/bewerken/")
    pg.get_by_role("button", name="Inloggen").click()
    pg.wait_for_timeout(500)
    yield pg
    context.close()
    assert all(h.startswith("127.0.0.1:") for h in hosts), f"requests to other hosts: {hosts}"


def saved(root: Path, prefix: str, timeout: float = 20) -> str:
    """The cms/… branch the editor made (pushed into the repository by the clone's hook)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        branches = git(root, "branch", "--list", f"cms/{prefix}*", "--format=%(refname:short)").split()
        if branches:
            return branches[0]
        time.sleep(0.2)
    raise AssertionError(f"no branch cms/{prefix}… in {git(root, 'branch', '-a')}")


def validate(root: Path, branch: str, tmp_path: Path) -> None:
    tree = tmp_path / "checkout"
    git(root, "worktree", "add", "-q", "--detach", str(tree), branch)
    try:
        done = subprocess.run([str(PLEIN), "validate"], cwd=tree, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        git(root, "worktree", "remove", "--force", str(tree))


def after_save(pg) -> str:
    """The plain statement of what happens next that the editor shows after Save (aftersave.js)."""
    status = pg.locator("#plein-after-save[role=status] p")
    status.wait_for(timeout=10_000)
    return status.text_content()


def save(pg) -> None:
    pg.get_by_role("button", name="Opslaan").click()


def test_edit_my_profile_makes_a_branch_with_exactly_that_change(intranet, page, tmp_path):
    root, url = intranet
    page.goto(f"{url}/people/{ME}/")
    page.get_by_role("link", name="Mijn profiel bewerken").click()
    # the role is HR's: shown, but not for the person to change
    role = page.get_by_label("Functie")
    role.wait_for()
    assert not role.is_editable()
    pronouns = page.get_by_label("Voornaamwoorden")
    pronouns.fill("hij/hem/zijn")
    save(page)
    branch = saved(root, f"profiles/{ME}")
    diff = [line for line in git(root, "diff", "--unified=0", "main", branch).splitlines()
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert diff == ["-pronouns: hij/hem", "+pronouns: hij/hem/zijn"]
    validate(root, branch, tmp_path)
    # after Save, what happens next: one's own profile text publishes without a reviewer
    assert after_save(page) == "Opgeslagen. Je profiel staat binnen een paar minuten zo op het intranet."


def test_reply_from_the_thread_page(intranet, page, tmp_path):
    root, url = intranet
    thread = "zaaksysteem-koppelen-aan-bag-api"
    page.goto(f"{url}/discussions/{thread}/")
    page.get_by_role("link", name="Reageer", exact=True).click()
    assert page.locator("[data-plein-author]").get_attribute("data-plein-author") == ME
    text = 'Gebruik de BAG-API v2 <niet v1> & test eerst op "acceptatie" 🎉'
    page.get_by_label("Tekst").fill(text)
    save(page)
    branch = saved(root, f"replies/{thread}/")
    files = git(root, "diff", "--name-only", "main", branch).split()
    assert len(files) == 1
    assert re.fullmatch(rf"content/discussions/{thread}/replies/\d{{4}}-\d\d-\d\dT\d\d-\d\d-{ME}\.md", files[0])
    written = git(root, "show", f"{branch}:{files[0]}")
    assert written.endswith(f"---\n\n{text}\n") and f"author: {ME}\n" in written
    validate(root, branch, tmp_path)
    assert after_save(page) == "Opgeslagen. Je reactie staat binnen een paar minuten op het intranet."  # --no-publish


def test_ask_a_question(intranet, page, tmp_path):
    root, url = intranet
    page.goto(f"{url}/discussions/")
    page.get_by_role("link", name="Stel een vraag").first.click()
    page.get_by_label("Titel").fill("Wie beheert de sleutels van de fietsenstalling?")
    page.get_by_label("Tekst").fill("Ik wil mijn fiets binnen zetten.")
    save(page)
    branch = saved(root, "threads/")
    assert git(root, "diff", "--name-only", "main", branch).split() == [
        "content/discussions/wie-beheert-de-sleutels-van-de-fietsenstalling/index.md"]
    validate(root, branch, tmp_path)


def test_kudos_offers_only_colleagues_who_opted_in(intranet, page, tmp_path):
    root, url = intranet
    page.goto(f"{url}/kudos/")
    page.get_by_role("link", name="Geef kudos").first.click()
    picker = page.get_by_label("Aan een collega")
    picker.fill("Arjen Bosman")  # kudos: false in his profile
    page.get_by_text("Geen resultaten").wait_for()
    picker.fill("Lotte Visser")
    page.locator("[data-plein-hit='person:lotte-visser']").click()
    page.get_by_label("Tekst").fill("Dank voor je hulp met de kaartlagen!")
    save(page)
    branch = saved(root, "kudos/")
    [path] = git(root, "diff", "--name-only", "main", branch).split()
    assert re.fullmatch(rf"content/kudos/\d{{4}}/\d{{4}}-\d\d-\d\d-{ME}-1\.md", path)
    assert "to: lotte-visser\n" in git(root, "show", f"{branch}:{path}")
    validate(root, branch, tmp_path)


def test_text_survives_the_round_trip(intranet, page, tmp_path):
    root, url = intranet
    bio = ("Ik schrijf <code> & \"citaten\" en 'apostrofs' 😀 — ook in het Engels. " * 60)[:4000].strip()
    # one's own profile: the editor refuses a colleague's before Save (guards.js, test_editor_guards)
    page.goto(f"{url}/bewerken/#/collections/profiles/entries/{ME}")
    field = page.get_by_label("Over jou")
    field.wait_for()
    field.fill(bio)
    save(page)
    branch = saved(root, f"profiles/{ME}")
    # the branch may be an earlier test's (Decap keeps one per entry): wait for this save's commit
    deadline = time.monotonic() + 20
    while True:
        data = yaml.safe_load(git(root, "show", f"{branch}:profiles/{ME}.yml"))
        if data["bio"] == bio or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert data["bio"] == bio
    validate(root, branch, tmp_path)
    assert "collega" not in after_save(page)


def backend_actions(pg) -> list:
    """The actions the page asks of decap-server, as they happen."""
    actions = []
    pg.on("request", lambda r: actions.append(json.loads(r.post_data or "{}").get("action"))
          if r.url.endswith("/api/v1") and r.method == "POST" else None)
    return actions


def test_the_editor_opens_on_my_own_profile(intranet, page):
    """Not on Decap's first list, which would read every profile."""
    _, url = intranet
    actions = backend_actions(page)
    page.goto(f"{url}/bewerken/")
    page.get_by_label("Functie").wait_for()
    assert page.url.endswith(f"/bewerken/#/collections/profiles/entries/{ME}")
    assert page.get_by_role("textbox", name="Naam", exact=True).input_value() == "Jan de Vries"
    assert actions and "entriesByFolder" not in actions, actions


def test_a_form_does_not_read_the_whole_collection_but_the_list_does(intranet, page):
    """At 15,000 profiles, reading every one to open a single form took seconds (listing.js)."""
    _, url = intranet
    actions = backend_actions(page)
    page.goto(f"{url}/people/{ME}/")
    page.get_by_role("link", name="Mijn profiel bewerken").click()
    page.get_by_label("Functie").wait_for()
    assert actions and "entriesByFolder" not in actions, actions
    other = yaml.safe_load((REPO / "profiles/ahmed-bouzid.yml").read_text())["name"]
    page.get_by_role("link", name=re.compile("Profielen|Mensen")).first.click()
    page.get_by_text(other).first.wait_for(timeout=20_000)
    assert "entriesByFolder" in actions


AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
SAVE = "button:has-text('Opslaan')"
VIEWS = {"profile form": (f"collections/profiles/entries/{ME}", SAVE),
         "reply form": ("collections/replies/new?_thread=x", SAVE), "news form": ("collections/news/new", SAVE),
         "list": ("collections/updates", "a[data-testid='updates']"), "workflow": ("workflow", "[class*='WorkflowTop']")}


@pytest.mark.parametrize("view", VIEWS)
def test_the_editor_meets_wcag_21_aa(intranet, page, view):
    """axe-core's A and AA rules over Decap's own screens, with Plein's names and colours."""
    _, url = intranet
    route, shown = VIEWS[view]
    page.goto(f"{url}/bewerken/#/{route}")
    page.reload()  # a new hash alone keeps the previous screen until Decap redraws
    page.locator(shown).first.wait_for()
    page.wait_for_timeout(1500)
    # the editor's page refuses inline scripts, so axe is evaluated through the DevTools
    # protocol, as Playwright's evaluate does, not added as a <script>
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    result = page.evaluate("rules => axe.run(document, rules)", RULES)
    problems = [f"{rule['id']}: {' '.join(map(str, node['target']))}: {node.get('failureSummary')}"
                for rule in result["violations"] for node in rule["nodes"]]
    assert result["passes"] and not problems, "\n".join(problems)


def test_tab_reaches_the_fields_before_save(intranet, page):
    """Decap puts the toolbar before the form; the editor moves the focus to the form when it
    opens, so that Tab goes through the fields first (issue 26)."""
    _, url = intranet
    page.goto(f"{url}/bewerken/#/collections/updates/new")
    page.get_by_label("Tekst").wait_for()
    reached = []
    for _ in range(40):
        page.keyboard.press("Tab")
        now = page.evaluate("""() => { const a = document.activeElement;
            return {tag: a.tagName.toLowerCase(), text: (a.textContent || '').trim().slice(0, 40),
                    label: a.id && document.querySelector(`label[for="${a.id}"]`)
                           ? document.querySelector(`label[for="${a.id}"]`).textContent.trim() : ''}; }""")
        reached.append(now)
        if now["text"] == "Opslaan":
            break
    fields = [r for r in reached if r["tag"] in ("input", "textarea", "select")]
    assert fields and reached.index(fields[0]) < next(i for i, r in enumerate(reached) if r["text"] == "Opslaan"), reached
    assert any(r["label"].startswith("Tekst") for r in reached[:reached.index(fields[-1]) + 1]), reached
