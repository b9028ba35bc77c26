"""The web editor's Decap config follows the field declarations, and the editor page is on the
site with or without Decap installed (a real `mkdocs build` of a small organisation)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plein.editor.config import AUTHOR_FIELDS, COLLECTIONS, HR_FIELDS, MODERATOR_FIELDS, NOT_EDITED, decap_config
from plein.model import fields as F

REPO = Path(__file__).resolve().parent.parent
CASES = REPO / "tests/cases/site/basic"
WIDGET = {F.STR: "string", F.TEXT: "text", F.MARKDOWN: "text", F.HANDLE: "plein-person",
          F.HANDLES: "plein-person", F.TEAM: "plein-team", F.TEAMS: "plein-team", F.LIST: "plein-list",
          F.DATE: "datetime", F.DATETIME: "datetime", F.BOOL: "boolean", F.EMAIL: "string", F.URL: "string",
          F.LINKS: "list", F.ENUM: "plein-choices", F.ENUMS: "plein-choices", F.FILE: "image", F.AUDIENCE: "object"}


def _collections(lang="nl"):
    config = decap_config(lang, {"name": "gitlab", "repo": "x/y", "branch": "main"})
    return {c["name"]: c for c in config["collections"]}, config


@pytest.mark.parametrize("kind", [k for k in F.KINDS if k not in NOT_EDITED])
def test_every_declared_field_has_a_widget_of_its_kind(kind):
    collections, _ = _collections()
    name = next(c.name for c in COLLECTIONS if c.kind == kind)
    fields = {f["name"]: f for f in collections[name]["fields"]}
    declared, max_body = F.KINDS[kind]
    for f in declared:
        got = fields[f.name]
        if f.name in MODERATOR_FIELDS:  # shown to moderators only (moderators.js), with the usual widget
            assert (got["widget"], got["as"]) == ("plein-moderated", WIDGET[f.kind]), f"{kind}.{f.name}"
            continue
        expected = "plein-author" if (kind, f.name) in AUTHOR_FIELDS else WIDGET[f.kind]
        if kind == "thread" and f.name == "accepted":
            expected = "plein-accepted"
        if kind == "profile" and f.name in HR_FIELDS:  # read-only, with the usual widget for a new profile
            assert got["widget"] == "plein-hr" and got["as"] == expected and got["note"] == "Wijzigingen gaan via HR."
            expected = "plein-hr"
        assert got["widget"] == expected, f"{kind}.{f.name}"
        assert got["required"] is f.required, f"{kind}.{f.name}"
        if expected != "plein-author":
            assert got["hint"] and got["hint"] != f.doc  # help in the site's language (editor/hints.py)
        if f.choices:
            assert [o["value"] for o in got["options"]] == list(f.choices)
            assert all(o["label"] for o in got["options"])
            assert got["multiple"] is (f.kind == F.ENUMS)
        if f.max_len and f.kind in (F.STR, F.TEXT, F.MARKDOWN):
            assert str(f.max_len) in got["pattern"][0]
    extra = {f["name"] for f in collections[name]["fields"]} - {f.name for f in declared}
    assert extra <= {"body", "_thread", "_author", "_reply", "_by"}  # '_' fields place the file and are not written
    assert ("body" in extra) is bool(max_body)


def test_decap_never_reads_whole_collections_for_people_or_teams():
    collections, config = _collections()
    widgets = [f["widget"] for c in collections.values() for f in c["fields"]]
    assert "relation" not in widgets
    assert config["search"] is False
    assert collections["profiles"]["media_folder"] == "photos/{{filename}}"  # a folder per person
    kudos_to = next(f for f in collections["kudos"]["fields"] if f["name"] == "to")
    assert kudos_to["only"] == "kudos"


def test_every_save_is_a_merge_request_that_staff_cannot_merge():
    collections, config = _collections()
    assert config["publish_mode"] == "editorial_workflow"
    assert all(c["publish"] is False and c["delete"] is False for c in collections.values())


def test_labels_follow_the_language():
    nl, _ = _collections("nl")
    en, _ = _collections("en")
    assert nl["replies"]["label"] == "Reacties" and en["replies"]["label"] == "Replies"
    days = next(f for f in nl["profiles"]["fields"] if f["name"] == "office_days")["options"]
    assert days[0] == {"label": "maandag", "value": "mon"}  # shown in words, saved as the file's value
    assert _collections("nl")[1]["locale"] == "nl"


def _site(tmp_path: Path, extra_options: str = "") -> Path:
    org = tmp_path / "org"
    shutil.copytree(CASES / "org", org)
    (org / "mkdocs.yml").write_text(
        "site_name: Test\nsite_url: https://intranet.example/\nrepo_url: https://gitlab.example.org/gemeente/intranet\n"
        f"docs_dir: content\ntheme:\n  name: material\n  font: false\nplugins:\n  plein:\n    git: false\n"
        f"    now: '2026-11-27 10:00'\n    editor_app_id: abc123\n{extra_options}")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                          cwd=org, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr
    return tmp_path / "site"


def test_the_site_serves_decap_with_a_gitlab_pkce_login(tmp_path):
    site = _site(tmp_path, f"    editor_modules: {REPO / 'node_modules'}\n")
    editor = site / "bewerken"
    config = yaml.safe_load((editor / "config.yml").read_text())
    messages = config["backend"].pop("commit_messages")
    assert messages["create"].startswith("Nieuw:")  # Dutch; commit.js writes fuller ones
    assert config["backend"] == {"name": "gitlab", "repo": "gemeente/intranet", "branch": "main",
                                 "auth_type": "pkce", "base_url": "https://gitlab.example.org",
                                 "api_root": "https://gitlab.example.org/api/v4",
                                 "auth_endpoint": "oauth/authorize", "app_id": "abc123"}
    assert "local_backend" not in config  # only plein serve has a local backend
    assert (editor / "decap/decap-cms.js").is_file() and (editor / "yaml/index.js").is_file()
    assert not list(editor.rglob("*.map"))
    # one of Decap's two builds: the page's decap-cms.js and the parts it loads, not cms.js's
    assert list(editor.glob("decap/*.decap-cms.js"))
    assert not [f.name for f in editor.glob("decap/*cms.js") if not f.name.endswith("decap-cms.js")]
    topics = json.loads((editor / "topics.json").read_text())
    assert topics and all(isinstance(label, str) for label, _ in topics)
    assert all(isinstance(json.loads(f.read_text()), list) for f in (editor / "replies").glob("*.json"))
    page = (editor / "index.html").read_text()
    assert 'lang="nl"' in page and "decap/decap-cms.js" in page
    # nothing is loaded from another host: only the CSP names the forge (for the editor's API calls)
    assert "http" not in page.replace('http-equiv="Content-Security-Policy"', "").split("<meta charset", 1)[1]
    thread = (site / "discussions/gis-laag-bomen/index.html").read_text()
    assert 'href="../../bewerken/#/collections/replies/new?_thread=gis-laag-bomen"' in thread
    # who to ask whether the person logged in is a moderator (moderators.js): the forge of repo_url
    assert json.loads((editor / "policy.json").read_text())["moderators"] == {
        "forge": "gitlab", "api": "https://gitlab.example.org/api/v4", "group": "intranet/moderators"}
    # the service worker that keeps Decap in the browser, named by the libraries' bytes
    assert re.search(r'const VERSION = "plein-editor-[0-9a-f]{16}";', (editor / "sw.js").read_text())


def _library(tmp_path, name: str, text: str):
    """What worker() reads of a library's File: its place on the site and the file it copies."""
    from types import SimpleNamespace
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return SimpleNamespace(src_uri=f"bewerken/decap/{name}", abs_src_path=str(path))


