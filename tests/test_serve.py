"""`plein serve` as a writer uses it: the site comes up, a profile is edited, and the pages
that show the edit change while the others are not made again (the page cache, in memory
while the server runs). Real server, real HTTP, the bundled example."""
from __future__ import annotations

import difflib
import html
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLEIN = Path(sys.executable).with_name("plein")


_GIVEN: set[int] = set()


def free_port() -> int:
    """A free port, never one this run handed out before: two calls in a row (the site's and
    the editor's port) could otherwise get the same one back from the kernel."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in _GIVEN:
            _GIVEN.add(port)
            return port


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(url: str, text: str, proc, log: Path, timeout: float = 120) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        assert proc.poll() is None, f"plein serve stopped:\n{log.read_text()[-3000:]}"
        if text in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r}; server log:\n{log.read_text()[-3000:]}")


def start(root: Path, log: Path, port: int):
    with open(log, "w") as out:
        return subprocess.Popen([str(PLEIN), "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                                stdout=out, stderr=out, env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "intranet"
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    port, log = free_port(), tmp_path / "serve.log"
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", config)
    (root / "mkdocs.yml").write_text(config.replace("\n  plein:\n", '\n  plein:\n    now: "2026-11-27 12:00"\n    git: false\n', 1))
    proc = start(root, log, port)
    try:
        yield root, f"http://127.0.0.1:{port}", proc, log
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def updates(log: Path) -> list[str]:
    """The whole builds and the live updates the server logged, in order."""
    return re.findall(r"^.*(?:generated files made again|: shown in ).*$", log.read_text(), re.M)


def followed(log: Path) -> int:
    """How many live updates were followed through: every page, feeds, search."""
    return len(re.findall("search and related content up to date", log.read_text()))


def wait_for_update(log: Path, proc, seen: int, timeout: float = 120) -> str:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        assert proc.poll() is None, f"plein serve stopped:\n{log.read_text()[-3000:]}"
        done = updates(log)
        if len(done) > seen:
            time.sleep(0.3)  # the server reloads browsers right after the line
            return done[-1]
        time.sleep(0.1)
    raise AssertionError(f"no update after the edit; server log:\n{log.read_text()[-3000:]}")


def reference(root: Path, tmp: Path) -> Path:
    """A fresh `plein build` of the same files: what every served page must equal."""
    copy = tmp / "reference"
    shutil.rmtree(copy, ignore_errors=True)
    for name in ("profiles", "content"):
        shutil.copytree(root / name, copy / name)
    shutil.copy(root / "mkdocs.yml", copy / "mkdocs.yml")
    done = subprocess.run([str(PLEIN), "build", "-q"], cwd=copy, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return copy / "site"


def differences(base: str, site: Path) -> list[str]:
    """Pages (and feeds) the server sends that differ from the fresh build's."""
    out = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix not in (".html", ".xml") or rel in ("404.html", "sitemap.xml"):
            continue
        served = fetch(f"{base}/{rel}")
        built = path.read_text(encoding="utf-8")
        if path.suffix == ".html":  # the server adds its reload script before </body>
            end = served.rfind("</body>")
            served = served[:served.rfind("<script>", 0, end)] + served[end:]
            if rel.startswith("bewerken/"):  # the editor's page refuses the reload (it would lose a form)
                assert "'unsafe-inline'" not in served.split("script-src", 1)[1].split(";", 1)[0]
            else:
                assert "script-src 'self' 'unsafe-inline'" in served, "serve's CSP must allow the reload script"
            served, built = _without_policy(served), _without_policy(built)
        if served != built:
            diff = difflib.unified_diff(built.splitlines(), served.splitlines(), "fresh", "served", n=0, lineterm="")
            out.append(rel + "\n" + "\n".join(list(diff)[:12])[:1500])
    return out


def _without_policy(page: str) -> str:
    """The page without its CSP's text: under serve it allows inline scripts (the reload
    script is new each time), where a build lists the hashes of the theme's (site/csp.py)."""
    key = 'http-equiv="Content-Security-Policy" content="'
    start = page.find(key)
    return page if start < 0 else page[:start] + page[page.index('"', start + len(key)):]


def test_an_edited_role_shows_on_the_profile_and_the_team_page(served):
    root, base, proc, log = served
    profile = root / "profiles" / "priya-raman.yml"
    text = profile.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("role: "))[len("role: "):]
    team = next(line for line in text.splitlines() if line.startswith("team: "))[len("team: "):]
    wait_for(f"{base}/people/priya-raman/", html.escape(old), proc, log)
    profile.write_text(text.replace(f"role: {old}\n", "role: Hoofd Informatie en Data\n"), encoding="utf-8")
    wait_for(f"{base}/people/priya-raman/", "Hoofd Informatie en Data", proc, log)
    wait_for(f"{base}/teams/{team}/", "Hoofd Informatie en Data", proc, log, timeout=10)
    assert "Hoofd Informatie en Data" in fetch(f"{base}/people/")  # her card in the directory
    assert html.escape(old) not in fetch(f"{base}/people/priya-raman/")
    deadline = time.perf_counter() + 60
    while not followed(log):
        assert time.perf_counter() < deadline, f"the edit was not followed through:\n{log.read_text()[-2000:]}"
        time.sleep(0.2)
    text = log.read_text()
    total = re.search(r"(\d+) of (\d+) generated files made again", text)
    assert total and total[1] == total[2], "the first build makes every page"
    assert "priya-raman.yml: shown in" in text, f"not a live update:\n{text[-2000:]}"
    remade = re.search(r"^plein: (\d+) pages made again in", text, re.M)
    assert remade and int(remade[1]) < int(total[2]) / 5, f"pages made again for one role: {remade and remade[1]}"


