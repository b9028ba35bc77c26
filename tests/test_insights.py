"""The Insights page (issue 19): its figures as data on a small fixture with known Git dates
(tests/cases/insights/small) and on the example organisation (tests/cases/insights/example.json),
the page in Dutch and in English with small teams left out, the CSV download equal to
`plein insights --json`, an unchanged build that computes nothing, and in Chromium every
chart's SVG with its table and no request to another host."""
from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml

from conftest import git
from plein.cli import main
from plein.git import log as gitlog
from plein.insights.figures import compute
from plein.insights.table import rows
from plein.model.load import load
from test_site_build import REPO, write_config

CASES = Path(__file__).parent / "cases" / "insights"
SMALL = CASES / "small"
EXPECT = json.loads((SMALL / "expect.json").read_text(encoding="utf-8"))
NOW = EXPECT["now"]
CHARTS = ["people", "activity", "answers", "profiles", "topics"]


def fixture_repo(root: Path) -> Path:
    """The fixture's files committed step by step as history.yml says, with its dates and authors."""
    source = SMALL / "org"
    every = sorted(p.relative_to(source).as_posix() for p in source.rglob("*") if p.is_file())
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    done = set()
    for n, step in enumerate(yaml.safe_load((SMALL / "history.yml").read_text(encoding="utf-8"))):
        for rel in (r for r in every if r.startswith(tuple(step.get("add", ()))) and r not in done):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source / rel, root / rel)
            done.add(rel)
        for rel, text in step.get("append", {}).items():
            with open(root / rel, "a", encoding="utf-8") as fh:
                fh.write(text)
        git(root, "add", "-A")
        git(root, "commit", "-q", "--no-verify", f"--author={step['author']}", "-m", f"step {n}", date=step["date"])
    assert done == set(every), "history.yml must commit every file of the fixture"
    return root


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Path:
    return fixture_repo(tmp_path_factory.mktemp("insights") / "org")


def check_figures(fig: dict, expect: dict) -> None:
    """Compare the figures with the expected ones: months and quarters by name (only those
    listed), every other section as a whole."""
    months = {m["month"]: {k: v for k, v in m.items() if k != "month"} for m in fig["months"]}
    assert len(months) == 24 and fig["months"][-1]["month"] == expect["now"][:7]
    assert {m: months[m] for m in expect["months"]} == expect["months"]
    answers = dict(fig["answers"])
    quarters = {q.pop("quarter"): q for q in map(dict, answers.pop("quarters"))}
    assert len(quarters) == 8
    assert {q: quarters[q] for q in expect["answers"]["quarters"]} == expect["answers"]["quarters"]
    assert answers == {k: v for k, v in expect["answers"].items() if k != "quarters"}
    for section in ("open_questions", "profiles", "knowledge", "topics", "topic_gaps", "teams"):
        if section in expect:
            assert fig[section] == expect[section], section


def test_figures_of_a_fixture_with_known_git_dates(small):
    org, problems = load(small)
    assert not problems.errors
    history = gitlog.scan(small)
    assert history.warning == ""
    check_figures(compute(org, history, date.fromisoformat(NOW)), EXPECT)


def test_figures_of_the_example_organisation():
    expect = json.loads((CASES / "example.json").read_text(encoding="utf-8"))
    org, _ = load(REPO)
    check_figures(compute(org, gitlog.History.empty(), date.fromisoformat(expect["now"])), expect)


def test_a_team_of_fewer_than_five_is_not_shown(small):
    org, _ = load(small)
    fig = compute(org, gitlog.scan(small), date.fromisoformat(NOW))
    sizes = {t: sum(not org.people[h].alumnus for h in org.members.get(t, ())) for t in org.teams}
    assert sizes == {"gemeente": 1, "groot": 5, "klein": 3}  # groot also has an alumnus: 6 files
    assert [t["team"] for t in fig["teams"]["shown"]] == ["groot"]


