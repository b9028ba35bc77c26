"""What search indexes: one document per person, team, news item, thread (with its
replies) and status update, made from the model and never from rendered pages.

Every document has the same four scored fields (name, expertise, role, body) whose
weights are set in search.index.BOOSTS, plus display and facet data for result lists."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from ..model.org import Org
from ..site import links as L
from ..site.i18n import Lang

KINDS = ("person", "team", "news", "thread", "update")  # also the order of equal scores
SNIPPET = 120
LANGUAGE_NAMES = {
    "nl": {"nl": "Nederlands", "en": "Engels", "de": "Duits", "fr": "Frans", "es": "Spaans",
           "tr": "Turks", "ar": "Arabisch", "pl": "Pools", "pap": "Papiaments", "fy": "Fries"},
    "en": {"nl": "Dutch", "en": "English", "de": "German", "fr": "French", "es": "Spanish",
           "tr": "Turkish", "ar": "Arabic", "pl": "Polish", "pap": "Papiamento", "fy": "Frisian"},
}
WORDS = {"nl": {"answered": "beantwoord"}, "en": {"answered": "answered"}}
_MARKUP = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|[*_`#>|~]+|<[^>]+>")


@dataclass(frozen=True)
class Doc:
    id: str  # '<kind>:<record id>'
    kind: str
    title: str
    url: str  # relative to the site root
    fields: dict  # scored field -> text
    team: str = ""  # facet: the person's team, or the first author's
    location: str = ""  # facet: where a person works (people only)
    topics: tuple[str, ...] = ()  # topic keys (expertise, tags)
    snippet: str = ""
    extra: str = ""  # a short line under the title: role and team, date and author
    people: tuple[str, ...] = ()  # the person, or the authors
    alumnus: bool = False
    date: str = ""
    languages: tuple[str, ...] = ()  # facet: languages a person speaks (codes)
    days: tuple[str, ...] = ()  # facet: a person's office days
    hash: str = field(default="", compare=False)

    def data(self) -> dict:
        """Stored with the document: everything a result list shows."""
        return {"id": self.id, "kind": self.kind, "title": self.title, "url": self.url,
                "team": self.team, "location": self.location, "topics": list(self.topics),
                "snippet": self.snippet, "extra": self.extra, "people": list(self.people),
                "alumnus": self.alumnus, "date": self.date, "languages": list(self.languages),
                "days": list(self.days)}


def plain(text: str) -> str:
    """Markdown source as plain words, for snippets."""
    text = _MARKUP.sub(lambda m: m.group(1) or " ", text)
    return " ".join(text.split())


def snippet(text: str) -> str:
    text = plain(text)
    return text if len(text) <= SNIPPET else text[:SNIPPET].rsplit(" ", 1)[0] + " …"


def url(src: str) -> str:
    return L.url(src)


def _hashed(doc: Doc) -> Doc:
    # repr is as stable as JSON here (the fields are made in a fixed order, of strings,
    # tuples and bools) and twice as fast: 75,000 documents at L on every merge (issue 29)
    blob = repr((doc.fields, doc.data()))
    return Doc(**{**doc.__dict__, "hash": hashlib.blake2b(blob.encode(), digest_size=8).hexdigest()})


def documents(org: Org, now: datetime, language: str = "nl") -> list[Doc]:
    """Every searchable record of the organisation, as search documents."""
    words = {**WORDS.get(language, WORDS["en"]), "count": Lang(language).t}  # "1 reactie": site/i18n.py
    docs = [*_people(org, language), *_teams(org, words), *_news(org, now), *_threads(org, words),
            *_updates(org)]
    return [_hashed(d) for d in docs]


def _author_team(org: Org, handles) -> str:
    return next((org.people[h].team for h in handles if h in org.people), "")


def _names(org: Org, handles) -> str:
    return ", ".join(org.people[h].name if h in org.people else h for h in handles)


def also_written(org: Org, labels) -> tuple[str, ...]:
    """The other spellings of the topics of `labels`: those colleagues use and those of the
    synonym lists, so that a search for any spelling of a topic finds everyone who has it
    ('Frontend GraphQL' also finds 'frontend_graphql', 'kubernetes' also 'k8s')."""
    mine = {" ".join(label.split()).casefold() for label in labels}
    out: dict = {}
    for key in dict.fromkeys(org.topic_key(label) for label in labels):
        topic = org.topics.get(key)
        for spelling in (*(topic.spellings if topic else ()), *org.synonym_words.get(key, ())):
            if spelling.casefold() not in mine:
                out.setdefault(spelling.casefold(), spelling)
    return tuple(out.values())


def _people(org: Org, language: str):
    names = LANGUAGE_NAMES.get(language, LANGUAGE_NAMES["en"])
    for p in org.people.values():
        team = org.teams[p.team].name if p.team in org.teams else p.team
        langs = " ".join(names.get(c, "") for c in p.languages)
        stated = (*p.expertise, *p.ask_me_about)
        yield Doc(
            id=f"person:{p.handle}", kind="person", title=p.name, url=url(L.person(p.handle)),
            fields={"name": p.name, "expertise": " ; ".join((*stated, *also_written(org, stated))),
                    "role": f"{p.role} ; {team}",
                    "body": " ".join((p.bio, langs, " ".join(p.interests), p.location))},
            team=p.team, location=p.location, topics=_tags(org, p.expertise), snippet=snippet(p.bio),
            extra=f"{p.role} · {team}", people=(p.handle,), alumnus=p.alumnus,
            date=p.left.isoformat() if p.left else "", languages=p.languages, days=p.office_days)


def _teams(org: Org, words: dict):
    for t in org.teams.values():
        yield Doc(
            id=f"team:{t.id}", kind="team", title=t.name, url=url(L.team(t.id)),
            fields={"name": t.name, "expertise": "", "role": "", "body": t.description},
            team=t.id, snippet=snippet(t.description),
            extra=words["count"]("people_count", n=len(org.members.get(t.id, ()))), people=(t.lead,) if t.lead else ())


def _tags(org: Org, tags) -> tuple[str, ...]:
    return tuple(dict.fromkeys(org.topic_key(t) for t in tags))


def _news(org: Org, now: datetime):
    for n in org.news:
        if not n.published(now):
            continue  # scheduled: not on the site yet
        yield Doc(
            id=f"news:{n.id}", kind="news", title=n.title, url=url(L.news(n.id)),
            fields={"name": n.title, "expertise": " ; ".join(n.tags), "role": n.summary, "body": n.body},
            team=_author_team(org, n.authors), topics=_tags(org, n.tags),
            snippet=snippet(n.summary or n.body), extra=f"{n.date:%Y-%m-%d} · {_names(org, n.authors)}",
            people=n.authors, date=n.date.isoformat(timespec="minutes"))


def _threads(org: Org, words: dict):
    for t in org.threads.values():
        replies = "\n\n".join(r.body for r in t.replies)
        yield Doc(
            id=f"thread:{t.id}", kind="thread", title=t.title, url=url(L.thread(t.id)),
            fields={"name": t.title, "expertise": " ; ".join(t.tags), "role": "",
                    "body": f"{t.body}\n\n{replies}"},
            team=_author_team(org, (t.author,)), topics=_tags(org, t.tags), snippet=snippet(t.body),
            extra=f"{t.date:%Y-%m-%d} · {_names(org, (t.author,))} · {words['count']('replies_n', n=len(t.replies))}"
                  + (f" · {words['answered']}" if t.answered else ""),
            people=tuple(dict.fromkeys((t.author, *(r.author for r in t.replies)))),
            date=t.date.isoformat(timespec="minutes"))


def _updates(org: Org):
    for u in org.updates:
        who = _names(org, (u.author,))
        yield Doc(
            id=f"update:{u.id}", kind="update", title=who,
            url=url(L.person(u.author)),
            fields={"name": "", "expertise": " ; ".join(u.tags), "role": "", "body": u.body},
            team=_author_team(org, (u.author,)), topics=_tags(org, u.tags), snippet=snippet(u.body),
            extra=f"{u.date:%Y-%m-%d} · {who}", people=(u.author,),
            date=u.date.isoformat(timespec="minutes"))
