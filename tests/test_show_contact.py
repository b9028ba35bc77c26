"""Office days follow `show_contact` (issue 24): built with `show_contact: false`, the example
site has no office-day filter in the directory and no office days anywhere, neither on a
page nor in the search index's data that the browser reads (plein-search/people.z and every
JSON and JS file). The same build with show_contact true shows them, so the check can fail."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from test_search_browser import _Quiet
from test_site_build import REPO, build_org

# the labels of the directory's office-day filter and of a profile's office days (site/i18n.py)
LABELS = ("Kantoordag", "Op kantoor")
DAYS_DATA = re.compile(r'"(?:office_)?days"\s*:\s*[\[{]\s*"')
PERSON = "people/erik-hoogland/index.html"  # office_days: [mon, wed, thu]


class Directory(HTMLParser):
    """The directory form's select names and its words (data-plein-directory)."""

    def __init__(self, html: str):
        super().__init__()
        self.selects, self.words = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self.selects.append(attrs.get("name"))
        if "data-plein-directory" in attrs:
            self.words = json.loads(attrs["data-plein-directory"])


@pytest.fixture(scope="module", params=[False, True], ids=["show_contact-false", "show_contact-true"])
def built(request, tmp_path_factory):
    root = tmp_path_factory.mktemp(f"contact-{request.param}") / "example"
    for name in ("profiles", "content"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return request.param, build_org(root, root / "site", show_contact=request.param, search=True)


def people_header(site: Path) -> dict:
    data = zlib.decompress((site / "plein-search" / "people.z").read_bytes())
    return json.loads(data.split(b"\n", 1)[0])


def leaks(site: Path) -> list[str]:
    """Where the built site holds office days or their filter."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            page = Directory(html)
            if "day" in page.selects or (page.words and "days" in page.words):
                found.append(f"{rel}: the office-day filter")
            found += [f"{rel}: '{label}'" for label in LABELS if f">{label}<" in html]
        elif path.suffix in (".json", ".js") and DAYS_DATA.search(path.read_text(encoding="utf-8")):
            found.append(f"{rel}: office days as data")
    if people_header(site)["days"]:
        found.append("plein-search/people.z: office days in the directory's data")
    return found


def test_office_days_appear_only_where_contact_details_do(built):
    show_contact, site = built
    found = leaks(site)
    if show_contact:  # the control: each place the check looks at does hold them then
        assert "people/index.html: the office-day filter" in found
        assert f"{PERSON}: 'Op kantoor'" in found
        assert "plein-search/people.z: office days in the directory's data" in found
    else:
        assert found == []
        assert "maandag, woensdag, donderdag" not in (site / PERSON).read_text(encoding="utf-8")
        assert Directory((site / "people/index.html").read_text(encoding="utf-8")).selects == \
            ["team", "location", "expertise", "language"]


@pytest.mark.browser
@pytest.mark.parametrize("built", [False], indirect=True, ids=["show_contact-false"])
def test_the_directory_works_without_the_office_day_filter(built, chromium_browser):
    """Without the filter, the directory still filters, and a shared link with ?day= (from a
    site that had it) is read without it, with no error."""
    show_contact, site = built  # with office days: tests/test_directory.py
    assert not show_contact
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = chromium_browser.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/people/?team=ruimte&day=tue")
        page.wait_for_function("() => document.querySelector('[data-plein-directory]').dataset.state === 'ready'")
        shown = page.eval_on_selector_all("[data-plein-found] .plein-card", "els => els.map(e => e.dataset.id)")
        assert shown and "person:jan-de-vries" in shown
        assert page.locator("select[name=day]").count() == 0
        assert page.locator("select[name=team] option").count() > 1
        assert errors == []
    finally:
        page.close()
        server.shutdown()
        server.server_close()
