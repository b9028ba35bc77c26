"""JSON Schemas and the content reference's field tables, made from fields.py.

Editors use the schemas (profiles name theirs in a `# yaml-language-server: $schema=` line)
to complete and check fields while staff type; the loader stays the authority, so the
patterns here are the loader's own (convert.py).
"""
from __future__ import annotations

import json

from . import fields as F
from .convert import DATE_RE, DATETIME_RE, EMAIL_RE, ID_RE, PHOTO_RE, SAFE_URL_RE

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FOLDER = "schema"
FILE_PATTERN = PHOTO_RE.pattern  # a file name beside the record, or photos/<handle>/<file>
ONE_LINE = r"^[^\n]*$"
# Editors compile patterns as JavaScript with the u flag: no '\"' escapes, no re.I.
EMAIL = EMAIL_RE.pattern.replace('\\"', '"')
URL = ("^(?:[Hh][Tt][Tt][Pp][Ss]?://|[Mm][Aa][Ii][Ll][Tt][Oo]:)"
       + SAFE_URL_RE.pattern.split(")", 1)[1].replace('\\"', '"'))

# kind -> (file name, title, where the files live)
KIND_INFO = {
    "profile": ("profile.schema.json", "Profile", "profiles/<handle>.yml"),
    "team": ("team.schema.json", "Team", "content/teams/<team-id>.yml"),
    "news": ("news.schema.json", "News item (front matter)", "content/news/<YYYY>/<YYYY-MM-DD>-<slug>.md"),
    "thread": ("thread.schema.json", "Discussion (front matter)", "content/discussions/<slug>/index.md"),
    "reply": ("reply.schema.json", "Reply (front matter)",
              "content/discussions/<slug>/replies/<YYYY-MM-DD>T<HH-MM>-<handle>.md"),
    "update": ("update.schema.json", "Status update (front matter)", "content/updates/<handle>/<YYYY-MM-DD>-<n>.md"),
    "kudos": ("kudos.schema.json", "Kudos (front matter)", "content/kudos/<YYYY>/<YYYY-MM-DD>-<from>-<n>.md"),
    "helped": ("helped.schema.json", "This helped me",
               "content/discussions/<slug>/helped/<reply file name without .md>--<handle>.yml"),
}

# value kind -> how the reference page names it for staff
KIND_WORDS = {
    F.STR: "text (one line)", F.TEXT: "text", F.MARKDOWN: "Markdown text", F.HANDLE: "handle",
    F.HANDLES: "list of handles", F.TEAM: "team id", F.TEAMS: "list of team ids",
    F.LIST: "list of words or phrases", F.DATE: "date (YYYY-MM-DD)",
    F.DATETIME: "date and time (YYYY-MM-DD HH:MM)", F.BOOL: "true or false",
    F.EMAIL: "e-mail address", F.URL: "web address", F.LINKS: "list of {title, url}",
    F.ENUM: "one of", F.ENUMS: "list, each one of", F.FILE: "file name",
    F.AUDIENCE: "{teams: [...], locations: [...]}",
}


def _string(pattern: str | None = None, max_len: int | None = None, **extra) -> dict:
    out = {"type": "string"}
    if pattern:
        out["pattern"] = pattern
    if max_len:
        out["maxLength"] = max_len
    return {**out, **extra}


def _array(items: dict, required: bool) -> dict:
    out = {"type": "array", "items": items, "maxItems": F.MAX_LIST}
    return {**out, "minItems": 1} if required else out


def _ident(what: str) -> dict:
    return _string(ID_RE.pattern, F.MAX_SHORT, description=f"A {what}: lowercase letters, digits and hyphens.")


