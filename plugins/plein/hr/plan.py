"""HR entries against the profiles: who joins, who moves (and in which fields), who leaves,
who comes back, and which teams are new. Pure: reads the Org, writes nothing."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..model.names import handle_for, shown
from ..model.org import Org, Person, slugify
from .config import HrConfig
from .records import Entry
from .usernames import refuse_clashes, same


@dataclass
class Plan:
    joiners: list[tuple[str, dict]] = field(default_factory=list)  # (handle, fields)
    movers: list[tuple[Person, dict]] = field(default_factory=list)  # (person, {field: new})
    leavers: list[tuple[Person, date]] = field(default_factory=list)
    returners: list[Person] = field(default_factory=list)
    teams: dict[str, str] = field(default_factory=dict)  # new team id -> name
    refused: list[str] = field(default_factory=list)  # entries left out, each with why and the fix

    @property
    def empty(self) -> bool:
        return not (self.joiners or self.movers or self.leavers or self.returners or self.teams)


def make_plan(org: Org, entries: list[Entry], config: HrConfig, today: date) -> Plan:
    plan = Plan()
    owned = set(config.owned)
    matched = _match(org, entries)
    entries = refuse_clashes(org, entries, matched, owned, today)  # before handles and teams
    handles = _handles(org, entries, matched, plan)
    team_of = _teams(org, entries, plan)
    for entry in entries:
        person = org.people.get(matched.get(entry.key, ""))
        if entry.refused:  # their profile, if any, stays exactly as it is: no change, no leaver
            plan.refused.append(entry.refused)
            continue
        if entry.disabled or (entry.left and entry.left <= today):
            if person and not person.left and "left" in owned:
                plan.leavers.append((person, entry.left or today))
            continue
        fields = {"name": entry.name, "email": entry.email, "role": entry.role,
                  "team": team_of[entry.key], "manager": handles.get(entry.manager),
                  "started": entry.started, "forge_username": entry.forge_username or None}
        if person is None:
            if entry.key not in handles:
                continue  # refused in _handles: no readable handle
            plan.joiners.append((handles[entry.key], {**fields, "started": entry.started or today}))
            continue
        changes = {k: v for k, v in fields.items()
                   if k in owned and v is not None and not _same(k, v, getattr(person, k))}
        if "manager" in owned and not entry.manager and person.manager:
            changes["manager"] = None  # now at the top
        if changes:
            plan.movers.append((person, changes))
        if person.left and "left" in owned:
            plan.returners.append(person)
    gone = set(matched.values())
    if "left" in owned:
        plan.leavers += [(p, today) for h, p in sorted(org.people.items()) if h not in gone and not p.left]
    return plan


def _same(key: str, new, old) -> bool:
    if key == "forge_username":  # None ('' from HR) never clears it: see the filter above
        return bool(old) and same(new, old)
    return new == old


def _match(org: Org, entries: list[Entry]) -> dict[str, str]:
    """entry key -> handle of their profile: by e-mail; else by the handle the source gives,
    when that profile is a current colleague's whose e-mail is no one else's in the source
    (their address changed). An alumnus's handle is never matched so: it may be someone new."""
    by_email = {p.email.casefold(): h for h, p in org.people.items()}
    emails = {e.email.casefold() for e in entries}
    matched = {}
    for entry in entries:
        handle = by_email.get(entry.email.casefold())
        known = org.people.get(entry.handle)
        if handle is None and known and not known.left and known.email.casefold() not in emails:
            handle = entry.handle
        if handle is not None:
            matched[entry.key] = handle
    return matched


def _handles(org: Org, entries: list[Entry], matched: dict[str, str], plan: Plan) -> dict[str, str]:
    """entry key -> handle; a joiner gets the source's handle or one made from the name (in any
    script, names.handle_for), with -2, -3… when taken: a handle is never given to a second
    person, not even an alumnus's. A name that gives no readable handle is refused."""
    handles = dict(matched)
    taken = set(org.people) | set(matched.values())
    for entry in entries:
        if entry.key in handles or entry.disabled or entry.refused:
            continue
        base = entry.handle or handle_for(entry.name)
        if not base:
            plan.refused.append(f"{entry.where}: no readable handle can be made from the name "
                                f"'{shown(entry.name)}'. Fix: give this person a handle at the "
                                "source: lowercase letters, digits and hyphens, e.g. 'jan-de-vries'")
            continue
        handle, n = base, 1
        while handle in taken:
            n += 1
            handle = f"{base}-{n}"
        handles[entry.key] = handle
        taken.add(handle)
    return handles


def _teams(org: Org, entries: list[Entry], plan: Plan) -> dict[str, str]:
    """entry key -> team id: an existing team by id or name, else a new team named as HR does."""
    by_name = {t.name.casefold(): t.id for t in org.teams.values()}
    out = {}
    for entry in entries:
        value = entry.team.strip()
        team = value if value in org.teams else by_name.get(value.casefold())
        made = handle_for(value) or slugify(value)  # any script; 'x' when nothing readable
        for candidate in (slugify(value), made):
            if team is None and candidate in org.teams:
                team = candidate
        if team is None and value and not entry.disabled and not entry.refused:
            team = made
            plan.teams.setdefault(team, value)
        out[entry.key] = team
    return out
