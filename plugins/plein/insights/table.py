"""The figures as rows of a CSV file: one value a row, so a spreadsheet can filter them.

Columns: section, item (a month, quarter, thread, topic or team; empty for a single figure),
measure, value. Nested sections are joined with a dot ('teams.shown').

Team names, thread titles and topics are staff's text, and a spreadsheet runs a cell that
starts with = + - @ (or a TAB or CR before one) as a formula: `=HYPERLINK(...)` sends what
the reader clicks to another host. So every cell is escaped as the OWASP CSV-injection
cheat sheet says: every cell is quoted (a double quote doubled), and a text cell that starts
with one of those characters, or has one right after a separator (where a spreadsheet that
splits the line differently starts a cell), gets a single quote in front, which makes it
text. Numbers that Plein counted are written as numbers."""
from __future__ import annotations

import csv
import io
import re

HEADER = ("section", "item", "measure", "value")
# a formula's first character, at the start of the cell or after a separator (, ; TAB, a line
# break or a quote), blanks allowed before it
_FORMULA = re.compile(r"(?:^|[,;\t\r\n\"'])[ \t\r\n]*[=+\-@\t\r]")


def rows(figures: dict):
    """The rows as text, unescaped (what a spreadsheet shows, but for the quote before a formula)."""
    for row in _raw(figures):
        yield tuple(_text(v) for v in row)


def cell(value) -> str:
    """One cell's text, safe in a spreadsheet: a quote in front of anything that reads as a formula."""
    text = _text(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return text  # a number Plein counted, also when negative
    return "'" + text if _FORMULA.search(text) else text


def _raw(figures: dict):
    for section, value in figures.items():
        yield from _flat(section, value)


def _flat(section: str, value):
    if isinstance(value, dict):
        for key, v in value.items():
            if isinstance(v, (dict, list)):
                yield from _flat(f"{section}.{key}", v)
            else:
                yield section, "", key, v
    elif isinstance(value, list):
        for entry in value:  # each entry's first value names it
            first, *rest = entry.items()
            for key, v in rest:
                yield section, first[1], key, v
    else:
        yield section, "", "", value


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(figures: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(HEADER)
    writer.writerows(tuple(cell(v) for v in row) for row in _raw(figures))
    return out.getvalue()
