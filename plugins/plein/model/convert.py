"""Turn one parsed mapping into checked Python values, field by field (see fields.py)."""
from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from email.errors import HeaderParseError
from email.headerregistry import Address

from . import fields as F
from .org import Audience, Link
from .names import is_handle, shown
from .problems import Problems
from .safepath import name_problem

# the JSON Schemas' form of names.HANDLE_RE (ECMA regex has no \Z); values are checked with is_handle
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")
DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")
SAFE_URL_RE = re.compile(r"^(?:https?://|mailto:)[^\s<>\"]+$", re.I)
# Text that ends up in mail headers, terminals and page titles: C0 controls but TAB and LF
# (ESC starts terminal sequences, a bare CR overwrites a line), DEL and C1.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In one line of text also the invisible marks that reorder what follows (U+202E shows
# 'gpj.exe' as 'exe.jpg') and the Unicode line breaks that JavaScript and mail treat as such.
ONE_LINE_RE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


NAMES = {"news": "a news item", "thread": "a discussion", "update": "a status update", "kudos": "kudos"}
# fields people add that Plein takes from the file's place instead: (kind, key) -> hint
MISPLACED = {
    ("update", "author"): "remove it: the author of an update is its folder, content/updates/<handle>/",
    ("reply", "thread"): "remove it: a reply belongs to the thread whose replies/ folder holds it",
    ("profile", "handle"): "remove it: your handle is the file name, profiles/<handle>.yml",
    ("team", "id"): "remove it: a team's id is the file name, content/teams/<team-id>.yml",
}


class Bad(Exception):
    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def convert(kind: str, data, path: str, line: int, problems: Problems) -> dict | None:
    """Checked values for every field of `kind`, or None when a required one is unusable."""
    spec, _ = F.KINDS[kind]
    if not isinstance(data, dict):
        problems.add(path, line, f"expected fields like 'name: value', found {_what(data)}",
                     f"see the content reference for the fields of {NAMES.get(kind, 'a ' + kind)}")
        return None
    by_name = _by_name(kind)
    lines = getattr(data, "lines", {})
    out, usable = {}, True
    for key in data:
        if key not in by_name:
            close = difflib.get_close_matches(key, list(by_name), n=1, cutoff=0.6)
            hint = (MISPLACED.get((kind, key)) or (f"did you mean '{close[0]}'?" if close else
                    "allowed fields: " + ", ".join(by_name)))
            problems.add(path, lines.get(key, line), f"unknown field '{key}'", hint)
    for f in spec:
        value = data.get(f.name)
        if f.required and isinstance(value, str) and value and not value.strip():
            usable = False  # a title of spaces is no title (the web editor says so before Save)
            problems.add(path, lines.get(f.name, line), f"'{f.name}' holds only spaces", f"write the {f.name}")
            continue
        if value is None or value == "" or value == []:
            if f.required:
                usable = False
                example = f" e.g. '{f.name}: {_example(f)}'" if f.example is not None else ""
                problems.add(path, line, f"missing required field '{f.name}'",
                             f"add a line{example}")
            continue
        try:
            out[f.name] = _value(f, value)
        except Bad as bad:
            problems.add(path, lines.get(f.name, line), f"'{f.name}': {bad.message}", bad.hint)
            usable = usable and not f.required
    if "hidden" in by_name:
        _hidden(out, path, lines, line, problems)
    return out if usable else None


def _hidden(out: dict, path: str, lines, line: int, problems: Problems) -> None:
    """A moderator who hides an item says why (the moderators' page lists it)."""
    if out.get("hidden") and not out.get("hidden_reason"):
        problems.add(path, lines.get("hidden", line), "a hidden item needs a reason",
                     "add a line 'hidden_reason: <why, in a few words>'")


_BY_NAME: dict = {}


def _by_name(kind: str) -> dict:
    if kind not in _BY_NAME:
        _BY_NAME[kind] = {f.name: f for f in F.KINDS[kind][0]}
    return _BY_NAME[kind]


