"""The immutable model of an organisation: people, teams and everything they wrote.

Records refer to each other by id (handle, team id, thread slug); `Org` holds the
records and the reverse indexes, so every link can be followed both ways.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from types import MappingProxyType
from typing import Mapping, NamedTuple

# the one normal form of a topic, and the one slug rule (model/topics.py says why)
from .topics import BUILT_IN, BUILT_IN_WORDS, slugify, synonym_table, synonym_words, topic_key  # noqa: F401

EMPTY: Mapping = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: a path relative to the repository root, and lines."""

    path: str
    line: int = 1
    lines: Mapping[str, int] = field(default_factory=dict)
    body_line: int = 0

    def at(self, key: str) -> int:
        return self.lines.get(key, self.line)


class Link(NamedTuple):
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Person:
    handle: str
    name: str
    role: str
    team: str
    email: str
    started: date
    source: Source
    pronouns: str = ""
    manager: str | None = None
    location: str = ""
    office_days: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    ask_me_about: tuple[str, ...] = ()
    interests: tuple[str, ...] = ()
    bio: str = ""
    phone: str = ""
    chat: str = ""
    forge_username: str = ""
    links: tuple[Link, ...] = ()
    photo: str | None = None  # path relative to the repository root
    left: date | None = None
    kudos: bool = False
    language: str = ""  # declared; empty: detected where it is shown (site/languages.py)
    digest: str = "weekly"  # weekly, daily or off
    notify: str = "instant"  # instant, digest or off: replies to your question, and @mentions

    @property
    def alumnus(self) -> bool:
        return self.left is not None

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(topic_key(t) for t in self.expertise))


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    source: Source
    parent: str | None = None
    lead: str | None = None
    description: str = ""
    channel: str = ""
    language: str = ""  # declared; empty: detected where it is shown (site/languages.py)


@dataclass(frozen=True, slots=True)
class Audience:
    teams: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class News:
    id: str  # '2026/2026-11-20-slug'
    title: str
    date: datetime
    authors: tuple[str, ...]
    source: Source
    expires: datetime | None = None
    pinned: bool = False
    audience: Audience = Audience()
    tags: tuple[str, ...] = ()
    summary: str = ""
    body: str = ""
    language: str = ""  # declared; empty: detected where it is shown (site/languages.py)

    def published(self, now: datetime) -> bool:
        return self.date <= now

    def expired(self, now: datetime) -> bool:
        return self.expires is not None and self.expires <= now


@dataclass(frozen=True, slots=True)
class Reply:
    id: str  # file stem: '2026-11-02T10-15-jan-de-vries'
    thread: str
    author: str
    date: datetime
    source: Source
    body: str = ""
    language: str = ""  # declared; empty: detected where it is shown (site/languages.py)
    hidden: bool = False  # hidden by a moderator: build_org keeps it out of Org (issue 25)
    hidden_reason: str = ""


@dataclass(frozen=True, slots=True)
class Thread:
    id: str  # folder name
    title: str
    author: str
    date: datetime
    kind: str
    source: Source
    tags: tuple[str, ...] = ()
    accepted: str | None = None
    body: str = ""
    language: str = ""  # declared; empty: detected where it is shown (site/languages.py)
    hidden: bool = False  # hidden by a moderator: build_org keeps it out of Org (issue 25)
    hidden_reason: str = ""
    replies: tuple[Reply, ...] = ()  # in date order

    @property
    def answered(self) -> bool:
        return self.accepted is not None

    @property
    def accepted_reply(self) -> Reply | None:
        return next((r for r in self.replies if r.id == self.accepted), None)


@dataclass(frozen=True, slots=True)
class Update:
    id: str  # 'handle/2026-11-20-1'
    author: str
    date: datetime
    source: Source
    tags: tuple[str, ...] = ()
    body: str = ""
    language: str = ""  # declared; empty: detected where it is shown (site/languages.py)
    hidden: bool = False  # hidden by a moderator: build_org keeps it out of Org (issue 25)
    hidden_reason: str = ""


@dataclass(frozen=True, slots=True)
class Kudos:
    id: str
    sender: str
    date: date
    source: Source
    to: str | None = None
    to_team: str | None = None
    body: str = ""
    language: str = ""  # declared; empty: detected where it is shown (site/languages.py)
    hidden: bool = False  # hidden by a moderator: build_org keeps it out of Org (issue 25)
    hidden_reason: str = ""


@dataclass(frozen=True, slots=True)
class Helped:
    """"This helped me": `author` says that reply `reply` of thread `thread` helped them."""

    id: str  # '<thread>/<reply id>--<handle>'
    thread: str
    reply: str
    author: str
    date: date
    source: Source


def helped_key(thread: str, reply: str) -> str:
    """The key of Org.helped: a reply's id is unique only within its thread."""
    return f"{thread}/{reply}"


@dataclass(frozen=True, slots=True)
class Topic:
    key: str
    label: str  # the most common spelling
    slug: str
    people: tuple[str, ...]  # handles that declare it
    spellings: tuple[str, ...] = ()  # every spelling people use, the most common first


