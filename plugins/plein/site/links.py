"""Where every generated page lives (its source path), and links to the forge.

Record pages sit one folder deep (people/<handle>.md); listings sit at an index.md or two
folders deep (people/page/2.md), so an id can only collide with 'index', which gets a '_'
(ids never contain one)."""
from __future__ import annotations

from urllib.parse import urlsplit, quote, urlencode

from ..model.org import slugify

SECTIONS = ("people", "alumni", "teams", "expertise", "news", "discussions", "updates", "kudos")


def _leaf(folder: str, key: str) -> str:
    return f"{folder}/{'_' + key if key == 'index' else key}.md"


def person(handle: str) -> str:
    return _leaf("people", handle)


def team(team_id: str) -> str:
    return _leaf("teams", team_id)


def topic(slug: str) -> str:
    return _leaf("expertise", slug)


def thread(thread_id: str) -> str:
    return _leaf("discussions", thread_id)


def news(news_id: str) -> str:
    return f"news/{news_id}.md"  # news ids are '<year>/<date>-<slug>'


def news_for_team(team_id: str) -> str:
    return f"news/for/{team_id}.md"


def news_at(location: str) -> str:
    return f"news/at/{slugify(location)}.md"


def people_at(location: str) -> str:
    """Everyone who works at a location: the directory's location filter without JavaScript."""
    return f"people/at/{slugify(location)}.md"


def team_feed(team_id: str) -> str:
    return f"feeds/teams/{team_id}.xml"


HOME = "index.md"
DIRECTORY = "people/index.md"
ALUMNI = "alumni/index.md"
ORGCHART = "teams/index.md"
TOPICS = "expertise/index.md"
NEWS = "news/index.md"
ARCHIVE = "news/archive/index.md"
DISCUSSIONS = "discussions/index.md"
UPDATES = "updates/index.md"
KUDOS = "kudos/index.md"
CHANGES = "changes.md"
FEED = "feeds/news.xml"
EDITOR = "bewerken/"  # the web editor's page (plein.editor)
INSIGHTS = "insights/index.md"
INSIGHTS_CSV = "insights/inzicht.csv"


def list_page(first: str, n: int) -> str:
    """Page n of a listing whose first page is `first` ('news/index.md' → 'news/page/2.md')."""
    if n <= 1:
        return first
    stem = first[: -len("/index.md")] if first.endswith("/index.md") else first[: -len(".md")]
    return f"{stem}/page/{n}.md"


def discussion_list(kind: str) -> str:
    return f"discussions/list/{kind}.md"


def url(src_uri: str, directory_urls: bool = True) -> str:
    """The site URL of a source path, as MkDocs computes it (without a leading slash)."""
    if not src_uri.endswith(".md"):
        return src_uri
    stem = src_uri[:-3]
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


class Forge:
    """Links that open a form of the web editor, or the forge's web editor (GitLab or GitHub)
    on the right file."""

    def __init__(self, kind: str, repo_url: str | None, branch: str, editor: bool = False):
        self.kind, self.repo, self.branch, self.editor = kind, (repo_url or "").rstrip("/"), branch, editor
        self.name = FORGE_NAMES.get(kind, kind)

    def form(self, route: str) -> str:
        """The editor's route ('profiles/entries/<handle>'), after the editor page's address."""
        return f"#/collections/{route}" if self.editor else ""

    def edit(self, path: str) -> str:
        if not self.repo:
            return ""
        mid = "-/edit" if self.kind == "gitlab" else "edit"
        return f"{self.repo}/{mid}/{self.branch}/{quote(path)}"

    def new(self, folder: str, file_name: str, content: str) -> str:
        """A new file with its name filled in; GitHub also takes its text, GitLab ignores
        it (GitLab work item 594214): the page shows the text to paste."""
        if not self.repo:
            return ""
        if self.kind == "gitlab":
            query = urlencode({"file_name": file_name}, quote_via=quote)
            return f"{self.repo}/-/new/{self.branch}/{quote(folder)}?{query}"
        query = urlencode({"filename": file_name, "value": content}, quote_via=quote)
        return f"{self.repo}/new/{self.branch}/{quote(folder)}?{query}"


FORGE_NAMES = {"gitlab": "GitLab", "github": "GitHub"}


def repo_name(name: str | None, repo_url: str | None, forge: str) -> str | None:
    """The repository's name in the header. Without `repo_name` in mkdocs.yml, MkDocs names
    it after the host, title-cased ('gitlab.example.org' → 'Gitlab'): then the forge's own
    spelling is shown instead. A name set in mkdocs.yml stays."""
    host = urlsplit(repo_url or "").netloc.lower()
    if name and host and name == host.split(".")[0].title():
        return FORGE_NAMES.get(forge, name)
    return name
