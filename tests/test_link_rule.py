"""One rule for links (issue 27): every case of tests/cases/links/cases.yml, a link in a bio,
a reply, a news item or an update, goes into a record of its own; then `plein validate` and the
pipelines' build (`plein build --strict --config-file mkdocs-publish.yml`, ci/mkdocs-publish.yml,
whose link check runs after the build) run on the same files for a site published under the
case file's base. Both must refuse exactly the links the case file says, for the same reason,
and validate must name the file and the line of each, with a fix."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plein.model.linkrule import judge, resolve
from test_site_build import CASES as SITE_CASES, REPO, write_config

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "links" / "cases.yml").read_text(encoding="utf-8"))
PLEIN = Path(sys.executable).parent / "plein"
MARK = re.compile(r"[?&]case=(\d+)")
BUILD_LINE = re.compile(r"the link '([^']*)' leads nowhere: (.*?)\. Fix: ")
VALIDATE_LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):\d+: the link '(?P<link>[^']*)' leads nowhere "
                           r"on the page \S+: (?P<why>.*?)\. Fix: (?P<fix>.*)$")


def marked(link: str, n: int) -> str:
    """The case's address with ?case=n (or &case=n), before any #part: the build's report and
    validate's name each link, so that every refusal is traced to its case."""
    path, hash_, fragment = link.partition("#")
    return f"{path}{'&' if '?' in path else '?'}case={n}{hash_}{fragment}"


def _record(org: Path, n: int, case: dict) -> str:
    """Writes the case's record; returns its path."""
    text = case.get("text", "[een link]({link})").replace("{link}", marked(case["link"], n))
    where = case["in"]
    if where == "bio":
        rel = f"profiles/geval-{n}.yml"
        body = (f"name: Geval {n}\nrole: Tester\nteam: ict\nemail: geval{n}@wetterveen.example\n"
                f"started: 2026-01-01\nbio: |\n  {text}\n")
    elif where == "reply":
        rel = f"content/discussions/welke-koffie/replies/2026-11-26T10-{n:02d}-eva-yilmaz.md"
        body = f"---\nauthor: eva-yilmaz\ndate: 2026-11-26 10:{n:02d}\n---\n{text}\n"
    elif where == "news":
        rel = f"content/news/2026/2026-11-26-geval-{n}.md"
        body = f"---\ntitle: Geval {n}\ndate: 2026-11-26 09:00\nauthors: [frank-peters]\n---\n\n{text}\n"
    elif where == "update":
        rel = f"content/updates/eva-yilmaz/2026-11-26-{n}.md"
        body = f"---\ndate: 2026-11-26 11:{n:02d}\n---\n{text}\n"
    else:
        raise AssertionError(where)
    (org / rel).parent.mkdir(parents=True, exist_ok=True)
    (org / rel).write_text(body, encoding="utf-8")
    return rel


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    """(the org, {case: path}, validate's refusals, the build's refusals), each {case: [...]}."""
    org = tmp_path_factory.mktemp("links") / "org"
    shutil.copytree(SITE_CASES / "basic" / "org", org)
    write_config(org)
    shutil.copy(REPO / "ci" / "mkdocs-publish.yml", org / "mkdocs-publish.yml")
    paths = {n: _record(org, n, case) for n, case in enumerate(CASES["cases"], 1)}
    env = {**os.environ, "PLEIN_SITE_URL": "https://intranet.example.org" + CASES["base"],
           "NO_MKDOCS_2_WARNING": "1"}
    validate = subprocess.run([str(PLEIN), "validate", "--root", str(org)], cwd=org, env=env,
                              capture_output=True, text=True, timeout=300)
    build = subprocess.run([str(PLEIN), "build", "--strict", "--config-file", "mkdocs-publish.yml"],
                           cwd=org, env=env, capture_output=True, text=True, timeout=600)
    by_validate, by_build = {}, {}
    for line in validate.stdout.splitlines():
        m = VALIDATE_LINE.match(line)
        case = MARK.search(m["link"]) if m else None
        if case:
            by_validate.setdefault(int(case[1]), []).append(m)
    for m in BUILD_LINE.finditer(build.stdout + build.stderr):
        case = MARK.search(m[1])
        if case:
            by_build.setdefault(int(case[1]), []).append(m[2])
    assert build.returncode != 0 and "broken links in the built site" in build.stdout + build.stderr, \
        build.stdout + build.stderr
    return org, paths, by_validate, by_build


def test_validate_and_the_build_refuse_the_same_links(judged):
    _, _, by_validate, by_build = judged
    expected = {n for n, case in enumerate(CASES["cases"], 1) if case.get("refused")}
    assert sorted(by_build) == sorted(expected), "the build"
    assert sorted(by_validate) == sorted(expected), "validate"


@pytest.mark.parametrize("n", range(1, len(CASES["cases"]) + 1))
def test_each_refusal_names_the_reason_the_file_the_line_and_a_fix(judged, n):
    org, paths, by_validate, by_build = judged
    case = CASES["cases"][n - 1]
    if not case.get("refused"):
        assert n not in by_validate and n not in by_build
        return
    assert case["refused"] in by_build.get(n, []), by_build.get(n)
    [found] = by_validate[n]  # once, however many pages show it
    assert found["why"] == case["refused"]
    assert found["fix"] and case.get("fix", "") in MARK.sub("", found["fix"])
    assert found["path"] == paths[n]
    lines = (org / paths[n]).read_text(encoding="utf-8").splitlines()
    assert marked(case["link"], n) in lines[int(found["line"]) - 1]


def test_the_rule_reads_links_as_the_link_check_always_did():
    files = {"index.html", "people/ann/index.html", "help/a.png"}.__contains__
    assert judge("people/ann/index.html", "https://x.example/", "/") == (None, "", "")
    assert judge("people/ann/index.html", "#top", "/") == ("people/ann/index.html", "top", "")
    assert resolve("people/ann/index.html", "../../help/a.png", "/", files) == ("help/a.png", "", "")
    assert resolve("people/ann/index.html", "/people/ann/", "/intranet", files)[2] == \
        "it points outside the site (which is published under /intranet/)"
    assert resolve("people/ann/index.html", "/intranet/", "/intranet/", files) == ("index.html", "", "")
    assert resolve("people/ann/index.html", "../bob/", "/", files)[2] == "no such file in the site"
    assert resolve("people/ann/index.html", "../bob/", "/", lambda f: None) == ("", "", "")  # unknown: passes