EDITS = [  # (file, old text, new text): each kind of record, and moves between pages
    ("profiles/priya-raman.yml", "team: informatievoorziening", "team: communicatie"),
    ("profiles/priya-raman.yml", "expertise: [Data-analyse,", "expertise: [Woo, Data-analyse,"),
    ("content/teams/communicatie.yml", None, None),
    ("content/discussions/brieven-op-b1-niveau-ervaringen/index.md", None, None),
    ("content/news/2025/2025-08-28-wateroverlast-wat-hebben-we-geleerd.md", None, None),
]


def edit(root: Path, rel: str, old, new) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    if old is None:  # the title, whatever it is
        line = next(l for l in text.splitlines() if l.startswith(("title: ", "name: ")))
        new = line[:-1] + ' (bijgewerkt)"' if line.endswith('"') else line + " (bijgewerkt)"
        old = line
    assert old in text, (rel, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_live_updates_equal_a_fresh_build(served, tmp_path):
    """After each edit the server sends exactly what a build from scratch of the same files
    makes: no page left stale, also where the edit moves someone between pages."""
    root, base, proc, log = served
    wait_for(f"{base}/", "</html>", proc, log)  # serving, so watching
    for rel, old, new in EDITS:
        seen = len(updates(log))
        edit(root, rel, old, new)
        done = followed(log)
        line = wait_for_update(log, proc, seen)
        assert "generated files" not in line, f"{rel}: a whole build, not a live update: {line}"
        deadline = time.perf_counter() + 60  # the other pages, feeds, search follow the edited page
        while followed(log) == done:
            assert time.perf_counter() < deadline, f"the edit was not followed:\n{log.read_text()[-2000:]}"
            time.sleep(0.2)
        stale = differences(base, reference(root, tmp_path))
        assert not stale, f"stale pages after editing {rel}:\n" + "\n".join(stale[:3])


def test_edits_in_quick_succession_end_as_a_fresh_build(served, tmp_path):
    """A second edit while the first is still being followed: the background work gives way,
    and in the end every page is as a build from scratch makes it."""
    root, base, proc, log = served
    wait_for(f"{base}/", "</html>", proc, log)
    edit(root, "profiles/priya-raman.yml", "team: informatievoorziening", "team: communicatie")
    time.sleep(0.15)
    edit(root, "content/teams/communicatie.yml", None, None)
    edit(root, "profiles/priya-raman.yml", "role: ", "role: Senior ")
    deadline = time.perf_counter() + 90
    while True:  # settled: followed through, and nothing newer shown since
        text = log.read_text()
        last_shown, last_followed = text.rfind(": shown in "), text.rfind("search and related content up to date")
        if last_followed > last_shown > 0:
            break
        assert time.perf_counter() < deadline, f"never settled:\n{text[-3000:]}"
        time.sleep(0.2)
    assert "generated files made again" not in text.split("Serving on", 1)[1], "a whole build was made"
    stale = differences(base, reference(root, tmp_path))
    assert not stale, "stale pages after quick edits:\n" + "\n".join(stale[:3])


def test_an_error_keeps_the_last_good_site_and_says_where(served):
    root, base, proc, log = served
    wait_for(f"{base}/", "</html>", proc, log)  # serving, so watching
    profile = root / "profiles" / "priya-raman.yml"
    good = profile.read_text(encoding="utf-8")
    profile.write_text(good.replace("role: ", "role: [Kapot\n", 1), encoding="utf-8")
    seen = len(updates(log))
    wait_for(f"{base}/people/priya-raman/", "Priya Raman", proc, log)
    deadline = time.perf_counter() + 60
    while "profiles/priya-raman.yml:" not in log.read_text() and time.perf_counter() < deadline:
        time.sleep(0.2)
    text = log.read_text()
    assert "profiles/priya-raman.yml:" in text and "Traceback" not in text, text[-2000:]
    assert "Team Lead Information" in fetch(f"{base}/people/priya-raman/")  # the last good page
    profile.write_text(good.replace("role: Team Lead", "role: Hersteld - Team Lead", 1), encoding="utf-8")
    wait_for_update(log, proc, seen)
    wait_for(f"{base}/people/priya-raman/", "Hersteld - Team Lead", proc, log, timeout=10)


def test_a_new_profile_makes_a_whole_build(served):
    root, base, proc, log = served
    wait_for(f"{base}/", "</html>", proc, log)  # serving, so watching
    seen = len(updates(log))
    source = (root / "profiles" / "priya-raman.yml").read_text(encoding="utf-8")
    new = source.replace("name: Priya Raman", "name: Nieuwe Collega").replace("priya.raman", "nieuwe.collega").replace("photo: photos/priya-raman/priya-raman.png\n", "")
    (root / "profiles" / "nieuwe-collega.yml").write_text(new, encoding="utf-8")
    line = wait_for_update(log, proc, seen)
    assert "generated files made again" in line, line
    wait_for(f"{base}/people/nieuwe-collega/", "Nieuwe Collega", proc, log, timeout=10)


def test_a_folder_moved_away_makes_a_whole_build(served, tmp_path):
    """A thread's folder (the thread and its replies) moved out of the repository: the
    system reports only the folder, and its pages must still go."""
    root, base, proc, log = served
    wait_for(f"{base}/", "</html>", proc, log)
    slug = "brieven-op-b1-niveau-ervaringen"
    assert "</html>" in fetch(f"{base}/discussions/{slug}/")
    seen = len(updates(log))
    shutil.move(str(root / "content" / "discussions" / slug), str(tmp_path / slug))
    line = wait_for_update(log, proc, seen)
    assert "generated files made again" in line, line
    assert slug not in fetch(f"{base}/discussions/"), "the thread is still listed"
