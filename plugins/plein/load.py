"""The one loader: every staff file of a repository into one Org, with every problem found.

`parse_file` is a pure function of (path, bytes) so that results can be cached by content
and computed in parallel; `load` walks the folders and cross-links the records.
"""
from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import fields as F, parallel
from .convert import convert, parse_date
from .fastcheck import UNSURE, quick_loads
from .lineyaml import line_loads
from .model import (Kudos, News, Org, Person, Reply, Source, Team, Thread, Update, build_org,
                    slugify)
from .parallel import cpus, parse_cold, parse_in_processes, pool_errors
from .problems import Problems
# (also what other modules take from here: the loader's folders, keys and scans)
from .scan import (CONTENT, PROFILES, RECORD_DIRS, SECTIONS, UNSTATED, read_regular,  # noqa: F401
                   content_key, read_limited, scan, scan_folder, scan_sections, stat_key, walk)
from .yamlio import YamlError, decode, loads, split_front_matter

PHOTO_EXTS = (".png", ".jpg", ".jpeg")
MAX_PHOTO = 2_000_000
_H = r"[a-z0-9]+(?:-[a-z0-9]+)*"

# path pattern (relative to the repository root) -> record kind
PATTERNS = [
    ("profile", re.compile(rf"^profiles/(?P<id>{_H})\.yml$")),
    ("team", re.compile(rf"^content/teams/(?P<id>{_H})\.yml$")),
    ("news", re.compile(rf"^content/news/(?P<year>\d{{4}})/(?P<id>(?P<date>\d{{4}}-\d{{2}}-\d{{2}})-{_H})\.md$")),
    ("thread", re.compile(rf"^content/discussions/(?P<id>{_H})/index\.md$")),
    ("reply", re.compile(rf"^content/discussions/(?P<thread>{_H})/replies/"
                         rf"(?P<id>\d{{4}}-\d{{2}}-\d{{2}}T\d{{2}}-\d{{2}}-(?P<author>{_H}))\.md$")),
    ("update", re.compile(rf"^content/updates/(?P<author>{_H})/(?P<id>\d{{4}}-\d{{2}}-\d{{2}}-\d+)\.md$")),
    ("kudos", re.compile(rf"^content/kudos/(?P<year>\d{{4}})/(?P<id>\d{{4}}-\d{{2}}-\d{{2}}-{_H})\.md$")),
]


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
        if v["author"] != parts["author"]:
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
    raise AssertionError(kind)


def is_photo(rel: str) -> bool:
    return rel.startswith(PROFILES + "/") and rel.lower().endswith(PHOTO_EXTS)


def parse_all(root: Path, cache=None, jobs: int | None = None) -> list[Parsed]:
    """Every record file parsed; with a cache, only files whose stat key and then bytes changed."""
    jobs = jobs or cpus()
    if cache is not None and getattr(cache, "empty", lambda: False)():  # a cold run
        sections = ([f for f in part if not is_photo(f[0])] for part in scan_sections(root, keys=False))
        files, results = parse_cold(str(root), sections, cache, jobs) if jobs > 1 else (
            [f for part in sections for f in part], None)
        if results is None:
            results = parse_files(root, files, cache, jobs)
    else:
        results = parse_files(root, [f for f in scan(root) if not is_photo(f[0])], cache, jobs)
    if cache is not None:
        cache.scanned(SECTIONS)
    return results


def parse_files(root: Path, files: list, cache=None, jobs: int | None = None) -> list[Parsed]:
    """The Parsed of each (rel, path, stat key) of `scan`, through the cache if given."""
    results: list = [None] * len(files)
    todo = []
    for i, (rel, path, key) in enumerate(files):
        if cache is not None and key is not None and key is not UNSTATED:
            results[i] = cache.lookup(rel, key)
        if results[i] is None:
            todo.append(i)
    jobs = jobs or cpus()
    if jobs > 1 and len(todo) >= parallel.PARALLEL_MIN:
        try:
            parse_in_processes(str(root), files, todo, results, cache, jobs)
            return results
        except pool_errors():
            pass  # no processes here: parse in this one
    for i in todo:
        rel, path, key = stated(files[i])
        digest, parsed = parse_one(str(root), rel, path, key, cache.digest_of(rel) if cache else None)
        results[i] = kept(cache, (rel, path, key), digest, parsed)
    return results


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
    if path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
        # a link in a merge request must not make the build read (and echo) outside files
        return _unreadable(rel, "file is a link to outside the repository", "replace the link by the file itself")
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


def load(root: Path | str, cache=None, jobs: int | None = None) -> tuple[Org, Problems]:
    """Load every staff file under root into one Org; problems are returned, never raised.
    `cache`: a ParseCache; `jobs`: processes for parsing many files (default: one per CPU)."""
    org, problems, _ = load_results(root, cache, jobs)
    return org, problems


def load_results(root: Path | str, cache=None, jobs: int | None = None):
    """As `load`, with the Parsed of every file, which `plein serve` keeps (see live)."""
    root = Path(root)
    with quiet_collector():
        results = parse_all(root, cache, jobs)
        return (*assemble(root, results), results)


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


def assemble(root: Path, results: list[Parsed], photos_of=None) -> tuple[Org, Problems]:
    """The Org of parsed files, and their problems; photos are checked for every profile,
    or only for the profile paths in `photos_of`."""
    problems = Problems()
    buckets = {kind: [] for kind, _ in PATTERNS}
    broken = set()
    for parsed in results:
        problems.extend(parsed.problems)
        if parsed.record is not None:
            buckets[parsed.kind].append(parsed.record)
        elif parsed.kind:
            broken.add(f"{parsed.kind}:{parsed.key}")
    for person in buckets["profile"]:
        if person.photo and (photos_of is None or person.source.path in photos_of):
            _check_photo(root, person, problems)
    org = build_org(buckets["profile"], buckets["team"], buckets["news"], buckets["thread"],
                    buckets["reply"], buckets["update"], buckets["kudos"], broken)
    return org, problems


def _check_photo(root: Path, person: Person, problems: Problems) -> None:
    line = person.source.at("photo")
    path = root / person.photo
    if not path.is_file():
        problems.add(person.source.path, line, f"photo '{person.photo}' does not exist",
                     "put the image beside the profile or remove the 'photo' line")
        return
    if not path.name.lower().endswith(PHOTO_EXTS):
        problems.add(person.source.path, line, "photo must be a PNG or JPEG file", "convert it to .png or .jpg")
        return
    size = path.stat().st_size
    if size > MAX_PHOTO:
        problems.add(person.source.path, line, f"photo is too large ({size:,} bytes; at most {MAX_PHOTO:,})",
                     "scale it down to about 400×400 pixels")
        return
    from .photos import check_image
    error = check_image(path)
    if error:
        # Pillow's 'cannot identify image file' names the absolute path: say it plainly instead
        detail = "" if "cannot identify image file" in error else f" ({error})"
        problems.add(person.source.path, line, f"photo '{person.photo}' is not a readable PNG or JPEG image"
                     + detail, "export it again as PNG or JPEG")


__all__ = ["load", "parse_file", "walk", "Parsed", "parse_date"]
