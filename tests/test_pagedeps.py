"""The page cache's promise, checked at the level of page bodies: whenever an edit changes
what a generated page shows, the page's inputs (pagedeps) change too, so the cache can
never keep a stale page. Each case edits one file of the bundled example, renders every
page body before and after with Plein's views, and compares."""
from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from plein.site import links as L
from plein.site.facts import Facts
from plein.git.log import History
from plein.site.i18n import Lang
from plein.model.load import load
from plein.site.pagedeps import PageInputs, digest
from plein.site.plan import plan
from plein.site.sanitize import Sanitizer
from plein.site.views import Views

REPO = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 25, 12, 0)


def pages(root: Path):
    """{src: (body, digest of inputs or None)} of every generated page."""
    org, problems = load(root)
    assert not problems.errors, problems.errors
    facts, lang = Facts(org, NOW), Lang("nl")
    photos = {p.handle for p in org.people.values() if p.photo}
    views = Views(facts, lang, L.Forge("gitlab", "https://gitlab.example/intranet", "main"),
                  Sanitizer(), History.empty(), photos, True, NOW)
    inputs = PageInputs(views)
    out = {}
    for spec in plan(facts, lang, "Intranet"):
        own = inputs.of(spec)
        out[spec.src] = (views.render(spec, L.url(spec.src)), None if own is None else digest(own))
    return org, out


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example's files, with its model and pages as they are before any edit."""
    root = tmp_path_factory.mktemp("example")
    for folder in ("profiles", "content"):
        shutil.copytree(REPO / folder, root / folder)
    return (root, *pages(root))


def _set(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", text, count=1)
    if not n:  # front matter of Markdown, or a YAML file without the key
        new = text.replace("---\n", f"---\n{key}: {value}\n", 1) if text.startswith("---") else f"{key}: {value}\n" + text
    path.write_text(new, encoding="utf-8")


def _busy_person(org):
    """Someone who replied, received kudos and has reports: shown on many pages."""
    return max(org.people.values(), key=lambda p: (len(org.by(p.handle).replies) + len(org.by(p.handle).kudos_received)
                                                   + len(org.reports.get(p.handle, ())), p.handle))


def _question(org):
    return next(t for t in org.threads.values() if t.accepted and len(t.replies) > 1)


EDITS = {
    "person name": lambda root, org: _set(root / _busy_person(org).source.path, "name", "Zoë Testpersoon"),
    "person role": lambda root, org: _set(root / _busy_person(org).source.path, "role", "Nieuwe rol"),
    "person team": lambda root, org: _set(root / _busy_person(org).source.path, "team",
                                          next(t for t in org.teams if t != _busy_person(org).team)),
    "person location": lambda root, org: _set(root / _busy_person(org).source.path, "location", "Elders"),
    "person expertise": lambda root, org: _set(root / _busy_person(org).source.path, "expertise",
                                               "[Nieuwe expertise, GIS]"),
    "person left": lambda root, org: _set(root / _busy_person(org).source.path, "left", "2026-10-01"),
    "team name": lambda root, org: _set(root / org.teams[_busy_person(org).team].source.path, "name", "Hernoemd team"),
    "thread title": lambda root, org: _set(root / _question(org).source.path, "title", "Een nieuwe titel"),
    "accepted answer": lambda root, org: _set(root / _question(org).source.path, "accepted",
                                              next(r.id for r in _question(org).replies if r.id != _question(org).accepted)),
    "reply body": lambda root, org: (root / _question(org).replies[0].source.path).open("a").write("\nExtra zin.\n"),
    "reply deleted": lambda root, org: (root / next(r for r in _question(org).replies
                                                    if r.id != _question(org).accepted).source.path).unlink(),
    "news title": lambda root, org: _set(root / next(n for n in org.news if n.date <= NOW).source.path,
                                         "title", "Ander nieuws"),
    "news pinned": lambda root, org: _set(root / org.news[-1].source.path, "pinned", "true"),
    "update body": lambda root, org: (root / org.updates[0].source.path).open("a").write("\nOok dit.\n"),
    "kudos body": lambda root, org: (root / org.kudos[0].source.path).open("a").write("\nBedankt!\n"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_a_page_whose_body_changes_has_changed_inputs(example, tmp_path, edit):
    root = tmp_path / "org"
    shutil.copytree(example[0], root)
    _, org, before = example
    EDITS[edit](root, org)
    _, after = pages(root)
    changed = [src for src in before.keys() & after.keys() if before[src][0] != after[src][0]]
    assert changed, f"{edit}: the edit changed no page, so it tests nothing"
    stale = [src for src in changed if after[src][1] is not None and before[src][1] == after[src][1]]
    assert not stale, f"{edit}: these pages changed but their inputs did not (the cache would keep them stale): {stale[:10]}"


def test_an_unrelated_edit_leaves_most_pages_alone(example, tmp_path):
    """The point of the cache: a role edit makes a handful of pages again, not all."""
    root = tmp_path / "org"
    shutil.copytree(example[0], root)
    _, org, before = example
    person = min(org.people.values(), key=lambda p: (len(org.by(p.handle).replies), p.handle))
    _set(root / person.source.path, "role", "Andere rol")
    _, after = pages(root)
    remade = [src for src in after if after[src][1] is None or before.get(src, (None, None))[1] != after[src][1]]
    assert len(remade) < len(after) / 10, remade
