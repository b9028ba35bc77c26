"""The one ranking of people for a topic: who-knows, the search's people and the topic pages
all list people in this order, so that they agree (issue 27).

First whoever declares the topic itself (in expertise or 'ask me about', in any spelling of
it: model/topics.py), then whoever declares a topic that holds it ('Frontend Platform' for
'frontend'), then members of a team named for it; within each, more evidence first (a
declared topic, an accepted answer, a reply, news written), then by name."""
from __future__ import annotations

from dataclasses import dataclass, field

from .topics import topic_words

EXACT, PARTIAL, TEAM, OTHER = 3, 2, 1, 0  # standing: what someone's files say of the topic
DECLARED, ASK_ME, ACCEPTED, REPLY, NEWS = 10, 6, 5, 2, 3  # points of evidence


@dataclass
class Standing:
    handle: str
    standing: int = OTHER
    declared: list = field(default_factory=list)  # the matching expertise labels
    ask_me: list = field(default_factory=list)  # the matching 'ask me about' labels
    in_team: str = ""  # the team named for the topic they are in, if that is all
    points: int = 0  # from what they wrote: ACCEPTED, REPLY, NEWS

    @property
    def score(self) -> int:
        return DECLARED * bool(self.declared) + ASK_ME * bool(self.ask_me) + self.points


def order(standing: int, score: int, name: str, handle: str) -> tuple:
    """The sort key of the one order: standing, then score, then name."""
    return (-standing, -score, name.casefold(), handle)


def _runs(words: list) -> set:
    """Every run of adjacent words, joined: 'front', 'end', 'frontend' of 'Front-End'."""
    return {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 4) + 1)}


def _words(org, label: str) -> list:
    """The folded words of a label, each synonym as the topic it is ('cpp' as 'cplusplus')."""
    synonyms = getattr(org, "synonyms", {})
    return [synonyms.get(w, w) for w in topic_words(label)]


@dataclass(frozen=True)
class Form:
    """What `matches` compares of a label, worked out once (many_standings compares every
    label with every topic of the site)."""

    key: str
    words: frozenset
    joined: str
    runs: frozenset


def form(org, label: str) -> Form:
    words = _words(org, label)
    return Form(org.topic_key(label), frozenset(words), "".join(words), frozenset(_runs(words)))


def matches(org, label: str, topic: str) -> int:
    """EXACT when a label is the topic (in any spelling), PARTIAL when it holds the topic's
    words or the topic holds its words ('BAG' and 'BAG-API', 'frontend' and 'Frontend
    Platform', 'front end' and 'Frontend Platform'), else OTHER."""
    return match_forms(form(org, label), form(org, topic))


def match_forms(label: Form, topic: Form) -> int:
    """`matches` of two labels' forms."""
    if label.key == topic.key:
        return EXACT
    if not topic.words or not label.words:
        return OTHER
    if topic.words <= label.words or label.words <= topic.words or topic.joined in label.runs \
            or label.joined in topic.runs:
        return PARTIAL
    return OTHER


def declares(org, labels, topic: str, match=None) -> tuple[list, int]:
    """(the labels that match the topic, the best standing among them). `match(label)`: a
    memo of `matches` for this topic, if the caller has one."""
    match = match or (lambda label: matches(org, label, topic))
    found = [(label, match(label)) for label in labels]
    found = [(label, s) for label, s in found if s != OTHER]
    return [label for label, _ in found], max((s for _, s in found), default=OTHER)


def standings(org, topic: str) -> dict:
    """{handle: Standing} of everyone whose files say something of the topic: what they
    declare, or their team's name. Points of evidence are the caller's to add."""
    return many_standings(org, [topic])[topic]


def many_standings(org, topics) -> dict:
    """{topic: `standings`} of many topics at once, the same as one by one: each distinct label
    is matched once per topic, and only people holding a matching label or in a team named for
    the topic are looked at (search.whoknows asks every topic of the site for the browser)."""
    holders: dict = {}  # label -> handles, team id -> handles
    members: dict = {}
    for p in org.people.values():
        for label in (*p.expertise, *p.ask_me_about):
            holders.setdefault(label, set()).add(p.handle)
        members.setdefault(p.team, set()).add(p.handle)
    labels = {label: form(org, label) for label in holders}
    team_forms = [(t.id, form(org, t.name)) for t in org.teams.values()]
    place = {h: i for i, h in enumerate(org.people)}  # the model's order
    out = {}
    for topic in topics:
        mine = form(org, topic)
        match = {label: match_forms(f, mine) for label, f in labels.items()}
        teams = {tid for tid, f in team_forms if match_forms(f, mine) != OTHER}
        near = {h for label, s in match.items() if s != OTHER for h in holders[label]}
        near.update(h for t in teams for h in members.get(t, ()))
        people = [org.people[h] for h in sorted(near, key=place.__getitem__)]
        out[topic] = _standings(org, topic, people, match.__getitem__, teams)
    return out


def _standings(org, topic: str, people, match, teams: set) -> dict:
    out = {}
    for p in people:
        declared, standing = declares(org, p.expertise, topic, match)
        ask_me, ask_standing = declares(org, p.ask_me_about, topic, match)
        if declared or ask_me:
            out[p.handle] = Standing(p.handle, max(standing, ask_standing), list(org.topic_labels(declared)),
                                     list(org.topic_labels(ask_me)))  # each once
        elif p.team in teams:
            out[p.handle] = Standing(p.handle, TEAM, in_team=org.teams[p.team].name)
    return out


def ranked(org, people) -> list:
    """`people` (Standing) in the one order."""
    return sorted(people, key=lambda s: order(s.standing, s.score, org.people[s.handle].name, s.handle))


def tagged_points(org) -> dict:
    """{topic key: {handle: points}} from the threads and news tagged with each topic: an
    accepted answer or a reply per thread, news written; what the static pages know without
    the search index (who-knows also counts threads and news that the search finds)."""
    points: dict = {}

    def add(key, handle, n):
        per = points.setdefault(key, {})
        per[handle] = per.get(handle, 0) + n

    for t in org.threads.values():
        keys = {org.topic_key(tag) for tag in t.tags}
        for author, what in best_replies(t).items() if keys else ():
            for key in keys:
                add(key, author, ACCEPTED if what == "accepted" else REPLY)
    for n in org.news:
        for key in {org.topic_key(tag) for tag in n.tags}:
            for a in n.authors:
                add(key, a, NEWS)
    return points


def declared_by_topic(org) -> dict:
    """{topic key: [Standing]}: everyone who declares each topic (in expertise or 'ask me
    about'), in the one order: the first standing of `standings`, for every topic at once
    (the topic pages), with the points of `tagged_points`."""
    points = tagged_points(org)
    out: dict = {}
    for p in org.people.values():
        mine: dict = {}
        for i, labels in enumerate((p.expertise, p.ask_me_about)):
            for label in labels:
                mine.setdefault(org.topic_key(label), ([], []))[i].append(label)
        for key, (declared, ask_me) in mine.items():
            out.setdefault(key, []).append(Standing(p.handle, EXACT, list(org.topic_labels(declared)),
                                                    list(org.topic_labels(ask_me)),
                                                    points=points.get(key, {}).get(p.handle, 0)))
    return {key: ranked(org, people) for key, people in out.items()}


def best_replies(thread) -> dict:
    """{author: 'accepted' or 'reply'}: one piece of evidence per person and thread."""
    best: dict = {}
    for r in thread.replies:
        if best.get(r.author) != "accepted":
            best[r.author] = "accepted" if r.id == thread.accepted else "reply"
    return best
