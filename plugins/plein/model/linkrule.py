"""The one rule for where a link leads, and whether it leads nowhere.

The pipelines' build checks every link of the built site (site/linkcheck.py, option
`check_links`); `plein validate` checks the links staff write in records before the merge
(model/recordlinks.py). Both ask `resolve`, each with what it knows of the site's files: the
build the files it wrote, validate the pages the records and docs_dir will make. So a link
that the build refuses is one that validate refuses, with the same reason.

A link with a scheme (https:, mailto:) or a host ('//host') is not checked: the intranet
builds without the internet. A link from the root ('/people/ann/') must lie under the path
the site is published at (`base_path`, the path of site_url): '/people/ann/' leads nowhere in
a site published at https://host/intranet/. A relative link is read from the page it is on."""
from __future__ import annotations

import posixpath
from typing import Callable
from urllib.parse import unquote, urlsplit

LEAVES = "it points outside the site"
MISSING = "no such file in the site"


def outside_base(base: str) -> str:
    return f"it points outside the site (which is published under {base})"


def base_folder(base_path: str) -> str:
    """'/intranet/' of 'intranet', '/intranet' or '/intranet/'; '/' of '' or '/'."""
    return "/" + base_path.strip("/") + "/" if base_path.strip("/") else "/"


def judge(page: str, link: str, base_path: str = "/") -> tuple[str | None, str, str]:
    """Where `link`, on the page `page` (a file of the site: 'people/ann/index.html'), leads
    before the site's files are looked at: (the path in the site, its #fragment, '');
    (None, '', '') for a link that is not checked offline; (None, '', why) for one that
    leads out of the site."""
    parts = urlsplit(link)
    if parts.scheme or link.startswith("//") or not link:
        return None, "", ""  # another host, mailto:, tel:, … : not checked offline
    fragment = unquote(parts.fragment)
    if fragment.startswith("/"):
        fragment = ""  # an app's own route (bewerken/#/collections/…), not an anchor
    path = unquote(parts.path)
    if not path:
        return page, fragment, ""
    if path.startswith("/"):
        base = base_folder(base_path)
        if not (path + "/").startswith(base):
            return None, "", outside_base(base)
        path = path[len(base):]
    else:
        path = posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(path) if path else "."
    if target == ".." or target.startswith("../"):
        return None, "", LEAVES
    return target, fragment, ""


def candidates(target: str) -> tuple[str, str]:
    """The files a path may be: itself, or the index.html of the folder it names."""
    return target.removeprefix("./"), posixpath.join(target, "index.html").removeprefix("./")


def resolve(page: str, link: str, base_path: str, exists: Callable[[str], "bool | None"]) -> tuple[str, str, str]:
    """(the file the link leads to, its #fragment, ''), or ('', '', why it leads nowhere),
    or ('', '', '') for a link that is not checked. `exists(file)` answers True or False, or
    None where the caller cannot know (validate, for a file of the theme): such a link passes."""
    target, fragment, why = judge(page, link, base_path)
    if target is None:
        return "", "", why
    if target == page:
        return page, fragment, ""
    unknown = False
    for candidate in candidates(target):
        found = exists(candidate)
        if found:
            return candidate, fragment, ""
        unknown = unknown or found is None
    return ("", "", "") if unknown else ("", "", MISSING)
