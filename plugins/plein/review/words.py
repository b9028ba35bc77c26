"""One plain sentence per changed file: "Jan de Vries replies to 'Hoe vraag ik …?'"."""
from __future__ import annotations

from datetime import date, datetime

from ..model import fields as F
from ..model.clock import local_now
from ..model.org import Link, Person, Team

_VERB = {"A": "adds", "M": "edits", "D": "removes"}


def sentence(change, org, people) -> str | None:
    if change.kind is None:
        return None
    record = change.new if change.status != "D" else change.old
    if record is None:
        return f"Changes {change.path}, which does not load (see the problems below)"
    say = _SAY.get(change.kind)
    return say(change, record, org, people) if say else None


def _name(people, handle) -> str:
    return people[handle].name if handle in people else handle


def _title(org, thread_id) -> str:
    return org.threads[thread_id].title if thread_id in org.threads else thread_id


def _profile(change, p: Person, org, people) -> str:
    if change.status == "A":
        team = org.teams[p.team].name if p.team in org.teams else p.team
        return f"New profile: {p.name}, {p.role} ({team})"
    if change.status == "D":
        return f"Removes the profile of {p.name}"
    parts = _differences(change.old, p, F.PROFILE, org, people) if change.old else []
    if p.left and (change.old is None or not change.old.left):
        parts.insert(0, f"leaves on {p.left.isoformat()}")
    return f"Profile of {p.name}: " + ("; ".join(parts) or "layout only, no change in content")


def _team(change, t: Team, org, people) -> str:
    if change.status == "A":
        return f"New team: {t.name}"
    if change.status == "D":
        return f"Removes the team {t.name}"
    parts = _differences(change.old, t, F.TEAM_FIELDS, org, people) if change.old else []
    return f"Team {t.name}: " + ("; ".join(parts) or "layout only, no change in content")


def _thread(change, t, org, people) -> str:
    who = _name(people, t.author)
    if change.status == "A":
        return (f"{who} asks '{t.title}'" if t.kind == "question"
                else f"{who} starts a discussion: '{t.title}'")
    if change.status == "D":
        return f"Removes the thread '{t.title}'"
    old = change.old
    if old is not None and old.accepted != t.accepted and t.accepted:
        author = t.accepted[len("YYYY-MM-DDTHH-MM-"):]  # reply files end in -<handle>
        return f"{who} accepts {_name(people, author)}'s reply to '{t.title}'"
    return f"Edits the thread '{t.title}'"


def _reply(change, r, org, people) -> str:
    who, title = _name(people, r.author), _title(org, r.thread)
    if change.status == "A":
        return f"{who} replies to '{title}'"
    return f"{_VERB[change.status].capitalize()} {who}'s reply to '{title}'"


def _update(change, u, org, people) -> str:
    who = _name(people, u.author)
    if change.status == "A":
        text = " ".join(u.body.split())
        return f"{who} posts a status update: “{text[:80]}{'…' if len(text) > 80 else ''}”"
    return f"{_VERB[change.status].capitalize()} a status update of {who}"


def _kudos(change, k, org, people) -> str:
    sender = _name(people, k.sender)
    to = _name(people, k.to) if k.to else (org.teams[k.to_team].name if k.to_team in org.teams
                                            else f"team {k.to_team}")
    if change.status == "A":
        return f"{sender} gives kudos to {to}"
    return f"{_VERB[change.status].capitalize()} the kudos of {sender} to {to}"


def _news(change, n, org, people) -> str:
    names = " and ".join(_name(people, h) for h in n.authors)
    if change.status == "A":
        text = f"{names} {'write' if len(n.authors) > 1 else 'writes'} news: '{n.title}'"
        if n.date > local_now():  # the intranet's time, not the runner's (UTC)
            text += f", to appear on {n.date:%Y-%m-%d %H:%M}"
        if n.expires:
            text += f", archived after {n.expires:%Y-%m-%d}"
        return text
    if change.status == "D":
        return f"Removes the news '{n.title}'"
    parts = _differences(change.old, n, F.NEWS, org, people) if change.old else []
    return f"Edits the news '{n.title}'" + (": " + "; ".join(parts) if parts else "")


_SAY = {"profile": _profile, "team": _team, "thread": _thread, "reply": _reply, "update": _update,
        "kudos": _kudos, "news": _news}


def _differences(old, new, spec, org, people) -> list[str]:
    """'expertise + GIS − Excel', 'role: A → B', 'bio changed' for each field that differs."""
    parts = []
    for f in spec:
        a, b = getattr(old, f.name, None), getattr(new, f.name, None)
        if a == b or f.name == "left":
            continue
        if isinstance(a, tuple) or isinstance(b, tuple):
            a, b = [_show(x, org, people, f) for x in a or ()], [_show(x, org, people, f) for x in b or ()]
            plus = [x for x in b if x not in a]
            minus = [x for x in a if x not in b]
            parts.append(f"{f.name} " + " ".join(
                ([f"+ {', '.join(plus)}"] if plus else []) + ([f"− {', '.join(minus)}"] if minus else [])
                or ["reordered"]))
        elif f.kind in (F.MARKDOWN, F.TEXT):
            parts.append(f"{f.name} changed")
        else:
            parts.append(f"{f.name}: {_show(a, org, people, f) or '(none)'} → {_show(b, org, people, f) or '(none)'}")
    return parts


def _show(value, org, people, f) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (date, datetime)):
        return value.isoformat(sep=" ")[:16] if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, Link):
        return value.title
    if f.kind in (F.HANDLE, F.HANDLES):
        return _name(people, value)
    if f.kind in (F.TEAM, F.TEAMS):
        return org.teams[value].name if value in org.teams else value
    return str(value)
