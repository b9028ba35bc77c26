"""A synthetic organisation of any size, in the repository layout, deterministic for a seed.

Proportions per person follow the reference "L" organisation (15,000 people, 20,000 news items,
10,000 threads with 50,000 replies, 30,000 status updates, 5,000 kudos, 500 teams).
"""
from __future__ import annotations

import bisect
import datetime as dt
import random
from dataclasses import dataclass, field

from . import records as R
from .avatar import avatar_png
from .names import FIRST_NAMES, LAST_NAMES, email_for, handle_for, slugify
from .text import TextGen
from .vocab import (DEPARTMENTS, DOMAINS, LANGUAGE_EXTRA, LOCATIONS, PRONOUNS, REGIONS, ROLES,
                    TEAM_FUNCTIONS, TOPICS, TOPICS_BY_DOMAIN, INTERESTS, WEEKDAYS)

TODAY = dt.date(2026, 11, 27)
EMAIL_DOMAIN = "gemeente.example"
HISTORY_DAYS = 730  # content spans the two years before today
ALUMNI_SHARE = 0.02


@dataclass
class Counts:
    people: int
    teams: int
    news: int
    threads: int
    replies: int
    updates: int
    kudos: int

    @classmethod
    def for_people(cls, people: int, **overrides) -> "Counts":
        base = dict(
            people=people,
            teams=max(3, round(people / 30)),
            news=round(people * 4 / 3),
            threads=round(people * 2 / 3),
            replies=round(people * 10 / 3),
            updates=people * 2,
            kudos=round(people / 3),
        )
        base.update({k: v for k, v in overrides.items() if v is not None})
        base["teams"] = max(1, min(base["teams"], people))
        return cls(**base)


@dataclass
class Event:
    """One file as it came into the repository: for the git history."""
    when: str  # 'YYYY-MM-DD HH:MM'
    author: int  # person index
    path: str
    data: bytes
    label: str
    profile: dict | None = None  # the profile's fields, to make earlier versions from


@dataclass
class Person:
    idx: int
    handle: str
    name: str
    team: int
    domain: str
    lang: str
    started: int  # date ordinals
    left: int | None
    kudos: bool
    topics: list[str]
    role: str = ""
    manager: int | None = None
    weight: float = 1.0
    first: int = 0  # first and last day this person can write content
    last: int = 0


@dataclass
class Org:
    counts: Counts
    people: list[Person]
    team_ids: list[str]
    team_names: list[str]
    team_domain: list[str]
    team_lead: list[int]
    events: list[Event] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    def ident(self, idx: int) -> tuple[str, str]:
        p = self.people[idx]
        return p.name, email_for(p.handle, EMAIL_DOMAIN)


class _Zipf:
    """Draws from a list with weight 1/rank**s, by bisecting cumulative weights."""

    def __init__(self, items, s=1.0):
        self.items = list(items)
        acc, cum = 0.0, []
        for r in range(len(self.items)):
            acc += 1.0 / (r + 1) ** s
            cum.append(acc)
        self.cum, self.total = cum, acc

    def __call__(self, rng) -> str:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def _case_variant(topic: str, rng) -> str:
    """Now and then a topic as someone types it: 'gis', 'python' (the loader normalises case)."""
    x = rng.random()
    if x < 0.08:
        return topic.lower()
    if x < 0.09 and len(topic) <= 6:
        return topic.upper()
    return topic


class _Days:
    """Fast date and datetime strings for day ordinals."""

    HOURS = (8, 8, 9, 9, 9, 10, 10, 10, 11, 11, 12, 13, 13, 14, 14, 14, 15, 15, 16, 16, 17, 19, 21)

    def __init__(self):
        self._iso: dict[int, str] = {}

    def iso(self, o: int) -> str:
        s = self._iso.get(o)
        if s is None:
            s = self._iso[o] = dt.date.fromordinal(o).isoformat()
        return s

    def when(self, rng, lo: int, hi: int) -> tuple[int, str]:
        o = rng.randint(lo, hi)
        if o % 7 in (6, 0) and rng.random() < 0.85 and hi > lo:  # ordinal%7: 6=Sat, 0=Sun
            o = rng.randint(lo, hi)
        return o, f"{self.iso(o)} {rng.choice(self.HOURS):02d}:{rng.randrange(60):02d}"


