"""An export that takes what the last one computed (search.lastexport) writes the same bytes
as an export from scratch, for every kind of change a merge brings: data cases, each a change
to the files of a generated organisation. Each case also checks that the record was used
(most stems and topic forms taken from it): otherwise the comparison would prove nothing."""
from __future__ import annotations

import pickle
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from plein.model.load import load
from plein.search import lastexport
from plein.search import rank as R
from plein.search.documents import documents
from plein.search.engine import Engine
from plein.search.export import export_org
from plein.search.index import open_index

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 27, 12, 0)


def _first(root: Path, pattern: str) -> Path:
    return sorted(root.glob(pattern))[0]


def reply(root: Path) -> None:
    thread = _first(root, "content/discussions/*/index.md").parent
    handle = _first(root, "profiles/*.yml").stem
    (thread / "replies").mkdir(exist_ok=True)
    (thread / "replies" / f"2026-11-26T10-00-{handle}.md").write_text(
        f"---\nauthor: {handle}\ndate: 2026-11-26 10:00\n---\n\n"
        "Een vast overleg op dinsdag helpt; ik stuur het verslag.\n",
        encoding="utf-8")


def own_words(root: Path) -> None:
    """A reply in words its thread holds already: no word's count changes, only the thread."""
    thread = _first(root, "content/discussions/*/index.md")
    words = [w for w in thread.read_text(encoding="utf-8").split("---", 2)[2].split() if w.isalpha()][:12]
    handle = sorted(root.glob("profiles/*.yml"))[1].stem
    (thread.parent / "replies").mkdir(exist_ok=True)
    (thread.parent / "replies" / f"2026-11-26T11-00-{handle}.md").write_text(
        f"---\nauthor: {handle}\ndate: 2026-11-26 11:00\n---\n\n{' '.join(words)}\n", encoding="utf-8")


def role(root: Path) -> None:
    path = _first(root, "profiles/*.yml")
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join("role: Coördinator zonnepanelen" if x.startswith("role:") else x for x in lines) + "\n",
                    encoding="utf-8")


def renamed(root: Path) -> None:
    path = sorted(root.glob("profiles/*.yml"))[3]
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join("name: Aäron Zwaneveld" if x.startswith("name:") else x for x in lines) + "\n",
                    encoding="utf-8")


def expertise(root: Path) -> None:
    """A person adds a topic that others have too."""
    path = sorted(root.glob("profiles/*.yml"))[5]
    text = path.read_text(encoding="utf-8")
    assert "\nexpertise:" in text
    path.write_text(text.replace("\nexpertise:\n", "\nexpertise:\n  - Omgevingswet\n", 1)
                    if "\nexpertise:\n" in text else text.replace("\nexpertise: [", "\nexpertise: [Omgevingswet, ", 1),
                    encoding="utf-8")


def question(root: Path) -> None:
    """A new thread: every later document's number moves up by one."""
    handle = _first(root, "profiles/*.yml").stem
    folder = root / "content" / "discussions" / "wie-kent-de-omgevingswet-goed"
    folder.mkdir()
    (folder / "index.md").write_text(
        f"---\ntitle: Wie kent de Omgevingswet goed?\nauthor: {handle}\ndate: 2026-11-26 09:00\n"
        "kind: question\ntags: [Omgevingswet, Zonnepanelen]\n---\n\nIk zoek iemand die vergunningen kent.\n",
        encoding="utf-8")


def removed(root: Path) -> None:
    shutil.rmtree(sorted(root.glob("content/discussions/*/index.md"))[2].parent)


def accepted(root: Path) -> None:
    """Another reply becomes the accepted answer: the thread's text stays the same."""
    for path in sorted(root.glob("content/discussions/*/index.md")):
        replies = sorted((path.parent / "replies").glob("*.md"))
        text = path.read_text(encoding="utf-8")
        if "\naccepted:" in text and len(replies) > 1:
            lines = text.split("\n")
            path.write_text("\n".join(f'accepted: "{replies[-1].stem}"' if x.startswith("accepted:") else x
                                      for x in lines), encoding="utf-8")
            return
    raise AssertionError("no thread with an accepted answer and two replies")


def retagged(root: Path) -> None:
    path = _first(root, "content/discussions/*/index.md")
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join("tags: [Parkeren]" if x.startswith("tags:") else x for x in lines), encoding="utf-8")


CASES = {"a reply": reply, "a reply in the thread's words": own_words, "a role": role, "a name": renamed, "an expertise": expertise,
         "a new question": question, "a removed thread": removed, "another accepted answer": accepted,
         "other tags": retagged}


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parts") / "org"
    subprocess.run([sys.executable, str(REPO / "tools/generate-org"), "--people", "60", "--seed", "5",
                    "-q", str(root)], check=True)
    return root


