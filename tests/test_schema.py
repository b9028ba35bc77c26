"""`plein schema`: the committed JSON Schemas and the content reference page follow fields.py,
editors' schema checks agree with `plein validate`, and the page's examples are valid."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import jsonschema
import pytest

from conftest import make_org
from plein.model import fields as F
from plein.cli import main
from plein.commands.schema import generated
from plein.model.schema import KIND_INFO, reference_table

REPO = Path(__file__).resolve().parents[1]
PAGE = REPO / "content/help/content-reference.md"
CHECK_JSONSCHEMA = REPO / ".venv/bin/check-jsonschema"
EXAMPLE = re.compile(r"`([^`\s]+\.(?:yml|md))`:\n\n```(?:yaml|markdown)\n(.*?\n)```", re.S)


def test_committed_schemas_are_current(capsys):
    assert main(["schema", "--check", "--root", str(REPO)]) == 0, capsys.readouterr().err


def test_check_reports_a_stale_schema_and_write_fixes_it(tmp_path, capsys):
    make_org(tmp_path, {"profiles/.keep": "", **generated()})
    (tmp_path / "schema/team.schema.json").write_text("{}\n")
    assert main(["schema", "--check", "--root", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "schema/team.schema.json is out of date" in err and "run 'plein schema'" in err
    assert (tmp_path / "schema/team.schema.json").read_text() == "{}\n"  # --check writes nothing
    assert main(["schema", "--root", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "wrote schema/team.schema.json\n"
    assert main(["schema", "--check", "--root", str(tmp_path)]) == 0


@pytest.mark.parametrize("kind", list(F.KINDS))
def test_schema_declares_every_field(kind):
    schema = json.loads((REPO / "schema" / KIND_INFO[kind][0]).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    spec, _ = F.KINDS[kind]
    assert list(schema["properties"]) == [f.name for f in spec]
    assert schema["required"] == [f.name for f in spec if f.required]
    assert schema["additionalProperties"] is False
    assert all(schema["properties"][f.name]["description"] == f.doc for f in spec)
    example = {f.name: f.example for f in spec if f.example is not None}
    for f in spec:  # fields without an example still need a value to be complete
        example.setdefault(f.name, {F.HANDLE: "jan-de-vries", F.TEAM: "ruimte",
                                    F.LIST: ["x"], F.DATE: "2026-03-01",
                                    F.DATETIME: "2026-03-01 09:00"}.get(f.kind, "x"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(example)


def test_page_tables_match_fields():
    page = PAGE.read_text(encoding="utf-8")
    for kind, (spec, _) in F.KINDS.items():
        assert reference_table(kind) in page, f"run 'plein schema --reference' and paste the {kind} table"
        for f in spec:
            assert f"| `{f.name}` |" in page


def test_page_examples_validate(tmp_path, monkeypatch, capsys):
    examples = dict(EXAMPLE.findall(PAGE.read_text(encoding="utf-8")))
    folders = {path.split("/")[1] if path.startswith("content/") else "profiles" for path in examples}
    assert folders == {"profiles", "teams", "news", "discussions", "updates", "kudos"}, sorted(examples)
    make_org(tmp_path, examples)
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 0, capsys.readouterr().out
    assert capsys.readouterr().out.startswith("ok: 2 people, 2 teams, 1 news item, 1 thread, 1 update, 1 kudos")


def test_editor_check_agrees_with_validate(tmp_path, capsys):
    """check-jsonschema (what editors and CI linters do) refuses what plein refuses."""
    good = ("name: Jan\nrole: Adviseur\nteam: ruimte\nemail: jan@gemeente.example\n"
            "started: 2019-03-01\nphone: \"0301234567\"\nkudos: true\n")
    bad = ("name: Jan\nrole: Adviseur\nteam: Ruimte\nemail: jan\nstarted: 2026-02-30\n"
           "kudos: yes\nphon: 1\n")
    make_org(tmp_path, {"good.yml": good, "bad.yml": bad})
    schema = str(REPO / "schema/profile.schema.json")
    ok = subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", schema, str(tmp_path / "good.yml")],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    refused = subprocess.run([str(CHECK_JSONSCHEMA), "--schemafile", schema, str(tmp_path / "bad.yml")],
                             capture_output=True, text=True)
    assert refused.returncode == 1
    for field in ("'phon' was unexpected", "$.team", "$.email", "$.started", "$.kudos"):
        assert field in refused.stdout
