"""HR's CSV export into entries: any delimiter (csv.Sniffer), UTF-8 or Windows-1252, with or
without a byte-order mark, quoted fields across lines, a header row naming the columns."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .config import HrConfig
from .records import (Entry, Rejected, check_all, check_entry, parse_date, refuse_bad_handle,
                      refuse_bad_username)

DELIMITERS = ";,\t|"
HANDLE_FIX = ("correct the handle in the row, or leave the handle column empty to derive it "
              "from the name")
_TRUE = {"1", "true", "yes", "ja", "j", "y", "x", "disabled", "inactief", "uit dienst"}


def read_csv(path: Path, config: HrConfig) -> list[Entry]:
    """Every person in the export; every problem at once as Rejected, naming line and row."""
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise Rejected(str(path), [f"{path}: cannot read the file ({err.strerror}). "
                                   "Fix: check the path"]) from None
    text = decode(raw)
    if not text.strip():
        raise Rejected(name, [f"{name}:1: the file is empty. Fix: export again, with a header "
                              "row and one row per person"])
    rows = _rows(name, text)
    header, body = rows[0][1], rows[1:]
    columns = _columns(name, header, config)
    if not body:
        raise Rejected(name, [f"{name}:2: the file has a header but no people. Fix: export again, "
                              "with one row per person"])
    username_fix = (f"correct the username in the column '{config.columns['forge_username']}' of "
                    "this row (the person's GitLab or GitHub sign-in), or leave it empty to keep "
                    "the profile's")
    entries, problems = _entries(name, header, body, columns)
    entries = [refuse_bad_username(e, username_fix, config.username_normalization) for e in entries]
    problems.extend(p for e in entries for p in check_entry(e))
    problems.extend(check_all(entries))
    if problems:
        raise Rejected(name, problems)
    return entries


def decode(raw: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252, as Excel saves it."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _dialect(text: str):
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS)
    except csv.Error:  # one column, or too few rows to tell: count on the header line
        first = sample.splitlines()[0]
        delimiter = max(DELIMITERS, key=first.count)
        return type("Guess", (csv.excel,), {"delimiter": delimiter if delimiter in first else ","})


def _rows(name: str, text: str) -> list[tuple[int, list[str]]]:
    """(line where the row starts, fields) of every non-blank row."""
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text), strict=True)
    rows, line = [], 1
    try:
        for fields in reader:
            if any(f.strip() for f in fields):
                rows.append((line, fields))
            line = reader.line_num + 1
    except csv.Error as err:
        raise Rejected(name, [f"{name}:{line}: this row cannot be read ({err}); the file may be cut "
                              "off inside a quoted field. Fix: export the whole file again"]) from None
    return rows


def _columns(name: str, header: list[str], config: HrConfig) -> dict[str, int]:
    """field -> column index. Name, e-mail, role and team are required."""
    index = {h.strip().casefold(): i for i, h in enumerate(header)}
    columns, problems = {}, []
    for fld, column in config.columns.items():
        if column.casefold() in index:
            columns[fld] = index[column.casefold()]
        elif fld in ("name", "email", "role", "team"):
            problems.append(f"{name}:1: there is no column '{column}' for the {fld}; the header has "
                            f"{', '.join(repr(h) for h in header)}. Fix: rename the column, or set "
                            f"plugins: plein: hr: csv: {fld}: <column> in mkdocs.yml")
    if problems:
        raise Rejected(name, problems)
    return columns


def _entries(name: str, header: list[str], body, columns: dict[str, int]):
    entries, problems = [], []
    raw = []
    for number, (line, fields) in enumerate(body, start=1):
        where = f"{name}:{line} (row {number})"
        if len(fields) < len(header):
            problems.append(f"{where}: the row has {len(fields)} of the {len(header)} columns: a "
                            "truncated export? Fix: export the whole file again")
            continue
        get = lambda f, fields=fields: " ".join(fields[columns[f]].split()) if f in columns else ""
        raw.append((where, get))
    by_handle = {get("handle"): get("handle") for _, get in raw if get("handle")}
    by_email = {get("email").casefold(): get("handle") or get("email").casefold() for _, get in raw}
    for where, get in raw:
        dates = {}
        for fld in ("started", "left"):
            try:
                dates[fld] = parse_date(get(fld))
            except ValueError as bad:
                problems.append(f"{where}: the {fld} date {bad}. Fix: write it as YYYY-MM-DD")
                dates[fld] = None
        boss = get("manager")
        entries.append(refuse_bad_handle(Entry(
            key=get("handle") or get("email").casefold(), where=where, name=get("name"),
            email=get("email"), role=get("role"), team=get("team"),
            manager=by_handle.get(boss) or by_email.get(boss.casefold()) or boss,
            started=dates["started"], left=dates["left"], handle=get("handle"),
            disabled=get("disabled").casefold() in _TRUE,
            forge_username=get("forge_username")), HANDLE_FIX))
    return entries, problems
