"""Every hostile value of tests/cases/hostile/fields.yml in every field of every kind of record,
through Plein's one parser: refused with its message at the field's line, or kept as written
(and then made harmless where it is shown; see test_hostile_render.py).

The fields come from plugins/plein/model/fields.py, so a new field is covered by itself, and
a kind of field that this test does not know fails it (test_every_kind_of_field_is_covered).
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from plein.model import fields as F
from plein.model.parse import parse_file

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "hostile" / "fields.yml").read_text(encoding="utf-8"))

# one valid record of each kind: (path, fields, body)
VALID = {
    "profile": ("profiles/jan-de-vries.yml", {
        "name": "Jan de Vries", "role": "Adviseur", "team": "ruimte", "email": "jan@gemeente.example",
        "started": "2019-03-01"}, None),
    "team": ("content/teams/ruimte.yml", {"name": "Ruimte"}, None),
    "news": ("content/news/2026/2026-11-20-nieuws.md", {
        "title": "Nieuws", "date": "2026-11-20 09:00", "authors": ["sanne-bakker"]}, "Tekst."),
    "thread": ("content/discussions/vraag/index.md", {
        "title": "Vraag", "author": "jan-de-vries", "date": "2026-11-02 10:00", "kind": "question"}, "Hoe?"),
    "reply": ("content/discussions/vraag/replies/2026-11-02T10-15-jan-de-vries.md", {
        "author": "jan-de-vries", "date": "2026-11-02 10:15"}, "Zo."),
    "update": ("content/updates/jan-de-vries/2026-11-02-1.md", {"date": "2026-11-02 10:00"}, "Bezig."),
    "kudos": ("content/kudos/2026/2026-11-02-jan-de-vries-1.md", {
        "from": "jan-de-vries", "to": "anna-jansen", "date": "2026-11-02"}, "Dank!"),
}

# kind of field -> [(case list, how the value is placed in the field)]
ONE = lambda v: v
ITEM = lambda v: [v]
PLACES = {
    F.STR: [("one_line", ONE)],
    F.LIST: [("one_line", ITEM)],
    F.TEXT: [("multi_line", ONE)],
    F.MARKDOWN: [("multi_line", ONE), ("markdown", ONE)],
    F.EMAIL: [("email", ONE)],
    F.HANDLE: [("handle", ONE)],
    F.TEAM: [("handle", ONE)],
    F.HANDLES: [("handle", ITEM)],
    F.TEAMS: [("handle", ITEM)],
    F.FILE: [("file", ONE)],
    F.ENUM: [("enum", ONE)],
    F.ENUMS: [("enum", ITEM)],
    F.LINKS: [("one_line", lambda v: [{"title": v, "url": "https://example.org/"}]),
              ("url", lambda v: [{"title": "Site", "url": v}])],
    F.AUDIENCE: [("handle", lambda v: {"teams": [v]}), ("one_line", lambda v: {"locations": [v]})],
}
NOT_TEXT = {F.DATE, F.DATETIME, F.BOOL}  # parsed into dates and booleans: nothing to show as text


def _cases():
    out = []
    for kind, (spec, _) in F.KINDS.items():
        for field in spec:
            for group, place in PLACES.get(field.kind, ()):
                for case in CASES[group]:
                    if field.name in case.get("only", [field.name]):
                        out.append(pytest.param(kind, field, place, case,
                                                id=f"{kind}.{field.name}.{group}.{case['name']}"))
        if F.KINDS[kind][1]:  # the Markdown body below the front matter
            for case in CASES["markdown"]:
                out.append(pytest.param(kind, None, None, case, id=f"{kind}.body.{case['name']}"))
    return out


def _file(kind: str, field, place, case) -> tuple[str, bytes]:
    path, values, body = VALID[kind]
    values = dict(values)
    if field is not None:
        values[field.name] = place(case["value"])
    else:
        body = case["value"]
    text = yaml.safe_dump(values, allow_unicode=True, sort_keys=False, width=10_000)
    if body is None:
        return path, text.encode()
    return path, f"---\n{text}---\n{body}\n".encode()


def test_every_kind_of_field_is_covered():
    kinds = {f.kind for spec, _ in F.KINDS.values() for f in spec}
    assert not kinds - set(PLACES) - NOT_TEXT, "add the new kind of field to PLACES and to fields.yml"


def test_there_are_enough_cases():
    assert len(_cases()) >= 200


@pytest.mark.parametrize("kind,field,place,case", _cases())
def test_hostile_value(kind, field, place, case):
    path, raw = _file(kind, field, place, case)
    parsed = parse_file(path, raw)
    errors = [p for p in parsed.problems if p.severity == "error"]
    shown = "\n".join(map(str, parsed.problems))
    if "refuse" in case:
        mine = [p for p in errors if case["refuse"] in p.message]
        assert mine, f"expected '{case['refuse']}', got:\n{shown}"
        if field is not None:
            line = raw.decode().splitlines().index(next(l for l in raw.decode().splitlines()
                                                        if l.startswith(f"{field.name}:"))) + 1
            assert any(line <= p.line <= line + 2 for p in mine), shown  # a list item: its own line
            assert all(p.hint for p in mine), "every refusal says how to fix it"
        return
    assert not errors, shown
    notices = [p for p in parsed.problems if p.severity == "notice"]
    if "notice" in case:
        assert any(case["notice"] in p.message for p in notices), shown
        assert all(p.hint for p in notices)
    else:
        assert not notices, shown
    if "stored" in case and field is not None:
        assert getattr(parsed.record, field.name) == case["stored"]
