"""A second `plein build` into the same folder gives the site a build from scratch gives.

The bundled example organisation, as a git repository of its own, is built once (the cache is
warm), edited, and built again in place; the edited tree is also copied without cache or site
and built from scratch. Both sites must hold the same files, byte for byte: a page that an edit
should change but the second build skipped (a stale page) shows up as a difference. Two
scenarios also undo their edits by switching back to the branch without them, and that third
build must give back the first site. Each edit reaches pages besides the edited record's own
(team pages, the directory, threads, kudos and news lists, every page's navigation): there a
cache that tracks a page's inputs too narrowly goes wrong."""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
from PIL import Image

from conftest import commit, git, make_org
from incremental_helpers import changed_pages, copy_sources, plein_build, replace, site_report

REPO = Path(__file__).resolve().parents[1]
NOW = "2026-11-27 12:00"  # the plugin's `now`: scheduled and expired news stay put
EDIT_DATE = "2026-11-26T10:00:00+01:00"  # the edits' commit, after the example's commit
IGNORE = "/site/\n/.plein-cache/\n/.site.new-*/\n/.site.old-*/\n"  # as the project's own


@pytest.fixture
def example(git_repo) -> Path:
    """A copy of the bundled example as a git repository on 'main', one commit, fixed `now`."""
    if not any((REPO / "profiles").glob("*.yml")):
        pytest.skip("profiles/ holds no example yet: run tools/generate-example")
    files = {p.relative_to(REPO).as_posix(): p.read_bytes()
             for name in ("profiles", "content") for p in (REPO / name).rglob("*") if p.is_file()}
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  plein:\n" in config, "mkdocs.yml: Plein's options are no longer a mapping under plugins"
    files["mkdocs.yml"] = config.replace("\n  plein:\n", f'\n  plein:\n    now: "{NOW}"\n', 1)
    files[".gitignore"] = IGNORE
    return git_repo(files)


def photo(path: Path, colour: tuple[int, int, int]) -> None:
    """A small PNG of one colour: a photo the example does not have yet."""
    Image.new("RGB", (96, 96), colour).save(path, format="PNG")


def edit_people(root: Path) -> None:
    replace(root, "profiles/jan-de-vries.yml", "name: Jan de Vries\n", "name: Jan de Vries-Post\n")
    replace(root, "profiles/priya-raman.yml", "role: Team Lead Information & Data\n",
            "role: Head of Information & Data\n")  # the role only: name, team and photo stay
    replace(root, "profiles/daan-kok.yml", "team: ruimte\n", "team: informatievoorziening\n")


def edit_teams_and_threads(root: Path) -> None:
    replace(root, "content/teams/informatievoorziening.yml", "name: Information & Data\n",
            "name: Informatie en Data\n")
    thread = root / "content/discussions/thuiswerken-en-de-teamdag"
    (thread / "replies/2026-11-26T10-00-lotte-visser.md").write_text(
        "---\nauthor: lotte-visser\ndate: 2026-11-26 10:00\n---\n\n"
        "Wij houden de teamdag op dinsdag, en wie dan thuis moet blijven belt in.\n", encoding="utf-8")
    replace(root, "content/discussions/coordinatenstelsel-kaarten-omgevingsplan/index.md",
            'accepted: "2026-05-12T15-20-jan-de-vries"', 'accepted: "2026-05-13T08-45-joost-vermeulen"')


def edit_news_and_kudos(root: Path) -> None:
    (root / "content/kudos/2026/2026-11-26-lotte-visser-1.md").write_text(
        "---\nfrom: lotte-visser\nto: jan-de-vries\ndate: 2026-11-26\n---\n\n"
        "Dank voor de kaarten bij het omgevingsplan, precies op tijd.\n", encoding="utf-8")
    replace(root, "content/news/2026/2026-11-16-welkom-op-plein.md", "pinned: true\n", "")
    replace(root, "content/news/2026/2026-11-20-welkom-rosa-nina-en-daan.md",
            "date: 2026-11-20 09:00\n", "date: 2026-11-20 09:00\npinned: true\n")
    (root / "content/news/2026/2026-11-09-parkeergarage-stadskantoor-werkzaamheden.md").unlink()


def edit_person_and_photos(root: Path) -> None:
    for rel in ("profiles/eva-schouten.yml", "profiles/photos/eva-schouten/eva-schouten.png",  # one reply
                "content/discussions/wachtlijsten-jeugdzorg-wat-kunnen-we-lokaal-doen/replies/"
                "2026-08-31T15-45-eva-schouten.md"):
        (root / rel).unlink()
    photo(root / "profiles/gerrit-post.png", (40, 120, 200))  # added
    replace(root, "profiles/gerrit-post.yml", "team: openbare-ruimte\n",
            "team: openbare-ruimte\nphoto: gerrit-post.png\n")
    (root / "profiles/photos/thomas-bakker/thomas-bakker.png").unlink()  # removed
    replace(root, "profiles/thomas-bakker.yml", "photo: photos/thomas-bakker/thomas-bakker.png\n", "")
    photo(root / "profiles/photos/lotte-visser/lotte-visser.png", (200, 80, 40))  # replaced: same name, other picture


