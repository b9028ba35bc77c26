"""Publishing: the time zone decides what is out, the published address replaces the local
one everywhere, a public Pages address without access control stops a strict build, and
precompressed copies match their pages. Real `mkdocs build`s of the basic case."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from datetime import datetime, timezone
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from plein.commands.build import build_site
from plein.errors import FatalError

from plein.model.clock import local_now
from test_site_build import CASES, build_org, write_config

UTC = timezone.utc


@pytest.mark.parametrize("utc, zone, local", [
    (datetime(2026, 1, 15, 8, 5, tzinfo=UTC), "Europe/Amsterdam", "2026-01-15 09:05"),   # CET
    (datetime(2026, 7, 15, 7, 5, tzinfo=UTC), "Europe/Amsterdam", "2026-07-15 09:05"),   # CEST
    (datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "Europe/Amsterdam", "2026-03-29 03:00"),   # the spring jump
    (datetime(2026, 1, 15, 23, 30, tzinfo=UTC), "Europe/Amsterdam", "2026-01-16 00:30"),  # next day there
    (datetime(2026, 1, 15, 8, 5, tzinfo=UTC), "UTC", "2026-01-15 08:05"),
])
def test_now_is_the_wall_clock_of_the_zone(utc, zone, local):
    assert f"{local_now(zone, clock=utc):%Y-%m-%d %H:%M}" == local


def test_now_without_override_follows_the_real_clock_in_the_zone():
    before = local_now("Asia/Tokyo")
    there = datetime.now(UTC).astimezone(__import__("zoneinfo").ZoneInfo("Asia/Tokyo"))
    assert abs((there.replace(tzinfo=None) - before).total_seconds()) < 120


@pytest.fixture
def org(tmp_path):
    root = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", root)
    return root


def test_unknown_time_zone_is_named_with_a_fix(org, tmp_path, caplog):
    with pytest.raises(Abort):
        build_org(org, tmp_path / "site", timezone="Europe/Amsterdm")
    assert "plein: option 'timezone': 'Europe/Amsterdm' is not a known time zone; write an IANA name" in caplog.text


def test_published_address_replaces_the_local_one(org, tmp_path, monkeypatch):
    monkeypatch.setenv("PLEIN_SITE_URL", "https://intranet.wetterveen.example/plein")
    site = build_org(org, tmp_path / "site", search=True)
    local = [str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in (".html", ".xml", ".json")
             and "127.0.0.1" in p.read_text(encoding="utf-8", errors="replace")]
    assert local == []
    assert "<loc>https://intranet.wetterveen.example/plein/people/anna-jansen/</loc>" in (site / "sitemap.xml").read_text()
    assert 'href="https://intranet.wetterveen.example/plein/feeds/news.xml"' in (site / "feeds/news.xml").read_text()
    page = (site / "people/anna-jansen/index.html").read_text()
    assert '<link rel="canonical" href="https://intranet.wetterveen.example/plein/people/anna-jansen/">' in page
    # 404.html is served for any missing path, so its assets are addressed from the site's root
    missing = (site / "404.html").read_text()
    assert 'href="/plein/assets/stylesheets/' in missing and 'href="/assets/' not in missing


def test_public_pages_address_without_access_control_stops_a_strict_build(org, tmp_path, monkeypatch):
    monkeypatch.setenv("PLEIN_SITE_URL", "https://wetterveen.gitlab.io/intranet/")
    config = write_config(org)
    with pytest.raises(FatalError, match="1 warnings in strict mode"):
        build_site(config, str(tmp_path / "site"), strict=True)  # what `plein build --strict` does
    assert not (tmp_path / "site").exists()
    build_org(org, tmp_path / "site", access_controlled=True)
    assert (tmp_path / "site/people/anna-jansen/index.html").is_file()


def test_public_warning_names_the_host_and_the_fix(org, tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("PLEIN_SITE_URL", "https://wetterveen.github.io/intranet/")
    config = write_config(org)
    with pytest.raises(Abort):
        build(load_config(config_file=str(config), site_dir=str(tmp_path / "site")))
    text = caplog.text
    assert "site_url https://wetterveen.github.io/intranet/ is on github.io" in text
    assert "access_controlled: true" in text and "Fix:" in text


def test_precompressed_copies_equal_their_files(org, tmp_path):
    site = build_org(org, tmp_path / "site", precompress=True, search=True)
    page = max(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    assert gzip.decompress(Path(str(page) + ".gz").read_bytes()) == page.read_bytes()
    # a file that fits the first round trip anyway gets no copy (publish.MIN_SIZE, 14 KB)
    texts = [p for p in site.rglob("*") if p.suffix in (".html", ".js", ".css", ".xml", ".json")]
    small = [p for p in texts if p.stat().st_size < 14 * 1024]
    large = [p for p in texts if p.stat().st_size >= 14 * 1024]
    assert small and large
    assert not [p for p in small if Path(str(p) + ".gz").exists()]
    assert not [p for p in large if not Path(str(p) + ".gz").is_file()]
    assert (site / "sitemap.xml.gz").is_file() or (site / "sitemap.xml").stat().st_size < 14 * 1024
    assert not list(site.rglob("*.jpg.gz")) and not list(site.rglob("*.gz.gz"))
    # an unchanged build keeps them; a page that is gone takes its copy along
    stale = site / "gone/index.html.gz"
    stale.parent.mkdir()
    stale.write_bytes(b"")
    left = Path(str(small[0]) + ".gz")  # as an older Plein left the copies of small files
    left.write_bytes(gzip.compress(small[0].read_bytes()))
    # (not strict: MkDocs warns of every dirty build, which strict would stop at; the test ran
    # green only after a test that had left MkDocs' logger quiet)
    build(load_config(config_file=str(org / "mkdocs.yml"), site_dir=str(site), strict=False), dirty=True)
    assert not stale.exists() and not left.exists() and Path(str(page) + ".gz").is_file()



BLOCKS = {"address", "article", "aside", "blockquote", "body", "br", "dd", "details", "div", "dl",
          "figcaption", "figure", "pre",
          "dt", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "li",
          "main", "nav", "ol", "p", "section", "summary", "table", "td", "th", "title", "tr", "ul",
          # form controls are boxes of their own (Plein's filter labels are flex columns)
          "button", "fieldset", "input", "label", "legend", "option", "select", "textarea"}


class _Reader(HTMLParser):
    """What a reader gets from a page: its text, the addresses of its links and images, and
    its elements in order. Text in separate blocks is apart however the source spaces it;
    within a block, a space between two inline elements is part of what is read."""

    def __init__(self):
        super().__init__()
        self.text, self.links, self.tags, self._skip = [], [], [], 0

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._skip += tag in ("script", "style")
        self.links += [v for k, v in attrs if k in ("href", "src") and v]
        self.text.append(" " if tag in BLOCKS else "")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")
        self.text.append(" " if tag in BLOCKS else "")

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)

    def seen(self):
        return " ".join("".join(self.text).split()), self.links, self.tags


def read(path: Path):
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.seen()


def test_minified_pages_read_the_same_and_are_smaller(org, tmp_path):
    plain = build_org(org, tmp_path / "plain", search=True)
    small = build_org(org, tmp_path / "small", search=True, minify=True)
    pages = sorted(p.relative_to(plain) for p in plain.rglob("*.html"))
    assert len(pages) > 30
    assert [(p, read(small / p)) for p in pages] == [(p, read(plain / p)) for p in pages]
    size = lambda site: sum((site / p).stat().st_size for p in pages)
    assert size(small) < 0.8 * size(plain)


def test_a_broken_link_fails_the_build_and_nothing_is_published(org, tmp_path, monkeypatch):
    """check_links, as the pipelines build: a page written by hand that links nowhere is named
    with its fix, and `plein build` publishes no site; the example's own links all lead somewhere."""
    monkeypatch.setenv("PLEIN_SITE_URL", "https://intranet.wetterveen.example/plein/")
    (org / "content" / "help").mkdir(exist_ok=True)
    (org / "content" / "help" / "gids.md").write_text("# Gids\n\nZie [Anna](../../people/anna-jansen/) en "
                                                      "<a href='../../nergens/'>nergens</a>.\n")
    config = write_config(org, check_links=True)
    with pytest.raises(FatalError) as raised:
        build_site(config, str(tmp_path / "site"), strict=True)
    assert not (tmp_path / "site").exists()
    assert ("content/help/gids.md (page help/gids/index.html): the link '../../nergens/' leads nowhere: "
            "no such file in the site. Fix: correct the link in content/help/gids.md") in str(raised.value)
    assert "anna-jansen" not in str(raised.value)
    # a record's own text is named by its file: Carla's bio has an <img src=x> (the XSS case)
    assert ("profiles/carla-smit.yml (page people/carla-smit/index.html): the link 'x' leads nowhere: "
            "no such file in the site. Fix: correct the link in profiles/carla-smit.yml") in str(raised.value)
    (org / "profiles" / "carla-smit.yml").write_text(
        (org / "profiles" / "carla-smit.yml").read_text().replace("<img src=x ", "<img src=https://x.invalid/x "))
    (org / "content" / "help" / "gids.md").write_text("# Gids\n\nZie [Anna](../../people/anna-jansen/).\n")
    build_site(config, str(tmp_path / "site"), strict=True)
    assert (tmp_path / "site/help/gids/index.html").is_file()


