"""Atom feeds of the news (site-wide and per team), written as generated files."""
from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from ..model.clock import DEFAULT_ZONE, offset_stamp
from . import links as L

MAX_ENTRIES = 50


def atom(title: str, self_src: str, page_src: str, items, site_url: str, lang, org, html_of,
         directory_urls: bool = True, zone: str = DEFAULT_ZONE) -> str:
    # Dates in the files are local wall-clock times in `zone`; Atom needs their offset.
    _stamp = lambda when: offset_stamp(when, zone)  # noqa: E731
    base = (site_url or "").rstrip("/") + "/"
    # links in a body lead from the feed's own address, which readers resolve them against
    # (xml:base says so explicitly); not absolute, since the sanitiser drops images of hosts
    body_prefix = "../" * self_src.count("/")
    link = lambda src: base + L.url(src, directory_urls)
    items = list(items)[:MAX_ENTRIES]
    updated = max((n.date for n in items), default=datetime(2000, 1, 1))
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang.code}"'
           + (f" xml:base={quoteattr(link(self_src))}>" if site_url else ">"),
           f"<title>{escape(title)}</title>", f"<id>{escape(link(page_src))}</id>",
           f"<link rel=\"self\" href={quoteattr(link(self_src))}/>",
           f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(link(page_src))}/>",
           f"<updated>{_stamp(updated)}</updated>"]
    for n in items:
        url = link(L.news(n.id))
        authors = "".join(f"<author><name>{escape(org.people[a].name if a in org.people else a)}</name></author>"
                          for a in n.authors)
        out += ["<entry>", f"<title>{escape(n.title)}</title>", f"<id>{escape(url)}</id>",
                f"<link rel=\"alternate\" type=\"text/html\" href={quoteattr(url)}/>",
                f"<published>{_stamp(n.date)}</published>", f"<updated>{_stamp(n.date)}</updated>",
                authors]
        if n.summary:
            out.append(f"<summary>{escape(n.summary)}</summary>")
        out += [f"<content type=\"html\">{escape(str(html_of(n, body_prefix)))}</content>", "</entry>"]
    out.append("</feed>")
    return "\n".join(out) + "\n"