def edit_site_name(root: Path) -> None:
    replace(root, "mkdocs.yml", "site_name: Gemeente Wetterveen intranet\n", "site_name: Plein Wetterveen\n")


def edit_help_page(root: Path) -> None:
    # its first heading is its title in the Help section's navigation, which every Help page
    # shows (navigation.prune leaves that section out of the other pages)
    replace(root, "content/help/bijdragen.md", "# Bijdragen aan het intranet\n", "# Meedoen aan het intranet\n")
    replace(root, "content/help/bijdragen.md", "binnen een paar minuten op het intranet", "binnen een kwartier op het intranet")


@dataclass(frozen=True)
class Scenario:
    name: str
    edit: Callable[[Path], None]
    committed: bool  # False: built from the work tree, as before a commit
    undo: bool  # then switch back to the branch without the edits and build a third time
    must_change: tuple[str, ...]  # pages besides the edited records' own that the edit changes


SCENARIOS = [
    Scenario("people", edit_people, True, True, (
        "teams/ruimte/index.html", "teams/informatievoorziening/index.html", "people/index.html",
        "discussions/where-should-we-keep-our-python-scripts/index.html", "kudos/index.html",
        "changes/index.html")),
    Scenario("teams-and-threads", edit_teams_and_threads, True, False, (
        "people/priya-raman/index.html", "teams/index.html", "teams/bedrijfsvoering/index.html",
        "discussions/index.html", "people/lotte-visser/index.html",
        "people/joost-vermeulen/index.html")),
    Scenario("news-and-kudos", edit_news_and_kudos, False, False, (
        "index.html", "news/index.html", "kudos/index.html", "people/jan-de-vries/index.html",
        "people/sven-lammers/index.html", "feeds/news.xml", "sitemap.xml")),
    Scenario("person-and-photos", edit_person_and_photos, True, True, (
        "people/index.html", "teams/sociaal-domein/index.html", "discussions/index.html",
        "discussions/wachtlijsten-jeugdzorg-wat-kunnen-we-lokaal-doen/index.html",
        "teams/openbare-ruimte/index.html", "people/erik-hoogland/index.html", "teams/directie/index.html",
        "assets/photos/lotte-visser.jpg", "sitemap.xml")),
    Scenario("site-name", edit_site_name, True, False, (
        "index.html", "people/jan-de-vries/index.html", "discussions/index.html", "404.html")),
    Scenario("help-page", edit_help_page, True, False, (
        "help/bijdragen/index.html", "help/contribute/index.html", "help/publiceren/index.html")),
]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_build_after_an_edit_equals_a_build_from_scratch(scenario, example, tmp_path):
    first = shutil.copytree(plein_build(example), tmp_path / "first-site")
    git(example, "checkout", "-q", "-b", "edit")
    scenario.edit(example)
    if scenario.committed:
        commit(example, f"Edit: {scenario.name}", date=EDIT_DATE)
    again = plein_build(example)
    scratch = plein_build(copy_sources(example, tmp_path / "scratch"))

    unchanged = sorted(set(scenario.must_change) - changed_pages(first, scratch))
    assert not unchanged, (f"{scenario.name}: a build from scratch of the edited tree left {unchanged} "
                           "as they were: the edit no longer reaches them, so this scenario tests "
                           "less than it says. Pick pages it does change.")
    reports = [site_report(again, scratch, f"second build after the edits '{scenario.name}'")]
    if scenario.undo:  # deleted files come back, edited ones get their old bytes
        git(example, "checkout", "-q", "main")
        reports.append(site_report(plein_build(example), first,
                                   f"third build, after switching back from the edits '{scenario.name}'"))
    if any(reports):
        pytest.fail("\n\n".join(r for r in reports if r), pytrace=False)
    shutil.rmtree(tmp_path)  # ~60 MB of sites and caches; a failing test keeps them for its report


def test_second_build_without_changes_gives_the_same_site(example, tmp_path):
    first = shutil.copytree(plein_build(example), tmp_path / "first-site")
    report = site_report(plein_build(example), first, "second build with no change")
    if report:
        pytest.fail(report, pytrace=False)
    shutil.rmtree(tmp_path)


def test_the_comparison_names_stale_missing_and_left_over_files(tmp_path):
    """The check itself, on two tiny folders: it must see each kind of difference."""
    got = make_org(tmp_path / "again", {"index.html": "<h1>Old</h1>\n", "gone/index.html": "x",
                                        "same.css": "s", "photo.jpg": b"\xff\x01"})
    want = make_org(tmp_path / "scratch", {"index.html": "<h1>New</h1>\n", "new/index.html": "y",
                                           "same.css": "s", "photo.jpg": b"\xff\x02"})
    report = site_report(got, want, "check")
    assert "2 files with other bytes" in report and "-<h1>New</h1>" in report and "+<h1>Old</h1>" in report
    assert "missing" in report and "new/index.html" in report
    assert "should not be there" in report and "gone/index.html" in report
    assert "first difference at byte 1" in report and "same.css" not in report
    assert site_report(want, want, "same") == ""
