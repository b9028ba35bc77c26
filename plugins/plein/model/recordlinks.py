"""Links in what staff write (bios, team descriptions, questions, replies, updates, kudos, news),
judged before the merge by the rule the pipelines' build applies after it (model/linkrule.py).

The build checks each link on every page that shows the text; validate does the same with
the pages it can foresee: the page of each record (model/pages.py), the fixed listings, and
the pages and files of docs_dir. What it cannot foresee (the theme's files, the search
index) it does not judge: the build still does. Anchors (#part) are not judged either: the
ids of a page come from its template.

Where a text shows: a bio on its person's page, a team's description on the team's page, a
question on its thread's page, a reply there and on its author's page, an update on its
author's page and the updates list, kudos on the kudos wall and the page of whoever got
them. News bodies are converted first as MkDocs converts a Markdown page's links
(site/doclinks.py): relative to the news file, a link to a .md file leads to its page."""
from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from . import pages as P
from .linkrule import LEAVES, MISSING, base_folder, resolve
from .org import Org
from .problems import Problems
from .scan import RECORD_DIRS

# sections whose every page at <section>/<name>/ is a record's: any other name there is missing
RECORD_SECTIONS = {"people", "teams", "discussions", "expertise"}
LISTINGS = {"page", "at", "list", "for", "archive"}  # folders of listings inside a section
FIXED = ("index.md", "people/index.md", "alumni/index.md", "teams/index.md", "expertise/index.md",
         "news/index.md", "news/archive/index.md", "discussions/index.md", "updates/index.md",
         "kudos/index.md", "changes.md")
# the site's top folders that Plein, the theme or a plugin fill (beside docs_dir's own)
GENERATED_TOP = RECORD_SECTIONS | {"alumni", "news", "updates", "kudos", "changes", "insights", "moderation",
                                   "feeds", "assets", "search", "plein-search", "bewerken"}
UPDATES, KUDOS = "updates/index.html", "kudos/index.html"
STAFF_EXTENSIONS = ["tables", "fenced_code", "sane_lists"]  # as site/sanitize.py renders them
NEWS_EXTENSIONS = ["tables", "fenced_code", "attr_list", "md_in_html", "admonition"]
RECORD_FOLDERS = {folder.split("/", 1)[1] for folder in RECORD_DIRS if folder.startswith("content/")}


@dataclass(frozen=True)
class SiteView:
    """What validate knows of the site: the path it is published under (the live site's, as
    the pipelines check it) and docs_dir (absolute), whose pages and files it holds."""

    base_path: str = "/"
    docs_dir: Path | None = None


class Known:
    """exists(file) for validate: True for a file the site will have, False for one it will
    not, None where validate cannot know."""

    def __init__(self, org: Org, docs_dir: Path | None):
        files = {P.html_file(src) for src in FIXED}
        files.update(P.html_file(P.person(h)) for h in org.people)
        files.update(P.html_file(P.team(t)) for t in org.teams)
        files.update(P.html_file(P.thread(t)) for t in org.threads)
        files.update(P.html_file(P.topic(t.slug)) for t in org.topics.values())
        files.update(P.html_file(P.news(n.id)) for n in org.news)
        self.docs_top: set[str] = set()
        if docs_dir is not None and Path(docs_dir).is_dir():
            for folder, dirs, names in os.walk(docs_dir):
                rel = Path(folder).relative_to(docs_dir).as_posix()
                rel = "" if rel == "." else rel + "/"
                if not rel:
                    dirs[:] = [d for d in dirs if d not in RECORD_FOLDERS and not d.startswith(".")]
                    self.docs_top.update(dirs)
                for name in names:
                    if not name.startswith("."):
                        files.add(P.html_file(rel + name) if name.endswith(".md") else rel + name)
        self.files = frozenset(files)

    def __call__(self, file: str) -> bool | None:
        if file in self.files:
            return True
        parts = file.split("/")
        if len(parts) > 1 and parts[0] in RECORD_SECTIONS and parts[1] not in LISTINGS:
            return False  # <section>/<record>/ holds the record's index.html, nothing else
        if len(parts) > 2 and parts[0] == "news" and len(parts[1]) == 4 and parts[1].isdigit():
            return False  # news/<year>/<news item>/index.html, likewise
        if len(parts) > 1 and (parts[0] in self.docs_top or parts[0] not in GENERATED_TOP):
            return False  # a folder of docs_dir, where the site has what docs_dir has, or none
        return None



