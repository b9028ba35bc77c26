"""The list of pages the site generates from the model: one PageSpec per page.

A spec names the view that renders it (`kind`), the record or slice of records it shows,
and the files whose Git history is its 'last updated'. Nothing is rendered here."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import links as L
from .facts import Facts
from .i18n import Lang
from .moderation import PAGE as MODERATION, PER_PAGE as MODERATION_PAGE, recent

DIRECTORY_PAGE = 40  # cards per directory page: small pages; the browser filters all pages at once
LIST_PAGE = 30  # news, threads, updates, kudos per listing page


@dataclass
class PageSpec:
    src: str
    title: str
    kind: str
    key: Any = None  # a record, or a slice of records for listings
    sources: tuple[str, ...] = ()  # repository paths whose history dates the page
    page: int = 1
    pages: int = 1
    extra: dict = field(default_factory=dict)


def _paginate(first, title, kind, items, size, lang, **extra):
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    for n, chunk in enumerate(chunks, 1):
        label = title if n == 1 else f"{title} – {lang.t('page_n', n=n, total=len(chunks))}"
        yield PageSpec(L.list_page(first, n), label, kind, chunk, page=n, pages=len(chunks),
                       extra={"first": first, "all": items, **extra} if n == 1 else {"first": first, **extra})


def plan(facts: Facts, lang: Lang, site_name: str):
    """Every generated page, in no particular order."""
    org, t = facts.org, lang.t
    yield PageSpec(L.HOME, t("welcome", site=site_name), "home")
    yield from _paginate(L.DIRECTORY, t("people"), "directory", facts.active, DIRECTORY_PAGE, lang)
    yield from _paginate(L.ALUMNI, t("alumni"), "alumni", facts.alumni, DIRECTORY_PAGE, lang)
    for location, people in facts.people_by_location.items():
        yield from _paginate(L.people_at(location), t("people_at", place=location), "location", people,
                             DIRECTORY_PAGE, lang, location=location)
    for p in org.people.values():
        yield PageSpec(L.person(p.handle), p.name, "person", p, (p.source.path,))
    yield PageSpec(L.ORGCHART, t("orgchart"), "orgchart")
    for team in org.teams.values():
        yield PageSpec(L.team(team.id), team.name, "team", team, (team.source.path,))
    yield PageSpec(L.TOPICS, t("expertise"), "topics")
    for topic in org.topics.values():
        yield PageSpec(L.topic(topic.slug), topic.label, "topic", topic)
    yield from _news(facts, lang)
    yield from _discussions(facts, lang)
    yield from _paginate(L.UPDATES, t("updates"), "updates", list(org.updates), LIST_PAGE, lang)
    yield from _paginate(L.KUDOS, t("kudos"), "kudos", list(org.kudos), LIST_PAGE, lang)
    yield PageSpec(L.CHANGES, t("changes"), "changes")
    yield PageSpec(L.INSIGHTS, t("insights"), "insights")
    yield from _paginate(MODERATION, t("moderation"), "moderation", recent(org, facts.now), MODERATION_PAGE, lang)


def _news(facts: Facts, lang: Lang):
    t = lang.t
    yield from _paginate(L.NEWS, t("news"), "news_list", facts.current, LIST_PAGE, lang,
                         intro="", feed=L.FEED)
    yield from _paginate(L.ARCHIVE, t("archive"), "news_list", facts.archive, LIST_PAGE, lang,
                         intro=t("archive_intro"))
    for item in facts.published:
        yield PageSpec(L.news(item.id), item.title, "news_item", item, (item.source.path,))
    for team_id, items in facts.news_by_team.items():
        team = facts.org.teams.get(team_id)
        name = team.name if team else team_id
        yield from _paginate(L.news_for_team(team_id), t("news_for", what=name), "news_list", items,
                             LIST_PAGE, lang, feed=L.team_feed(team_id))
    for location, items in facts.news_by_location.items():
        yield from _paginate(L.news_at(location), t("news_for", what=location), "news_list", items,
                             LIST_PAGE, lang)


def _discussions(facts: Facts, lang: Lang):
    t = lang.t
    yield PageSpec(L.DISCUSSIONS, t("discussions"), "discussions")
    for kind, title, items in (("open", t("open_questions"), facts.open_questions),
                               ("answered", t("answered"), facts.answered),
                               ("talk", t("recent_discussions"), facts.talks)):
        yield from _paginate(L.discussion_list(kind), title, "thread_list", items, LIST_PAGE, lang)
    for thread in facts.threads:
        sources = (thread.source.path, *(r.source.path for r in thread.replies))
        yield PageSpec(L.thread(thread.id), thread.title, "thread", thread, sources)
