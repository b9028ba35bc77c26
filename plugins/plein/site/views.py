"""Page bodies rendered from the model with Plein's own Jinja environment (autoescape on).

Each view adds what its template needs to the shared context; free text goes through the
sanitiser (Markdown + nh3) once per distinct text, and is the only HTML marked safe."""
from __future__ import annotations

import posixpath
from functools import cached_property, lru_cache
from pathlib import Path

from babel.numbers import format_decimal
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..model.fields import LANGUAGES, WEEKDAYS
from ..model.standing import declared_by_topic
from ..insights import charts
from ..insights.figures import compute
from . import links as L
from .avatar import hue
from .doclinks import converter
from .languages import Languages
from .moderation import LABEL, RECENT_DAYS, rows, word

TEMPLATES = Path(__file__).parent / "templates" / "plein" / "views"
MAX_PIECES = 400_000
# macros of _macros.html (named m_<name>) made available cached, with the key of their record
PIECES = {
    "avatar": lambda p: p.handle, "who": lambda handle: handle, "team_link": lambda tid: tid,
    "card": lambda p: p.handle, "news_row": lambda n: n.id, "thread_row": lambda t: t.id,
    "update_item": lambda u: u.id, "kudos_item": lambda k: k.id, "tags": tuple,
}
HOME_ITEMS = 5
NEWCOMERS = 12
SECTION_LIMIT = 20
TOPIC_CARDS = 120
SKIP_TARGET = '<span id="plein-content"></span>'  # where the skip link of partials/header.html goes


def initials(name: str) -> str:
    words = [w for w in name.split() if w[:1].isupper()] or name.split() or ["?"]
    return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()