class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        wanted = {"a": "href", "img": "src"}.get(tag)
        for name, value in attrs:
            if name == wanted and value and value.strip():
                self.found.append(value.strip())

    handle_startendtag = handle_starttag


def links_in(text: str, news: bool = False) -> list[str]:
    """The addresses of the links and images Markdown makes of `text`, each once, in order."""
    if not text or ("](" not in text and "<" not in text and "]:" not in text):
        return []
    import markdown  # only for texts that may hold a link: validate stays quick

    reader = _Links()
    reader.feed(markdown.markdown(text, extensions=NEWS_EXTENSIONS if news else STAFF_EXTENSIONS))
    reader.close()
    return list(dict.fromkeys(reader.found))


def _texts(org: Org):
    """(record's file, first line of the text, the text, pages that show it, news source or None)."""
    page = lambda src: P.html_file(src)  # noqa: E731
    for p in org.people.values():
        if p.bio:
            yield p.source.path, p.source.at("bio"), p.bio, [page(P.person(p.handle))], None
    for t in org.teams.values():
        if t.description:
            yield t.source.path, t.source.at("description"), t.description, [page(P.team(t.id))], None
    for th in org.threads.values():
        yield th.source.path, th.source.body_line, th.body, [page(P.thread(th.id))], None
        for r in th.replies:
            shown = [page(P.thread(th.id))] + ([page(P.person(r.author))] if r.author in org.people else [])
            yield r.source.path, r.source.body_line, r.body, shown, None
    for u in org.updates:
        shown = ([page(P.person(u.author))] if u.author in org.people else []) + [UPDATES]
        yield u.source.path, u.source.body_line, u.body, shown, None
    for k in org.kudos:
        shown = [KUDOS] + ([page(P.person(k.to))] if k.to in org.people else []) \
            + ([page(P.team(k.to_team))] if k.to_team in org.teams else [])
        yield k.source.path, k.source.body_line, k.body, shown, None
    for n in org.news:
        yield n.source.path, n.source.body_line, n.body, [page(P.news(n.id))], P.news(n.id)


def _as_converted(link: str, src: str, base: str) -> str:
    """A news body's link as the site makes it (site/doclinks.py), written from the site's root."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return link
    target = posixpath.normpath(posixpath.join(posixpath.dirname(src), unquote(parts.path)))
    if target == ".." or target.startswith("../") or target == ".":
        return link
    address = P.url(target)
    if parts.path.endswith("/") and not address.endswith("/"):
        address += "/"
    return base + quote(address, safe="/.:") + ("#" + parts.fragment if parts.fragment else "")


def check(org: Org, site: SiteView, root: Path, problems: Problems | None = None) -> Problems:
    """Every link in a record's text that the pipelines' build would refuse, at its line."""
    problems = Problems() if problems is None else problems
    known = Known(org, site.docs_dir)
    base = base_folder(site.base_path)
    for path, first, text, shown, news_src in _texts(org):
        for link in links_in(text, news=news_src is not None):
            written = _as_converted(link, news_src, base) if news_src else link
            for page in shown:
                _, _, why = resolve(page, written, site.base_path, known)
                if why:
                    problems.add(path, _line(root, path, first, link), *_words(link, page, why, base, known))
                    break
    return problems


def _words(link: str, page: str, why: str, base: str, known: Known) -> tuple[str, str]:
    """(what is wrong, how to fix it)."""
    where = "/" + posixpath.dirname(page) + "/" if "/" in page else "/"
    problem = f"the link '{link}' leads nowhere on the page {where.replace('//', '/')}: {why}"
    if why.startswith("it points outside the site (") and link.startswith("/"):
        better = base + link.lstrip("/")
        if resolve(page, better, base, known)[2] == "":
            return problem, f"write '{better}' (links from the root start with the site's path, {base})"
        return problem, (f"links from the root start with the site's path ({base}); "
                         "link to a page that exists there, or to a colleague with @handle")
    if why == LEAVES:
        return problem, (f"link from the site's root instead ('{base}…'): a text can show on pages "
                         "at different depths, so '../' leads elsewhere on each")
    if why == MISSING:
        return problem, ("link to a page that exists: copy its address from the site, from the "
                         f"root ('{base}…'), or link to a colleague with @handle")
    return problem, "correct the link"


def _line(root: Path, rel: str, first: int, link: str) -> int:
    """The line of the file that holds the link, from the text's first line on."""
    try:
        lines = (Path(root) / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return first or 1
    start = max((first or 1) - 1, 0)
    for i in range(start, len(lines)):
        if link in lines[i]:
            return i + 1
    return first or 1
