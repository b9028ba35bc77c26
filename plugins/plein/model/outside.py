"""Images and frames from other hosts in what staff write.

Pages load nothing from outside hosts: an image from elsewhere tells that host who read the
page and when (a tracking pixel; staff privacy under the GDPR), and it would not load on a
closed network anyway. The sanitiser (site/sanitize.py) leaves such addresses out of the page;
`plein validate` warns about them through `outside_resources`, so the author learns why the
image is missing. Both use `is_outside`, so they cannot disagree.
"""
from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

# attributes that make a browser fetch something as the page loads
LOADING = frozenset({"src", "srcset", "data", "poster", "background", "href", "xlink:href"})
FETCHING_TAGS = frozenset({"img", "iframe", "frame", "embed", "object", "video", "audio", "source",
                           "track", "input", "image", "link", "use", "table", "td", "body"})
# a browser ignores these before an address, and reads '\' as '/' in http(s) addresses
_IGNORED = "".join(map(chr, range(0x21))) + "\x7f"


def is_outside(url: str) -> bool:
    """Does loading `url` from a page of the site reach another host? Only paths are safe:
    'photo.png', '../img/x.png', '/assets/x.png'. Anything with a scheme (https:, http:x, data:,
    javascript:) or a host ('//host', '/\\\\host') is not."""
    value = url.strip(_IGNORED).replace("\\", "/")
    for char in "\t\n\r":  # browsers drop these anywhere in an address
        value = value.replace(char, "")
    if value.startswith("//"):
        return True
    try:
        return bool(urlsplit(value).scheme) or ":" in value.split("/", 1)[0]
    except ValueError:
        return True  # what Python cannot parse, a browser may still fetch: fail closed


class _Fetches(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in FETCHING_TAGS:
            return
        for name, value in attrs:
            if name in LOADING and value and (tag != "link" or name == "href"):
                urls = [part.split()[0] for part in value.split(",") if part.split()] if name == "srcset" else [value]
                self.found.extend(u for u in urls if is_outside(u))

    handle_startendtag = handle_starttag


def outside_resources(text: str) -> list[str]:
    """The outside addresses that the Markdown `text` would make a page load, in order."""
    if not text or ("![" not in text and "<" not in text):  # no image syntax, no HTML
        return []
    import markdown  # only for the few texts with images or HTML: validate stays quick

    parser = _Fetches()
    parser.feed(markdown.markdown(text, extensions=["tables", "fenced_code"]))
    parser.close()
    return list(dict.fromkeys(parser.found))


def warning(url: str) -> tuple[str, str]:
    """(problem, fix) for an outside address, as `plein validate` reports it."""
    shown = url if len(url) <= 80 else url[:77] + "..."
    return (f"the image or frame '{shown}' is on another host: it is left out of the page, because "
            "intranet pages load nothing from outside hosts (that would tell the host who read the page)",
            "put the image in the repository beside the file and refer to it by its name, "
            "or link to it with [text](address) instead of showing it")
