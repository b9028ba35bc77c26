"""One staff file on its own: where it belongs (`classify`), its bytes read safely, and its
record and problems (`parse_file`).

`parse_file` is a pure function of (path, bytes), so that results can be cached by content
(parsecache) and computed in other processes (parallel); the loader (load) puts them together.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import fields as F
from .convert import convert
from .lineyaml import UNSURE, line_loads
from .org import Helped, Kudos, News, Person, Reply, Source, Team, Thread, Update, slugify
from .problems import Problems
from .quickyaml import quick_loads
from .outside import outside_resources
from .outside import warning as outside_warning
from .scan import (CONTENT, LINK_FIX, PROFILES, RECORD_DIRS, UNSTATED, content_key, irregular, read_limited,
                   read_regular, stat_key)
from .yamlio import YamlError, decode, loads, split_front_matter

PHOTO_EXTS = (".png", ".jpg", ".jpeg")
_H = r"[a-z0-9]+(?:-[a-z0-9]+)*"

# path pattern (relative to the repository root) -> record kind
PATTERNS = [
    ("profile", re.compile(rf"^profiles/(?P<id>{_H})\.yml$")),
    ("team", re.compile(rf"^content/teams/(?P<id>{_H})\.yml$")),
    ("news", re.compile(rf"^content/news/(?P<year>\d{{4}})/(?P<id>(?P<date>\d{{4}}-\d{{2}}-\d{{2}})-{_H})\.md$")),
    ("thread", re.compile(rf"^content/discussions/(?P<id>{_H})/index\.md$")),
    ("reply", re.compile(rf"^content/discussions/(?P<thread>{_H})/replies/"
                         rf"(?P<id>\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}-\d{{2}}-(?P<author>{_H}))\.md$")),
    # the web editor adds -1, -2… to a name already taken (a second update within the minute)
    ("update", re.compile(rf"^content/updates/(?P<author>{_H})/(?P<id>\d{{4}}-\d{{2}}-\d{{2}}-\d+(?:-\d+)?)\.md$")),
    ("kudos", re.compile(rf"^content/kudos/(?P<year>\d{{4}})/(?P<id>\d{{4}}-\d{{2}}-\d{{2}}-{_H})\.md$")),
    # "this helped me": '--' parts the reply's id from the handle (neither ever holds '--')
    ("helped", re.compile(rf"^content/discussions/(?P<thread>{_H})/helped/"
                          rf"(?P<id>(?P<reply>\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}-\d{{2}}-{_H})--(?P<author>{_H}))\.yml$")),
]


def _names(name: str, handle: str) -> bool:
    """A reply's file name names its author: `handle`, or `handle-1`, `handle-2`… for a second
    reply within the same minute, as the web editor names it."""
    return name == handle or (name.startswith(handle + "-") and name[len(handle) + 1:].isdigit())


@dataclass
class Parsed:
    """What one file yielded: a record (or None) and its problems."""

    kind: str | None
    record: object
    problems: Problems
    key: str | None = None  # the id the file claims even when it failed to load


def _folder(rel: str) -> str:
    """'profiles', or 'content/<first folder>': where a path's patterns can match (see PATTERNS)."""
    head, _, tail = rel.partition("/")
    return f"{head}/{tail.partition('/')[0]}" if head == CONTENT else head


# folder -> the patterns that can match a path in it, in the order of PATTERNS
_PATTERNS_IN: dict = {}
for _kind, _pattern in PATTERNS:
    _PATTERNS_IN.setdefault(_folder(_pattern.pattern[1:]), []).append((_kind, _pattern))  # [1:]: the ^


def classify(rel: str):
    for kind, pattern in _PATTERNS_IN.get(_folder(rel), ()):
        m = pattern.match(rel)
        if m:
            return kind, m.groupdict()
    return None, None


def record_dir(rel: str) -> str | None:
    for folder in RECORD_DIRS:
        if rel.startswith(folder + "/"):
            return folder
    return None


