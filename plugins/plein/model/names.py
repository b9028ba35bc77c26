"""Handles and other ids are names, never paths: the one pattern they follow, the check with
its fix, and a readable handle made from a name in any script.

A handle becomes a file name (profiles/<handle>.yml, content/updates/<handle>/…), a branch name
and a URL, so it is checked wherever it enters: HR's CSV and LDAP, the command line and the
files. `plein new profile` makes handles of this pattern; every other entrance refuses what
it would not make.
"""
from __future__ import annotations

import re
import unicodedata

from anyascii import anyascii

from ..errors import FatalError

HANDLE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z")
MAX_HANDLE = 100  # characters; also keeps '<handle>.yml' and branch names far from 255 bytes
MADE_MAX = 60  # a handle made from a name is cut at a hyphen before this
EXAMPLES = {"handle": "jan-de-vries", "team id": "ruimte", "thread id": "parkeren-bij-het-stadskantoor"}
SHOWN_MAX = 60  # characters of a refused value repeated in a message

# scripts written without spaces between words: each character is a syllable of its own
_SYLLABIC = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HANGUL SYLLABLE")


class BadName(FatalError):
    """A handle or id that is not a name of the one pattern."""


def is_handle(text) -> bool:
    """True for 'jan-de-vries': lowercase letters, digits and single hyphens, at most MAX_HANDLE."""
    return isinstance(text, str) and len(text) <= MAX_HANDLE and HANDLE_RE.match(text) is not None


def handle_problem(text, what: str = "handle") -> str | None:
    """None for a good handle, else what is wrong and the fix, as one sentence for a message."""
    if is_handle(text):
        return None
    example = EXAMPLES.get(what, "ruimte")
    if isinstance(text, str) and len(text) > MAX_HANDLE and HANDLE_RE.match(text):
        return (f"the {what} '{shown(text)}' is too long ({len(text)} characters); a {what} has "
                f"at most {MAX_HANDLE}, e.g. '{example}'")
    return (f"'{shown(text)}' is not a valid {what}; a {what} is lowercase letters, digits and "
            f"hyphens, e.g. '{example}'")


def check_handle(text, what: str = "handle", where: str = "") -> str:
    """`text` when it is a good handle (or team id, thread id: `what`), else BadName naming
    `where` (e.g. '--handle', 'hr.csv:4') and the fix."""
    problem = handle_problem(text, what)
    if problem:
        raise BadName(f"{where}: {problem}" if where else problem)
    return text


def handle_for(name: str) -> str:
    """A readable handle made from a name in any script: 'Jan de Vries' -> 'jan-de-vries',
    'Дмитрий Иванов' -> 'dmitriy-ivanov', '李小龍' -> 'li-xiao-long'. '' when nothing readable
    remains (only symbols or emoji): then ask for a handle."""
    made = slug(name)
    if len(made) > MADE_MAX:
        made = made[:MADE_MAX].rsplit("-", 1)[0] if "-" in made[:MADE_MAX] else made[:MADE_MAX]
    return made if is_handle(made) else ""


def slug(text: str) -> str:
    """Lowercase ASCII letters and digits between single hyphens, transliterated from any script
    (anyascii); symbols, emoji and control characters are dropped, not spelled out."""
    words = []
    for char in unicodedata.normalize("NFC", str(text)):
        kind = unicodedata.category(char)
        if kind[0] in "SC":  # symbols (emoji, ©), control and format characters (U+202E …)
            words.append(" ")
        elif char.isascii():
            words.append(char)
        elif unicodedata.name(char, "").startswith(_SYLLABIC):
            words.append(f" {anyascii(char)} ")
        else:
            words.append(anyascii(char))
    return re.sub(r"[^a-z0-9]+", "-", "".join(words).lower()).strip("-")


def shown(text, limit: int = SHOWN_MAX) -> str:
    """A refused value as a message may repeat it: control characters, bidi overrides and
    backslashes escaped (no terminal escape sequence runs), long values cut."""
    text = str(text)
    cut = len(text) > limit
    out = []
    for char in text[:limit]:
        if char == "\\":
            out.append("\\\\")
        elif unicodedata.category(char)[0] == "C" or char in "\u2028\u2029":
            out.append(char.encode("unicode_escape").decode("ascii"))
        else:
            out.append(char)
    return "".join(out) + ("…" if cut else "")
