"""Relative links in text that Plein renders itself (news bodies), converted as MkDocs converts
them in a Markdown page: written relative to the source file, `../../help/bijdragen.md` leads
to that page's address, relative to the page that shows the text.

MkDocs does this for the pages it renders; a news item's page is made by Plein from its file
(content/news/<year>/<file>.md becomes news/<year>/<file>/), so without this a link to
another .md file would lead to the Markdown file, which the site does not have, and a link to
a picture (content/img/x.png) would be one folder off, as the page is one folder deeper. The links are rewritten on the tree
Python-Markdown builds (never in HTML), after its inline patterns ran; the sanitiser (nh3)
then cleans the result with the rest. Links with a scheme (https:, mailto:, javascript:),
to another host, from the site's root ('/…') or to a part of the same page ('#…') are left
as written, and so is a link that leaves the site's folder: the link check reports it."""
from __future__ import annotations

import posixpath
from typing import Callable
from urllib.parse import quote, unquote, urlsplit

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# (source folder of the text inside docs_dir, e.g. 'news/2026') -> converter of one address
Converter = Callable[[str], "str | None"]
ATTRIBUTES = {"a": "href", "img": "src"}


def converter(src_dir: str, href_of: Callable[[str], str]) -> Converter:
    """Converts an address written in a file of `src_dir` (a folder inside docs_dir):
    `href_of(src_uri)` is the link from the page being rendered to the page made from a
    Markdown file (views.Views.href), or to any other file of the site."""
    def convert(address: str) -> str | None:
        parts = urlsplit(address)
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            return None
        target = posixpath.normpath(posixpath.join(src_dir, unquote(parts.path)))
        if target == ".." or target.startswith("../") or target == ".":
            return None
        link = href_of(target)
        if parts.path.endswith("/") and not link.endswith("/"):
            link += "/"
        link = quote(link, safe="/.:")
        return link + ("?" + parts.query if parts.query else "") + ("#" + parts.fragment if parts.fragment else "")
    return convert


class _Links(Treeprocessor):
    def __init__(self, md):
        super().__init__(md)
        self.convert: Converter | None = None

    def run(self, root):
        if self.convert is None:
            return
        for element in root.iter():
            attribute = ATTRIBUTES.get(element.tag)
            value = element.get(attribute) if attribute else None
            if value:
                new = self.convert(value)
                if new is not None:
                    element.set(attribute, new)


class DocLinkExtension(Extension):
    """Set `.convert` before a conversion; None (the default) changes nothing."""

    def extendMarkdown(self, md):
        self.processor = _Links(md)
        md.treeprocessors.register(self.processor, "plein-doclinks", 4)  # after inline (20)

    @property
    def convert(self):
        return self.processor.convert

    @convert.setter
    def convert(self, value):
        self.processor.convert = value