def site_csv(site: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO((site / "insights" / "inzicht.csv").read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def sites(small, tmp_path_factory):
    """The fixture built in Dutch and in English, with Git history."""
    out = {}
    for language in ("nl", "en"):
        root = tmp_path_factory.mktemp(f"site-{language}") / "org"
        shutil.copytree(small, root)
        write_config(root, git=True, language=language, now=f"{NOW} 12:00")
        git(root, "add", "-A")
        git(root, "commit", "-q", "--no-verify", "-m", "the site's configuration", date="2026-11-30T08:00:00+01:00")
        out[language] = _build(root)
    return out


def _build(root: Path) -> Path:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    return root / "site"


def test_the_csv_download_equals_plein_insights_json(small, sites, capsys):
    assert main(["insights", "--json", "--root", str(small), "--now", NOW]) == 0
    figures = json.loads(capsys.readouterr().out)
    check_figures(figures, EXPECT)
    expected = [["section", "item", "measure", "value"], *map(list, rows(figures))]
    for language, site in sites.items():
        assert site_csv(site) == expected, language
    assert ["months", "2026-11", "contributors", "6"] in expected
    assert ["open_questions", "subsidie", "days_open", "12"] in expected
    assert main(["insights", "--csv", "--root", str(small), "--now", NOW]) == 0
    assert list(csv.reader(io.StringIO(capsys.readouterr().out))) == expected


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_page_in_both_languages_names_no_one_and_hides_small_teams(sites, language):
    html = (sites[language] / "insights" / "index.html").read_text(encoding="utf-8")
    page = EXPECT["page"]
    assert [w for w in page[language] if w not in html] == []
    assert [w for w in page["absent"] if w in html] == []
    assert html.count('class="plein-chart__svg"') == len(CHARTS)
    home = (sites[language] / "index.html").read_text(encoding="utf-8")
    assert 'href="insights/"' in home


def test_plein_insights_refuses_content_with_errors(small, tmp_path, capsys):
    root = tmp_path / "broken"
    shutil.copytree(small, root)
    (root / "profiles" / "jan.yml").write_text("name: Jan\n", encoding="utf-8")
    assert main(["insights", "--json", "--root", str(root), "--now", NOW]) == 1
    err = capsys.readouterr().err
    assert "profiles/jan.yml" in err and "plein validate" in err


def test_an_unchanged_build_computes_no_figures(small, tmp_path, monkeypatch):
    import plein.site.views
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    calls = []
    real = plein.site.views.compute
    monkeypatch.setattr(plein.site.views, "compute", lambda *a: calls.append(a) or real(*a))
    root = tmp_path / "org"
    shutil.copytree(small, root)
    write_config(root, git=True, now=f"{NOW} 12:00")

    def dirty_build():
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        config.plugins.on_startup(command="build", dirty=True)
        build(config, dirty=True)
        out = root / "site" / "insights"
        return len(calls), {p.name: p.stat().st_mtime_ns for p in out.iterdir()}, site_csv(root / "site")

    assert dirty_build()[0] == 1
    # (the first build after a cold parse cache still remakes pages of threads: their records
    # read back from the cache digest differently; that is the page cache's, not this page's)
    first = dirty_build()
    again = dirty_build()
    assert again == first  # no figures computed, the page and its CSV not written again
    (root / "content" / "discussions" / "subsidie" / "replies").mkdir()
    (root / "content" / "discussions" / "subsidie" / "replies" / "2026-12-01T09-00-cas.md").write_text(
        "---\nauthor: cas\ndate: 2026-12-01 09:00\n---\nKijk in het subsidieregister.\n", encoding="utf-8")
    edited = dirty_build()
    assert edited[0] == first[0] + 1
    assert ["months", "2026-12", "replies", "1"] in edited[2]
    assert ["open_questions", "subsidie", "replies", "1"] in edited[2]


def test_insights_false_makes_no_page_no_csv_and_no_link(small, tmp_path):
    root = tmp_path / "org"
    shutil.copytree(small, root)
    config = write_config(root, insights=False, now=f"{NOW} 12:00")
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["nav"] = [item for item in data["nav"] if "Help" not in item]  # the nav names the page
    config.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = _build(root)
    assert not (site / "insights").exists()
    assert "insights/" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "changes" / "index.html").is_file()


@pytest.mark.browser
def test_every_chart_has_its_svg_and_table_and_nothing_loads_from_outside(sites, chromium_browser):
    from test_browser_site import Served
    served = Served(sites["nl"])
    context = chromium_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(served.url("insights/"), wait_until="networkidle")
        figures = page.locator("figure.plein-chart")
        assert figures.evaluate_all("fs => fs.map(f => f.id)") == [f"ins-{c}" for c in CHARTS]
        for n in range(figures.count()):
            figure = figures.nth(n)
            svg = figure.locator("svg[role=img]")
            assert svg.count() == 1 and svg.bounding_box()["width"] > 300
            assert svg.get_attribute("aria-labelledby") == figure.locator("figcaption").get_attribute("id")
            assert figure.locator("table").count() == 1
            assert figure.locator("table tbody tr").count() > 0
        figures.first.locator("summary").click()
        assert figures.first.locator("table").is_visible()
        link = page.locator("a[download]")
        assert link.get_attribute("href").endswith("inzicht.csv")
        assert page.request.get(served.url("insights/inzicht.csv")).ok
        outside = [u for u in requests if not u.startswith(served.url())]
        assert outside == [] and errors == []
    finally:
        context.close()
        served.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 375])
def test_the_page_meets_wcag_aa_and_fits_a_phone(sites, chromium_browser, width):
    """axe-core's WCAG 2.1 A/AA rules on the page's content (Material's own header, tabs and
    footer are measured elsewhere), and no sideways scrolling at phone width."""
    axe = REPO / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        pytest.skip("axe-core is not installed (make install runs npm ci)")
    from test_browser_site import Served
    served = Served(sites["en"])
    context = chromium_browser.new_context(viewport={"width": width, "height": 900},
                                           bypass_csp=True)  # axe is an inline script: the CSP blocks it
    page = context.new_page()
    try:
        page.goto(served.url("insights/"))
        page.add_script_tag(path=str(axe))
        violations = page.evaluate("""async () => (await axe.run({include: [['article']]},
            {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}))
            .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))""")
        assert violations == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    finally:
        context.close()
        served.close()
