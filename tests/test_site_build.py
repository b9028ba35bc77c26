"""The site built from small organisations by a real `mkdocs build`, checked page by page.

Each folder in tests/cases/site/ holds `org/` (profiles/ and content/) and `expect.json`:
pages that must exist with strings they must or must not contain, pages that must not
exist, strings no file of the site may contain, and photos that must carry no EXIF."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from conftest import commit, git, make_org

REPO = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "cases" / "site"
NOW = "2026-11-27 12:00"
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def write_config(root: Path, **options) -> Path:
    """The repository's mkdocs.yml, with Plein's options fixed for a deterministic build."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    plein = {"forge": "gitlab", "language": "nl", "now": NOW, "git": False, "search": False}
    plein.update(options)
    config["plugins"] = with_plein(config["plugins"], plein)
    config["strict"] = True
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for page in ("content-reference.md", "bijdragen.md", "contribute.md",  # the nav's Help pages
                 "publiceren.md", "publishing.md",
                 "toegankelijkheid.md"):
        if not (root / "content" / "help" / page).exists():
            make_org(root, {f"content/help/{page}": "# Help\n"})
    return path


def with_plein(plugins, options: dict):
    """`plugins` of mkdocs.yml (a list or a mapping) with Plein's options replaced."""
    if isinstance(plugins, dict):
        return {**plugins, "plein": options}
    name = lambda p: p if isinstance(p, str) else next(iter(p))
    return [{"plein": options} if name(p) == "plein" else p for p in plugins]


def build_org(org: Path, site: Path, **options) -> Path:
    build(load_config(config_file=str(write_config(org, **options)), site_dir=str(site)))
    return site


def case_names():
    return sorted(p.name for p in CASES.iterdir() if (p / "expect.json").is_file())


@pytest.fixture(scope="module", params=case_names())
def built_case(request, tmp_path_factory):
    case = CASES / request.param
    expect = json.loads((case / "expect.json").read_text(encoding="utf-8"))
    org = tmp_path_factory.mktemp(request.param)
    shutil.copytree(case / "org", org, dirs_exist_ok=True)
    return build_org(org, org / "site", **expect.get("options", {})), expect


def test_pages_contain_what_they_should(built_case):
    site, expect = built_case
    problems = []
    for page, wants in expect.get("pages", {}).items():
        path = site / page
        if not path.is_file():
            problems.append(f"{page}: missing")
            continue
        html = path.read_text(encoding="utf-8")
        problems += [f"{page}: lacks {s!r}" for s in wants.get("contains", []) if s not in html]
        problems += [f"{page}: has {s!r}" for s in wants.get("absent", []) if s in html]
    assert not problems, "\n".join(problems)


def test_pages_that_must_not_exist(built_case):
    site, expect = built_case
    assert [p for p in expect.get("missing", []) if (site / p).exists()] == []


def test_hidden_text_is_nowhere_in_the_site(built_case):
    site, expect = built_case
    found = []
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt", ".js"):
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{path.relative_to(site)}: {s!r}" for s in expect.get("nowhere", []) if s in text]
    assert not found, "\n".join(found)


def test_photos_are_published_without_exif(built_case):
    site, expect = built_case
    for rel in expect.get("photos_without_exif", []):
        with Image.open(site / rel) as img:
            assert not img.getexif(), f"{rel} still has EXIF"


def test_generated_pages_stay_out_of_the_navigation(built_case):
    site, _ = built_case
    person = next(p for p in sorted((site / "people").glob("*/index.html")) if p.parent.name not in ("page", "at"))
    html = person.read_text(encoding="utf-8")
    assert html.count("md-nav__link") < 40  # the short nav only, not a link per page


def test_english_interface(tmp_path):
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    site = build_org(org, tmp_path / "site", language="en", forge="github")
    html = (site / "discussions" / "gis-laag-bomen" / "index.html").read_text(encoding="utf-8")
    assert "Accepted answer" in html and "2 May 2025" in html
    assert ("https://gitlab.example.org/wetterveen/intranet/new/main/content/discussions/"
            "gis-laag-bomen/replies?filename=2026-11-27T12-00-your-handle.md&amp;value=") in html
    profile = (site / "people" / "carla-smit" / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/profiles/carla-smit.yml" in profile and "/-/edit/" not in profile


def test_git_dates_and_recent_changes(tmp_path):
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    git(org, "init", "-q", "-b", "main")
    commit(org, "Initial content", date="2026-10-01T10:00:00+02:00")
    (org / "profiles" / "carla-smit.yml").write_text(
        (org / "profiles" / "carla-smit.yml").read_text(encoding="utf-8").replace("hardlopen", "zwemmen"),
        encoding="utf-8")
    commit(org, "Carla zwemt nu", date="2026-11-15T10:00:00+01:00")
    site = build_org(org, tmp_path / "site", git=True)
    profile = (site / "people" / "carla-smit" / "index.html").read_text(encoding="utf-8")
    assert "15 november 2026" in profile and "Plein Test" in profile
    changes = (site / "changes" / "index.html").read_text(encoding="utf-8")
    assert "Carla zwemt nu" in changes and "../people/carla-smit/" in changes


def test_content_error_fails_build_and_keeps_the_old_site(tmp_path):
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    write_config(org)
    plein = [str(Path(sys.executable).parent / "plein")]
    done = subprocess.run([*plein, "build", "-q"], cwd=org, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    before = {p.relative_to(org / "site"): p.stat().st_mtime_ns for p in (org / "site").rglob("*")}
    with open(org / "content" / "teams" / "ict.yml", "a", encoding="utf-8") as fh:
        fh.write("lead: [unclosed\n")
    done = subprocess.run([*plein, "build", "-q"], cwd=org, capture_output=True, text=True)
    assert done.returncode == 1
    assert "content/teams/ict.yml:5:" in done.stderr and "Traceback" not in done.stderr
    after = {p.relative_to(org / "site"): p.stat().st_mtime_ns for p in (org / "site").rglob("*")}
    assert after == before
    assert [p.name for p in org.iterdir() if p.name.startswith(".site")] == []


def test_plain_text_fast_path_gives_markdowns_html():
    """Staff text without markup skips Markdown; what a reader sees must not change."""
    from hypothesis import given, settings, strategies as st
    from plein.site.sanitize import Sanitizer, _SYNTAX

    sanitizer = Sanitizer(["admonition", "attr_list", "md_in_html", "tables", "toc"])
    alphabet = st.sampled_from(list("abcXYZ éü019.,;:!?'\"()=/-+~%@$^ \t\n") + ["  \n", "\n\n", "    "])

    @settings(max_examples=400, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text):
        if text.strip() and not _SYNTAX.search(text):
            md = sanitizer._staff.clean(sanitizer._staff_md.reset().convert(text))
            assert sanitizer.staff(text) == md
            news = sanitizer._news.clean(sanitizer._news_md.reset().convert(text))
            assert sanitizer.news(text) == news
    check()


def test_shared_page_parts_rendered_once_per_folder_give_the_same_pages(tmp_path, monkeypatch):
    """Navigation, tabs, footer and scripts are reused between generated pages of a folder;
    every page must be byte for byte what Material renders for it on its own."""
    import plein.site.render
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    fast = build_org(org, tmp_path / "fast")
    monkeypatch.setattr(plein.site.render, "PAGE_TEMPLATE", "main.html")
    plain = build_org(org, tmp_path / "plain")
    pages = sorted(p.relative_to(fast) for p in fast.rglob("*.html"))
    assert pages == sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert [p for p in pages if (fast / p).read_bytes() != (plain / p).read_bytes()] == []
