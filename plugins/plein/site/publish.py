"""Where the site is published: its address, a warning when its address is a public Pages host that
nothing says is limited to staff, and precompressed copies of the text files (GitLab Pages
and nginx's gzip_static serve `x.gz` for `x` to browsers that accept gzip), and pages
without what a browser ignores."""
from __future__ import annotations

import gzip
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from mkdocs.exceptions import PluginError

# Hosts whose sites anyone on the internet can open unless the forge limits them.
PUBLIC_HOSTS = ("github.io", "gitlab.io", "pages.dev", "netlify.app", "vercel.app", "codeberg.page")
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "0.0.0.0")
COMPRESS = (".html", ".xml", ".json", ".js", ".css", ".svg", ".txt")
# A response of up to about 14 KB arrives in the first round trip whether compressed or not
# (TCP's initial window is 10 segments, RFC 6928), so below it a copy saves the reader no wait
# and costs the site its bytes: at 15,000 people the copies of such pages were 91 MB of a site
# that must fit the Pages limit (issue 29). Larger pages, the scripts and the search index
# still get theirs.
MIN_SIZE = 14 * 1024


SITE_URL_VARIABLE = "PLEIN_SITE_URL"
PREVIEW = "http://127.0.0.1:8000/"  # where `make serve` and a downloaded preview are opened


def site_url(configured: str | None) -> str | None:
    """The address this build is for: $PLEIN_SITE_URL when set (the pipelines set it from the
    forge's Pages address), else site_url of mkdocs.yml; normalised (`normal_url`)."""
    return normal_url(os.environ.get(SITE_URL_VARIABLE, "").strip() or configured)


def normal_url(url: str | None) -> str | None:
    """`url` with one '/' between its parts and one at the end: the pipelines put addresses
    together ($CI_PAGES_URL/, $CI_PAGES_URL/mr-7/), and a Pages address may end in '/' already,
    which would give '//' in every link made from it."""
    if not url:
        return url
    parts = urlsplit(url)
    path = "/".join(p for p in parts.path.split("/") if p)
    return urlunsplit((parts.scheme, parts.netloc, "/" + path + "/" if path else "/", parts.query, ""))


def preview_url(published: str | None) -> str:
    """The address a merge request's preview is built for: the local one, at the live site's
    path (http://127.0.0.1:8000/intranet/ for a site published under /intranet/). Its pages link
    relatively, so it still opens at http://127.0.0.1:8000/; and the link check, which follows
    links that start with '/' under the site's path, judges them as on the live site: a link to
    /help/ fails the merge request, not the default branch after the merge."""
    path = urlsplit(normal_url(published) or PREVIEW).path
    return PREVIEW.rstrip("/") + path


def link_base(site_url: str | None) -> str:
    """The path links that start with '/' must be under: that of the (normalised) site_url."""
    return urlsplit(normal_url(site_url) or "/").path or "/"


def public_host(site_url: str | None) -> str | None:
    """The public Pages host `site_url` is on, or None."""
    host = (urlsplit(site_url or "").hostname or "").lower()
    return next((h for h in PUBLIC_HOSTS if host == h or host.endswith("." + h)), None)


def local_address(site_url: str | None) -> bool:
    return (urlsplit(site_url or "").hostname or "").lower() in LOCAL_HOSTS


def public_warning(site_url: str | None, access_controlled: bool) -> str | None:
    host = public_host(site_url)
    if host is None or access_controlled:
        return None
    return (f"mkdocs.yml: site_url {site_url} is on {host}, where a site is public on the internet "
            "unless the forge limits it to members, and the profiles hold staff's personal data. "
            "Fix: limit the site to staff (GitLab: Settings > General > Visibility, Pages: "
            "'Only project members'; GitHub: private Pages, Enterprise Cloud only, or another host), "
            "then set 'access_controlled: true' under plugins: plein in mkdocs.yml. "
            "See the help page 'Publiceren'.")


def minify(html: str) -> str:
    """The page without what a browser ignores: whitespace between blocks, optional quotes,
    comments. About a quarter smaller; tests/test_publish.py checks that the text, links and
    elements stay the same. <html> and <head> are kept, for tools reading pages; the closing
    tags a browser adds by itself (</li>, </p>, </td>…) are not: 9 MB at 15,000 people, of a site
    that must fit the Pages limit (issue 29). (minify-html drops a space between two inline elements in a <div>: templates write
    &nbsp; there.)"""
    try:
        import minify_html
    except ImportError:
        raise PluginError("plein: option 'minify' needs minify-html. "
                          "Fix: pip install 'plein[site]' (make install-site)") from None
    return minify_html.minify(html, minify_css=True, keep_closing_tags=False,
                              keep_html_and_head_opening_tags=True)


def precompress(site_dir: str | Path, level: int = 9, listing: dict | None = None,
                fresh=()) -> tuple[int, int]:
    """Write `f.gz` beside each text file of the site of MIN_SIZE or more. Kept when
    the file is unchanged (a dirty build then recompresses only what it wrote). Returns
    (files compressed now, bytes of all .gz files). `listing`: {path in the site: (size,
    mtime_ns, …)} of every file, from a walk made after the pages were written (the link
    check's, site_listing), but for the top folders `fresh`, which are walked here (the
    search's export, written since): a walk of 90,000 files at L is a second."""
    site_dir = str(site_dir)
    if listing is None:
        files = site_listing(site_dir)
    else:
        files = dict(listing)
        for top in fresh:
            if os.path.isdir(os.path.join(site_dir, top)):
                files.update((f"{top}/{rel}", stat) for rel, stat in site_listing(os.path.join(site_dir, top)).items())
    made = total = 0
    for rel, (size, mtime, *_) in files.items():
        if rel.endswith(".gz") and rel[:-3].endswith(COMPRESS):
            source = files.get(rel[:-3])
            if source is None or source[0] < MIN_SIZE:
                os.unlink(os.path.join(site_dir, rel))  # its page is gone, or too small now to need a copy
            continue
        if size < MIN_SIZE or not rel.endswith(COMPRESS):
            continue
        packed = files.get(rel + ".gz")
        if packed is not None and packed[1] >= mtime:
            total += packed[0]
            continue
        path = os.path.join(site_dir, rel)
        with open(path, "rb") as fh:
            data = gzip.compress(fh.read(), compresslevel=level, mtime=0)
        with open(path + ".gz", "wb") as fh:
            fh.write(data)
        made += 1
        total += len(data)
    return made, total


def site_listing(top: str | Path, skip=()) -> dict:
    """{path in the site: (size, mtime_ns, ctime_ns, inode)} of every regular file under `top`
    but those in the top folders `skip`: one walk, no reading."""
    return {rel: (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)
            for rel, _, st in site_files(str(top), skip)}


def site_files(top: str, skip=()):
    """(path in the site, path, stat) of every regular file under `top` but those in the top
    folders `skip`: one walk that stats each file once (70,000 files at L). Each folder is
    listed whole before its files are given: the caller may add and remove files in it."""
    stack = [("", top)]
    while stack:
        rel, folder = stack.pop()
        with os.scandir(folder) as it:
            entries = list(it)
        for e in entries:
            if not rel and e.name in skip:
                continue
            if e.is_dir(follow_symlinks=False):
                stack.append((f"{rel}{e.name}/", e.path))
            elif e.is_file(follow_symlinks=False):
                yield rel + e.name, e.path, e.stat(follow_symlinks=False)
