"""Each person's digest: what is new for them since their last one, in five sections.

Items are pushed to the people they concern in one pass over what is new (`New`), so the
work grows with the new items and their readers, not with people x items. News for everyone
is shared by all digests. A person keeps only the items that appeared after their own
`since` (their last digest, see sendlog)."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from ..model.org import Org, Person
from ..site.mentions import mentioned
from .experts import Experts
from .since import New

SECTIONS = ("questions", "replies", "mentions", "news", "colleagues", "kudos", "helped")
SHOWN = 10  # items a section shows; the rest is counted, with a link to the site


@dataclass
class Digest:
    person: Person
    since: datetime
    now: datetime
    questions: list = field(default_factory=list)  # (Thread, [topic labels])
    replies: list = field(default_factory=list)  # (Reply, Thread)
    news: list = field(default_factory=list)  # News
    colleagues: list = field(default_factory=list)  # Person
    kudos: list = field(default_factory=list)  # Kudos
    mentions: list = field(default_factory=list)  # (record, Thread or None): for notify: digest
    helped: list = field(default_factory=list)  # (Helped, Reply, Thread): one by one, never a score
    more: dict = field(default_factory=dict)  # section -> items left out

    @property
    def empty(self) -> bool:
        return not any(getattr(self, s) for s in SECTIONS)

    def count(self) -> int:
        return sum(len(getattr(self, s)) for s in SECTIONS) + sum(self.more.values())


class Composer:
    def __init__(self, org: Org, new: New, experts: Experts | None = None):
        self.org, self.new = org, new
        self.experts = experts or Experts(org)
        self.items: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.for_all: list = []  # (appeared, News) for everyone
        self._questions()
        self._replies()
        self._news()
        self._colleagues()
        for when, k in new.kudos:
            self.items[k.to]["kudos"].append((when, k))
        self._mentions()
        self._helped()

    def digest(self, person: Person, since: datetime) -> Digest:
        d = Digest(person, since, self.new.now)
        mine = self.items.get(person.handle, {})
        for section in SECTIONS:
            setattr(d, section, [item for when, item in mine.get(section, ()) if when > since])
        news = sorted([*mine.get("news", ()), *self.for_all], key=lambda p: (p[0], p[1].id), reverse=True)
        d.news = [n for when, n in news if when > since and person.handle not in n.authors]
        d.news.sort(key=lambda n: not n.pinned)  # pinned first, as on the site
        for section in SECTIONS:  # a busy week at L brings hundreds of news items: the newest
            items = getattr(d, section)
            if len(items) > SHOWN:
                d.more[section] = len(items) - SHOWN
                setattr(d, section, items[:SHOWN] if section == "news" else items[-SHOWN:])
        return d

    def _questions(self):
        for when, t in self.new.threads:
            if t.kind == "question" and not t.answered:
                for person, topics in self.experts.likely(t):
                    self.items[person.handle]["questions"].append((when, (t, topics)))

    def _replies(self):
        """A new reply goes to whoever started the thread or replied in it, but its author."""
        threads = self.org.threads
        for when, r in self.new.replies:
            thread = threads.get(r.thread)
            if thread is None:
                continue
            readers = dict.fromkeys([thread.author, *(other.author for other in thread.replies)])
            for handle in readers:
                if handle != r.author:
                    self.items[handle]["replies"].append((when, (r, thread)))

    def _mentions(self):
        """Whom a new reply, question or update names with @handle, for those whose `notify` is
        digest (instant: they had an e-mail at once, digest.instant; off: nothing)."""
        people, threads = self.org.people, self.org.threads
        items = [(w, t, t) for w, t in self.new.threads] + [(w, u, None) for w, u in self.new.updates]
        items += [(w, r, threads.get(r.thread)) for w, r in self.new.replies]
        for when, record, thread in items:
            for handle in mentioned(record.body, people):
                if handle != record.author and people[handle].notify == "digest":
                    self.items[handle]["mentions"].append((when, (record, thread)))

    def _helped(self):
        """A reply's author hears who said it helped them, each on its own line."""
        for when, h in self.new.helped:
            thread = self.org.threads.get(h.thread)
            reply = next((r for r in thread.replies if r.id == h.reply), None) if thread else None
            if reply is not None and reply.author != h.author:
                self.items[reply.author]["helped"].append((when, (h, reply, thread)))

    def _news(self):
        """News without an audience is for everyone. An audience's teams take in their
        sub-teams; with teams and locations both given, it is for those teams at those places."""
        for when, n in self.new.news:
            teams, places = n.audience.teams, {p.casefold() for p in n.audience.locations}
            if not teams and not places:
                self.for_all.append((when, n))
                continue
            for person in self._in_teams(teams) if teams else self.org.active_people():
                if not places or person.location.casefold() in places:
                    self.items[person.handle]["news"].append((when, n))

    def _in_teams(self, teams):
        seen, todo, people = set(), list(teams), []
        while todo:
            team = todo.pop()
            if team in seen:
                continue
            seen.add(team)
            todo.extend(self.org.subteams.get(team, ()))
            people.extend(self.org.people[h] for h in self.org.members.get(team, ()) if h in self.org.people)
        return [p for p in people if not p.alumnus]

    def _colleagues(self):
        for when, p in self.new.people:
            for handle in self.org.members.get(p.team, ()):
                if handle != p.handle:
                    self.items[handle]["colleagues"].append((when, p))