@dataclass(frozen=True)
class Authored:
    """Everything one person wrote or received."""

    news: tuple[News, ...] = ()
    threads: tuple[Thread, ...] = ()
    replies: tuple[Reply, ...] = ()
    updates: tuple[Update, ...] = ()
    kudos_given: tuple[Kudos, ...] = ()
    kudos_received: tuple[Kudos, ...] = ()


NOTHING = Authored()


@dataclass(frozen=True)
class Org:
    people: Mapping[str, Person]
    teams: Mapping[str, Team]
    news: tuple[News, ...]  # newest first
    threads: Mapping[str, Thread]  # newest first
    updates: tuple[Update, ...]  # newest first
    kudos: tuple[Kudos, ...]  # newest first
    broken: frozenset[str] = frozenset()  # ids of files that exist but did not load
    orphans: tuple[Reply, ...] = ()  # replies whose thread does not exist
    reports: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    members: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    subteams: Mapping[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    topics: Mapping[str, Topic] = field(default_factory=dict, repr=False)
    authored: Mapping[str, Authored] = field(default_factory=dict, repr=False)
    team_kudos: Mapping[str, tuple[Kudos, ...]] = field(default_factory=dict, repr=False)
    # kudos to someone who opted out (again): kept in Git, shown nowhere, and no error, so that
    # opting out never breaks the files colleagues wrote before
    withheld: tuple[Kudos, ...] = ()
    # what moderators hid (threads with their replies, replies, updates, kudos), newest first: in
    # Git, in no page, index, feed, digest or notification; listed on the moderators' page only
    hidden: tuple = ()
    # helped_key(thread, reply) -> the "this helped me" of that reply, one per person, oldest first
    helped: Mapping[str, tuple[Helped, ...]] = field(default_factory=dict, repr=False)
    synonyms: Mapping[str, str] = field(default_factory=lambda: BUILT_IN, repr=False)  # topics.synonym_table
    synonym_words: Mapping = field(default_factory=lambda: BUILT_IN_WORDS, repr=False)  # topics.synonym_words

    def by(self, handle: str) -> Authored:
        return self.authored.get(handle, NOTHING)

    def active_people(self) -> list[Person]:
        return [p for p in self.people.values() if not p.alumnus]

    def alumni(self) -> list[Person]:
        return [p for p in self.people.values() if p.alumnus]

    def team_path(self, team_id: str) -> list[Team]:
        """The team and its parents, top first (stops on a cycle)."""
        path, seen = [], set()
        while team_id in self.teams and team_id not in seen:
            seen.add(team_id)
            path.append(self.teams[team_id])
            team_id = self.teams[team_id].parent
        return path[::-1]

    def topic_key(self, label: str) -> str:
        """model.topics.topic_key with this site's synonyms (`topic_synonyms` in mkdocs.yml)."""
        return topic_key(label, self.synonyms)

    def with_topic_synonyms(self, extra) -> "Org":
        """This Org with a site's own synonyms added to the built-in ones (topics regrouped)."""
        if not extra:
            return self
        table = synonym_table(extra)
        return replace(self, synonyms=MappingProxyType(table), synonym_words=synonym_words(extra),
                       topics=_topics(self.people.values(), table))

    def topic_labels(self, labels) -> tuple[str, ...]:
        """Each topic of `labels` once, under the spelling most people use ('GraphQL' for
        'GraphQL' and 'graphql'); a label that is no declared topic stays as written."""
        out: dict = {}
        for label in labels:
            key = self.topic_key(label)
            out.setdefault(key, self.topics[key].label if key in self.topics else label.strip())
        return tuple(out.values())

    def replies(self):
        for thread in self.threads.values():
            yield from thread.replies


def _freeze(d: dict) -> Mapping:
    return MappingProxyType({k: tuple(v) for k, v in d.items()})


def build_org(people, teams, news, threads, replies, updates, kudos, broken=frozenset(), helped=()) -> Org:
    """Cross-link loaded records into one Org; records may refer to missing ids."""
    threads, replies, updates, kudos, hidden = _visible(threads, replies, updates, kudos)
    gone = {(r.thread, r.id) for r in hidden if isinstance(r, Reply)}  # an accepted one: open again
    by_thread = defaultdict(list)
    for reply in replies:
        by_thread[reply.thread].append(reply)
    threads = [t.__class__(**{**_fields(t), "replies": tuple(sorted(by_thread.get(t.id, ()),
                                                                     key=lambda r: (r.date, r.id))),
                              "accepted": None if (t.id, t.accepted) in gone else t.accepted})
               for t in threads]
    thread_ids = {t.id for t in threads}
    orphans = tuple(r for r in replies if r.thread not in thread_ids)
    news = sorted(news, key=lambda n: (n.date, n.id), reverse=True)
    threads = sorted(threads, key=lambda t: (t.date, t.id), reverse=True)
    updates = sorted(updates, key=lambda u: (u.date, u.id), reverse=True)
    kudos = sorted(kudos, key=lambda k: (k.date, k.id), reverse=True)
    people = {p.handle: p for p in sorted(people, key=lambda p: (p.name.casefold(), p.handle))}
    withheld = tuple(k for k in kudos if k.to and k.to in people and not people[k.to].kudos)
    if withheld:
        kudos = [k for k in kudos if not (k.to and k.to in people and not people[k.to].kudos)]
    teams = {t.id: t for t in sorted(teams, key=lambda t: (t.name.casefold(), t.id))}

    reports, members, subteams = defaultdict(list), defaultdict(list), defaultdict(list)
    for p in people.values():
        if p.manager:
            reports[p.manager].append(p.handle)
        members[p.team].append(p.handle)
    for t in teams.values():
        if t.parent:
            subteams[t.parent].append(t.id)

    acc = defaultdict(lambda: defaultdict(list))
    team_kudos = defaultdict(list)
    for n in news:
        for a in n.authors:
            acc[a]["news"].append(n)
    for t in threads:
        acc[t.author]["threads"].append(t)
        for r in t.replies:
            acc[r.author]["replies"].append(r)
    for u in updates:
        acc[u.author]["updates"].append(u)
    for k in kudos:
        acc[k.sender]["kudos_given"].append(k)
        if k.to:
            acc[k.to]["kudos_received"].append(k)
        if k.to_team:
            team_kudos[k.to_team].append(k)
    for lists in acc.values():
        lists["replies"].sort(key=lambda r: (r.date, r.id), reverse=True)
    authored = {h: Authored(**{k: tuple(v) for k, v in lists.items()}) for h, lists in acc.items()}

    return Org(
        people=MappingProxyType(people), teams=MappingProxyType(teams), news=tuple(news),
        threads=MappingProxyType({t.id: t for t in threads}), updates=tuple(updates),
        kudos=tuple(kudos), broken=frozenset(broken), orphans=orphans, reports=_freeze(reports),
        members=_freeze(members), subteams=_freeze(subteams), topics=_topics(people.values()),
        authored=MappingProxyType(authored), team_kudos=_freeze(team_kudos), withheld=withheld,
        hidden=hidden,
        helped=_helped(helped, threads))


def _helped(helped, threads) -> Mapping[str, tuple[Helped, ...]]:
    """Each person's "this helped me" once per reply, only on replies that are in the model
    (a hidden or removed reply counts none), never from the reply's own author."""
    shown = {helped_key(t.id, r.id): r.author for t in threads for r in t.replies}
    out: dict = defaultdict(dict)
    for h in sorted(helped, key=lambda h: (h.date, h.id)):
        key = helped_key(h.thread, h.reply)
        if key in shown and h.author != shown[key]:
            out[key].setdefault(h.author, h)
    return MappingProxyType({k: tuple(v.values()) for k, v in out.items()})


def _visible(threads, replies, updates, kudos):
    """The records shown, and apart those a moderator hid (`hidden: true`), newest first. The one
    place hidden items are left out, so that every page, search index, feed, digest and
    notification made from the Org leaves them out by construction. A hidden thread takes its
    replies along."""
    gone = {t.id for t in threads if t.hidden}
    hidden = [*(t for t in threads if t.hidden), *(r for r in replies if r.hidden or r.thread in gone),
              *(u for u in updates if u.hidden), *(k for k in kudos if k.hidden)]
    if not hidden:
        return threads, replies, updates, kudos, ()
    hidden.sort(key=lambda r: (moment(r.date), r.source.path), reverse=True)
    return ([t for t in threads if not t.hidden], [r for r in replies if not (r.hidden or r.thread in gone)],
            [u for u in updates if not u.hidden], [k for k in kudos if not k.hidden], tuple(hidden))


def moment(value) -> datetime:
    """A record's date as a datetime (kudos have a day only: its midnight), to order kinds together."""
    return value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())


def _fields(record) -> dict:
    return {name: getattr(record, name) for name in record.__dataclass_fields__}


def _topics(people, synonyms=BUILT_IN) -> Mapping[str, Topic]:
    spellings: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    holders: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets: 'in' on a list was quadratic
    for p in people:
        for label in p.expertise:
            key = topic_key(label, synonyms)
            spellings[key][" ".join(label.split())] += 1
            holders[key][p.handle] = None
    topics, slugs = {}, set()
    for key in sorted(spellings):
        used = sorted(sorted(spellings[key]), key=lambda s: -spellings[key][s])  # most used, then A-Z
        slug = base = slugify(used[0])  # readable: 'open-source', 'c-plus-plus'
        n = 1
        while slug in slugs:  # two topics whose spellings slug alike ('C:' and 'C')
            n += 1
            slug = f"{base}-{n}"
        slugs.add(slug)
        topics[key] = Topic(key, used[0], slug, tuple(holders[key]), tuple(used))
    return MappingProxyType(topics)
