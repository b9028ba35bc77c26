"""Write YAML and front matter as text, fast and safely, without a YAML dumper.

Strings that are safe as plain scalars are written bare (readable files); anything else
is written with json.dumps, since a JSON string is a valid YAML double-quoted scalar.
Multi-line text becomes a literal block (``|``) when that is safe.
"""
from __future__ import annotations

import json
import re

__all__ = ["Raw", "scalar", "yaml_text", "front_matter", "document"]


class Raw(str):
    """A value written verbatim, such as a date (``2026-03-01``) or datetime (``2026-11-20 09:00``)."""

    __slots__ = ()


# A plain scalar that every YAML 1.1/1.2 loader reads back as the same string: it starts with a
# letter and holds no ':' or '#' (so no ': ' or ' #'), no '"', and in flow context (lists)
# no ',' either; it must not end in a space or be a reserved word (checked in scalar()).
_PLAIN_BLOCK = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9 .,'()/&+_@?!-]*\Z")
_PLAIN_FLOW = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ0-9 .'()/&+_@!-]*\Z")  # PyYAML: no '?' in flow
# Words YAML 1.1 (PyYAML) reads as booleans or null.
_RESERVED = frozenset(
    "y n yes no on off true false null ~ nan inf".split()
)
# Characters json.dumps leaves raw that YAML reads differently in a double-quoted scalar:
# non-printable ones, and the line breaks NEL, LS and PS (YAML 1.1 folds them to a space).
_NON_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _escape(m: re.Match) -> str:
    return "\\u%04x" % ord(m.group())


def quoted(s: str) -> str:
    q = json.dumps(s, ensure_ascii=False)
    if _NON_PRINTABLE.search(q):
        q = _NON_PRINTABLE.sub(_escape, q)
    return q


def scalar(value, flow: bool = False) -> str:
    """One scalar value as YAML text."""
    t = type(value)
    if t is Raw:
        return value
    if t is bool:
        return "true" if value else "false"
    if t is int:
        return str(value)
    s = value if t is str else str(value)
    if (s and (_PLAIN_FLOW if flow else _PLAIN_BLOCK).match(s) and s[-1] != " "
            and s.lower() not in _RESERVED and "  " not in s):
        return s
    return quoted(s)


def _literal_ok(text: str) -> bool:
    """Whether text (without leading/trailing newlines) reads back unchanged as a ``|`` block."""
    if not text or text[0] == " " or "\r" in text or "\t" in text or _NON_PRINTABLE.search(text):
        return False
    return all(line == line.rstrip(" ") for line in text.split("\n"))


def _block(key: str, value, indent: str, out: list[str]) -> None:
    if isinstance(value, dict):
        out.append(f"{indent}{key}:\n")
        for k, v in value.items():
            if v is None:
                continue
            _block(k, v, indent + "  ", out)
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append(f"{indent}{key}: []\n")
        elif all(isinstance(v, dict) for v in value):
            out.append(f"{indent}{key}:\n")
            for item in value:
                first = True
                for k, v in item.items():
                    lead = indent + ("  - " if first else "    ")
                    out.append(f"{lead}{k}: {scalar(v)}\n")
                    first = False
        else:
            out.append(f"{indent}{key}: [" + ", ".join(scalar(v, flow=True) for v in value) + "]\n")
    elif isinstance(value, str) and not isinstance(value, Raw) and "\n" in value.strip("\n"):
        text = value.strip("\n")
        if _literal_ok(text):
            body = "\n".join((indent + "  " + line) if line else "" for line in text.split("\n"))
            out.append(f"{indent}{key}: |\n{body}\n")
        else:
            out.append(f"{indent}{key}: {quoted(text)}\n")
    else:
        out.append(f"{indent}{key}: {scalar(value)}\n")


def yaml_text(fields: dict) -> str:
    """A mapping as block YAML; keys in the given order; None values left out."""
    out: list[str] = []
    for key, value in fields.items():
        if value is None:
            continue
        t = type(value)
        if t is Raw:
            out.append(f"{key}: {value}\n")
        elif t is str and "\n" not in value:
            out.append(f"{key}: {scalar(value)}\n")
        else:
            _block(key, value, "", out)
    return "".join(out)


def front_matter(fields: dict) -> str:
    return "---\n" + yaml_text(fields) + "---\n"


def document(fields: dict, body: str) -> str:
    """A Markdown file: front matter, a blank line, the body ending in one newline."""
    body = body.strip("\n")
    return front_matter(fields) + "\n" + body + "\n"
