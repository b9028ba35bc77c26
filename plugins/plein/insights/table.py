"""The figures as rows of a CSV file: one value a row, so a spreadsheet can filter them.

Columns: section, item (a month, quarter, thread, topic or team; empty for a single figure),
measure, value. Nested sections are joined with a dot ('teams.shown')."""
from __future__ import annotations

import csv
import io

HEADER = ("section", "item", "measure", "value")


def rows(figures: dict):
    for section, value in figures.items():
        yield from _flat(section, value)


def _flat(section: str, value):
    if isinstance(value, dict):
        for key, v in value.items():
            if isinstance(v, (dict, list)):
                yield from _flat(f"{section}.{key}", v)
            else:
                yield section, "", key, _text(v)
    elif isinstance(value, list):
        for entry in value:  # each entry's first value names it
            first, *rest = entry.items()
            for key, v in rest:
                yield section, _text(first[1]), key, _text(v)
    else:
        yield section, "", "", _text(value)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(figures: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows(figures))
    return out.getvalue()