def _example(f: F.Field) -> str:
    if isinstance(f.example, list):
        return "[" + ", ".join(str(x) for x in f.example) + "]"
    return str(f.example).lower() if isinstance(f.example, bool) else str(f.example)


def _what(value) -> str:
    for kind, words in ((dict, "a mapping"), (list, "a list"), (str, "text"), (bool, "true/false"),
                        ((int, float), "a number"), (type(None), "nothing")):
        if isinstance(value, kind):  # bool before int: True is an int too
            return words
    return type(value).__name__


def _text(f, value, one_line: bool) -> str:
    if isinstance(value, (dict, list)):
        raise Bad(f"expected text, found {_what(value)}", "write plain text on this line")
    if isinstance(value, bool) or not isinstance(value, str):
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        raise Bad(f"expected text, found {_what(value)}",
                  f'put the value between double quotes: "{shown}"')
    value = value.strip()
    if one_line and "\n" in value:
        raise Bad("must be a single line", "remove the line breaks")
    unsafe = (ONE_LINE_RE if one_line else CONTROL_RE).search(value)
    if unsafe:
        raise Bad(*_invisible(unsafe.group()))
    if f.max_len and len(value) > f.max_len:
        raise Bad(f"too long ({len(value)} characters; at most {f.max_len})", "shorten it")
    return value


def _invisible(char: str) -> tuple[str, str]:
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        return (f"holds an invisible direction mark ({code}) that shows the text in another order "
                "than it is written", "retype the text without it")
    if char in "\u2028\u2029":
        return f"holds a Unicode line break ({code})", "keep it on one line: retype the text without it"
    return (f"holds a control character ({code}), which can change how the text shows in e-mail "
            "and on a terminal", "retype the text without it (it is invisible in most editors)")


_EXAMPLE = {"handle": "jan-de-vries", "team id": "ruimte"}


def _ident(value, what: str) -> str:
    if not is_handle(value):
        raise Bad(f"'{shown(value)}' is not a valid {what}",
                  f"a {what} is lowercase letters, digits and hyphens, e.g. '{_EXAMPLE.get(what, 'ruimte')}'")
    return value


def _list(f, value) -> list:
    if not isinstance(value, list):
        raise Bad(f"expected a list, found {_what(value)}", "write it as [a, b] or as '- a' lines")
    if len(value) > F.MAX_LIST:
        raise Bad(f"too many items ({len(value)}; at most {F.MAX_LIST})", "keep the most important")
    return value


def parse_date(value) -> date:
    m = DATE_RE.match(str(value).strip()) if isinstance(value, str) else None
    if not m:
        raise Bad(f"'{value}' is not a date", "write it as YYYY-MM-DD, e.g. 2026-03-01")
    try:
        return date(*map(int, m.groups()))
    except ValueError as err:
        raise Bad(f"'{value}' is not a real date ({err})", "check the day and the month") from None


def parse_datetime(value) -> datetime:
    m = DATETIME_RE.match(value.strip()) if isinstance(value, str) else None
    if not m:
        raise Bad(f"'{value}' is not a date and time",
                  "write it as YYYY-MM-DD HH:MM, e.g. 2026-11-20 09:00")
    year, month, day, hour, minute, second = m.groups()
    try:
        return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError as err:
        raise Bad(f"'{value}' is not a real date and time ({err})",
                  "check the day, month and time") from None


def _enum(f, value) -> str:
    if value is False and "off" in f.choices:
        return "off"  # YAML 1.1 reads `off`, `no` and `false` as false: all mean off here
    if isinstance(value, str) and value.strip().lower() in f.choices:
        return value.strip().lower()  # 'Weekly', 'Mon', 'NL'
    if not isinstance(value, str) or value not in f.choices:
        close = difflib.get_close_matches(str(value), f.choices, n=1)
        hint = f"did you mean '{close[0]}'?" if close else "choose one of: " + ", ".join(f.choices)
        raise Bad(f"'{value}' is not allowed", hint)
    return value


