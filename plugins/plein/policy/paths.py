"""Where a path is, said exactly: the policy never matches by prefix or by a normalised form.

A path must be in git's canonical form (no '.', '..' or empty segments, no leading or trailing
slash, no backslash or control character, Unicode in NFC): anything else could mean another
file on another system, so it is refused. Ownership is decided by exact segments (a handle is
a whole folder or file name, so 'jan' never owns 'jan-evil')."""
from __future__ import annotations

import unicodedata

# what a change there does to the site, the pipeline or Git itself: always a moderator
PROTECTED_FILES = {"mkdocs.yml": "site", ".gitlab-ci.yml": "pipeline", "CODEOWNERS": "owners",
                   ".gitattributes": "git", ".gitmodules": "git", ".mailmap": "git"}
PROTECTED_DIRS = {"ci": "pipeline", ".github": "pipeline", ".gitlab": "pipeline", "plugins": "code",
                  "tools": "code", "schema": "code"}
HELP = "content/help/"


def problem(path: str) -> str | None:
    """Why `path` is not a canonical repository path, or None."""
    if not path or path.startswith("/") or path.endswith("/") or "\\" in path or "\ufffd" in path:
        return "not-canonical"
    if any(seg in ("", ".", "..") for seg in path.split("/")):
        return "not-canonical"
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in path):
        return "not-canonical"
    if unicodedata.normalize("NFC", path) != path:
        return "not-canonical"
    return None


def area(path: str) -> str:
    """What kind of place a path is: 'git', 'pipeline', 'owners', 'code', 'site', 'dotfile',
    'help', 'page' (content/ outside the record folders), 'staff' (profiles/ and the record
    folders of content/) or 'outside'."""
    parts = path.split("/")
    name = parts[-1]
    if name in (".gitattributes", ".gitmodules", ".mailmap") or name.casefold() == "codeowners":
        return "git" if name != "CODEOWNERS" and name.casefold() != "codeowners" else "owners"
    if len(parts) == 1 and name in PROTECTED_FILES:
        return PROTECTED_FILES[name]
    if parts[0] in PROTECTED_DIRS:
        return PROTECTED_DIRS[parts[0]]
    if any(p.startswith(".") for p in parts):
        return "dotfile"
    if path.startswith(HELP):
        return "help"
    if parts[0] == "profiles" or (parts[0] == "content" and len(parts) > 2 and _record_dir(parts[1])):
        return "staff"
    if parts[0] == "content":
        return "page"
    return "outside"


def _record_dir(name: str) -> bool:
    return name in ("teams", "news", "discussions", "updates", "kudos")


def photo_owner(path: str) -> str | None:
    """The handle whose photo folder holds `path` (profiles/photos/<handle>/<file>), or None."""
    parts = path.split("/")
    if len(parts) == 4 and parts[0] == "profiles" and parts[1] == "photos":
        return parts[2]
    return None
