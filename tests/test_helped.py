"""Appreciation and mentions on the built site (issue 25), by a real `mkdocs build`: a reply shows
how many colleagues it helped and a "Dit hielp mij" button to the web editor's form (or, without
one, the forge's new-file page) for the file in your name; `@handle` of a colleague is a link to their page, of nobody plain text; the
reply's author hears of each "this helped me" in the digest, one by one, without a count."""
from __future__ import annotations

import shutil
from pathlib import Path
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import commit, git, make_org
from digest_helpers import plein
from test_site_build import CASES, build_org

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    """An element of a page, parsed by the standard library's HTMLParser."""

    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def __getitem__(self, name):
        return self.attrs[name]

    def iter(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find(self, tag=None, id=None, cls=None):
        return next(self.find_all(tag, id, cls), None)

    def find_all(self, tag=None, id=None, cls=None):
        return (n for n in self.iter() if (tag is None or n.tag == tag) and (id is None or n.attrs.get("id") == id)
                and (cls is None or cls in (n.attrs.get("class") or "").split()))

    def get_text(self) -> str:
        return "".join(c if isinstance(c, str) else c.get_text() for c in self.children)


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.at = Node("#root", {})

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_endtag(self, tag):
        node = self.at
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.at = node.parent

    def handle_data(self, data):
        self.at.children.append(data)


def parse(text: str) -> Node:
    builder = _Builder()
    builder.feed(text)
    return builder.root

KOFFIE = "content/discussions/welke-koffie"
REPLY = "2026-11-10T15-00-eva-yilmaz"  # in the basic case, by eva-yilmaz
HELPED = {  # two colleagues; anna twice (counts once); eva on her own reply (counts none)
    f"{KOFFIE}/helped/{REPLY}--anna-jansen.yml": "date: 2026-11-20\n",
    f"{KOFFIE}/helped/{REPLY}--bram-de-vries.yml": "date: 2026-11-21\n",
    f"{KOFFIE}/helped/{REPLY}--eva-yilmaz.yml": "date: 2026-11-21\n",
}
MENTION = (f"{KOFFIE}/replies/2026-11-22T09-00-carla-smit.md",
           "---\nauthor: carla-smit\ndate: 2026-11-22 09:00\n---\n"
           "Vraag het @eva-yilmaz of @niemand-hier, niet `@bram-de-vries` <b>@anna-jansen</b>"
           "<script>@frank-peters</script> mail eva@wetterveen.example.\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("helped") / "org"
    shutil.copytree(CASES / "basic" / "org", root)
    make_org(root, {**HELPED, MENTION[0]: MENTION[1]})
    return build_org(root, root.parent / "site", now="2026-11-27 12:00")


def thread_page(site: Path) -> Node:
    return parse((site / "discussions/welke-koffie/index.html").read_text(encoding="utf-8"))


def test_a_reply_shows_how_many_it_helped_and_the_button(site):
    reply = thread_page(site).find(id=f"reply-{REPLY}")
    assert reply.find(cls="plein-helped-count").get_text() == "Dit hielp 2 mensen"
    button = reply.find("a", cls="plein-helped")
    assert button.get_text() == "Dit hielp mij"
    # the web editor's one-tap form, which names the file after whoever is logged in
    url = urlsplit(button["href"])
    assert url.path == "../../bewerken/"
    assert url.fragment == f"/collections/helped/new?_thread=welke-koffie&_reply={REPLY}"


def test_without_the_web_editor_the_button_opens_the_forges_new_file_page(tmp_path):
    root = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", root)
    make_org(root, HELPED)
    built = build_org(root, tmp_path / "site", now="2026-11-27 12:00", editor=False)
    button = thread_page(built).find(id=f"reply-{REPLY}").find("a", cls="plein-helped")
    url = urlsplit(button["href"])
    assert url.path.endswith(f"/-/new/main/{KOFFIE}/helped")  # the forge's new-file page, GitLab
    assert parse_qs(url.query)["file_name"] == [f"{REPLY}--jouw-handle.yml"]


def test_a_reply_nobody_marked_has_the_button_and_no_count(site):
    other = thread_page(site).find(id="reply-2026-11-22T09-00-carla-smit")
    assert other.find(cls="plein-helped-count") is None and other.find("a", cls="plein-helped")


def test_mentions_of_colleagues_link_to_their_page_and_nothing_else_does(site):
    body = thread_page(site).find(id="reply-2026-11-22T09-00-carla-smit").find(cls="plein-reply__body")
    links = {a.get_text(): a["href"] for a in body.find_all("a")}
    assert links == {"@eva-yilmaz": "../../people/eva-yilmaz/", "@anna-jansen": "../../people/anna-jansen/"}
    assert "@niemand-hier" in body.get_text()  # nobody: plain text
    assert body.find("code").get_text() == "@bram-de-vries"  # in code: as written
    assert body.find("b").find("a")["href"] == "../../people/anna-jansen/"  # inside allowed markup too
    assert body.find("script") is None and "frank-peters" not in body.get_text()  # the sanitiser drops it
    assert "eva@wetterveen.example" in body.get_text()  # an address is no mention
    target = site / "people/eva-yilmaz/index.html"
    assert target.is_file()


def test_the_replys_author_hears_of_each_in_the_digest_never_a_count(tmp_path):
    root = tmp_path / "org"
    shutil.copytree(CASES / "basic" / "org", root)
    shutil.copy(Path(__file__).resolve().parent.parent / "mkdocs.yml", root / "mkdocs.yml")
    git(root, "init", "-q", "-b", "main")
    commit(root, "The organisation", date="2026-11-01T09:00:00+01:00")
    make_org(root, HELPED)
    commit(root, "This helped me", date="2026-11-21T12:00:00+01:00")
    done = plein(root, "digest", "--to-person", "eva-yilmaz", "--now", "2026-11-27 12:00")

    text = done.stdout
    assert "Je reacties hielpen" in text
    assert "Anna Jansen zegt dat je reactie hielp:" in text and "Bram de Vries zegt dat je reactie hielp:" in text
    assert "Eva Yilmaz zegt" not in text  # her own
    assert "2 mensen" not in text and "mensen hielp" not in text  # each by name, no score