def _links(f, value) -> tuple[Link, ...]:
    links = []
    for item in _list(f, value):
        if not isinstance(item, dict) or set(item) - {"title", "url"} or "url" not in item:
            raise Bad("each link needs a title and a url", "write '- {title: Site, url: https://...}'")
        url = str(item["url"]).strip()
        if not SAFE_URL_RE.match(url):
            raise Bad(f"'{url}' is not an http(s) or mailto link", "start the url with https://")
        title = _text(f, item["title"], True) if item.get("title") else url
        links.append(Link(title[: F.MAX_SHORT], url))
    return tuple(links)


def _audience(f, value) -> Audience:
    if not isinstance(value, dict) or set(value) - {"teams", "locations"}:
        raise Bad("expected 'teams' and/or 'locations'", "write {teams: [ruimte], locations: [Stadskantoor]}")
    teams = tuple(_ident(t, "team id") for t in _list(f, value.get("teams") or []))
    locations = tuple(_text(f, loc, True) for loc in _list(f, value.get("locations") or []))
    return Audience(teams, locations)


def _handles(f, value) -> tuple:
    what = "handle" if f.kind == F.HANDLES else "team id"
    items = [_ident(v, what) for v in _list(f, value)]
    twice = [i for n, i in enumerate(items) if i in items[:n]]
    if twice:  # a slip, such as `authors: [jan-de-vries, jan-de-vries]` for two authors
        raise Bad(f"'{twice[0]}' is named twice", f"remove the second '{twice[0]}'")
    return tuple(items)


def _texts(f, value) -> tuple:
    items = []
    for item in _list(f, value):
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        items.append(_text(f, item, True))
    return tuple(dict.fromkeys(i for i in items if i))


def _bool(f, value) -> bool:
    if not isinstance(value, bool):
        raise Bad(f"expected true or false, found {value!r}", "write true or false")
    return value


def _email(f, value) -> str:
    return one_address(_text(f, value, True)).addr_spec.lower()


def one_address(value: str) -> Address:
    """Exactly one plain address, parsed by the mail package that will build the headers: no
    name, no comment, no second address after a comma or a colon, no line break."""
    try:
        address = Address(addr_spec=value)
    except (ValueError, IndexError, HeaderParseError):
        address = None
    if address is None or address.addr_spec != value or not EMAIL_RE.match(value):
        if value.count("@") > 1 or any(c in value for c in ",;:<>"):
            raise Bad(f"'{value}' is not one plain e-mail address", "write only the address, e.g. name@organisation.nl")
        raise Bad(f"'{value}' is not an e-mail address", "write it as name@organisation.nl")
    return address


# a photo beside the profile, or in a folder of its own (the web editor's, one per person)
PHOTO_RE = re.compile(r"^(?:photos/[a-z0-9]+(?:-[a-z0-9]+)*/)?[^/\\.][^/\\]*$")


def _file(f, value) -> str:
    value = _text(f, value, True)
    if not PHOTO_RE.match(value) or name_problem(value):
        raise Bad(f"'{value}' must be a file name beside this file, or photos/<your-handle>/<file>",
                  "put the photo next to the profile")
    return value


# kind of field -> how its value is checked and converted (one lookup: this runs for every field)
_CONVERT = {
    F.STR: lambda f, value: _text(f, value, True),
    F.TEXT: lambda f, value: _text(f, value, False),
    F.MARKDOWN: lambda f, value: _text(f, value, False),
    F.HANDLE: lambda f, value: _ident(value, "handle"),
    F.TEAM: lambda f, value: _ident(value, "team id"),
    F.HANDLES: _handles,
    F.TEAMS: _handles,
    F.LIST: _texts,
    F.DATE: lambda f, value: parse_date(value),
    F.DATETIME: lambda f, value: parse_datetime(value),
    F.BOOL: _bool,
    F.EMAIL: _email,
    F.ENUM: _enum,
    F.ENUMS: lambda f, value: tuple(dict.fromkeys(_enum(f, v) for v in _list(f, value))),
    F.LINKS: _links,
    F.AUDIENCE: _audience,
    F.FILE: _file,
}


def _value(f: F.Field, value):
    convert_one = _CONVERT.get(f.kind)
    if convert_one is None:
        raise AssertionError(f.kind)
    return convert_one(f, value)
