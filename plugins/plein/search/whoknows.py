"""Who knows about a topic: people ranked by what they declare and by what they did.

Evidence comes from the threads about the topic (tagged with it, or found by searching
for it) and the news about it: an accepted answer counts most, then a reply, then news
written. Alumni keep their evidence but are listed apart: they knew about it.

The order is `standing` first, then the score: whoever declares the topic itself comes first,
then whoever declares a topic that holds it ('Frontend Platform' for 'frontend'), then members
of a team named for it, then the rest (evidence only). Search lists the people of a topic
in this order too (`standing_first`, search.rank)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from whoosh.support.charset import accent_map

from ..model.org import Org
from ..model.standing import (ACCEPTED, ASK_ME, DECLARED, EXACT, NEWS, OTHER, PARTIAL, REPLY, TEAM,  # noqa: F401
                              best_replies, many_standings, matches, order, standings)
from ..site import links as L
from . import rank as R
from .engine import Engine

FOUND = 300  # threads and news taken from the search for the topic


@dataclass
class Evidence:
    what: str  # 'accepted', 'reply', 'news'
    title: str
    url: str  # relative to the site root


@dataclass
class Expert:
    handle: str
    name: str
    role: str
    team: str
    url: str
    alumnus: bool
    left: str = ""
    declared: list = field(default_factory=list)  # the matching expertise labels
    ask_me: list = field(default_factory=list)
    evidence: list = field(default_factory=list)
    standing: int = OTHER
    in_team: str = ""  # the team named for the topic they are in, if that is all

    @property
    def score(self) -> int:
        counts = {"accepted": ACCEPTED, "reply": REPLY, "news": NEWS}
        return (DECLARED * bool(self.declared) + ASK_ME * bool(self.ask_me)
                + sum(counts[e.what] for e in self.evidence))

    def as_json(self) -> dict:
        return {"handle": self.handle, "name": self.name, "role": self.role, "team": self.team,
                "url": self.url, "alumnus": self.alumnus, "left": self.left, "score": self.score,
                "standing": self.standing, "in_team": self.in_team,
                "expertise": self.declared, "ask_me_about": self.ask_me,
                "evidence": [e.__dict__ for e in self.evidence]}


def _found(engine: Engine, topic: str, kind: str) -> set:
    """Ids of the records of a kind that match every word of the topic: of `engine.search`'s
    FOUND best of that kind, those that match every word. Found here from the topic's matches
    (the export's engine remembers them for both kinds), as search orders them: more words
    matched, then the score, then the index order."""
    words, scores = engine.match(topic)
    if not words:  # nothing to match: search lists the kind by name
        results = engine.search(topic, kind=[kind], limit=FOUND)
        return {h.id.split(":", 1)[1] for h in results.hits if h.matched == len(results.words)}
    every = len(words)
    full = [d for d, (matched, _) in scores.items() if matched == every and engine.data(d)["kind"] == kind]
    if len(full) > FOUND:
        full = sorted(full, key=lambda d: (-scores[d][1], engine.order(d)))[:FOUND]
    return {engine.data(d)["id"].split(":", 1)[1] for d in full}


def tagged(org: Org) -> dict:
    """{topic key: ({thread id}, {news id})} of the threads and news tagged with each topic."""
    out: dict = {}
    for i, records in enumerate((org.threads.values(), org.news)):
        for r in records:
            for key in {org.topic_key(x) for x in r.tags}:
                out.setdefault(key, (set(), set()))[i].add(r.id)
    return out


def rank(org: Org, engine: Engine | None, topic: str, stated: dict | None = None,
         tags: dict | None = None, only_stated: bool = False, news_ids: set | None = None) -> tuple[list, list]:
    """(active experts, alumni who knew), best first. `stated`: the topic's `standings`, `tags`:
    `tagged`, `news_ids`: the ids of the organisation's news, when the caller has them
    (search.export asks every topic of the site); `only_stated`: only the people with a
    standing, whose order is all `_first` needs."""
    threads, news = (tagged(org) if tags is None else tags).get(org.topic_key(topic), (set(), set()))
    threads, news = set(threads), set(news)
    if engine is not None:
        threads |= _found(engine, topic, "thread")
        news |= _found(engine, topic, "news") & ({n.id for n in org.news} if news_ids is None else news_ids)
    experts: dict = {}

    stated = standings(org, topic) if stated is None else stated

    def expert(handle):
        if only_stated and handle not in stated:
            return None
        if handle not in experts and handle in org.people:
            p = org.people[handle]
            team = org.teams[p.team].name if p.team in org.teams else p.team
            experts[handle] = Expert(handle, p.name, p.role, team, L.url(L.person(handle)), p.alumnus,
                                     p.left.isoformat() if p.left else "")
        return experts.get(handle)

    for handle, s in stated.items():  # the one ranking
        e = expert(handle)
        e.declared, e.ask_me, e.standing, e.in_team = s.declared, s.ask_me, s.standing, s.in_team
    for tid in sorted(threads):
        t = org.threads[tid]
        url = L.url(L.thread(tid))
        last = {r.author: r.id for r in t.replies}
        for author, what in best_replies(t).items():  # the accepted answer wins
            e = expert(author)
            if e:
                reply_id = t.accepted if what == "accepted" else last[author]
                e.evidence.append(Evidence(what, t.title, f"{url}#reply-{reply_id}"))
    for n in org.news:
        if n.id in news:
            for a in n.authors:
                e = expert(a)
                if e:
                    e.evidence.append(Evidence("news", n.title, L.url(L.news(n.id))))
    ranked = sorted(experts.values(), key=lambda e: order(e.standing, e.score, e.name, e.handle))
    return [e for e in ranked if not e.alumnus], [e for e in ranked if e.alumnus]


def spellings(org: Org) -> dict:
    """{topic form: the spelling asked}: every way the files write a topic (expertise, 'ask me
    about', tags, team names), each topic's key ('compiler' for 'compilers') and the synonym
    lists' words for it, by the words search reads of it (rank.topic_form). Of the spellings
    of one form the first in sorted order is asked, so the command line and the export ask
    the same; a query is no topic to search unless its form is here (the browser can look
    up only what the export wrote)."""
    labels = {t.name for t in org.teams.values()}
    for p in org.people.values():
        labels.update(p.expertise, p.ask_me_about)
    for record in (*org.news, *org.threads.values(), *org.updates):
        labels.update(record.tags)
    keys = {org.topic_key(label) for label in labels}
    labels.update(keys, *(org.synonym_words.get(k, ()) for k in keys))
    out: dict = {}
    for label in sorted(labels, key=lambda s: (s.casefold(), s)):
        form = R.topic_form(label, accent_map)
        if form:
            out.setdefault(form, label)
    return out


def standing_first(org: Org, engine: Engine, query: str, forms: dict | None = None) -> dict:
    """rank.people_first of who-knows for the topic a query writes ({} if it writes none): the
    people search puts first, for `plein search` and (`standing_orders`) the browser."""
    spelling = (spellings(org) if forms is None else forms).get(R.topic_form(query, accent_map))
    return {} if spelling is None else _first(org, engine, spelling, standings(org, spelling), None)


def _first(org: Org, engine: Engine, spelling: str, stated: dict, tags: dict | None,
           news_ids: set | None = None) -> dict:
    if not stated:  # people_first takes only people with a standing: no need to weigh evidence
        return {}
    active, alumni = rank(org, engine, spelling, stated, tags, only_stated=True, news_ids=news_ids)
    return R.people_first(active + alumni)


def standing_orders(org: Org, engine: Engine, parts=None) -> dict:
    """{topic form: [document id]}: `standing_first` of every form of `spellings`, in its
    order, for the forms that have people (search.export writes them for the browser).
    `parts`: the export's (search.lastexport), which gives a form's order as the last export
    found it when nothing it depends on changed, and keeps every form's for the next."""
    forms = spellings(org)
    topics = set(forms.values())
    stated = many_standings(org, topics) if parts is None else \
        parts.standings(_standing_inputs(org, topics), lambda: many_standings(org, topics))
    tags = tagged(org)
    news_ids = {n.id for n in org.news}  # once, not once per form: 1,300 forms at L
    out = {}
    for form, spelling in forms.items():
        inputs, mine = _inputs(org, spelling, stated[spelling], tags)
        ids = parts.form(form, spelling, inputs, mine) if parts is not None else None
        if ids is None:
            first = _first(org, engine, spelling, stated[spelling], tags, news_ids)
            ids = sorted(first, key=first.get) if first else []
        if parts is not None:
            parts.keep_form(form, inputs, ids)
        if ids:
            out[form] = ids
    return out


def _standing_inputs(org: Org, topics: set) -> str:
    """A digest of what model.standing.many_standings reads: the topics asked, people's labels,
    names (their order), teams and the synonyms. A reply or a new role leaves it the same."""
    rows = [sorted(topics), sorted(org.synonyms.items()), sorted(org.synonym_words.items()),
            [(t.id, t.name) for t in org.teams.values()],
            [(p.handle, p.name, p.team, p.expertise, p.ask_me_about) for p in org.people.values()]]
    return hashlib.blake2b(json.dumps(rows, ensure_ascii=False, default=list).encode(), digest_size=16).hexdigest()


def _inputs(org: Org, spelling: str, stated: dict, tags: dict) -> tuple[str, set]:
    """(a digest of what the files say of a topic that its order depends on besides the index:
    the people with a standing, their names, the ids tagged with it; those ids as the index's)."""
    threads, news = tags.get(org.topic_key(spelling), ((), ()))
    people = sorted((h, s.standing, s.declared, s.ask_me, s.in_team, org.people[h].name, org.people[h].alumnus)
                    for h, s in stated.items() if h in org.people)
    mine = {f"thread:{t}" for t in threads} | {f"news:{n}" for n in news}
    text = json.dumps([spelling, people, sorted(mine)], ensure_ascii=False, default=list)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest(), mine


def standing_inputs(org: Org) -> str:
    """A digest of what `standing_orders` reads of the organisation (the index it searches is
    in search.export's stamp already): a build whose export is current need not compute them."""
    rows = [sorted(org.synonyms.items()), sorted(org.synonym_words.items()),
            sorted((t.id, t.name) for t in org.teams.values()),
            sorted((p.handle, p.name, p.team, p.expertise, p.ask_me_about, p.alumnus) for p in org.people.values()),
            sorted((t.id, t.tags, t.accepted or "", [(r.id, r.author) for r in t.replies])
                   for t in org.threads.values()),
            sorted((n.id, n.tags, n.authors) for n in org.news), sorted(u.tags for u in org.updates)]
    return hashlib.blake2b(json.dumps(rows, ensure_ascii=False, default=list).encode(), digest_size=16).hexdigest()


def by_topic(org: Org, top: int = 8) -> dict:
    """{topic key: [(handle, score)]}: the active people who know each tag or topic best,
    scored as `rank` does from declared expertise and threads tagged with it (all topics in
    one pass, for pages that need many)."""
    scores: dict = {}

    def add(key, handle, points):
        person = org.people.get(handle)
        if person and not person.alumnus:
            per = scores.setdefault(key, {})
            per[handle] = per.get(handle, 0) + points

    for key, topic in org.topics.items():
        for handle in topic.people:
            add(key, handle, DECLARED)
    for t in org.threads.values():
        best: dict = {}
        for r in t.replies:
            if best.get(r.author) != "accepted":
                best[r.author] = "accepted" if r.id == t.accepted else "reply"
        for key in {org.topic_key(tag) for tag in t.tags}:
            for author, what in best.items():
                add(key, author, ACCEPTED if what == "accepted" else REPLY)
    declared = {key: set(topic.people) for key, topic in org.topics.items()}

    def standing(key, handle):
        return EXACT if handle in declared.get(key, ()) else OTHER

    return {key: sorted(per.items(), key=lambda hs: order(standing(key, hs[0]), hs[1], org.people[hs[0]].name,
                                                          hs[0]))[:top]
            for key, per in scores.items()}
