"""Relative links in a news body lead where MkDocs would take them in a Markdown page (issue 29):
written relative to the news file, to a page's .md file, a picture, another news item, with
an anchor; after a real `mkdocs build` the site's link check passes the page, and each link
is followed from the built page to a file of the site."""
from __future__ import annotations

import posixpath
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from PIL import Image

from plein.site.linkcheck import check

from test_site_build import CASES, build_org

NEWS = "content/news/2026/2026-11-26-links.md"
BODY = """---
title: Links in het nieuws
date: 2026-11-26 10:00
authors: [carla-smit]
---

Lees [hoe je bijdraagt](../../help/bijdragen.md) en [de velden](../../help/content-reference.md#profielen),
het [vorige bericht](2026-11-20-nieuwe-huisstijl.md), [de helpmap](../../help/) en
[dit stuk](#onderaan).

![De plattegrond](../../img/plattegrond.png)

Wat blijft zoals het is: [een site](https://example.org/a.md), [mail](mailto:comms@wetterveen.example)
en `[code](../../help/bijdragen.md)`.

## Onderaan
"""


def links_of(html: str) -> list[str]:
    from html.parser import HTMLParser
    found = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag in ("a", "img") and (attrs.get("href") or attrs.get("src")):
                found.append(attrs.get("href") or attrs.get("src"))
    body = html.split('class="plein-news-body"', 1)[1].split("</div>", 1)[0]
    Reader().feed("<div " + body)
    return found


def test_relative_links_in_a_news_body_lead_to_the_pages(tmp_path):
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    (org / NEWS).write_text(BODY, encoding="utf-8")
    (org / "content/img").mkdir()
    Image.new("RGB", (8, 8), "white").save(org / "content/img/plattegrond.png")
    (org / "content/help/bijdragen.md").write_text("# Bijdragen\n", encoding="utf-8")
    (org / "content/help/index.md").write_text("# Help\n", encoding="utf-8")
    reference = org / "content/help/content-reference.md"
    reference.write_text(reference.read_text(encoding="utf-8") + "\n## Profielen\n", encoding="utf-8")
    site = build_org(org, tmp_path / "site", now="2026-11-27 12:00")

    page = "news/2026/2026-11-26-links/index.html"
    links = links_of((site / page).read_text(encoding="utf-8"))
    assert links[:8] == ["../../../help/bijdragen/", "../../../help/content-reference/#profielen",
                         "../../../news/2026/2026-11-20-nieuwe-huisstijl/", "../../../help/", "#onderaan",
                         "../../../img/plattegrond.png", "https://example.org/a.md",
                         "mailto:comms@wetterveen.example"], links
    assert links[8:] == ["#onderaan"]  # the heading's permalink
    for link in links:  # each relative one leads to a file of the site
        parts = urlsplit(link)
        if parts.scheme or not parts.path:
            continue
        target = site / posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
        assert (target / "index.html").is_file() or target.is_file(), link
    assert "<code>[code](../../help/bijdragen.md)</code>" in (site / page).read_text(encoding="utf-8")
    # and the site's link check (the pipelines' build) finds nothing broken on the page, anchors too
    assert [b for b in check(site) if b.page == page] == []


def test_the_converter_leaves_what_is_not_a_relative_link_alone():
    from plein.site.doclinks import converter
    convert = converter("news/2026", lambda src: "../../../" + (src[:-3] + "/" if src.endswith(".md") else src))
    assert convert("../../help/bijdragen.md#kop") == "../../../help/bijdragen/#kop"
    assert convert("een%20plaatje.png") == "../../../news/2026/een%20plaatje.png"
    for kept in ("https://example.org/x.md", "//example.org/x.md", "/help/bijdragen.md", "#kop",
                 "mailto:a@b.example", "javascript:alert(1)", "../../../buiten.md", ""):
        assert convert(kept) is None, kept


def test_relative_links_in_the_news_feed_lead_to_the_pages(tmp_path):
    """The Atom feed carries the same body: its links lead from the feed's address (its
    xml:base), so a feed reader, which has no page to resolve them against, reaches the same files."""
    import xml.etree.ElementTree as ET
    from html.parser import HTMLParser

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from test_site_build import write_config
    org = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", org)
    (org / NEWS).write_text(BODY, encoding="utf-8")
    (org / "content/img").mkdir()
    Image.new("RGB", (8, 8), "white").save(org / "content/img/plattegrond.png")
    (org / "content/help/bijdragen.md").write_text("# Bijdragen\n", encoding="utf-8")
    (org / "content/help/index.md").write_text("# Help\n", encoding="utf-8")
    (org / "content/help/content-reference.md").write_text("# Velden\n\n## Profielen\n", encoding="utf-8")
    site = tmp_path / "site"
    build(load_config(config_file=str(write_config(org, now="2026-11-27 12:00")), site_dir=str(site),
                      site_url="https://intranet.example.org/sub/"))
    atom = "{http://www.w3.org/2005/Atom}"
    [entry] = [e for e in ET.parse(site / "feeds/news.xml").getroot().iter(atom + "entry")
               if e.findtext(atom + "title") == "Links in het nieuws"]
    found = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if tag in ("a", "img") and (attrs.get("href") or attrs.get("src")):
                found.append(attrs.get("href") or attrs.get("src"))
    Reader().feed(entry.findtext(atom + "content"))
    from urllib.parse import urljoin
    feed_base = ET.parse(site / "feeds/news.xml").getroot().get("{http://www.w3.org/XML/1998/namespace}base")
    assert feed_base == "https://intranet.example.org/sub/feeds/news.xml"
    found = [urljoin(feed_base, u) if not u.startswith("#") else u for u in found]
    inside = [u for u in found if u.startswith("https://intranet.example.org/sub/")]
    assert len(inside) == 5, repr(found)  # the page, the reference, the other item, the folder, the image
    for url in inside:
        path = unquote(urlsplit(url).path)[len("/sub/"):]
        assert (site / path / "index.html").is_file() or (site / path).is_file(), url
    assert "https://example.org/a.md" in found and "mailto:comms@wetterveen.example" in found