def value_schema(f: F.Field) -> dict:
    """The JSON Schema of one field's value (without its description)."""
    k, min1 = f.kind, {"minLength": 1} if f.required else {}
    if k == F.STR:
        return _string(ONE_LINE, f.max_len, **min1)
    if k in (F.TEXT, F.MARKDOWN):
        return _string(None, f.max_len, **min1)
    if k == F.HANDLE:
        return _ident("handle")
    if k == F.TEAM:
        return _ident("team id")
    if k in (F.HANDLES, F.TEAMS):
        return _array(_ident("handle" if k == F.HANDLES else "team id"), f.required)
    if k == F.LIST:  # the loader reads a bare number in a list as text
        return _array({"type": ["string", "number"], "maxLength": F.MAX_SHORT}, f.required)
    if k == F.DATE:
        return _string(DATE_RE.pattern, format="date")
    if k == F.DATETIME:
        return _string(DATETIME_RE.pattern)
    if k == F.BOOL:
        return {"type": "boolean"}
    if k == F.EMAIL:
        return _string(EMAIL, f.max_len)
    if k == F.URL:
        return _string(URL, f.max_len)
    if k == F.ENUM:
        return {"enum": list(f.choices)}
    if k == F.ENUMS:
        return _array({"enum": list(f.choices)}, f.required)
    if k == F.FILE:
        return _string(FILE_PATTERN, f.max_len)
    if k == F.LINKS:
        link = {"type": "object", "required": ["url"], "additionalProperties": False,
                "properties": {"title": _string(ONE_LINE, F.MAX_SHORT),
                               "url": _string(URL, F.MAX_SHORT)}}
        return _array(link, f.required)
    if k == F.AUDIENCE:
        return {"type": "object", "additionalProperties": False,
                "properties": {"teams": _array(_ident("team id"), False),
                               "locations": _array(_string(ONE_LINE, F.MAX_SHORT), False)}}
    raise AssertionError(f"no JSON Schema for field kind {k!r}")


def record_schema(kind: str) -> dict:
    spec, max_body = F.KINDS[kind]
    name, title, where = KIND_INFO[kind]
    description = f"Plein {title.lower()}: {where}."
    if max_body:
        description += f" The text below the front matter has at most {max_body:,} characters."
    return {
        "$schema": DRAFT,
        "title": f"Plein {title}",
        "description": description,
        "type": "object",
        "required": [f.name for f in spec if f.required],
        "additionalProperties": False,
        "properties": {f.name: _described(f) for f in spec},
    }


def _described(f: F.Field) -> dict:
    value = value_schema(f)
    value.pop("description", None)  # the field's own doc says more than the generic one
    out = {"description": f.doc, **value}
    if f.example is not None:
        out["examples"] = [f.example]
    return out


def generated() -> dict[str, str]:
    """Every schema file's text by its path relative to the repository root."""
    return {f"{FOLDER}/{KIND_INFO[kind][0]}":
            json.dumps(record_schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in F.KINDS}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _limits(f: F.Field) -> str:
    parts = []
    if f.choices:
        parts.append(", ".join(f"`{c}`" for c in f.choices))
    if f.kind in (F.HANDLES, F.TEAMS, F.LIST, F.ENUMS, F.LINKS):
        parts.append(f"at most {F.MAX_LIST} items")
    if f.max_len and f.kind not in (F.HANDLE, F.TEAM):
        parts.append(f"at most {f.max_len:,} characters")
    return "; ".join(parts)


def _example_text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_example_text(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_example_text(v)}" for k, v in value.items()) + "}"
    return str(value)


def reference_table(kind: str) -> str:
    """The Markdown table of one kind's fields, between markers the reference page keeps."""
    spec, max_body = F.KINDS[kind]
    rows = ["| Field | Required | Value | Limits | What it is | Example |",
            "|---|---|---|---|---|---|"]
    for f in spec:
        example = f"`{_cell(_example_text(f.example))}`" if f.example is not None else ""
        rows.append(f"| `{f.name}` | {'yes' if f.required else 'no'} | {KIND_WORDS[f.kind]} | "
                    f"{_cell(_limits(f))} | {_cell(f.doc)} | {example} |")
    if max_body:
        required = "is required and " if kind in ("reply", "update", "kudos") else ""
        rows.append(f"\nThe text below the front matter {required}has at most {max_body:,} characters.")
    return f"<!-- fields:{kind} -->\n" + "\n".join(rows) + "\n<!-- /fields -->"


def reference() -> str:
    """Every kind's table, in the order of fields.KINDS."""
    return "\n\n".join(f"### {KIND_INFO[k][1]}\n\n{reference_table(k)}" for k in F.KINDS) + "\n"
