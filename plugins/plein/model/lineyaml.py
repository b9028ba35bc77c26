"""The quickest YAML reader: front matter as people and `plein new` write it, line by line.

Staff files are almost always a mapping of `key: value` lines at the left margin whose
values are plain words, quoted text without escapes, a one-line `[a, b]` list or a `|`
block, and now and then a mapping of such lines (audience) or a list of them (links). For
those this reader gives exactly what `yamlio.loads` gives (values, types, the line of every
key), three times as fast as libyaml's composer (quickyaml.quick_loads), which was half the
time of a cold parse. Anything else (other indentation, escapes, deeper nesting, tabs,
comments after a value, odd characters, duplicate keys) is UNSURE, and the caller falls back
to the readers that know all of YAML.
"""
from __future__ import annotations

import re
from sys import intern  # one string per field name: pickled once per cache shard, not per file

from .yamlio import Mapping, _Resolver

UNSURE = object()
_T = "tag:yaml.org,2002:"
_IMPLICIT = dict(_Resolver.yaml_implicit_resolvers)  # first character -> [(tag, pattern)]
_NAME = re.compile(r"[a-z][a-z0-9_]{0,99}")  # a key (libyaml takes keys under 1024 characters)
_RESERVED_KEYS = ("true", "false", "null")  # keys YAML would read as a boolean or as nothing
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")  # a plain value may not start with these
_FLOW_ITEM = re.compile(r"[^-?:,\[\]{}#&*!|>'\"%@` ][^?,\[\]{}#:]*")  # an item of [a, b]


def line_loads(text: str, first_line: int = 1):
    """yamlio.loads(text, first_line) for a flat mapping of simple lines, else UNSURE."""
    if _Resolver.yaml_path_resolvers or None in _IMPLICIT:
        return UNSURE  # a resolver this module does not mirror
    if not text.replace("\n", "").isprintable():
        return UNSURE  # tabs, other line breaks, byte-order marks, NUL, no-break spaces: YAML's care
    lines = text.split("\n")
    result = Mapping()
    result.lines = where = {}
    offset = first_line - 1
    i, count = 0, len(lines)
    while i < count:
        line = lines[i]
        if not line or line[0] == "#":
            i += 1
            continue
        key, colon, rest = line.partition(":")
        key = _key(key)
        if key is None or not colon or key in result or (rest and rest[0] != " "):
            return UNSURE
        rest = rest.strip(" ")
        if not where:
            result.line = i + 1 + offset
        where[key] = i + 1 + offset
        i += 1
        if rest and rest[0] not in _INDICATORS:  # the common case: a plain value
            if ": " in rest or " #" in rest or rest[-1] == ":":
                return UNSURE
            value = _scalar(rest) if rest[0] in _IMPLICIT else rest
        elif rest == "|":
            value, i = _literal(lines, i)
        elif not rest and i < count and lines[i][:1] == " ":
            nested = _sequence if lines[i].lstrip(" ")[:2] == "- " else _nested
            value, i = nested(lines, i, offset)
        else:
            value = _inline(rest)
        if value is UNSURE:
            return UNSURE
        result[key] = value
    return result if where else UNSURE


_KEYS: dict = {}  # text before a ':' -> the key it is (one string per key), or None


def _key(text: str) -> str | None:
    """The key `text` is when it is a plain lowercase name YAML reads as text, else None."""
    key = _KEYS.get(text, False)
    if key is False:
        key = intern(text) if _NAME.fullmatch(text) and text not in _RESERVED_KEYS else None
        if len(_KEYS) < 10_000:  # field names are few; odd text must not grow this for ever
            _KEYS[text] = key
    return key


def _nested(lines: list[str], i: int, offset: int):
    """(mapping, next line) of `key: value` lines indented alike below a key (an audience)."""
    first = lines[i]
    value, i = _item_mapping(lines, i, len(first) - len(first.lstrip(" ")), offset)
    if i < len(lines) and lines[i][:1] == " ":
        return UNSURE, i  # indented otherwise: deeper, or back to another margin
    return value, i


