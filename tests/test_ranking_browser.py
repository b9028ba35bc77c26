"""One ranking of people for a topic (issue 27) in the browser: for every spelling of a topic
in tests/cases/ranking/, the site's search box (search/browser/, over the static index of
search.export) lists the people in the order `plein who-knows` gives, as tests/test_ranking.py
checks for `plein search` and the topic pages."""
from __future__ import annotations

import pytest

from conftest import make_org
from test_ranking import CASES, SPELLINGS, _files, _run
from test_search_browser import Site, type_query, wait_results, watched_page
from test_site_build import write_config

pytestmark = pytest.mark.browser
pytest.importorskip("playwright.sync_api")
MORE = "button.plein-search__more"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = make_org(tmp_path_factory.mktemp("ranking-browser"), _files(CASES["org"]))
    write_config(root, search=True)
    s = Site(root)
    yield s
    s.close()


@pytest.fixture(scope="module")
def page(chromium_browser, site):
    p = watched_page(chromium_browser, site.url())
    yield p
    p.close()


def shown_people(page, spelling: str) -> list:
    """The handles of the people the search box shows for `spelling`, in its order, after
    asking for more results until all are shown (a page holds ten)."""
    page.fill("input.md-search__input", "")
    type_query(page, spelling)
    while page.locator(MORE).count():
        page.click(MORE)  # runs the search again at once: the box is busy until it is shown
        wait_results(page, spelling)
    ids = page.eval_on_selector_all(".plein-search__item[data-kind=person]", "els => els.map(e => e.dataset.id)")
    return [i.split(":", 1)[1] for i in ids]


@pytest.mark.parametrize("group,spelling", SPELLINGS, ids=[s for _, s in SPELLINGS])
def test_the_search_box_lists_people_as_who_knows_does(site, page, group, spelling):
    knows = _run(site.root, "who-knows", "-n", "100", spelling)
    stated = [p["handle"] for p in knows["people"] if p["standing"]]
    assert stated == CASES["groups"][group]["people"], "who-knows"
    assert shown_people(page, spelling)[:len(stated)] == stated, "the search box"
    assert page.errors == []
