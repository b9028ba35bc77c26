"""Where the site's pages of records live: the source path of each (people/<handle>.md) and
its address (people/<handle>/). The site (site/links.py) makes its pages there, and `plein
validate` (model/recordlinks.py) judges links to them, so both know one layout.

Record pages sit one folder deep (people/<handle>.md); listings sit at an index.md or two
folders deep (people/page/2.md), so an id can only collide with 'index', which gets a '_'
(ids never contain one)."""
from __future__ import annotations


def _leaf(folder: str, key: str) -> str:
    return f"{folder}/{'_' + key if key == 'index' else key}.md"


def person(handle: str) -> str:
    return _leaf("people", handle)


def team(team_id: str) -> str:
    return _leaf("teams", team_id)


def topic(slug: str) -> str:
    return _leaf("expertise", slug)


def thread(thread_id: str) -> str:
    return _leaf("discussions", thread_id)


def news(news_id: str) -> str:
    return f"news/{news_id}.md"  # news ids are '<year>/<date>-<slug>'


def url(src_uri: str, directory_urls: bool = True) -> str:
    """The site URL of a source path, as MkDocs computes it (without a leading slash)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def html_file(src_uri: str, directory_urls: bool = True) -> str:
    """The file of the built site that holds the page of `src_uri` ('people/ann/index.html')."""
    address = url(src_uri, directory_urls)
    return address + "index.html" if not address or address.endswith("/") else address