def _sequence(lines: list[str], i: int, offset: int):
    """(list, next line) of '- ' items indented alike below a key: values on one line, or
    mappings whose other keys line up under the first (links)."""
    first = lines[i]
    indent = len(first) - len(first.lstrip(" "))
    dash = " " * indent + "- "
    items = []
    while i < len(lines) and lines[i].startswith(dash):
        text = lines[i][indent + 2:]
        key, colon, rest = text.partition(":")
        if colon and (not rest or rest[0] == " ") and _key(key):
            value, i = _item_mapping(lines, i, indent + 2, offset)
        else:
            value, i = _inline(text.rstrip(" ")), i + 1
        if value is UNSURE:
            return UNSURE, i
        items.append(value)
    if i < len(lines) and lines[i][:1] == " ":
        return UNSURE, i  # indented otherwise: deeper, or back to another margin
    return items, i


def _item_mapping(lines: list[str], i: int, column: int, offset: int):
    """(mapping, next line) of `key: value` lines that start at `column` (the first one may
    follow a '- ')."""
    result = Mapping()
    result.lines = where = {}
    result.line = i + 1 + offset
    margin = " " * column
    while i < len(lines) and (not where or (lines[i].startswith(margin) and lines[i][column:column + 1]
                                            not in ("", " "))):
        key, colon, rest = lines[i][column:].partition(":")
        key = _key(key)
        if key is None or not colon or key in result or (rest and rest[0] != " "):
            return UNSURE, i
        rest = rest.strip(" ")
        value = _inline(rest) if rest and rest != "|" else UNSURE
        if value is UNSURE:
            return UNSURE, i
        result[key] = value
        where[key] = i + 1 + offset
        i += 1
    return result, i


def _inline(rest: str):
    """The value written on the key's own line."""
    if not rest:
        return None
    first = rest[0]
    if first not in _INDICATORS:
        if ": " in rest or " #" in rest or rest[-1] == ":":
            return UNSURE
        return _scalar(rest)
    if first in "\"'":
        inner = rest[1:-1]
        if len(rest) < 2 or rest[-1] != first or first in inner or "\\" in inner:
            return UNSURE
        return inner
    if first == "[" and rest[-1] == "]":
        inner = rest[1:-1]
        if not inner.strip(" "):
            return []
        items = [_item(item.strip(" ")) for item in inner.split(",")]
        return UNSURE if UNSURE in items else items
    return UNSURE


def _item(item: str):
    """One item of a one-line [a, b] list: a plain value, or quoted text without a comma."""
    if item[:1] in ("'", '"') and len(item) > 1 and item[-1] == item[0] \
            and item[0] not in item[1:-1] and "\\" not in item:
        return item[1:-1]
    return _scalar(item) if _FLOW_ITEM.fullmatch(item) else UNSURE


def _literal(lines: list[str], i: int):
    """(text, next line) of a `|` block starting at line i: kept as written, one final line
    break, no trailing empty lines (YAML's 'clip')."""
    if i >= len(lines):
        return UNSURE, i
    first = lines[i]
    indent = len(first) - len(first.lstrip(" "))
    if indent == 0 or not first.strip(" "):
        return UNSURE, i
    margin = " " * indent
    block = []
    while i < len(lines):
        line = lines[i]
        if line.startswith(margin):
            if not line.strip(" "):
                return UNSURE, i  # blank but for spaces: YAML's rules for these are subtle
            block.append(line[indent:])
        elif line:
            if line[0] == " ":
                return UNSURE, i  # less indented, yet not at the margin
            break
        else:
            block.append("")
        i += 1
    while block and not block[-1]:
        block.pop()
    if i == len(lines) and lines[-1]:  # the text ends without a line break inside the block
        return UNSURE, i
    return "\n".join(block) + "\n", i


def _scalar(value: str):
    """A plain value as YAML resolves it with Plein's resolver (see yamlio)."""
    for tag, pattern in _IMPLICIT.get(value[0], ()):
        if pattern.match(value):
            if tag == _T + "bool":
                return value.lower() == "true"
            if tag == _T + "null":
                return None
            number = value.replace("_", "")
            sign = -1 if number[0] == "-" else 1
            if number[0] in "+-":
                number = number[1:]
            if tag == _T + "int":
                return 0 if number == "0" else sign * int(number)
            return sign * float(number.lower())
    return value