def parse_file(rel: str, raw: bytes) -> Parsed:
    """Parse and check one file on its own; `rel` is its path from the repository root."""
    problems = Problems()
    kind, parts = classify(rel)
    if kind is None:
        folder = record_dir(rel)
        if folder == PROFILES and rel.lower().endswith(PHOTO_EXTS):
            return Parsed(None, None, problems)
        if folder:
            problems.add(rel, 1, "file is not where Plein expects it", _place_hint(rel, folder))
        return Parsed(None, None, problems)
    try:
        text = decode(raw)
        if rel.endswith(".yml"):
            data, body, body_line = _loads(text, 1), "", 0
        else:
            meta, body, body_line = split_front_matter(text)
            data = _loads(meta, 2)
    except YamlError as err:
        problems.add(rel, err.line, err.message, err.hint, col=err.col)
        return Parsed(kind, None, problems, parts["id"])
    line = getattr(data, "line", 1)
    values = convert(kind, data, rel, line, problems)
    _, max_body = F.KINDS[kind]
    body = body.strip()  # the limit counts what readers see, not trailing blank lines
    if max_body and len(body) > max_body:
        problems.add(rel, body_line, f"text is too long ({len(body):,} characters; at most {max_body:,})",
                     "shorten it" if kind == "update" else "split it up")
    if not body and kind in ("reply", "update", "kudos"):
        problems.add(rel, body_line or line, "the text is empty", "write your message below the '---' line")
    lines = getattr(data, "lines", {})
    for text, at in [((values or {}).get(f.name), lines.get(f.name, line))
                     for f in F.KINDS[kind][0] if f.kind == F.MARKDOWN] + [(body, body_line)]:
        for url in outside_resources(text or ""):
            problems.add(rel, at, *outside_warning(url), severity="notice")
    if values is None:
        return Parsed(kind, None, problems, parts["id"])
    source = Source(rel, line, dict(getattr(data, "lines", {})), body_line)
    record = _make(kind, parts, values, body, source, problems)
    return Parsed(kind, record, problems, parts["id"])


def _loads(text: str, first_line: int):
    """yamlio.loads, through the quickest reader that is certain to give the same."""
    data = line_loads(text, first_line)
    if data is UNSURE:
        data = quick_loads(text, first_line)
    return loads(text, first_line=first_line) if data is UNSURE else data


def _place_hint(rel: str, folder: str) -> str:
    """How to fix a misplaced file: the exact new name when it is clear, else the pattern."""
    path = PurePosixPath(rel)
    if folder in (PROFILES, "content/teams") and str(path.parent) == folder \
            and path.suffix.lower() in (".yml", ".yaml"):
        return (f"rename it to {folder}/{slugify(path.stem)}.yml "
                "(lowercase letters, digits and hyphens)")
    parent = path.parent
    if folder == "content/discussions" and path.suffix == ".md" and path.name != "index.md" \
            and parent.parent.as_posix() == folder:
        return f"move it into {parent.as_posix()}/replies/"
    return f"files here are named {RECORD_DIRS[folder]}"


