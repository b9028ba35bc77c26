"""Where every generated page lives (its source path), and links to the forge.

The pages of records (person, team, topic, thread, news) and `url` are model/pages.py's, which
`plein validate` shares to judge links to them; the listings are here."""
from __future__ import annotations

from urllib.parse import urlsplit, quote, urlencode

from ..model.org import slugify
from ..model.pages import _leaf, news, person, team, thread, topic, url  # noqa: F401 (L.person …)

SECTIONS = ("people", "alumni", "teams", "expertise", "news", "discussions", "updates", "kudos")


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
