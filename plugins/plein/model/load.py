"""The one loader: every staff file of a repository into one Org, with every problem found.

Files are found by scan, parsed one by one by parse (through the parse cache and in several
processes when there are many), and cross-linked into the model by `assemble`.
"""
from __future__ import annotations

from pathlib import Path

from . import parallel
from .org import Org, Person, build_org
from .parallel import cpus, parse_cold, parse_in_processes, pool_errors
from .parse import PATTERNS, PHOTO_EXTS, Parsed, is_photo, kept, parse_one, quiet_collector, stated
from .photos import check_image
from .problems import Problems
from .safepath import UnsafePath, inside
from .scan import SECTIONS, UNSTATED, irregular_pages, scan, scan_sections

MAX_PHOTO = 2_000_000

def parse_all(root: Path, cache=None, jobs: int | None = None) -> list[Parsed]:
    """Every record file parsed; with a cache, only files whose stat key and then bytes changed."""
    jobs = jobs or cpus()
    if cache is not None and getattr(cache, "empty", lambda: False)():  # a cold run
        sections = ([f for f in part if _parsed(f)] for part in scan_sections(root, keys=False))
        files, results = parse_cold(str(root), sections, cache, jobs) if jobs > 1 else (
            [f for part in sections for f in part], None)
        if results is None:
            results = parse_files(root, files, cache, jobs)
    else:
        results = parse_files(root, [f for f in scan(root) if _parsed(f)], cache, jobs)
    if cache is not None:
        cache.scanned(SECTIONS)
    return results


def _parsed(file) -> bool:
    """Records are parsed; so is a photo that is not a regular file, which the parse refuses."""
    return not is_photo(file[0]) or file[2] is None


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
        org, problems = assemble(root, results)
    for rel, message, hint in irregular_pages(root):
        problems.add(rel, 1, message, hint)
    return org, problems, results


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
                    buckets["reply"], buckets["update"], buckets["kudos"], broken, buckets["helped"])
    return org, problems


def _check_photo(root: Path, person: Person, problems: Problems) -> None:
    line = person.source.at("photo")
    try:  # a name too long for the file system, or a link along the way, is no photo
        path = inside(root, person.photo)
        regular = path.is_file() and not path.is_symlink()
    except (UnsafePath, OSError):
        regular = False
    if not regular:
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
    error = check_image(path)
    if error:
        # Pillow's 'cannot identify image file' names the absolute path: say it plainly instead
        detail = "" if "cannot identify image file" in error else f" ({error})"
        problems.add(person.source.path, line, f"photo '{person.photo}' is not a readable PNG or JPEG image"
                     + detail, "export it again as PNG or JPEG")
