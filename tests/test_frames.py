"""Generated pages made from a frame shared per folder (plein/site/frames.py) are the very bytes
Material's template gives them (issue 29).

The example site, with every hostile case of tests/cases/hostile/render planted in every
free-text field, in Help titles, in the site's name and in commit authors, is built twice: once
with frames and once with every page rendered in full. Every file must be the same, frames
must have made most generated pages, and a page whose values are not plain text is never
framed. A frame that goes wrong after its first checks stops the build, naming the page."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from plein.site import frames
from test_hostile_render import SITE_NAME_CASE, cases, help_pages, history, plant, text_of
from test_site_build import NOW, REPO, with_plein

SHOW = 8


@pytest.fixture(scope="module")
def hostile_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("frames") / "org"
    for part in ("profiles", "content"):
        shutil.copytree(REPO / part, root / part)
    plant(root)
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["site_name"] = text_of(next(c for c in cases() if c["name"] == SITE_NAME_CASE), "config.site_name")
    help_pages(root, config)
    history(root)
    config["strict"] = True
    config["plugins"] = with_plein(config["plugins"], {"forge": "gitlab", "language": "nl", "now": NOW,
                                                       "git": True, "search": False})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def build_copy(root: Path, name: str, enabled: bool, monkeypatch):
    """A build of a copy of `root` (its own cache), with or without frames: (site, Frames)."""
    copy = root.parent / name
    shutil.copytree(root, copy, symlinks=True)
    monkeypatch.setattr(frames.Frames, "enabled", enabled)
    config = load_config(config_file=str(copy / "mkdocs.yml"), site_dir=str(copy / "site"))
    build(config)
    return copy / "site", config.plugins["plein"].site.frames


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_framed_pages_are_the_bytes_of_the_template(hostile_root, monkeypatch):
    site, used = build_copy(hostile_root, "framed", True, monkeypatch)
    plain, unused = build_copy(hostile_root, "full", False, monkeypatch)
    assert unused.framed == 0
    a, b = files_of(site), files_of(plain)
    assert sorted(a) == sorted(b)
    differ = [path for path in a if a[path] != b[path]]
    assert not differ, f"{len(differ)} files differ with frames, e.g. {differ[:SHOW]}"
    pages = sum(1 for path in a if path.endswith(".html"))
    assert used.framed > pages // 2, f"only {used.framed} of {pages} pages came from a frame"


def test_a_frame_that_differs_later_stops_the_build_naming_the_page(hostile_root, monkeypatch, caplog):
    monkeypatch.setattr(frames, "CHECK_EVERY", 3)
    fill = frames.Frame.fill
    monkeypatch.setattr(frames.Frame, "fill", lambda self, values: fill(self, values) + (
        "<!-- wrong -->" if self.checked >= 2 else ""))
    with pytest.raises(Abort):
        build_copy(hostile_root, "wrong", True, monkeypatch)
    stopped = [r.getMessage() for r in caplog.records if "shared page frame" in r.getMessage()]
    assert stopped and stopped[0].endswith(".md: the shared page frame of this folder gave other bytes than "
                                           "the template; pages made from it earlier may be wrong. Please "
                                           "report this to Plein's developers with the page's address."), stopped


@pytest.mark.parametrize("value, plain", [
    ("Anouk Dekker", True),
    ("'t Hart, Jan \"Jantje\" (ICT) – 100% @wijk/noord", True),
    ("Zoë Çelik-Ørsted", True),
    ("A &amp; B", False),  # striptags in <title> would unescape it
    ("<script>alert(1)</script>", False),
    ("a > b", False),
    ("two  spaces", False),  # striptags collapses runs of white space
    (" leading", False),
    ("line\nbreak", False),
    (None, False),
])
def test_which_values_a_frame_may_hold(value, plain):
    assert frames.plain(value) is plain


@pytest.mark.parametrize("html, markers, cut", [
    ("<t>M0x</t><a href=M1x>M2x</a>", ["M0x", "M1x", "M2x"], (("<t>", "</t><a href=", ">", "</a>"), (0, 1, 2))),
    ("M0x M0x", ["M0x"], (("", " ", ""), (0, 0))),
    ("no markers", ["M0x"], (("no markers",), ())),
    ("M0xM1x", ["M0xM1x", "M1x"], None),  # overlapping markers cannot be cut safely
])
def test_cutting_a_page_at_its_markers(html, markers, cut):
    assert frames._split(html, markers) == cut
