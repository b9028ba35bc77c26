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
        self.full = env.get_template(FULL_TEMPLATE)
        self.frames: dict = {}
        self.framed = self.rendered = 0

    @pass_context
    def __call__(self, context) -> Markup:
        page = context["page"]
        own = _values(page) if self.enabled else None
        if own is None:
            return self._render(context)
        key = _key(page, own)
        frame = self.frames.get(key)
        if frame is None:
            frame = self.frames[key] = self._frame(context, page, len(own)) or False
        if frame is False:
            return self._render(context)
        html = frame.fill([str(escape(v)) if slot != BODY else v for slot, v in enumerate(own)])
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

    def _frame(self, context, page, slots: int):
        """The frame of `page`'s key, or None when markers do not cut it cleanly."""
        cuts = []
        for mark in ("Pl3inFr4me", "Pl3inFr4meLonger"):
            markers = [f"{mark}{slot}x" for slot in range(slots)]
            if "<h1" in page.content:
                markers[BODY] = f"<h1>{markers[BODY]}</h1>"
            html = self.full.render(dict(context.get_all(), page=_holding(page, markers)))
            cuts.append(_split(html, markers))
        first, second = cuts
        if first is None or second is None or first != second:
            return None
        return Frame(*first)


BODY = 2  # the slot of the page's body, the one value printed as HTML


def _values(page) -> list | None:
    """The page's own values in slot order: title, canonical address, body, then the Git date
    (when there is one) and each author; None when the page must be rendered in full."""
    meta = page.meta or {}
    content = page.content or ""
    authors = meta.get("plein_authors") or []
    updated = meta.get("plein_updated")
    if (not page.title or "<style" in content or page.toc or page.is_homepage
            or page.previous_page or page.next_page or not isinstance(authors, list)):
        return None
    own = [page.title, page.canonical_url or "", content, *([updated] if updated else []), *authors]
    return own if all(plain(v) for slot, v in enumerate(own) if slot != BODY) else None


def _key(page, own: list) -> tuple:
    """What the frame depends on besides the values: the folder (links are relative to it),
    the page's other meta, and the shape of its values."""
    meta = page.meta or {}
    rest = tuple(sorted((k, repr(v)) for k, v in meta.items() if k not in SLOT_META))
    return (posixpath.dirname(page.url.rstrip("/")), page.edit_url, "<h1" in own[BODY],
            page.canonical_url is None, bool(meta.get("plein_updated")), len(own), rest)


def _holding(page, values: list):
    """A copy of `page` with `values` (in _values' order) in place of its own."""
    fake = copy.copy(page)
    fake.title, fake.content = values[0], Markup(values[BODY])
    if page.canonical_url is not None:
        fake.canonical_url = values[1]
    meta, rest = dict(page.meta or {}), values[BODY + 1:]
    if meta.get("plein_updated"):
        meta["plein_updated"], rest = rest[0], rest[1:]
    if "plein_authors" in meta:
        meta["plein_authors"] = list(rest)
    fake.meta = meta
    return fake
