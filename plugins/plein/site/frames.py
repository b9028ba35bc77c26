"""Material's page around each generated body, rendered once per folder and kind of page.

Why: Plein's generated pages that no nav item names (profiles, threads, topics: 49,000 at
15,000 people) get Material's base.html around their body, and that cost as much as the bodies
(issue 29). Within one folder and kind, the page around the body is the same text but for a
few values: the title, the canonical address, the Git date and authors, and the body. So it is
rendered once with markers in their place (a frame), and each page is the frame with its own
values, escaped as the template escapes them.

A frame gives exactly the bytes the template gives, or is not used:
- each value is plain text (no `<`, `>`, `&`, no runs of white space), for which escaping is
  all that any of the template's filters does to it (`e`, `striptags`, `join`, `d`); a page
  with another value is rendered in full, so a hostile title never meets a frame;
- the frame is rendered with two sets of markers of different lengths, and must come out the
  same around them: no value changed the shape of the page;
- the first two pages of each frame, and one in CHECK_EVERY after, are also rendered in full
  and compared. A difference in the first two turns the frame off; a later one stops the build
  (the pages written from the frame before it would be wrong), naming the page.
"""
from __future__ import annotations

import copy
import posixpath

from jinja2 import pass_context
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

FULL_TEMPLATE = "plein/page.html"  # Material's page, with the blocks shared per folder
CHECK_EVERY = 97  # (prime: pages of one folder come in a regular order of kinds)
SLOT_META = ("plein_updated", "plein_authors")


def plain(value) -> bool:
    """Text that every filter of the page template leaves as it is, apart from escaping."""
    return (isinstance(value, str) and "<" not in value and ">" not in value and "&" not in value
            and " ".join(value.split()) == value)


class Frame:
    """The parts of a page between its values, and which value goes between each two."""

    def __init__(self, parts: tuple, order: tuple):
        self.parts, self.order = parts, order
        self.checked = 0

    def fill(self, values: list) -> str:
        out = [self.parts[0]]
        for part, slot in zip(self.parts[1:], self.order):
            out.append(values[slot])
            out.append(part)
        return "".join(out)


def _split(html: str, markers: list):
    """`html` cut at each marker: (parts, index of the marker after each part but the last)."""
    found = []
    for slot, marker in enumerate(markers):
        start = html.find(marker)
        while start != -1:
            found.append((start, slot, len(marker)))
            start = html.find(marker, start + len(marker))
    found.sort()
    parts, order, at = [], [], 0
    for start, slot, length in found:
        if start < at:  # markers overlap: cannot be cut safely
            return None
        parts.append(html[at:start])
        order.append(slot)
        at = start + length
    parts.append(html[at:])
    return tuple(parts), tuple(order)


class Frames:
    """The Jinja global `plein_framed()` of templates/plein/framed.html, for one build."""

    enabled = True  # (tests build with and without frames and compare every byte)

    def __init__(self, env):
        self.env = env
        self.full = env.get_template(FULL_TEMPLATE)
        self.frames: dict = {}
        self.framed = self.rendered = 0

    @pass_context
    def __call__(self, context) -> Markup:
        page = context["page"]
        key, values = self._key(page)
        if key is None or not self.enabled:
            return self._render(context)
        frame = self.frames.get(key)
        if frame is None:
            frame = self.frames[key] = self._frame(context, page, len(values) - 3) or False
        if frame is False:
            return self._render(context)
        html = frame.fill(values)
        frame.checked += 1
        if frame.checked <= 2 or frame.checked % CHECK_EVERY == 0:
            full = self._render(context)
            if full != html:
                if frame.checked > 2:
                    raise PluginError(
                        f"{page.file.src_uri}: the shared page frame of this folder gave other "
                        "bytes than the template; pages made from it earlier may be wrong. "
                        "Please report this to Plein's developers with the page's address.")
                self.frames[key] = False
                return full
        else:
            self.framed += 1
        return Markup(html)

    def _render(self, context) -> Markup:
        self.rendered += 1
        return Markup(self.full.render(context.get_all()))

    @staticmethod
    def _key(page):
        """What the frame depends on, and the page's values in slot order (title, canonical
        address, body, date, authors...); (None, None) when the page must be rendered in full."""
        meta = page.meta or {}
        content = page.content or ""
        authors = meta.get("plein_authors") or []
        updated = meta.get("plein_updated")
        title, canonical = page.title, page.canonical_url
        texts = [title, canonical or "", *([updated] if updated else []), *authors]
        if (not title or "<style" in content or page.toc or page.is_homepage
                or page.previous_page or page.next_page or not isinstance(authors, list)
                or not all(plain(v) for v in texts)):
            return None, None
        rest = tuple(sorted((k, repr(v)) for k, v in meta.items() if k not in SLOT_META))
        key = (posixpath.dirname(page.url.rstrip("/")), page.edit_url, "<h1" in content, canonical is None,
               bool(updated), len(authors), rest)
        values = [str(escape(title)), str(escape(texts[1])), content, *[str(escape(v)) for v in texts[2:]]]
        return key, values

    def _frame(self, context, page, extra: int):
        """The frame of `page`'s key, or None when markers do not cut it cleanly."""
        cuts = []
        for mark in ("Pl3inFr4me", "Pl3inFr4meLonger"):
            markers = [f"{mark}{slot}x" for slot in range(3 + extra)]
            if "<h1" in page.content:
                markers[2] = f"<h1>{markers[2]}</h1>"
            fake = copy.copy(page)
            fake.title, fake.content = markers[0], Markup(markers[2])
            if page.canonical_url is not None:
                fake.canonical_url = markers[1]
            meta = dict(page.meta or {})
            if meta.get("plein_updated"):
                meta["plein_updated"] = markers[3]
            if "plein_authors" in meta:
                meta["plein_authors"] = markers[4 if meta.get("plein_updated") else 3:]
            fake.meta = meta
            variables = dict(context.get_all(), page=fake)
            html = self.full.render(variables)
            cuts.append(_split(html, markers))
        first, second = cuts
        if first is None or second is None or first != second:
            return None
        return Frame(*first)
