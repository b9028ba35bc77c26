"""What HR says about one person, whatever the source, and the checks across all of them:
duplicate e-mails or handles, managers missing from the source, and manager cycles."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..errors import FatalError
from ..model.names import handle_problem, shown

_DATES = (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$"),
          re.compile(r"^(\d{4})(\d{2})(\d{2})\d{6}(?:\.\d+)?Z$"))  # ISO, Dutch 31-12-2026, LDAP time
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# What GitLab and GitHub accept in a username: ASCII letters, digits, '_', '-' and '.'. ASCII
# only: a lookalike in another script is another name, and never the forge's sign-in.
_USERNAME = re.compile(r"^[A-Za-z0-9_.-]+\Z")
MAX_USERNAME = 255
MAX_GITHUB = 39
_GITHUB_PARTS = re.compile(r"[A-Za-z0-9]+")  # GitHub Enterprise joins these with '-'


@dataclass(frozen=True)
class Entry:
    key: str  # the source's id: a CSV row's handle or e-mail, an LDAP DN (casefolded)
    where: str  # 'hr.csv:13 (row 12)' or 'ldap: <dn>', for messages
    name: str
    email: str
    role: str = ""
    team: str = ""  # a team id or name, as the source spells it
    manager: str = ""  # the key of the manager's entry
    started: date | None = None
    left: date | None = None
    handle: str = ""  # a Plein handle when the source has one
    disabled: bool = False
    forge_username: str = ""  # '' leaves the profile's as it is; never with a leading '@'
    refused: str = ""  # why this entry is left out (a bad handle or username); the others go on


def refuse_bad_handle(entry: Entry, fix: str) -> Entry:
    """The entry, refused when the handle the source gives is not a handle: a name, never a
    path ('../mkdocs' would replace mkdocs.yml). Only this entry is left out."""
    problem = handle_problem(entry.handle) if entry.handle else None
    if problem is None:
        return entry
    return replace(entry, refused=f"{entry.where}: {problem}. Fix: {fix}")


def refuse_bad_username(entry: Entry, fix: str, normalization: str = "none") -> Entry:
    """The entry with its forge username as the forge spells it (one leading '@' dropped; with
    normalization 'github' as GitHub Enterprise Server makes it), or refused when it cannot be
    a GitLab or GitHub username: it decides who may publish as this person, so a mangled one
    is never written. Only this entry is left out."""
    value = entry.forge_username
    if not value or entry.refused:
        return entry
    plain = value[1:] if value.startswith("@") else value
    limit = MAX_USERNAME
    if normalization == "github" and plain.count("@") == 1 and _USERNAME.match(plain.replace("@", "")):
        plain = plain.split("@")[0]  # a userPrincipalName: GitHub takes what precedes the '@'
    if normalization == "github" and _USERNAME.match(plain):
        plain, limit = "-".join(_GITHUB_PARTS.findall(plain)), MAX_GITHUB
    if _USERNAME.match(plain) and len(plain) <= limit:
        return replace(entry, forge_username=plain)
    if _USERNAME.match(plain):
        why = f"is too long ({len(plain)} characters; a username has at most {limit})"
    else:
        why = ("is not a GitLab or GitHub username; a username is letters, digits, '_', '-' and "
               "'.', without spaces")
    return replace(entry, refused=f"{entry.where}: the forge username '{shown(value)}' {why}. "
                                  f"Fix: {fix}")


class Rejected(FatalError):
    """The source has problems: every one is listed, and nothing was written."""

    def __init__(self, source: str, problems: list[str]):
        super().__init__(f"{source} has {len(problems)} problem{'s' * (len(problems) != 1)}, "
                         "so nothing was written:\n" + "\n".join(problems))
        self.problems = problems


def parse_date(text: str) -> date | None:
    """YYYY-MM-DD (a time may follow), DD-MM-YYYY or DD/MM/YYYY, or LDAP's 20190301000000Z."""
    text = text.strip()
    if not text:
        return None
    for i, pattern in enumerate(_DATES):
        m = pattern.match(text)
        if m:
            y, mo, d = (m.group(3), m.group(2), m.group(1)) if i == 1 else m.groups()
            try:
                return date(int(y), int(mo), int(d))
            except ValueError:
                break
    raise ValueError(f"'{text}' is not a date")


def check_entry(entry: Entry) -> list[str]:
    """Problems of one entry on its own; required fields are those a new profile needs."""
    if entry.refused:
        return []  # left out already, with its reason
    problems = []
    for name, value in (("name", entry.name), ("e-mail", entry.email), ("role", entry.role),
                        ("team", entry.team)):
        if not value.strip() and not entry.disabled:
            problems.append(f"{entry.where}: the {name} is empty. Fix: fill it in at the source")
    if entry.email and not _EMAIL.match(entry.email):
        problems.append(f"{entry.where}: '{entry.email}' is not an e-mail address. "
                        "Fix: correct it at the source")
    return problems


def check_all(entries: list[Entry]) -> list[str]:
    """Problems across entries: the same e-mail or handle twice, a manager who is not in the
    source, managers in a cycle."""
    problems: list[str] = []
    for what, value_of, fix in (
            ("e-mail", lambda e: e.email.casefold(), "each person needs an e-mail of their own; "
                                                      "remove the double row"),
            ("handle", lambda e: "" if e.refused else e.handle,
             "give each person a handle of their own")):
        first: dict[str, Entry] = {}
        for entry in entries:
            value = value_of(entry)
            if value and value in first:
                problems.append(f"{entry.where}: the {what} '{value}' is also in {first[value].where}. "
                                f"Fix: {fix}")
            first.setdefault(value, entry)
    keys = {e.key: e for e in entries}
    for entry in entries:
        if entry.manager and entry.manager not in keys and not entry.refused:
            problems.append(f"{entry.where}: the manager '{entry.manager}' is not in the source. "
                            "Fix: export the manager too, or leave the manager empty at the top")
    problems.extend(_cycles(entries, keys))
    return problems


def _cycles(entries: list[Entry], keys: dict[str, Entry]) -> list[str]:
    done: set[str] = set()
    found = []
    for entry in entries:
        path: list[str] = []
        key = entry.key
        while key in keys and key not in done and key not in path:
            path.append(key)
            key = keys[key].manager
        if key in path:
            cycle = [keys[k] for k in path[path.index(key):]]
            names = " → ".join(e.name or e.key for e in cycle + cycle[:1])
            found.append(f"{cycle[0].where}: managers form a cycle: {names} "
                         f"({', '.join(e.where for e in cycle)}). "
                         "Fix: someone in this chain must report to a manager outside it")
        done.update(path)
    return found