def generate(out: str, people: int, seed: int, *, photos: bool = False, today: dt.date = TODAY,
             keep_events: bool = False, **overrides) -> Org:
    if people < 1:
        raise ValueError("--people must be at least 1")
    counts = Counts.for_people(people, **overrides)
    w = R.Writer(out)
    days = _Days()
    T0 = today.toordinal()
    W0 = T0 - HISTORY_DAYS  # first day of content
    W1 = T0 - 1  # last day of content (yesterday)

    def rng_for(part: str) -> random.Random:
        return random.Random(f"{seed}:{part}")

    topic_any = _Zipf(TOPICS, 1.0)
    topic_dom = {d: _Zipf(TOPICS_BY_DOMAIN[d], 0.9) for d in DOMAINS}
    events: list[Event] = []

    def emit(rel: str, text: str | bytes, when: str, author: int, label: str, profile=None):
        data = text.encode("utf-8") if isinstance(text, str) else text
        w.write(rel, data)
        if keep_events:
            events.append(Event(when, author, rel, data, label, profile))

    # ---- teams: a root, one department per domain, then teams under departments ----
    rng = rng_for("teams")
    n_teams = counts.teams
    t_ids: list[str] = []
    t_names: list[str] = []
    t_dom: list[str] = []
    t_parent: list[int | None] = []
    used_ids: set[str] = set()
    used_names: set[str] = set()

    def add_team(name: str, domain: str, parent: int | None):
        base = slugify(name, 50)
        tid, k = base, 2
        while tid in used_ids:
            tid, k = f"{base}-{k}", k + 1
        used_ids.add(tid)
        used_names.add(name)
        t_ids.append(tid)
        t_names.append(name)
        t_dom.append(domain)
        t_parent.append(parent)

    add_team("Directie", "bestuur", None)
    dept_of: dict[str, int] = {}
    for d in DOMAINS[: max(0, min(len(DOMAINS), n_teams - 1))]:
        dept_of[d] = len(t_ids)
        add_team(DEPARTMENTS[d], d, 0)
    dept_domains = list(dept_of)
    by_domain: dict[str, list[int]] = {d: [] for d in dept_domains}
    fn_index = {d: 0 for d in dept_domains}
    while len(t_ids) < n_teams:
        d = rng.choice(dept_domains)
        fns = TEAM_FUNCTIONS[d]
        i = fn_index[d]
        fn_index[d] += 1
        rnd, fn = divmod(i, len(fns))
        name = fns[fn] if rnd == 0 else f"{fns[fn]} {REGIONS[(rnd - 1) % len(REGIONS)]}"
        if rnd > len(REGIONS):
            name += f" {(rnd - 1) // len(REGIONS) + 1}"
        if name in used_names:
            name = f"{name} {len(t_ids)}"
        siblings = by_domain[d]
        parent = dept_of[d]
        if len(siblings) >= 4 and rng.random() < 0.3:
            parent = rng.choice(siblings[: max(1, len(siblings) // 2)])  # a sub-team: deeper tree
        by_domain[d].append(len(t_ids))
        add_team(name, d, parent)

    # ---- people: the first n_teams lead the teams, in team order (parents come first) ----
    rng = rng_for("people")
    team_weight = [0.5 if t_parent[t] is None else (1.0 if t in dept_of.values() else rng.lognormvariate(0, 0.5) * 4)
                   for t in range(n_teams)]
    staff_team = rng.choices(range(n_teams), weights=team_weight, k=people - n_teams)
    member_team = list(range(n_teams)) + staff_team
    used_handles: set[str] = set()
    persons: list[Person] = []
    for i in range(people):
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        base = handle_for(name)
        handle, k = base, 2
        while handle in used_handles:
            handle, k = f"{base}-{k}", k + 1
        used_handles.add(handle)
        team = member_team[i]
        d = t_dom[team]
        lead = i < n_teams
        service = rng.expovariate(1 / (9 * 365))
        if lead:
            service = 3 * 365 + service  # leads have been around for a while
        started = T0 - min(int(service), 42 * 365)
        if rng.random() < 0.6:
            started = dt.date.fromordinal(started).replace(day=1).toordinal()
        ntop = rng.choice((1, 2, 3, 3, 3, 4, 4, 5, 6, 7))
        topics: list[str] = []
        seen: set[str] = set()
        for _ in range(ntop * 3):
            t = topic_dom[d](rng) if rng.random() < 0.65 else topic_any(rng)
            if t.lower() not in seen:
                seen.add(t.lower())
                topics.append(_case_variant(t, rng))
                if len(topics) == ntop:
                    break
        p = Person(i, handle, name, team, d, "en" if rng.random() < 0.18 else "nl", started, None,
                   rng.random() < 0.6, topics, weight=rng.lognormvariate(0, 1.0))
        if lead:
            if t_parent[team] is None:
                p.role = "Gemeentesecretaris"
            elif team in dept_of.values():
                p.role = f"Directeur {t_names[team]}"
            else:
                p.role = f"Teamleider {t_names[team]}"
            p.manager = None if t_parent[team] is None else t_parent[team]  # lead of parent = same index
        else:
            p.role = rng.choice(ROLES[d]).format(t=topics[0])
            p.manager = team
        persons.append(p)
    # alumni: about 2 % of the staff, who left during the history (their writings stay)
    n_alumni = round(people * ALUMNI_SHARE)
    staff = list(range(n_teams, people))
    for i in rng.sample(staff, min(n_alumni, len(staff))):
        p = persons[i]
        left = rng.randint(W0 + 60, T0 - 7)
        if left <= p.started + 30:
            p.started = min(p.started, left - 365)
        p.left = left
    for p in persons:
        p.first = max(W0, p.started)
        p.last = min(W1, p.left - 1) if p.left else W1
    always = list(range(n_teams))  # leads: never alumni, started long ago

    # ---- write teams ----
    rng = rng_for("team-text")
    tg = TextGen(rng, lambda: topic_any(rng))
    when0 = f"{days.iso(W0)} 08:00"
    for t in range(n_teams):
        s = tg.slots("nl", TOPICS_BY_DOMAIN[t_dom[t]][:2] + [topic_any(rng)], t_names[t])
        desc = (f"Het team {t_names[t]} werkt aan {s['t1']} en {s['t2']}. "
                f"We werken nauw samen met {s['partner']}.")
        fields = {"name": t_names[t], "parent": t_ids[t_parent[t]] if t_parent[t] is not None else None,
                  "lead": persons[t].handle, "description": desc, "channel": f"#{t_ids[t]}"}
        emit(R.team_path(t_ids[t]), R.team_text(fields), when0, 0, f"Team {t_names[t]}")

    # ---- write profiles ----
    rng = rng_for("profiles")
    tg = TextGen(rng, lambda: topic_any(rng))
    for p in persons:
        s = tg.slots(p.lang, p.topics, t_names[p.team], p.role, dt.date.fromordinal(p.started).year)
        nl = p.lang == "nl"
        fields = {
            "name": p.name,
            "pronouns": rng.choice(PRONOUNS[:3] if nl else PRONOUNS[3:]) if rng.random() < 0.12 else None,
            "role": p.role,
            "team": t_ids[p.team],
            "manager": persons[p.manager].handle if p.manager is not None else None,
            "location": rng.choice(LOCATIONS) if rng.random() < 0.9 else None,
            "office_days": [d for d in WEEKDAYS if rng.random() < 0.45] or None if rng.random() < 0.7 else None,
            "languages": (["nl"] if nl else ["en"] + (["nl"] if rng.random() < 0.5 else []))
            + ([rng.choice(LANGUAGE_EXTRA)] if rng.random() < 0.4 else []) if rng.random() < 0.8 else None,
            "expertise": p.topics,
            "ask_me_about": [topic_any(rng) for _ in range(rng.randint(1, 2))] if rng.random() < 0.4 else None,
            "interests": rng.sample(INTERESTS, rng.randint(1, 3)) if rng.random() < 0.5 else None,
            "bio": tg.bio(p.lang, s) if rng.random() < 0.9 else None,
            "email": email_for(p.handle, EMAIL_DOMAIN),
            "phone": f"+31 85 {200 + p.idx // 10000:03d} {p.idx % 10000:04d}" if rng.random() < 0.6 else None,
            "chat": "@" + p.handle.replace("-", ".") if rng.random() < 0.7 else None,
            "forge_username": p.handle if rng.random() < 0.25 else None,
            "links": [{"title": "Publicaties" if nl else "Publications",
                       "url": f"https://{EMAIL_DOMAIN}/mensen/{p.handle}"}] if rng.random() < 0.1 else None,
            "photo": f"photos/{p.handle}/{p.handle}.png" if photos and rng.random() < 0.88 else None,
            "started": R.date(days.iso(p.started)),
            "left": R.date(days.iso(p.left)) if p.left else None,
            "kudos": p.kudos,
        }
        if fields["languages"] is not None:
            fields["languages"] = list(dict.fromkeys(fields["languages"]))
        when = f"{days.iso(max(p.started, W0))} 09:00"
        if fields["photo"]:
            emit(R.photo_path(p.handle), avatar_png(p.name, p.handle), when, p.idx, "Foto")
        emit(R.profile_path(p.handle), R.profile_text(fields), when, p.idx, "Profiel", fields)

    # authors are drawn by activity; a draw outside the person's time here is drawn again
    cum_act, acc = [], 0.0
    for p in persons:
        acc += p.weight
        cum_act.append(acc)
    cum_news, acc = [], 0.0
    for p in persons:
        acc += p.weight * (8.0 if p.domain == "bestuur" else 1.0)
        cum_news.append(acc)

    def draw(rng, cum, o: int | None = None) -> int:
        for _ in range(8):
            i = bisect.bisect_right(cum, rng.random() * cum[-1])
            p = persons[i]
            if p.first <= p.last and (o is None or p.first <= o <= p.last):
                return i
        return rng.choice(always)

    # ---- news ----
    rng = rng_for("news")
    tg = TextGen(rng, lambda: topic_any(rng))
    n_news = counts.news
    pinned = set(rng.sample(range(n_news), max(1, round(n_news * 0.002)) if n_news else 0))
    used_paths: set[str] = set()
    for k in range(n_news):
        a = draw(rng, cum_news)
        p = persons[a]
        scheduled = k not in pinned and rng.random() < 0.005
        if scheduled:
            o, when = days.when(rng, T0 + 1, T0 + 180)
            commit_when = f"{days.iso(T0 - rng.randint(1, 20))} 16:00"
            if p.left:
                a = rng.choice(always)
                p = persons[a]
        else:
            o, when = days.when(rng, p.first, p.last)
            commit_when = when
        authors = [a]
        for _ in range(rng.choice((0, 0, 0, 0, 0, 1, 1, 2))):
            c = draw(rng, cum_news, o if o <= W1 else None)
            if c not in authors:
                authors.append(c)
        lang = "en" if rng.random() < 0.15 else p.lang
        tags = list(dict.fromkeys(_case_variant(topic_any(rng), rng) for _ in range(rng.randint(1, 3))))
        s = tg.slots(lang, tags + p.topics[:1], t_names[p.team], year=dt.date.fromordinal(o).year)
        title, body, summary = tg.news(lang, s)
        x = rng.random()
        audience = None
        if x < 0.12:
            audience = {"teams": [t_ids[rng.randrange(n_teams)] for _ in range(rng.randint(1, 2))]}
            audience["teams"] = list(dict.fromkeys(audience["teams"]))
        elif x < 0.16:
            audience = {"locations": [rng.choice(LOCATIONS)]}
        fields = {
            "title": title, "date": R.dt(when),
            "expires": R.date(days.iso(o + rng.randint(7, 120))) if rng.random() < 0.08 else None,
            "pinned": True if k in pinned else None,
            "authors": [persons[i].handle for i in authors], "audience": audience, "tags": tags,
            "summary": summary if rng.random() < 0.7 else None,
        }
        base = slugify(title, 50)
        rel, n = R.news_path(when, base), 2
        while rel in used_paths:
            rel, n = R.news_path(when, f"{base}-{n}"), n + 1
        used_paths.add(rel)
        emit(rel, R.news_text(fields, body), commit_when, a, f"Nieuws: {title}")

    # ---- threads and replies ----
    rng = rng_for("threads")
    tg = TextGen(rng, lambda: topic_any(rng))
    n_threads = counts.threads
    experts: dict[str, list[int]] = {}
    for p in persons:
        for t in p.topics:
            experts.setdefault(t.lower(), []).append(p.idx)
    per_thread = [0] * n_threads
    if n_threads:
        tw = [rng.paretovariate(1.6) for _ in range(n_threads)]
        for t in rng.choices(range(n_threads), weights=tw, k=counts.replies):
            per_thread[t] += 1
    used_slugs: set[str] = set()
    last_minute = W1 * 1440 + 23 * 60 + 59
    for k in range(n_threads):
        a = draw(rng, cum_act)
        p = persons[a]
        o, when = days.when(rng, p.first, p.last)
        kind = "question" if rng.random() < 0.6 else "discussion"
        lang = "en" if rng.random() < 0.1 else p.lang
        own = [t for t in p.topics if rng.random() < 0.5]
        tags = list(dict.fromkeys(own[:2] + [_case_variant(topic_any(rng), rng) for _ in range(rng.randint(0, 2))]))
        if not tags:
            tags = [topic_any(rng)]
        s = tg.slots(lang, tags, t_names[p.team])
        title, body = tg.thread(lang, kind, s)
        base = slugify(title, 60)
        slug, n = base, 2
        while slug in used_slugs:
            slug, n = f"{base}-{n}", n + 1
        used_slugs.add(slug)
        # replies: within hours or days of the question, from experts on its topic or anyone
        minute = o * 1440 + int(when[11:13]) * 60 + int(when[14:16])
        reply_ids: list[tuple[str, int]] = []
        used_rids: set[str] = set()
        pool = experts.get(tags[0].lower(), [])
        gaps = [5 + rng.expovariate(1 / 900) for _ in range(per_thread[k])]
        room = last_minute - minute
        if gaps and sum(gaps) > room:  # a late thread: its replies share the time left
            scale = room / sum(gaps)
            gaps = [g * scale for g in gaps]
        at = float(minute)
        for gap in gaps:
            at += gap
            minute = max(minute + 1, min(int(at), last_minute))
            ro = minute // 1440
            r_author = -1
            for _try in range(6):
                c = rng.choice(pool) if pool and rng.random() < 0.45 else draw(rng, cum_act)
                q = persons[c]
                if q.first <= ro <= q.last and (c != a or rng.random() < 0.3):
                    r_author = c
                    break
            if r_author < 0:
                r_author = rng.choice(always)
            m = minute
            while True:
                r_when = f"{days.iso(m // 1440)} {(m % 1440) // 60:02d}:{m % 60:02d}"
                rid = R.reply_id(r_when, persons[r_author].handle)
                if rid not in used_rids:
                    break
                m += 1
            used_rids.add(rid)
            reply_ids.append((rid, r_author))
            rs = tg.slots(lang, tags, t_names[persons[r_author].team])
            emit(R.reply_path(slug, rid),
                 R.reply_text({"author": persons[r_author].handle, "date": R.dt(r_when)}, tg.reply(lang, rs)),
                 r_when, r_author, f"Reactie: {title}")
        accepted = None
        if kind == "question" and reply_ids and rng.random() < 0.55:
            answers = [rid for rid, ra in reply_ids if ra != a]
            if answers:
                accepted = rng.choice(answers)
        fields = {"title": title, "author": p.handle, "date": R.dt(when), "kind": kind, "tags": tags,
                  "accepted": accepted}
        emit(R.thread_path(slug), R.thread_text(fields, body), when, a, f"Vraag: {title}"
             if kind == "question" else f"Discussie: {title}")

    # ---- status updates ----
    rng = rng_for("updates")
    tg = TextGen(rng, lambda: topic_any(rng))
    drawn = []
    for _ in range(counts.updates):
        a = draw(rng, cum_act)
        p = persons[a]
        o, when = days.when(rng, p.first, p.last)
        drawn.append((a, when))
    drawn.sort()
    per_day: dict[tuple[int, str], int] = {}
    for a, when in drawn:
        p = persons[a]
        key = (a, when[:10])
        n = per_day[key] = per_day.get(key, 0) + 1
        s = tg.slots(p.lang, p.topics, t_names[p.team])
        tags = [p.topics[0]] if rng.random() < 0.3 else None
        emit(R.update_path(p.handle, when, n), R.update_text({"date": R.dt(when), "tags": tags},
                                                             tg.update(p.lang, s)), when, a, "Status-update")

    # ---- kudos ----
    rng = rng_for("kudos")
    tg = TextGen(rng, lambda: topic_any(rng))
    open_to = [p.idx for p in persons if p.kudos]
    per_day = {}
    for _ in range(counts.kudos):
        a = draw(rng, cum_act)
        p = persons[a]
        o, when = days.when(rng, p.first, p.last)
        to = None
        if open_to and rng.random() < 0.8:
            for _try in range(8):
                c = rng.choice(open_to)
                if c != a and persons[c].first <= o <= persons[c].last:
                    to = c
                    break
        to_team = None if to is not None else rng.randrange(n_teams)
        target = persons[to] if to is not None else None
        s = tg.slots(p.lang, target.topics if target else p.topics,
                     t_names[target.team] if target else t_names[to_team])
        key = (a, when[:10])
        n = per_day[key] = per_day.get(key, 0) + 1
        fields = {"from": p.handle, "to": target.handle if target else None,
                  "to_team": t_ids[to_team] if to_team is not None else None, "date": R.date(when[:10])}
        emit(R.kudos_path(when, p.handle, n), R.kudos_text(fields, tg.kudos(p.lang, s)), when, a,
             f"Kudos voor {target.name if target else t_names[to_team]}")

    return Org(counts, persons, t_ids, t_names, t_dom, list(range(n_teams)), events, w.written)
