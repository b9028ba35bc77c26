"""`@handle` in staff text: a link to that colleague's page, made on Markdown's parsed tree.

The mention is found in the text of the tree Python-Markdown builds, after its inline
patterns ran, never in HTML: text in code, preformatted blocks and links stays as written,
and an escaped `\\@` is a placeholder there, so it never links. Only a handle the resolver
knows becomes a link; the link is an element with its text, so ElementTree escapes it and
the sanitiser (nh3) cleans it with the rest. The same walk finds whom a text mentions, for
the e-mails (digest.instant)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Callable

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# '@' not inside a word or an address (jan@example.org), then what could be a handle
CANDIDATE = re.compile(r"(?<![\w@.+\\-])@([a-z0-9]+(?:-[a-z0-9]+)*)(?![a-z0-9@-])")
SKIP = {"code", "pre", "a", "kbd"}

Resolver = Callable[[str], "str | None"]  # handle -> href, or None when it is nobody


def _split(text: str, resolve: Resolver):
    """Pieces of `text`: strings and (handle, href) for each mention of a known handle. The
    whole name counts: '@jan-de-vries-en' is nobody's mention, not jan-de-vries' plus '-en'."""
    out, at = [], 0
    for m in CANDIDATE.finditer(text):
        href = resolve(m.group(1))
        if href is not None:
            out += [text[at:m.start()], (m.group(1), href)]
            at = m.end()
    out.append(text[at:])
    return out


def _links(pieces) -> list:
    """(text before, [(a element, text after)]) of the pieces from _split."""
    first, made = pieces[0], []
    for handle, href in pieces[1::2]:
        a = etree.Element("a", {"href": href})
        a.text = "@" + handle
        made.append(a)
    for a, after in zip(made, pieces[2::2]):
        a.tail = after
    return first, made


def link_mentions(root, resolve: Resolver) -> None:
    """Every mention of a known handle under `root` as an <a> to its page, in place."""
    for parent in list(root.iter()):
        if parent.tag in SKIP:
            continue
        children = list(parent)
        if parent.text and "@" in parent.text:
            pieces = _split(parent.text, resolve)
            if len(pieces) > 1:
                parent.text, made = _links(pieces)
                for i, a in enumerate(made):
                    parent.insert(i, a)
        for child in children:  # a child's tail is text of the parent, also inside <code>'s parent
            if child.tail and "@" in child.tail:
                pieces = _split(child.tail, resolve)
                if len(pieces) > 1:
                    child.tail, made = _links(pieces)
                    at = list(parent).index(child) + 1
                    for i, a in enumerate(made):
                        parent.insert(at + i, a)


class _Mentions(Treeprocessor):
    def __init__(self, md):
        super().__init__(md)
        self.resolve: Resolver | None = None

    def run(self, root):
        if self.resolve is not None:
            link_mentions(root, self.resolve)


class MentionExtension(Extension):
    """Set `.resolve` before a conversion; None (the default) links nothing."""

    def extendMarkdown(self, md):
        self.processor = _Mentions(md)
        md.treeprocessors.register(self.processor, "plein-mentions", 5)  # after inline (20)

    @property
    def resolve(self):
        return self.processor.resolve

    @resolve.setter
    def resolve(self, value):
        self.processor.resolve = value


_FINDER: tuple | None = None


def mentioned(text: str, known) -> list[str]:
    """The handles in `known` that `text` (Markdown) mentions, each once, in order."""
    global _FINDER
    if not text or "@" not in text:
        return []
    if _FINDER is None:
        ext = MentionExtension()
        _FINDER = (markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists", ext]), ext)
    md, ext = _FINDER
    found: dict = {}

    def resolve(handle):
        if handle in known:
            found[handle] = None
            return "#"
        return None

    ext.resolve = resolve
    try:
        md.reset().convert(text)
    finally:
        ext.resolve = None
    return list(found)
