"""Free text written by staff, as safe HTML: Markdown → HTML → cleaned by nh3.

Structured data never comes through here: only bios, replies, updates, kudos, threads,
team descriptions and news bodies. One Markdown instance per kind of text is reused with
reset(), since building one costs more than converting a short reply."""
from __future__ import annotations

import html
import re

import markdown
import nh3

from ..model.outside import LOADING, is_outside
from .doclinks import Converter, DocLinkExtension
from .mentions import MentionExtension, Resolver

SCHEMES = {"http", "https", "mailto"}
LINK_REL = "noopener noreferrer"

# What staff may use: ordinary formatting, lists, tables, code, links and images.
STAFF_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "s", "strong", "sub", "sup",
    "table", "tbody", "td", "th", "thead", "tr", "ul",
}
STAFF_ATTRS = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
               "th": {"align"}, "td": {"align"}, "abbr": {"title"}}

# News (the communications team) may also use Material's blocks: admonitions, details, grids.
NEWS_TAGS = STAFF_TAGS | {"h1", "div", "span", "details", "summary", "figure", "figcaption",
                          "mark", "dl", "dt", "dd", "caption", "colgroup", "col", "small", "u"}
NEWS_ATTRS = {**STAFF_ATTRS, "*": {"class", "id", "title"}, "img": {"src", "alt", "title", "width", "height"},
              "details": {"open"}, "col": {"span"}, "td": {"align", "colspan", "rowspan"},
              "th": {"align", "colspan", "rowspan"}, "ol": {"start"}}

STAFF_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]
# Extensions that leave text without Markdown syntax (see _SYNTAX) alone.
PLAIN_SAFE = {"tables", "fenced_code", "sane_lists", "admonition", "attr_list", "md_in_html", "toc",
              "footnotes", "abbr"}
# Text without any of these is plain paragraphs to Markdown: it is rendered directly, with
# the same HTML, because Python-Markdown takes about a millisecond per short text.
_SYNTAX = re.compile(r"[\\`*_\[\]<>#|&{}\t\r]|^\s*(?:[-+=]|\d+[.)](?:\s|$)|!!!|~~~|\?\?\?)|^ | $", re.M)
_BLANK = re.compile(r"\n\n+")

DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "noscript",
                     "textarea", "select", "svg", "math"}


def _cleaner(tags, attributes) -> nh3.Cleaner:
    return nh3.Cleaner(tags=tags, attributes=attributes, url_schemes=SCHEMES, link_rel=LINK_REL,
                       clean_content_tags=DROP_WITH_CONTENT, strip_comments=True,
                       attribute_filter=_local_only)


def _local_only(tag: str, name: str, value: str) -> str | None:
    """An image from another host is a tracking pixel: its address is left out (its alt text
    stays), and `plein validate` says why (model/outside.py). Links may point anywhere."""
    if name in LOADING and tag != "a" and is_outside(value):
        return None
    return value


class Sanitizer:
    def __init__(self, news_extensions=(), news_configs=None):
        self._mentions = MentionExtension()  # @handle: a link, made on the parsed tree
        self._staff_md = markdown.Markdown(extensions=[*STAFF_EXTENSIONS, self._mentions])
        self._staff = _cleaner(STAFF_TAGS, STAFF_ATTRS)
        news_extensions = [e for e in news_extensions if _safe_extension(e)]
        # The plain-text shortcut is exact only while no extension reacts to plain text
        # (smarty quotes, magiclink URLs, emoji...): otherwise news always go through Markdown.
        self._news_plain = all(isinstance(e, str) and e.rsplit(".", 1)[-1] in PLAIN_SAFE
                               for e in news_extensions)
        self._doclinks = DocLinkExtension()  # relative links as MkDocs makes them (doclinks)
        self._news_md = markdown.Markdown(extensions=[*news_extensions, self._doclinks],
                                          extension_configs=news_configs or {})
        self._news = _cleaner(NEWS_TAGS, NEWS_ATTRS)

    def staff(self, text: str, mention: Resolver | None = None) -> str:
        """Markdown by anyone, as HTML that cannot run script or load frames. `mention(handle)`:
        the address of that colleague's page, or None; with it `@handle` becomes a link."""
        if not text:
            return ""
        if not _SYNTAX.search(text) and (mention is None or "@" not in text):
            return plain_paragraphs(text)
        self._mentions.resolve = mention
        try:
            return self._staff.clean(self._staff_md.reset().convert(text))
        finally:
            self._mentions.resolve = None

    def news(self, text: str, links: Converter | None = None) -> str:
        """News bodies: the site's Markdown extensions, a broader but still clean allowlist.
        `links` (doclinks.converter) converts relative links as MkDocs does in a page."""
        if not text:
            return ""
        if self._news_plain and not _SYNTAX.search(text):
            return plain_paragraphs(text)
        self._doclinks.convert = links
        try:
            return self._news.clean(self._news_md.reset().convert(text))
        finally:
            self._doclinks.convert = None


def plain_paragraphs(text: str) -> str:
    """What Markdown makes of text without markup: a <p> per blank-line-separated block."""
    blocks = _BLANK.split(text.strip("\n"))  # no line starts or ends with a space (see _SYNTAX)
    return "\n".join(f"<p>{html.escape(b, quote=False)}</p>" for b in blocks if b)


def _safe_extension(ext) -> bool:
    """MkDocs' own pipeline hooks (relative links) need a page; everything else is fine."""
    return isinstance(ext, str) or hasattr(ext, "extendMarkdown")