def _make(kind, parts, v, body, source, problems):
    rel = source.path
    if kind == "profile":
        photo = f"{PROFILES}/{v.pop('photo')}" if "photo" in v else None
        folder = photo.split("/")[2] if photo and photo.count("/") == 3 else parts["id"]
        if folder != parts["id"]:
            problems.add(rel, source.at("photo"), f"the photo is in the folder of '{folder}'",
                         f"put it in profiles/photos/{parts['id']}/")
        return Person(handle=parts["id"], source=source, photo=photo, **v)
    if kind == "team":
        return Team(id=parts["id"], source=source, **v)
    if kind == "news":
        if parts["date"][:4] != parts["year"]:
            problems.add(rel, 1, f"news of {parts['date'][:4]} is in the folder {parts['year']}",
                         f"move it to content/news/{parts['date'][:4]}/")
        return News(id=f"{parts['year']}/{parts['id']}", source=source, body=body, **v)
    if kind == "thread":
        return Thread(id=parts["id"], source=source, body=body, **v)
    if kind == "reply":
        if not _names(parts["author"], v["author"]):
            problems.add(rel, source.at("author"),
                         f"author '{v['author']}' does not match the file name ('{parts['author']}')",
                         f"name the file <date>T<time>-{v['author']}.md")
        return Reply(id=parts["id"], thread=parts["thread"], source=source, body=body, **v)
    if kind == "update":
        return Update(id=f"{parts['author']}/{parts['id']}", author=parts["author"], source=source,
                      body=body, **v)
    if kind == "kudos":
        sender = v.pop("from")
        if bool(v.get("to")) == bool(v.get("to_team")):
            problems.add(rel, source.line, "kudos need exactly one of 'to' (a person) or 'to_team'",
                         "write 'to: <handle>' or 'to_team: <team-id>'")
        if parts["year"] != str(v["date"].year):
            problems.add(rel, source.at("date"), f"kudos of {v['date'].year} are in the folder {parts['year']}",
                         f"move the file to content/kudos/{v['date'].year}/")
        return Kudos(id=f"{parts['year']}/{parts['id']}", sender=sender, source=source, body=body, **v)
    if kind == "helped":
        return Helped(id=f"{parts['thread']}/{parts['id']}", thread=parts["thread"], reply=parts["reply"],
                      author=parts["author"], source=source, **v)
    raise AssertionError(kind)


def is_photo(rel: str) -> bool:
    return rel.startswith(PROFILES + "/") and rel.lower().endswith(PHOTO_EXTS)


def stated(file: tuple) -> tuple:
    """A file of `scan` with its stat key, if the scan did not take it."""
    rel, path, key = file
    return (rel, path, stat_key(path)) if key is UNSTATED else file


def kept(cache, file: tuple, digest: bytes | None, parsed: Parsed | None) -> Parsed:
    """The Parsed of a file parsed (or found unchanged: None), kept in the cache if given."""
    if cache is not None and digest is not None:
        return cache.keep(file[0], file[2], digest, parsed)
    return parsed


def parse_one(root: str, rel: str, path: str, key, expected: bytes | None):
    """(content key, Parsed) of one file; Parsed is None when the bytes hash to `expected`.
    A regular file (key given) is simply read; anything else gets the checks of `_read`."""
    return read_and_parse(root, rel, path, key, expected)[1:]


def read_and_parse(root: str, rel: str, path: str, key, expected: bytes | None):
    """(stat key, content key, Parsed) as parse_one; a key UNSTATED is taken from the open file."""
    raw = None
    if key is not None:
        try:
            key, raw = read_regular(path, key)
        except OSError as err:
            return None, None, _unreadable(rel, f"file cannot be read ({err.strerror})", "check its permissions")
    if raw is None:
        raw = _read(Path(root), rel, Path(path))
    if isinstance(raw, Parsed):
        return key, None, raw
    digest = content_key(rel, raw)
    return key, digest, (None if digest == expected else parse_file(rel, raw))


def _read(root: Path, rel: str, path: Path) -> bytes | Parsed:
    """The file's first bytes, or a Parsed problem for what must not or cannot be read."""
    if path.is_symlink():
        # only regular files are content: a link in a merge request must not make the build
        # read (and echo or publish) what it points to, inside the repository or outside it
        if not path.resolve().is_relative_to(root.resolve()):
            return _unreadable(rel, "file is a link to outside the repository", LINK_FIX)
        return _unreadable(rel, *irregular(str(path)))
    if not path.is_file():
        return _unreadable(rel, "not a regular file (a broken link, a pipe or a device)",
                           "replace it by an ordinary file")
    try:
        return read_limited(path)
    except OSError as err:
        return _unreadable(rel, f"file cannot be read ({err.strerror})", "check its permissions")


def _unreadable(rel: str, message: str, hint: str) -> Parsed:
    problems = Problems()
    problems.add(rel, 1, message, hint)
    kind, parts = classify(rel)
    return Parsed(kind, None, problems, parts["id"] if parts else None)


@contextmanager
def quiet_collector():
    """No garbage collection while loading: every one of the ~10 objects a file makes lives on,
    and the collector walked them again and again (a third of a warm load of 130,000 files)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