@pytest.fixture(autouse=True)
def steady(monkeypatch):
    """Statistics to one digit: at this size one changed document moves them to three (the
    site's), and then every export starts afresh, which would leave the record untested."""
    monkeypatch.setattr(R, "coarse", lambda x: float(f"{x:.1g}"))


def exported(root: Path, cache: Path, out: Path) -> dict:
    """Export the organisation's files as they are, as a build does; {name: bytes} written."""
    org, _ = load(root)
    docs = documents(org, NOW, "nl")
    engine = Engine(open_index(cache, "nl", docs), "nl")
    export_org(engine, out, org, show_contact=False, docs=lambda: docs)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("heads", [R.HEAD, 2], ids=["heads as on the site", "heads of two"])
@pytest.mark.parametrize("change", CASES.values(), ids=CASES.keys())
def test_an_export_from_the_record_equals_one_from_scratch(generated, tmp_path, monkeypatch, change, heads):
    """(With heads of two documents, a changed document enters and leaves the heads of the
    stems a prefix expands to, which a site this small never shows otherwise.)"""
    monkeypatch.setattr(R, "HEAD", heads)
    root = tmp_path / "org"
    shutil.copytree(generated, root)
    exported(root, tmp_path / "cache", tmp_path / "site")
    change(root)

    taken = {"stems": 0, "forms": 0, "all stems": 0, "all forms": 0}
    postings, form = lastexport.Parts.postings, lastexport.Parts.form

    def count_postings(self, stem):
        found = postings(self, stem)
        taken["all stems"] += 1
        taken["stems"] += found is not None
        return found

    def count_form(self, *args):
        found = form(self, *args)
        taken["all forms"] += 1
        taken["forms"] += found is not None
        return found
    monkeypatch.setattr(lastexport.Parts, "postings", count_postings)
    monkeypatch.setattr(lastexport.Parts, "form", count_form)
    kept = exported(root, tmp_path / "cache", tmp_path / "site")
    assert taken["stems"] > 0.8 * taken["all stems"], f"the record was not used: {taken}"
    assert taken["forms"] > 0.5 * taken["all forms"], f"the record was not used: {taken}"

    fresh = exported(root, tmp_path / "fresh-cache", tmp_path / "fresh-site")
    assert kept.keys() == fresh.keys()
    differ = [name for name in fresh if kept[name] != fresh[name]]
    assert not differ, f"the export from the record differs from one from scratch in {differ[:10]}"


def test_a_torn_record_starts_afresh(generated, tmp_path):
    root = tmp_path / "org"
    shutil.copytree(generated, root)
    exported(root, tmp_path / "cache", tmp_path / "site")
    record = next((tmp_path / "cache").rglob(lastexport.NAME))
    record.write_bytes(record.read_bytes()[:100])
    reply(root)
    kept = exported(root, tmp_path / "cache", tmp_path / "site")
    assert kept == exported(root, tmp_path / "fresh-cache", tmp_path / "fresh-site")
    again = pickle.loads(record.read_bytes())  # written again, whole
    assert isinstance(again, lastexport.Record) and len(again.docs) > 60


@pytest.mark.parametrize("emptied", [False, True], ids=["site folder kept", "site folder emptied before the gate"])
@pytest.mark.parametrize("change", [None, reply], ids=["nothing changed", "a reply"])
def test_an_export_behind_a_gate_writes_nothing_before_it_and_the_same_after(generated, tmp_path, change, emptied):
    """A build's search process makes the export while the build may still empty the site
    folder (search.follow), and writes it only once the gate opens: nothing is read or written
    in the folder before, and after it the folder holds what an export without a gate writes,
    also when the build emptied the folder meanwhile."""
    root = tmp_path / "org"
    shutil.copytree(generated, root)
    out = tmp_path / "site"
    exported(root, tmp_path / "cache", out)
    if change:
        change(root)
    org, _ = load(root)
    docs = documents(org, NOW, "nl")
    engine = Engine(open_index(tmp_path / "cache", "nl", docs), "nl")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*")}
    seen = []

    def gate():
        seen.append({p: p.stat().st_mtime_ns for p in out.rglob("*")})
        if emptied:
            shutil.rmtree(out)

    export_org(engine, out, org, show_contact=False, docs=lambda: docs, gate=gate)
    assert seen == [before]  # the gate was waited for once, with the folder untouched until then
    gated = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert gated == exported(root, tmp_path / "fresh-cache", tmp_path / "fresh-site")
