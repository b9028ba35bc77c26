"""`plein serve` as a writer uses it: the site comes up, a profile is edited, and the pages
that show the edit change while the others are not made again (the page cache, in memory
while the server runs). Real server, real HTTP, the bundled example."""
from __future__ import annotations

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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


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


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "intranet"
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("\n  plein:\n", '\n  plein:\n    now: "2026-11-27 12:00"\n    git: false\n', 1))
    port, log = free_port(), tmp_path / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen([str(PLEIN), "serve", "-a", f"127.0.0.1:{port}"], cwd=root,
                                stdout=out, stderr=out, env={**os.environ, "NO_COLOR": "1"})
    try:
        yield root, f"http://127.0.0.1:{port}", proc, log
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


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
    builds = re.findall(r"(\d+) of (\d+) generated files made again", log.read_text())
    assert len(builds) >= 2, f"no rebuild was logged:\n{log.read_text()[-2000:]}"
    (first, total), (remade, _) = builds[0], builds[-1]
    assert first == total, "the first build makes every page"
    assert int(remade) < int(total) / 5, f"{remade} of {total} pages made again for one role"
