"""Participation figures from the model and the one Git pass, as plain JSON values.

What is counted (the page says the same in words):
- per month, the last MONTHS up to today: people who contributed anything (started a thread,
  replied, posted an update, gave kudos, wrote news, or committed a change to a profile), new
  profiles (the first commit of profiles/<handle>.yml), questions, replies, updates, kudos;
- answers: the share of questions with an accepted answer; per quarter of asking, the median
  hours to the first reply by someone other than the asker and to the accepted answer; the
  questions open longer than OPEN_DAYS days (public anyway: no asker is named);
- profiles of active people: with expertise, photo, bio, manager; not changed in Git for
  more than STALE_DAYS days;
- knowledge kept: accepted answers written by people who have since left. How often those
  are found through search is not counted: a static site does not know what readers do;
- topics: the most asked-about (question tags), how well answered, and the gaps: asked about,
  but declared as expertise by no active person;
- teams: the share of a team's own active people who contributed in the last TEAM_MONTHS.

Privacy by design: no figure about a named person and no ranking of people. A team shows only
with at least MIN_TEAM active people of its own; sub-teams are not added to their parent, so no
difference between shown teams singles out a smaller group.

A Git identity counts as the person whose profile has its e-mail address (case ignored); one
that matches no profile still counts once as a contributor. Records count up to the end of
`today` (model dates are local time), so the figures change at most once a day."""
from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from statistics import median

from ..model.org import Org, topic_key

MONTHS = 24
QUARTERS = 8
OPEN_DAYS = 7
STALE_DAYS = 365
TOP_TOPICS = 20
MIN_TEAM = 5
TEAM_MONTHS = 12
SERIES = ("contributors", "new_profiles", "questions", "replies", "updates", "kudos")


def month_of(when: date) -> str:
    return f"{when.year:04d}-{when.month:02d}"


def quarter_of(when: date) -> str:
    return f"{when.year:04d}-Q{(when.month - 1) // 3 + 1}"


def last_months(today: date, n: int = MONTHS) -> list[str]:
    """'YYYY-MM' of the n months up to today's, oldest first."""
    index = today.year * 12 + today.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index - n + 1, index + 1)]


def last_quarters(today: date, n: int = QUARTERS) -> list[str]:
    index = today.year * 4 + (today.month - 1) // 3
    return [f"{i // 4:04d}-Q{i % 4 + 1}" for i in range(index - n + 1, index + 1)]


def _day(when) -> date:
    return when.date() if isinstance(when, datetime) else when


def compute(org: Org, history, today: date) -> dict:
    """Every figure of the Insights page, as JSON values (see the module's docstring)."""
    months = last_months(today)
    active = _active_by_month(org, history, today)
    topics, gaps = _topics(org, today)
    return {"today": today.isoformat(),
            "months": _monthly(org, history, today, months, active),
            "answers": _answers(org, today),
            "open_questions": _open_questions(org, today),
            "profiles": _profiles(org, history, today),
            "knowledge": _knowledge(org, today),
            "topics": topics,
            "topic_gaps": gaps,
            "teams": _teams(org, active, months[-TEAM_MONTHS:])}


def history_inputs(org: Org, history) -> tuple:
    """What the figures read from Git, as plain values: for the page's fingerprint."""
    updated = tuple((p.handle, h.updated) for p in org.people.values()
                    if (h := history.for_path(p.source.path)) is not None)
    return (tuple(sorted(history.profile_added.items())),
            tuple(sorted((m, tuple(sorted(who))) for m, who in history.profile_edits.items())), updated)


def _active_by_month(org: Org, history, today: date) -> dict:
    """'YYYY-MM' -> the handles (or unmatched Git identities) that contributed that month."""
    active: dict[str, set] = defaultdict(set)

    def add(when, *who):
        if _day(when) <= today:
            active[month_of(when)].update(who)
    for n in org.news:
        add(n.date, *n.authors)
    for th in org.threads.values():
        add(th.date, th.author)
        for r in th.replies:
            add(r.date, r.author)
    for u in org.updates:
        add(u.date, u.author)
    for k in org.kudos:
        add(k.date, k.sender)
    by_email = {p.email.casefold(): p.handle for p in org.people.values() if p.email}
    for month, who in history.profile_edits.items():
        if month <= month_of(today):
            active[month].update(by_email.get(w.casefold(), "git:" + w) for w in who)
    return active


def _monthly(org: Org, history, today: date, months: list[str], active: dict) -> list[dict]:
    counts = {m: dict.fromkeys(SERIES, 0) for m in months}

    def count(series, when):
        row = counts.get(month_of(when))
        if row is not None and _day(when) <= today:
            row[series] += 1
    for path, when in history.profile_added.items():
        if path[len("profiles/"):-len(".yml")] in org.people:
            count("new_profiles", when)
    for th in org.threads.values():
        if th.kind == "question":
            count("questions", th.date)
        for r in th.replies:
            count("replies", r.date)
    for u in org.updates:
        count("updates", u.date)
    for k in org.kudos:
        count("kudos", k.date)
    for m in months:
        counts[m]["contributors"] = len(active.get(m, ()))
    return [{"month": m, **counts[m]} for m in months]


