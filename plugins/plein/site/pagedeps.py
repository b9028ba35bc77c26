"""What each generated page shows, as plain values: the input of its fingerprint.

`PageInputs.of(spec)` mirrors the view and its macros (views.py, templates/plein/views):
every record a page body reads, directly or through a macro such as a person's card, is
listed here with the parts of the model the macro looks up (team names, topic slugs,
whether a photo exists). A page whose inputs are unchanged has an unchanged body, so the
page cache may keep its HTML. When a view or macro starts reading something new, it must
be added here too: tests/test_incremental.py and tests/test_pagedeps.py compare cached
builds with fresh ones and fail on any stale page.

Pages about the whole organisation (home, org chart, topics, discussions, changes) return
None: they are few and always made anew."""
from __future__ import annotations

import json
from hashlib import blake2b

from ..insights.figures import history_inputs
from ..model.parsecache import dumps
from .mentions import CANDIDATE

ALWAYS = frozenset({"home", "orgchart", "topics", "discussions", "changes",
                    "moderation"})  # (moderation: the last 14 days and every hidden item)


def digest(value) -> bytes:
    """A stable digest of plain values and records (pickled by their fields)."""
    return blake2b(dumps(value), digest_size=16).digest()


def _plain(related):
    """Related content as JSON text: fresh it holds tuples, from its cache lists."""
    return None if related is None else json.dumps([related.threads, related.people], ensure_ascii=False)


