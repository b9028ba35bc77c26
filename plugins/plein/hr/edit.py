"""Change top-level fields of a YAML file by editing its lines, so that everything else (the
order, comments, quoting and blank lines people chose) stays exactly as it was."""
from __future__ import annotations

import json

from ..model import yamlio

DELETE = object()


def set_fields(text: str, changes: dict, order: tuple[str, ...]) -> str:
    """`text` with each key of `changes` set to its value (DELETE removes the key). A key that
    is not there yet goes after the nearest key before it in `order`."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for key, value in changes.items():
        spans = _spans(lines)
        if key in spans:
            start, end = spans[key]
            lines[start:end] = [] if value is DELETE else _line(key, value, lines[start:end])
        elif value is not DELETE:
            at = _insert_at(spans, key, order, lines)
            lines[at:at] = [_dump(key, value)]
    return "".join(lines)


def _spans(lines: list[str]) -> dict[str, tuple[int, int]]:
    """key -> (first line, line after its value), 0-based; comments and blank lines after a
    value belong to what follows."""
    data = yamlio.loads("".join(lines))
    starts = sorted((line - 1, key) for key, line in getattr(data, "lines", {}).items())
    spans = {}
    for i, (start, key) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(lines)
        while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        spans[key] = (start, end)
    return spans


def _insert_at(spans: dict, key: str, order: tuple[str, ...], lines: list[str]) -> int:
    before = order[:order.index(key)] if key in order else order
    present = [spans[k][1] for k in before if k in spans]
    if present:
        return max(present)
    after = [spans[k][0] for k in order if k in spans]
    return min(after) if after else len(lines)


def _line(key: str, value, old: list[str]) -> list[str]:
    """The new line, with the old line's trailing comment kept."""
    new = _dump(key, value)
    comment = _comment(old[0]) if len(old) == 1 else ""
    if comment and new.count("\n") == 1:
        new = new.rstrip("\n") + comment + "\n"
    return [new]


def _comment(line: str) -> str:
    """'  # why' of `key: value  # why`, found where cutting it off leaves the same value."""
    body = line.rstrip("\n")
    whole = yamlio.loads(body)
    at = body.find(" #")
    while at != -1:
        try:
            if yamlio.loads(body[:at]) == whole:
                return body[len(body[:at].rstrip()):]
        except yamlio.YamlError:
            pass
        at = body.find(" #", at + 1)
    return ""


def _dump(key: str, value) -> str:
    """`key: value` as a line that reads back as `value`. PyYAML leaves a few strings bare that
    Plein's reader takes for numbers (a GitLab username '1.0e3'); those are written in double
    quotes, which JSON and YAML spell alike."""
    text = yamlio.dump({key: value})
    if not isinstance(value, str) or _reads(text, key) == value:
        return text
    return f"{key}: {json.dumps(value)}\n"


def _reads(text: str, key: str):
    try:
        return yamlio.loads(text).get(key)
    except yamlio.YamlError:
        return None
