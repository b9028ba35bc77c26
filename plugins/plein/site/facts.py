"""What the pages need beyond the model, computed once per build in linear time:
which news is visible at build time, who knows what from discussions, team sizes."""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta

from ..model.org import News, Org, slugify

NEW_COLLEAGUE_DAYS = 60


def news_order(items):
    """Pinned first, then newest first (the model's order is newest first already)."""
    return sorted(items, key=lambda n: not n.pinned)


class Facts:
    def __init__(self, org: Org, now: datetime):
        self.org, self.now = org, now
        published = [n for n in org.news if n.published(now)]  # scheduled items do not exist yet
        self.published: list[News] = published
        self.current = news_order(n for n in published if not n.expired(now))
        self.archive = [n for n in published if n.expired(now)]
        self.news_by_team, self.news_by_location = defaultdict(list), defaultdict(list)
        for n in self.current:
            for team in n.audience.teams:
                self.news_by_team[team].append(n)
            for loc in n.audience.locations:
                self.news_by_location[loc].append(n)
        self.threads = list(org.threads.values())
        self.open_questions = [t for t in self.threads if t.kind == "question" and not t.answered]
        self.answered = [t for t in self.threads if t.kind == "question" and t.answered]
        self.talks = [t for t in self.threads if t.kind == "discussion"]
        self.active = org.active_people()
        self.alumni = org.alumni()
        self.people_by_location = self._by_location()
        since = (now - timedelta(days=NEW_COLLEAGUE_DAYS)).date()
        self.newcomers = sorted((p for p in self.active if since <= p.started <= now.date()),
                                key=lambda p: p.started, reverse=True)
        self.topic_evidence = self._evidence()
        self.team_size = self._team_sizes()
        self.accepted_ids = {t.accepted for t in self.threads if t.accepted}

    def _by_location(self) -> dict:
        """location → current staff there, by name; spellings that make one page address
        ('Stadskantoor', 'stadskantoor ') are one location, under the most used spelling."""
        spellings, people = defaultdict(Counter), defaultdict(list)
        for p in self.active:
            if p.location.strip():
                key = slugify(p.location)
                spellings[key][p.location.strip()] += 1
                people[key].append(p)
        return {max(sorted(spellings[k]), key=spellings[k].get): people[k] for k in sorted(people)}

    def _evidence(self):
        """topic key → {'accepted': [(handle, thread)], 'replied': [handle]}, from thread tags."""
        evidence = defaultdict(lambda: {"accepted": [], "replied": []})
        for thread in self.threads:
            keys = [k for k in dict.fromkeys(self.org.topic_key(tag) for tag in thread.tags) if k in self.org.topics]
            if not keys:
                continue
            accepted = thread.accepted_reply
            repliers = list(dict.fromkeys(r.author for r in thread.replies
                                          if accepted is None or r.id != accepted.id))
            for key in keys:
                if accepted:
                    evidence[key]["accepted"].append((accepted.author, thread))
                evidence[key]["replied"].extend(repliers)
        for ev in evidence.values():
            answered = {h for h, _ in ev["accepted"]}
            ev["replied"] = [h for h in dict.fromkeys(ev["replied"]) if h not in answered]
        return evidence

    def _team_sizes(self):
        """team id → people in the team and all its sub-teams (active only)."""
        own = {tid: sum(1 for h in self.org.members.get(tid, ()) if not self.org.people[h].alumnus)
               for tid in self.org.teams}
        total: dict[str, int] = {}
        for tid in self.org.teams:  # iterative post-order; validate guarantees no cycles
            if tid in total:
                continue
            stack = [(tid, False)]
            while stack:
                node, done = stack.pop()
                if done:
                    total[node] = own[node] + sum(total.get(c, 0) for c in self.org.subteams.get(node, ()))
                elif node not in total:
                    stack.append((node, True))
                    stack.extend((c, False) for c in self.org.subteams.get(node, ()) if c not in total)
        return total

    def top_teams(self):
        return [t for t in self.org.teams.values() if not t.parent or t.parent not in self.org.teams]

    def team_feed_news(self, team_id: str):
        """News for a team's feed: addressed to the team or to any team above it."""
        found = {}
        for team in self.org.team_path(team_id):
            for n in self.news_by_team.get(team.id, ()):
                found[n.id] = n
        return sorted(found.values(), key=lambda n: (n.date, n.id), reverse=True)