class Views:
    def __init__(self, facts, lang, forge, sanitizer, history, photos, directory_urls, now, languages=None):
        self.facts, self.org, self.lang, self.forge = facts, facts.org, lang, forge
        self.history, self.now, self.photos = history, now, photos
        self._sanitizer, self._feed_bodies = sanitizer, {}
        # forge links carry the day only, so a page stays the same all day (plein.js puts in
        # the time of the click)
        self.stamp = f"{now:%Y-%m-%d} 12:00"
        self.published = {n.id: n for n in facts.published}
        self.handwritten = {}  # source path → title of hand-written pages, set by the site
        self.directory_urls = directory_urls
        self.env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, auto_reload=False,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        # per text and link depth: `@handle` links to the person's page, relative to the page
        staff = lru_cache(maxsize=None)(lambda text, base: Markup(sanitizer.staff(text, self._mention)))
        # news: relative links from the news file's folder, made relative to the page (doclinks)
        news = lru_cache(maxsize=None)(lambda text, src, base: Markup(sanitizer.news(
            text, converter(posixpath.dirname(src), self.href) if src else None)))
        team_ids = lru_cache(maxsize=None)(lambda tid: " ".join(t.id for t in self.org.team_path(tid)) or tid)
        self.env.globals.update(
            t=lang.t, day=lang.day, moment=lang.moment, weekday=lang.weekday, language=lang.language,
            org=self.org, facts=facts, L=L, photos=photos, md=lambda text: staff(text, self._base),
            news_md=lambda text, src=None: news(text, src, self._base),
            topic_key=self.org.topic_key, initials=lru_cache(maxsize=None)(initials), team_ids=team_ids,
            hue=hue, accepted_ids=facts.accepted_ids,
            href=self.href, stamp=self.stamp, forge_name=forge.name, lang_of=self._lang_of,
            show_contact=True, insights=True, report=self.report, report_word=word)  # the site sets the options
        self.reports = None  # where "Report" links go (moderation.Reports), set by the site
        self.languages = languages or Languages(lang.code)
        self._url = lru_cache(maxsize=None)(lambda src: L.url(src, directory_urls))
        self._base = ""
        self._templates = {}
        self._pieces: dict = {}
        self._macros: dict = {}
        for name, key in PIECES.items():  # registered before the module is made: it sees them
            self.env.globals[name] = self._cached(name, key)
        module = self.env.get_template("_macros.html").module
        self._macros.update((name, getattr(module, "m_" + name)) for name in PIECES)

    def _cached(self, name, key):
        """A macro whose HTML is kept per record and link depth: a person's card is made a
        few times per build instead of once per page that shows it."""
        pieces, macros = self._pieces, self._macros

        def piece(obj, *args):
            k = (name, key(obj), args, self._base)
            html = pieces.get(k)
            if html is None:
                if len(pieces) > MAX_PIECES:
                    pieces.clear()
                html = pieces[k] = macros[name](obj, *args)
            return html
        return piece

    def _lang_of(self, record) -> Markup:
        """` lang="en"` for a record's text in another language than the site's, else ''."""
        code = self.languages.attr(record)
        return Markup(f' lang="{code}"') if code else Markup("")

    def _mention(self, handle: str) -> str | None:
        """Where `@handle` links: the page of a colleague with a profile; else no link."""
        return self.href(L.person(handle)) if handle in self.org.people else None

    def href(self, src: str) -> str:
        """The link from the page being rendered to `src`: relative, so the site works in
        any folder. A global (not a context value) so that macros stay cached by Jinja."""
        return self._base + self._url(src)

    def feed_html(self, news_item, prefix: str) -> str:
        """A news body for a feed entry: its relative links made `prefix` + the target's URL,
        where `prefix` is the way up from the feed to the site (feeds.atom)."""
        key = (news_item.id, news_item.body, prefix)  # one item is in many teams' feeds
        if key not in self._feed_bodies:
            self._feed_bodies[key] = self._feed_html(news_item, prefix)
        return self._feed_bodies[key]

    def _feed_html(self, news_item, prefix: str) -> str:
        src = L.news(news_item.id)
        return self._sanitizer.news(news_item.body, converter(posixpath.dirname(src),
                                                              lambda target: prefix + self._url(target)))

    def render(self, spec, page_url: str) -> str:
        self._base = "../" * page_url.count("/")
        ctx = {"spec": spec}
        extra = getattr(self, "_" + spec.kind, None)
        if extra:
            ctx.update(extra(spec))
        template = self._templates.get(spec.kind)
        if template is None:
            template = self._templates[spec.kind] = self.env.get_template(spec.kind + ".html")
        return SKIP_TARGET + template.render(ctx)

    # -- what each view adds -------------------------------------------------------------

    def _home(self, spec):
        f = self.facts
        return {"news": f.current[:HOME_ITEMS], "open_questions": f.open_questions[:HOME_ITEMS],
                "threads": [t for t in f.threads if t.kind == "discussion" or t.answered][:HOME_ITEMS],
                "updates": self.org.updates[:HOME_ITEMS], "kudos": self.org.kudos[:HOME_ITEMS],
                "newcomers": f.newcomers[:NEWCOMERS], "ask_url": self.ask_url("question"),
                "ask_form": self.form("threads/new?kind=question")}

    def _directory(self, spec):
        """The page lists its slice of everyone; directory.js filters the whole organisation
        over the static search index, with these words."""
        t, lang = self.lang.t, self.lang
        wide = lang.locale.days["format"]["wide"]
        words = {k: t(k) for k in ("filter_any", "directory_one", "directory_count", "no_match", "filter_error",
                                   "previous", "next", "page_n")}
        words["languages"] = {c: lang.language(c) for c in LANGUAGES}
        filters = [("team", t("filter_team")), ("location", t("filter_location")),
                   ("expertise", t("filter_expertise")), ("language", t("filter_language"))]
        if self.env.globals["show_contact"]:  # false: office days are left out, as on profiles
            words["days"] = {d: str(wide[i]) for i, d in enumerate(WEEKDAYS)}
            filters.append(("day", t("filter_day")))
        return {"total": len(self.facts.active), "words": words, "locations": self.locations(), "filters": filters}

    def locations(self) -> list:
        """(page, place) of every location where someone works, by name."""
        places = sorted(self.facts.people_by_location, key=str.casefold)
        return [(L.people_at(place), place) for place in places]

    def _location(self, spec):
        place = spec.extra["location"]
        return {"news_at": L.news_at(place) if place in self.facts.news_by_location else None}

    def _person(self, spec):
        p = spec.key
        a = self.org.by(p.handle)
        return {"a": a, "news": [n for n in a.news if n.id in self.published],  # not scheduled ones
                "edit_url": self.form(f"profiles/entries/{p.handle}") or self.forge.edit(p.source.path),
                "file_url": self.forge.edit(p.source.path) if self.forge.editor else "",
                "kudos_url": self.form(f"kudos/new?to={p.handle}") if p.kudos and not p.alumnus else "",
                "reports": [self.org.people[h] for h in self.org.reports.get(p.handle, ())]}

    def _team(self, spec):
        team = spec.key
        members = [self.org.people[h] for h in self.org.members.get(team.id, ())
                   if not self.org.people[h].alumnus]
        return {"members": members, "path": self.org.team_path(team.id),
                "subteams": [self.org.teams[s] for s in self.org.subteams.get(team.id, ())],
                "news_for": team.id in self.facts.news_by_team,
                "team_kudos": self.org.team_kudos.get(team.id, ())[:SECTION_LIMIT]}

    def _topics(self, spec):
        return {"topics": sorted(self.org.topics.values(), key=lambda t: t.label.casefold())}

    def _topic(self, spec):
        topic = spec.key
        ev = self.facts.topic_evidence.get(topic.key, {"accepted": [], "replied": []})
        # everyone who declares it, in the one order of who-knows and search (model/standing.py)
        if getattr(self, "_declared_org", None) is not self.org:
            self._declared, self._declared_org = declared_by_topic(self.org), self.org
        declared = [self.org.people[s.handle] for s in self._declared.get(topic.key, ())
                    if not self.org.people[s.handle].alumnus]
        return {"declared": declared, "accepted": ev["accepted"], "replied": ev["replied"],
                "max_cards": TOPIC_CARDS}  # the rest as names: a page stays small for common topics

    def _news_list(self, spec):
        if spec.src != L.NEWS:
            return {"audiences": ()}
        teams = [(L.news_for_team(tid), self.org.teams[tid].name if tid in self.org.teams else tid)
                 for tid in self.facts.news_by_team]
        places = [(L.news_at(loc), loc) for loc in self.facts.news_by_location]
        return {"audiences": teams + places}

    def _discussions(self, spec):
        f, t = self.facts, self.lang.t
        return {"sections": [("open", t("open_questions"), f.open_questions),
                             ("answered", t("answered"), f.answered),
                             ("talk", t("recent_discussions"), f.talks)],
                "limit": SECTION_LIMIT, "ask_url": self.ask_url("question"),
                "talk_url": self.ask_url("discussion"), "ask_form": self.form("threads/new?kind=question"),
                "talk_form": self.form("threads/new?kind=discussion")}

    def _thread(self, spec):
        return {"reply_url": self.reply_url(spec.key.id), "reply_text": self.reply_text(),
                "helped_url": self.helped_url,
                "reply_form": self.form(f"replies/new?_thread={spec.key.id}")}

    def _updates(self, spec):
        return {"update_form": self.form("updates/new")}

    def _kudos(self, spec):
        return {"kudos_form": self.form("kudos/new")}

    def _moderation(self, spec):
        reports = self.reports
        hidden = self.org.hidden if spec.page == 1 else ()
        return {"rows": rows(spec.key, self.org, self.href, self.forge.edit), "days": RECENT_DAYS,
                "hidden": rows(hidden, self.org, self.href, self.forge.edit), "label": LABEL,
                "reports_url": reports.list_url() if reports else "",
                "search_url": reports.search_url() if reports else "",
                "email": reports.email if reports and reports.to == "mail" else ""}

    def report(self, record):
        """The "Report" link of a reply, question, update or kudos: where it goes without a
        script, and the item for plein.js (None without a place to send it)."""
        if not self.reports or not self.reports.to:
            return None
        return {"href": self.reports.fallback(), "data": self.reports.data(record)}

    def _changes(self, spec):
        return {"changes": [(c, self.targets(c.paths)) for c in self.history.recent]}

    @cached_property
    def figures(self) -> dict:
        """The Insights page's figures: made when its page or CSV is, at most once a build."""
        return compute(self.org, self.history, self.now.date())

    def _insights(self, spec):
        return {"fig": self.figures, "charts": charts.make(self.figures, self.lang.t),
                "num": self.number, "csv": L.INSIGHTS_CSV}

    def number(self, value) -> str:
        """12.5 → '12,5' in Dutch; a missing figure (nothing to count) → '–'."""
        return "–" if value is None else format_decimal(value, locale=self.lang.locale)

    # -- forge links ---------------------------------------------------------------------

    def form(self, route: str) -> str:
        """A form of the web editor, or "" when the site has none."""
        route = self.forge.form(route)
        return self.href(L.EDITOR) + route if route else ""

    def reply_text(self) -> str:
        handle, stamp = self.lang.t("your_handle"), self.stamp
        return f"---\nauthor: {handle}\ndate: {stamp}\n---\n{self.lang.t('placeholder_reply')}\n"

    def reply_url(self, thread_id: str) -> str:
        handle, stamp = self.lang.t("your_handle"), self.stamp
        name = f"{stamp.replace(' ', 'T').replace(':', '-')}-{handle}.md"
        return self.forge.new(f"content/discussions/{thread_id}/replies", name, self.reply_text())

    def helped_url(self, thread_id: str, reply_id: str) -> str:
        """"This helped me": the web editor's one-tap form when the site has one (it names the
        file after the logged-in person), else the forge's new-file page for
        content/discussions/<thread>/helped/<reply>--<your handle>.yml (GitHub fills in its one
        line; GitLab shows it to paste)."""
        form = self.form(f"helped/new?_thread={thread_id}&_reply={reply_id}")
        if form:
            return form
        name = f"{reply_id}--{self.lang.t('your_handle')}.yml"
        return self.forge.new(f"content/discussions/{thread_id}/helped", name, f"date: {self.now:%Y-%m-%d}\n")

    def ask_url(self, kind: str) -> str:
        handle, t = self.lang.t("your_handle"), self.lang.t
        body = (f"---\ntitle: {t('placeholder_title')}\nauthor: {handle}\n"
                f"date: {self.stamp}\nkind: {kind}\ntags: []\n---\n"
                f"{t('placeholder_question')}\n")
        return self.forge.new("content/discussions", f"{t('placeholder_title').lower().replace(' ', '-')}/index.md", body)

    def targets(self, paths):
        """The pages a commit touched, as (source path, label), for the recent changes page."""
        out = {}
        for path in paths:
            target = _page_of(self.org, self.published, self.handwritten, path)
            if target:
                out.setdefault(*target)
        return list(out.items())[:10]


def _page_of(org, published, handwritten, path: str):
    parts = path.split("/")
    if parts[0] == "profiles" and path.endswith(".yml"):
        p = org.people.get(parts[-1][:-4])
        return (L.person(p.handle), p.name) if p else None
    if parts[:2] == ["content", "teams"] and path.endswith(".yml"):
        team = org.teams.get(parts[-1][:-4])
        return (L.team(team.id), team.name) if team else None
    if parts[:2] == ["content", "discussions"] and len(parts) > 2:
        thread = org.threads.get(parts[2])
        return (L.thread(thread.id), thread.title) if thread else None
    if parts[:2] == ["content", "news"] and len(parts) == 4 and path.endswith(".md"):
        item = published.get(f"{parts[2]}/{parts[3][:-3]}")  # never reveal scheduled news
        return (L.news(item.id), item.title) if item else None
    if parts[:2] == ["content", "updates"]:
        return (L.UPDATES, "updates")
    if parts[:2] == ["content", "kudos"]:
        return (L.KUDOS, "kudos")
    src = "/".join(parts[1:])
    if parts[0] == "content" and src in handwritten:
        return (src, handwritten[src])
    return None
