"""A plan into files, and into words: the new and changed texts, and the summary that becomes
the merge request's description."""
from __future__ import annotations

from pathlib import Path

from ..contrib import drafts
from ..model import safepath
from ..model.fields import PROFILE
from ..model.yamlio import dump
from .edit import DELETE, set_fields
from .plan import Plan

ORDER = tuple(f.name for f in PROFILE)
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/profile.schema.json\n"
TEAM_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/team.schema.json\n"
MAX_NAMES = 40  # in the one-line description; the commit message lists everyone


def files(plan: Plan, root: Path) -> dict[str, str]:
    """path relative to root -> its new text; only HR-owned lines of existing files change."""
    out: dict[str, str] = {}
    for handle, fields in plan.joiners:
        rel, text = drafts.profile(handle, {k: v for k, v in fields.items() if k != "forge_username"})
        if fields.get("forge_username"):  # through set_fields, which writes it so it reads back
            text = set_fields(text, {"forge_username": fields["forge_username"]}, ORDER)
        out[rel] = SCHEMA_LINE + text
    edits: dict[str, dict] = {}
    for person, changes in plan.movers:
        edits.setdefault(person.source.path, {}).update(
            {k: DELETE if v is None else v for k, v in changes.items()})
    for person, day in plan.leavers:
        edits.setdefault(person.source.path, {})["left"] = day
    for person in plan.returners:
        edits.setdefault(person.source.path, {})["left"] = DELETE
    for rel, changes in edits.items():
        old = safepath.inside(root, rel).read_text(encoding="utf-8")
        out[rel] = set_fields(old, changes, ORDER)
    for team, name in plan.teams.items():
        out[f"content/teams/{team}.yml"] = TEAM_SCHEMA_LINE + dump({"name": name})
    return out


def headline(plan: Plan) -> str:
    """'12 new colleagues, 40 changes (team, manager), 3 leavers, 1 returner, 1 new team'"""
    parts = []
    if plan.joiners:
        parts.append(_count(len(plan.joiners), "new colleague", "new colleagues"))
    if plan.movers:
        kinds = sorted({k for _, changes in plan.movers for k in changes}, key=ORDER.index)
        parts.append(_count(len(plan.movers), "change", "changes") + f" ({', '.join(kinds)})")
    if plan.leavers:
        parts.append(_count(len(plan.leavers), "leaver", "leavers"))
    if plan.returners:
        parts.append(_count(len(plan.returners), "returner", "returners"))
    if plan.teams:
        parts.append(_count(len(plan.teams), "new team", "new teams"))
    return ", ".join(parts) or "no changes"


def details(plan: Plan) -> list[tuple[str, list[str]]]:
    """(heading, one line a person) for each kind of change."""
    sections = [
        ("New colleagues", [f"{f['name']} ({f['role']}, {f['team']})" for _, f in plan.joiners]),
        ("Changes", [f"{p.name}: " + "; ".join(_change(p, k, v) for k, v in c.items())
                     for p, c in plan.movers]),
        ("Leavers", [f"{p.name} (left {day.isoformat()})" for p, day in plan.leavers]),
        ("Returners", [p.name for p in plan.returners]),
        ("New teams", [f"{name} ({team})" for team, name in plan.teams.items()]),
    ]
    return [(heading, lines) for heading, lines in sections if lines]


def usernames(plan: Plan) -> str:
    """'Forge usernames: 40 filled, 2 changed, 1 for a new colleague.', or '' when none: who
    may publish as whom changes with these, so the reviewer sees how many at a glance."""
    filled = sum(1 for p, c in plan.movers if "forge_username" in c and not p.forge_username)
    changed = sum(1 for p, c in plan.movers if "forge_username" in c and p.forge_username)
    new = sum(1 for _, f in plan.joiners if f.get("forge_username"))
    parts = [f"{filled} filled" if filled else "", f"{changed} changed" if changed else "",
             _count(new, "for a new colleague", "for new colleagues") if new else ""]
    parts = [p for p in parts if p]
    return f"Forge usernames: {', '.join(parts)}." if parts else ""


def summary(plan: Plan, source: str) -> str:
    """The commit message body and what --dry-run prints."""
    out = [f"{headline(plan)}, from {source}.", ""]
    if usernames(plan):
        out[-1:] = [usernames(plan), ""]
    for heading, lines in details(plan):
        out.append(f"{heading} ({len(lines)}):")
        out.extend(f"- {line}" for line in lines)
        out.append("")
    if plan.refused:
        out.append(refusals(plan))
    return "\n".join(out).rstrip() + "\n"


def refusals(plan: Plan) -> str:
    """The entries left out, each with its place in the source and the fix."""
    many = len(plan.refused) != 1
    return (f"Refused, and left out of this import ({len(plan.refused)} "
            f"{'entries' if many else 'entry'}; the others go on):\n"
            + "\n".join(f"- {line}" for line in plan.refused))


def one_line(plan: Plan, source: str) -> str:
    """The merge request description: push options hold one line."""
    parts = [f"{headline(plan)}, from {source}.", usernames(plan)]
    for heading, lines in details(plan):
        names = [line.split(" (")[0].split(":")[0] for line in lines]
        more = f" and {len(names) - MAX_NAMES} more" if len(names) > MAX_NAMES else ""
        parts.append(f"{heading}: {', '.join(names[:MAX_NAMES])}{more}.")
    if plan.refused:
        parts.append(f"{len(plan.refused)} refused (see the commit message).")
    return " ".join(p for p in parts if p)


def _change(person, key: str, value) -> str:
    old = getattr(person, key)
    show = lambda v: "—" if v in (None, "") else str(v)
    return f"{key} {show(old)} → {show(value)}"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
