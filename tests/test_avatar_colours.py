"""Avatar colours (issue 27): every colour of the palette reaches 4.5:1 with the white
initials; plein.css, the built pages (plein.site.avatar.hue) and the directory script
(PleinSearchEngine.hue in engine.js) use one palette and one rule; and axe's colour-contrast
check passes on every profile of the example and on the directory at 1280 and 375 px."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from plein.site import links as L
from plein.site.avatar import PALETTE, TEXT, hue
from test_browser_site import example  # noqa: F401 - the example organisation, built and served

REPO = Path(__file__).resolve().parents[1]
CSS = REPO / "plugins/plein/site/assets/plein/plein.css"
ENGINE_JS = REPO / "plugins/plein/search/browser/engine.js"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
CONTRAST = {"runOnly": {"type": "rule", "values": ["color-contrast"]}}


def luminance(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(colour[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_avatar_colour_reaches_4_5_to_1_with_its_text():
    short = {c: round(contrast(c, TEXT), 2) for c in PALETTE if contrast(c, TEXT) < 4.5}
    assert not short, short


def test_the_stylesheet_has_the_palette_in_its_order():
    css = CSS.read_text()
    found = dict(re.findall(r"\.plein-avatar--c(\d) \{ background: (#[0-9a-f]{6}); \}", css))
    assert [found.get(str(i)) for i in range(len(PALETTE))] == list(PALETTE)
    assert re.search(r"\.plein-avatar \{[^}]*color: #fff;", css)


def test_pages_and_the_directory_script_give_everyone_the_same_colour(example):  # noqa: F811
    org, _ = example
    handles = sorted(org.people)
    code = f"{ENGINE_JS.read_text()}\nconsole.log(JSON.stringify({json.dumps(handles)}.map(PleinSearchEngine.hue)));"
    done = subprocess.run(["node", "-e", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [hue(h) for h in handles]
    assert len(set(json.loads(done.stdout))) > 4  # the colours are spread, not one for all


def _contrast_problems(pg, only: str | None = None) -> list:
    """axe's colour-contrast violations on the page, or only inside the elements `only` selects."""
    pg.add_script_tag(path=str(AXE))
    result = pg.evaluate("([rules, only]) => axe.run(only ? {include: [[only]]} : document, rules)",
                         [CONTRAST, only])
    return [f"{' '.join(map(str, n['target']))}: {n.get('failureSummary', '')}"
            for rule in result["violations"] for n in rule["nodes"]]


@pytest.mark.browser
def test_axe_colour_contrast_on_every_profile_and_the_directory(example, chromium_browser):  # noqa: F811
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing. Fix: run 'make install' (npm ci installs axe-core)")
    org, served = example
    problems = []
    for width in (1280, 375):
        context = chromium_browser.new_context(viewport={"width": width, "height": 900},
                                               bypass_csp=True)  # axe is an inline script: the CSP blocks it
        try:
            pg = context.new_page()
            pg.goto(served.url(L.url(L.DIRECTORY)))
            pg.wait_for_selector(".plein-card .plein-avatar")
            problems += [f"directory at {width}px: {p}" for p in _contrast_problems(pg)]
            if width == 1280:
                for handle in sorted(org.people):
                    pg.goto(served.url(L.url(L.person(handle))))
                    problems += [f"{handle}: {p}" for p in _contrast_problems(pg)]
        finally:
            context.close()
    assert not problems, "\n".join(problems)


@pytest.fixture(scope="module")
def thousand(tmp_path_factory):
    """A generated organisation of 1,000 people (tools/generate-org), built and served: more
    handles than the example, so every colour of the palette and every initials case occur."""
    import os
    import sys

    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from plein.model.load import load
    from test_browser_site import NOW, Served, with_plein
    work = tmp_path_factory.mktemp("thousand")
    root = work / "org"
    subprocess.run([sys.executable, str(REPO / "tools/generate-org"), "--people", "1000", "--news", "20",
                    "--threads", "50", "--replies", "100", "--updates", "100", "--kudos", "100", "-q",
                    str(root)], check=True, timeout=300)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(root / "content")
    config["nav"] = None
    config["plugins"] = with_plein(config["plugins"], {"forge": "gitlab", "language": "nl", "now": NOW,
                                                       "git": False, "root": str(root)})
    (work / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    build(load_config(config_file=str(work / "mkdocs.yml"), site_dir=str(work / "site")))
    org, _ = load(root)
    served = Served(work / "site")
    yield org, served
    served.close()


@pytest.mark.browser
def test_axe_colour_contrast_on_every_profile_of_a_thousand_people(thousand, chromium_browser):
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(REPO)} is missing. Fix: run 'make install' (npm ci installs axe-core)")
    org, served = thousand
    assert len(org.people) == 1000
    assert {hue(h) for h in org.people} == set(range(len(PALETTE)))  # every colour is tried
    problems = []
    for width in (1280, 375):
        context = chromium_browser.new_context(viewport={"width": width, "height": 900}, bypass_csp=True)
        try:
            pg = context.new_page()
            pg.goto(served.url(L.url(L.DIRECTORY)))
            pg.wait_for_selector(".plein-card .plein-avatar")
            problems += [f"directory at {width}px: {p}" for p in _contrast_problems(pg)]
            if width == 1280:
                # the whole page of the example's profiles is checked above; here what differs
                # per person: the avatar's colour and initials
                for handle in sorted(org.people):
                    pg.goto(served.url(L.url(L.person(handle))))
                    problems += [f"{handle}: {p}" for p in _contrast_problems(pg, ".plein-avatar")]
        finally:
            context.close()
    assert not problems, "\n".join(problems[:50])