class PageInputs:
    def __init__(self, views, related=None, memo=None):
        self.views, self.facts, self.org = views, views.facts, views.org
        self.photos = views.photos
        self.related = related or (lambda src: None)
        self.memo: dict = {}  # key -> (record, digest), for the next PageInputs (plein serve)
        self._old = memo or {}
        self._people: dict = {}
        self._keys: dict = {}  # tag -> topic key

    def of(self, spec):
        """The values the page's body is made from, or None for a page always made anew."""
        if spec.kind in ALWAYS:
            return None
        head = (spec.src, spec.kind, spec.title, spec.page, spec.pages,
                tuple(sorted((k, v) for k, v in spec.extra.items() if k != "all")))
        return head, getattr(self, "_" + spec.kind)(spec)

    def digest_of(self, spec) -> bytes | None:
        """`of(spec)` as a digest: what a page's fingerprint holds, small enough to send from a
        copy of the build's process that works it out (bodies.py)."""
        own = self.of(spec)
        return None if own is None else digest(own)

    # -- what the macros of _macros.html read ---------------------------------------------

    def _rec(self, record) -> bytes:
        replies = getattr(record, "replies", None)
        # the model makes each thread anew to attach its replies: known by its parts
        key = id(record) if replies is None else (id(record.source), *map(id, replies))
        found = self.memo.get(key)
        if found is None:
            found = self._old.get(key)
            if found is None or (found[0] is not record and replies is None):
                found = (record, digest(record))
            self.memo[key] = found
        return found[1]

    def person(self, handle):
        """avatar, who and card: the person, their photo and the names of their team path."""
        found = self._people.get(handle)
        if found is None:
            p = self.org.people.get(handle) if handle else None
            found = self._people[handle] = ("-", handle) if p is None else (
                self._rec(p), handle in self.photos, tuple(self._rec(t) for t in self.org.team_path(p.team)))
        return found

    def mentions(self, *texts):
        """Which `@handle`s in the texts are people: each is a link to their page, or text."""
        people = self.org.people
        return tuple(h in people for text in texts if "@" in text for h in CANDIDATE.findall(text))

    def helped(self, th):
        """How many "this helped me" each reply of a thread has."""
        return tuple(len(self.org.helped.get(f"{th.id}/{r.id}", ())) for r in th.replies)

    def team(self, team_id):
        team = self.org.teams.get(team_id) if team_id else None
        return self._rec(team) if team else ("-", team_id)

    def tags(self, values):
        topics, keys = self.org.topics, self._keys
        out = []
        for tag in values:
            k = keys.get(tag)
            if k is None:  # folding a tag is slow, and a few hundred tags recur on every page
                k = keys[tag] = self.org.topic_key(tag)  # with the site's synonyms, as the views
            out.append((tag, topics[k].slug if k in topics else None))
        return tuple(out)

    def news_row(self, n):
        return self._rec(n), tuple(self.person(a) for a in n.authors)

    def thread_row(self, th):
        return self._rec(th), self.person(th.author)

    def update_item(self, u):
        return self._rec(u), self.person(u.author), self.mentions(u.body)

    def kudos_item(self, k):
        return self._rec(k), self.person(k.sender), self.person(k.to), self.team(k.to_team), self.mentions(k.body)

    # -- one function per view ----------------------------------------------------------

    def _cards(self, spec):
        return tuple(self.person(p.handle) for p in spec.key)

    _alumni = _cards

    def _directory(self, spec):  # the filters' options come from the search index, in the browser
        return self._cards(spec), len(self.facts.active), tuple(self.views.locations())

    def _location(self, spec):
        return self._cards(spec), tuple(self.views._location(spec).items())

    def _person(self, spec):
        p, org = spec.key, self.org
        a = org.by(p.handle)
        published = self.views.published
        replies = tuple((self._rec(r), r.id in self.facts.accepted_ids,
                         org.threads[r.thread].title if r.thread in org.threads else None)
                        for r in a.replies)
        return (self.person(p.handle), self.team(p.team), self.person(p.manager),
                self.tags(org.topic_labels(p.expertise)),
                tuple(self.person(h) for h in org.reports.get(p.handle, ())),
                self.mentions(p.bio, *(r.body for r in a.replies)),
                tuple(self.news_row(n) for n in a.news if n.id in published),
                tuple(self.thread_row(t) for t in a.threads), replies,
                tuple(self.update_item(u) for u in a.updates),
                tuple(self.kudos_item(k) for k in a.kudos_received))

    def _team(self, spec):
        team, views = spec.key, self.views
        ctx = views._team(spec)
        size = self.facts.team_size
        return (self._rec(team), tuple(self._rec(t) for t in ctx["path"]), self.person(team.lead),
                self.mentions(team.description),
                self.team(team.parent), ctx["news_for"],
                tuple((self._rec(s), size.get(s.id)) for s in ctx["subteams"]),
                tuple(self.person(m.handle) for m in ctx["members"]),
                tuple(self.kudos_item(k) for k in ctx["team_kudos"]))

    def _topic(self, spec):
        ctx = self.views._topic(spec)
        return (spec.key.label, tuple(self.person(p.handle) for p in ctx["declared"]),
                tuple((self.person(h), th.id, th.title) for h, th in ctx["accepted"]),
                tuple(self.person(h) for h in ctx["replied"]))

    def _news_list(self, spec):
        audiences = tuple(self.views._news_list(spec)["audiences"])
        return tuple(self.news_row(n) for n in spec.key), audiences

    def _news_item(self, spec):
        n = spec.key
        return (self._rec(n), tuple(self.person(a) for a in n.authors),
                tuple(self.team(t) for t in n.audience.teams), self.tags(n.tags),
                # an audience links to its news page only while that page exists
                tuple(t in self.facts.news_by_team for t in n.audience.teams),
                tuple(loc in self.facts.news_by_location for loc in n.audience.locations))

    def _thread_list(self, spec):
        return tuple(self.thread_row(t) for t in spec.key)

    def _thread(self, spec):
        th = spec.key
        return (self._rec(th), self.person(th.author), tuple(self.person(r.author) for r in th.replies),
                self.tags(th.tags), self.views.reply_url(th.id), _plain(self.related(spec.src)),
                self.mentions(th.body, *(r.body for r in th.replies)), self.helped(th))

    def _updates(self, spec):
        return tuple(self.update_item(u) for u in spec.key)

    def _kudos(self, spec):
        return tuple(self.kudos_item(k) for k in spec.key)

    def _insights(self, spec):
        """Every record the figures count, what they read from Git, and the day (they count up
        to today): an unchanged organisation on the same day keeps the page and its CSV."""
        org, rec = self.org, self._rec
        return (self.views.now.date(), tuple(map(rec, org.people.values())), tuple(map(rec, org.teams.values())),
                tuple(map(rec, org.threads.values())), tuple(map(rec, org.news)), tuple(map(rec, org.updates)),
                tuple(map(rec, org.kudos)), history_inputs(org, self.views.history))