def _questions(org: Org, today: date):
    return [t for t in org.threads.values() if t.kind == "question" and _day(t.date) <= today]


def _hours(start: datetime, end: datetime) -> float | None:
    hours = (end - start).total_seconds() / 3600
    return hours if hours >= 0 else None  # a reply dated before its question: a typo, not data


def _median(values) -> float | None:
    values = [v for v in values if v is not None]
    return round(median(values), 1) if values else None


def _answers(org: Org, today: date) -> dict:
    questions = _questions(org, today)
    accepted = sum(1 for t in questions if t.accepted_reply is not None)
    quarters = {q: ([], [], []) for q in last_quarters(today)}
    for t in questions:
        slot = quarters.get(quarter_of(t.date))
        if slot is None:
            continue
        slot[0].append(t)
        first = next((r for r in t.replies if r.author != t.author), None)
        if first is not None:
            slot[1].append(_hours(t.date, first.date))
        if t.accepted_reply is not None:
            slot[2].append(_hours(t.date, t.accepted_reply.date))
    return {"questions": len(questions), "accepted": accepted, "accepted_share": _share(accepted, len(questions)),
            "quarters": [{"quarter": q, "questions": len(asked), "median_hours_first_reply": _median(first),
                          "median_hours_accepted": _median(acc)}
                         for q, (asked, first, acc) in quarters.items()]}


def _open_questions(org: Org, today: date) -> list[dict]:
    late = [t for t in _questions(org, today)
            if t.accepted_reply is None and (today - _day(t.date)).days > OPEN_DAYS]
    late.sort(key=lambda t: (t.date, t.id))
    return [{"thread": t.id, "title": t.title, "asked": _day(t.date).isoformat(),
             "days_open": (today - _day(t.date)).days, "replies": len(t.replies)} for t in late]


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def _profiles(org: Org, history, today: date) -> dict:
    active = org.active_people()
    n = len(active)
    have = {"expertise": sum(1 for p in active if p.expertise), "photo": sum(1 for p in active if p.photo),
            "bio": sum(1 for p in active if p.bio.strip()), "manager": sum(1 for p in active if p.manager)}
    stale = None
    if history.files:  # without Git history nobody knows
        cut = today - timedelta(days=STALE_DAYS)
        stale = sum(1 for p in active if (h := history.for_path(p.source.path)) and h.updated.date() < cut)
    out = {"active": n}
    for what, k in have.items():
        out[f"with_{what}"] = k
        out[f"with_{what}_share"] = _share(k, n)
    out["not_updated_for_a_year"] = stale
    out["not_updated_for_a_year_share"] = None if stale is None else _share(stale, n)
    return out


def _knowledge(org: Org, today: date) -> dict:
    accepted = [t.accepted_reply for t in _questions(org, today) if t.accepted_reply is not None]
    by_alumni = sum(1 for r in accepted if (p := org.people.get(r.author)) is not None and p.alumnus)
    return {"accepted_answers": len(accepted), "accepted_by_alumni": by_alumni}


def _topics(org: Org, today: date) -> tuple[list[dict], list[dict]]:
    asked, answered = defaultdict(int), defaultdict(int)
    spelling: dict[str, str] = {}
    for t in _questions(org, today):
        for tag in t.tags:
            spelling.setdefault(topic_key(tag), tag.strip())  # the first seen, if nobody declares it
        for key in dict.fromkeys(topic_key(tag) for tag in t.tags):
            asked[key] += 1
            answered[key] += t.accepted_reply is not None
    rows = []
    for key, n in asked.items():
        topic = org.topics.get(key)
        declared = topic is not None and any(not org.people[h].alumnus for h in topic.people)
        rows.append({"topic": topic.label if topic else spelling[key], "slug": topic.slug if topic else None,
                     "questions": n, "answered": answered[key], "answered_share": _share(answered[key], n),
                     "declared": declared})
    rows.sort(key=lambda r: (-r["questions"], r["topic"].casefold()))
    gaps = [{"topic": r["topic"], "questions": r["questions"], "answered": r["answered"]}
            for r in rows if not r["declared"]]
    return rows[:TOP_TOPICS], gaps[:TOP_TOPICS]


def _teams(org: Org, active: dict, months: list[str]) -> dict:
    took_part = set().union(*(active.get(m, ()) for m in months))
    shown, hidden = [], 0
    for team in org.teams.values():
        members = [h for h in org.members.get(team.id, ()) if not org.people[h].alumnus]
        if len(members) < MIN_TEAM:
            hidden += 1
            continue
        n = sum(1 for h in members if h in took_part)
        shown.append({"team": team.id, "name": team.name, "people": len(members), "contributors": n,
                      "share": _share(n, len(members))})
    return {"months": len(months), "min_people": MIN_TEAM, "hidden": hidden, "shown": shown}