def test_the_workers_version_follows_the_libraries_bytes_not_their_place(tmp_path):
    from plein.editor.site import worker
    one = worker([_library(tmp_path / "a", "decap-cms.js", "decap 3.16.3")])
    assert one == worker([_library(tmp_path / "b", "decap-cms.js", "decap 3.16.3")])  # another clone
    assert one != worker([_library(tmp_path / "c", "decap-cms.js", "decap 3.16.4")])  # a new version
    assert "@VERSION@" not in one and "@FIRST@" not in one
    assert 'const FIRST = ["decap/decap-cms.js"];' in one  # kept at once: what every opening loads


@pytest.mark.parametrize("forge, moderators, expected", [
    ("gitlab", "@intranet/moderators", {"forge": "gitlab", "api": "https://forge.example/api/v4",
                                        "group": "intranet/moderators"}),
    ("gitlab", "@gemeente/ict/moderatie", {"forge": "gitlab", "api": "https://forge.example/api/v4",
                                           "group": "gemeente/ict/moderatie"}),
    ("github", "@intranet/moderators", {"forge": "github", "api": "https://api.github.com",
                                        "org": "intranet", "team": "moderators"}),
    ("github", "@someone", None),  # not a team: nobody to ask, so nobody is shown the fields
    ("gitlab", "", None),
])
def test_where_the_editor_asks_who_moderates(forge, moderators, expected):
    from types import SimpleNamespace
    from plein.editor.site import moderators as where
    options = SimpleNamespace(forge=forge, moderators=moderators, branch="main", editor_app_id=None,
                              editor_auth_url=None)
    assert where(options, SimpleNamespace(repo_url="https://forge.example/gemeente/intranet")) == expected


def test_without_node_the_site_builds_and_the_editor_page_says_how(tmp_path):
    site = _site(tmp_path, "    editor_modules: no-such-folder\n")
    page = (site / "bewerken/index.html").read_text()
    assert "make install" in page and "niet geïnstalleerd" in page
    assert not (site / "bewerken/config.yml").exists()
    assert (site / "people/anna-jansen/index.html").is_file()