def test_a_site_as_it_was_at_the_last_check_is_not_checked_again(org, tmp_path):
    """A scheduled build that changed nothing skips the 50 s check at L; any change checks."""
    bio = org / "profiles" / "carla-smit.yml"
    bio.write_text(bio.read_text().replace("<img src=x ", "<img src=https://x.invalid/x "))
    config = write_config(org, check_links=True)
    build_site(config, str(tmp_path / "site"), strict=True)
    checked = org / ".plein-cache" / "links-checked.txt"  # written by a check that passed
    first = checked.stat().st_mtime_ns
    build_site(config, str(tmp_path / "site"), strict=True)
    assert checked.stat().st_mtime_ns == first  # not checked again
    (org / "content" / "help").mkdir(exist_ok=True)
    (org / "content" / "help" / "gids.md").write_text("# Gids\n\n<a href='../../nergens/'>nergens</a>\n")
    with pytest.raises(FatalError, match="the link '../../nergens/' leads nowhere"):
        build_site(config, str(tmp_path / "site"), strict=True)


def test_a_site_published_with_links_is_the_cache_and_survives_a_failed_build(org, tmp_path):
    """`plein build --link` (ci/build.sh): a pipeline's job starts without site/, so the site is
    made of hard links to the cache's copy instead of a second copy of every file (692 MB at L).
    If the same folder is built again and the build fails, the site is still the last good one."""
    config = write_config(org)
    site = tmp_path / "site"
    build_site(config, str(site), link=True)
    page = site / "people" / "anna-jansen" / "index.html"
    staging = next((org / ".plein-cache" / "sites").iterdir())
    assert page.stat().st_nlink > 1 and page.samefile(staging / "people" / "anna-jansen" / "index.html")
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert before == {p.relative_to(staging): p.read_bytes() for p in staging.rglob("*") if p.is_file()}

    profile = org / "profiles" / "anna-jansen.yml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("name:", "role: Nieuwe rol\nname:", 1),
                       encoding="utf-8")
    (org / "content" / "help").mkdir(exist_ok=True)
    (org / "content" / "help" / "kapot.md").write_text("---\ntitle: [unclosed\n---\n# Kapot\n")
    with pytest.raises(FatalError):
        build_site(config, str(site), strict=True, link=True)
    assert {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert not page.samefile(staging / "people" / "anna-jansen" / "index.html")


def _files(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_site_published_by_moving_is_taken_back_by_the_next_build(org, tmp_path):
    """`plein build --move` (ci/build.sh): the cache's copy of the site becomes site/, which the
    pipeline's cache keeps; the next build renames it back and writes only what changed, so an
    unchanged page is the same file throughout (no copy, no link: 4-5 s of every build at L)."""
    config = write_config(org)
    site, sites = tmp_path / "site", org / ".plein-cache" / "sites"
    build_site(config, str(site), move=True)
    page, other = site / "people/anna-jansen/index.html", site / "people/carla-smit/index.html"
    first = _files(site)
    assert first and page.is_file() and [p.name for p in sites.iterdir() if p.is_dir()] == []  # moved
    inode = other.stat().st_ino

    build_site(config, str(site), move=True)  # nothing changed
    assert _files(site) == first and other.stat().st_ino == inode

    profile = org / "profiles" / "anna-jansen.yml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(re.sub(r"(?m)^role: .*$", "role: Nieuwe rol", text), encoding="utf-8")
    build_site(config, str(site), move=True)
    assert "Nieuwe rol" in page.read_text() and other.stat().st_ino == inode
    again = tmp_path / "again"  # the same commit built from nothing gives the same site
    shutil.copytree(org, tmp_path / "org2", ignore=shutil.ignore_patterns(".plein-cache"))
    build_site(write_config(tmp_path / "org2"), str(again))
    assert _files(site).keys() == _files(again).keys()


def test_a_cache_without_the_moved_site_gives_a_whole_site(org, tmp_path):
    """A runner whose cache lost site/ (or kept only .plein-cache): the record of the last build
    no longer holds and every page is made again, never an empty or partial site."""
    config = write_config(org)
    site = tmp_path / "site"
    build_site(config, str(site), move=True)
    whole = _files(site)
    shutil.rmtree(site)
    build_site(config, str(site), move=True)  # nothing changed, but the site is gone
    assert _files(site) == whole


def test_link_and_move_are_one_or_the_other(org, tmp_path):
    plein = Path(sys.executable).with_name("plein")
    done = subprocess.run([str(plein), "build", "-f", str(write_config(org)), "-d", str(tmp_path / "site"),
                           "--link", "--move"], capture_output=True, text=True)
    assert done.returncode != 0 and "choose one" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "site").exists()


def _site_for_precompress(root: Path) -> None:
    big = ("<p>" + "woord " * 4000 + "</p>").encode()
    (root / "a").mkdir(parents=True)
    (root / "plein-search").mkdir()
    (root / "a" / "new.html").write_bytes(big)  # no copy yet
    (root / "kept.html").write_bytes(big + b"1")
    (root / "kept.html.gz").write_bytes(b"an up-to-date copy")
    (root / "changed.html").write_bytes(big + b"2")
    (root / "changed.html.gz").write_bytes(b"a stale copy")
    (root / "small.html").write_bytes(b"<p>klein</p>")
    (root / "small.html.gz").write_bytes(b"a copy of what was big once")
    (root / "gone.html.gz").write_bytes(b"a copy of a page that is gone")
    (root / "photo.jpg").write_bytes(big)  # not text: no copy
    (root / "plein-search" / "meta.json").write_bytes(big)  # written after the walk (fresh)
    for name, when in (("kept.html", 1_000), ("kept.html.gz", 2_000), ("changed.html", 3_000),
                       ("changed.html.gz", 2_000)):
        os.utime(root / name, ns=(when * 10**9, when * 10**9))


def test_precompress_from_the_link_checks_walk_does_what_its_own_walk_does(tmp_path):
    """The pipeline's build walks the site once, for the link check, and precompresses from
    that walk plus one of the search's folder (written since): the same copies as a walk of
    its own, stale ones made again, those of small or gone pages removed."""
    from plein.site.publish import precompress, site_listing

    own, shared = tmp_path / "own", tmp_path / "shared"
    _site_for_precompress(own)
    _site_for_precompress(shared)
    listing = site_listing(shared, skip=("plein-search",))
    assert precompress(own) == precompress(shared, listing=listing, fresh=("plein-search",))
    files = {p.relative_to(own).as_posix(): p.read_bytes() for p in sorted(own.rglob("*")) if p.is_file()}
    assert files == {p.relative_to(shared).as_posix(): p.read_bytes()
                     for p in sorted(shared.rglob("*")) if p.is_file()}
    assert {n for n in files if n.endswith(".gz")} == {
        "a/new.html.gz", "kept.html.gz", "changed.html.gz", "plein-search/meta.json.gz"}
    assert files["kept.html.gz"] == b"an up-to-date copy"
    assert gzip.decompress(files["changed.html.gz"]) == files["changed.html"]
