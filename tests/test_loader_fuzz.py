"""Whatever bytes a staff file holds, `load()` and `check()` return problems or records:
never another exception (which the CLI would turn into 'unexpected error')."""
from __future__ import annotations

import json

import pytest
from hypothesis import given, settings, strategies as st

from conftest import make_org
from plein.model import fields as F
from plein.model.load import load
from plein.model.problems import Problems, to_json, to_text
from plein.model.validate import check
from plein.model import yamlio
from plein.model.yamlio import dump

FILES = {  # one file of each kind, put in place of (or beside) a small valid organisation
    "profile": "profiles/carla-smit.yml",
    "team": "content/teams/gis.yml",
    "news": "content/news/2026/2026-11-20-fuzz.md",
    "thread": "content/discussions/vraag/index.md",
    "reply": "content/discussions/vraag/replies/2026-11-02T10-15-anna-jansen.md",
    "update": "content/updates/anna-jansen/2026-11-20-1.md",
    "kudos": "content/kudos/2026/2026-11-21-anna-jansen-1.md",
}
BASE = {
    "profiles/anna-jansen.yml": "name: Anna\nrole: Secretaris\nteam: gemeente\nemail: anna@w.example\n"
                                "started: 2010-01-04\nkudos: true\n",
    "content/teams/gemeente.yml": "name: Gemeente\n",
    "content/discussions/vraag/index.md": "---\ntitle: Vraag\nauthor: anna-jansen\n"
                                          "date: 2026-11-01 10:00\nkind: question\n---\nWaar?\n",
}
FUZZ = settings(max_examples=200, deadline=None)

TOKENS = ["\n", "  ", "\t", ": ", "- ", "[", "]", "{", "}", ", ", "&a ", "*a", "!!int ", "!!bool ",
          "!!binary ", "!x ", "? ", "|\n", ">-\n", "'", '"', "#", "---\n", "...\n", "%YAML 1.1\n",
          "\\0", "\\ud800", "<<", "~", "null", "true", "\ufeff", "name", "date", "2026-02-30", "1e9"]
YAMLISH = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=60).map("".join)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                    st.sampled_from(["2026-02-30", "2026-11-20 09:00", "anna-jansen", "gemeente", "vraag",
                                     "https://example.org", "mon", "question", "x@y.nl"]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
FIELD_NAMES = sorted({f.name for spec, _ in F.KINDS.values() for f in spec}
                     | {"title", "url", "teams", "locations", "author"})


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return make_org(tmp_path_factory.mktemp("org"), BASE)


def _load_and_check(root, rel: str, raw: bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    try:
        org, problems = load(root)
        check(org, problems)
    finally:
        path.unlink()
        if rel in BASE:
            path.write_text(BASE[rel], encoding="utf-8")
    assert isinstance(problems, Problems)
    assert all(p.line >= 1 and p.col >= 1 and p.message for p in problems)
    to_text(problems).encode("utf-8")  # printable: no lone surrogates reach the terminal
    json.loads(to_json(problems))


@given(kind=st.sampled_from(sorted(FILES)), raw=st.binary(max_size=2000))
@FUZZ
def test_any_bytes(root, kind, raw):
    _load_and_check(root, FILES[kind], raw)


@given(kind=st.sampled_from(sorted(FILES)), text=YAMLISH, front=st.booleans())
@FUZZ
def test_yamlish_text(root, kind, text, front):
    if front:
        text = f"---\n{text}\n---\nTekst\n"
    _load_and_check(root, FILES[kind], text.encode("utf-8", "surrogatepass"))


@given(kind=st.sampled_from(sorted(FILES)),
       data=st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=10), VALUES, max_size=10),
       body=st.text(max_size=600))
@FUZZ
def test_well_formed_yaml_with_any_values(root, kind, data, body):
    text = dump(data)
    if FILES[kind].endswith(".md"):
        text = f"---\n{text}---\n{body}"
    _load_and_check(root, FILES[kind], text.encode("utf-8", "surrogatepass"))


@given(data=st.dictionaries(st.text(max_size=10), VALUES, max_size=10), text=YAMLISH)
@settings(max_examples=100, deadline=None)
def test_fast_parser_reads_like_the_pure_python_one(data, text):
    """libyaml does the parsing for speed; it must not change what a file means or where."""
    for source in (dump(data), text):
        results = []
        for cls in (yamlio.loader_for(source), yamlio._Loader):
            try:
                value = yamlio._construct(cls, source)
                results.append((value, getattr(value, "lines", None)))
            except yamlio.YamlError as err:
                results.append((err.message, err.line, err.col))
            except Exception as err:  # noqa: BLE001 - a syntax error: loads() reports pure Python's
                results.append(type(err).__name__ == "RecursionError" or "syntax")
        if all(isinstance(r, tuple) for r in results):
            assert results[0] == results[1]
