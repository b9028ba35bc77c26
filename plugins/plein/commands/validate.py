"""plein validate [PATHS...]: every problem at once, as path:line:col: message.

In an intranet repository (one with mkdocs.yml) parsed files are kept in .plein-cache/, the
folder the site build uses too, so a second run parses only what changed; with file PATHS
(the pre-commit hook) only those files are parsed, plus every profile and team from the
cache for the checks across files (see plein.model.fastcheck)."""
from __future__ import annotations

import gc
from pathlib import Path

import click

from ..errors import FatalError
from ..git.repo import find_root, inside
from ..model import problems as report

CACHE = ".plein-cache"
FREEZE_MIN = 100_000  # objects made by a run; from this many, they are frozen for the collector


def open_cache(root: Path):
    """The parse cache of the repository; None where no build keeps one (no mkdocs.yml)."""
    if not ((root / "mkdocs.yml").is_file() or (root / CACHE).is_dir()):
        return None
    from ..model.parsecache import ParseCache
    return ParseCache(root / CACHE)


def run(root: Path, paths: list[str] = (), cache=None):
    """(counts, problems) for the repository, keeping only problems under `paths` if given."""
    collecting = gc.isenabled()
    gc.disable()  # nearly every object a run makes lives until it ends: collections walk them in vain
    try:
        return _run(root, paths, cache)
    finally:
        if collecting:
            if gc.get_count()[0] > FREEZE_MIN:  # a large organisation: no collection walks it again,
                gc.freeze()  # not even the one at exit (it took a third of a second at 130,000 files)
            gc.enable()


def _run(root: Path, paths: list[str], cache):
    wanted = [inside(root, p) for p in paths]
    if wanted and cache is not None:
        from ..model.fastcheck import check_files
        quick = check_files(root, wanted, cache)
        if quick is not None:
            return quick
    from ..model.load import load
    from ..model.validate import check
    org, problems = load(root, cache)
    if cache is not None:
        cache.save()
    check(org, problems, touched=wanted, root=root)  # with root: site_name and links in records too
    if wanted:
        problems = [p for p in problems
                    if any(p.path == w or p.path.startswith(w.rstrip("/") + "/") or w in ("", ".")
                           for w in wanted)]
    counts = {"people": len(org.people), "teams": len(org.teams), "news": len(org.news),
              "threads": len(org.threads), "updates": len(org.updates), "kudos": len(org.kudos) + len(org.withheld)}  # the files, shown or not
    return counts, problems


NOUNS = {"people": ("person", "people"), "teams": ("team", "teams"), "news": ("news item", "news"),
         "threads": ("thread", "threads"), "updates": ("update", "updates"), "kudos": ("kudos", "kudos")}


def _counted(n: int, one: str, other: str) -> str:
    return f"{n} {one if n == 1 else other}"  # the CLI speaks English: one is singular


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="How to print the problems.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def validate(paths, fmt, root):
    """Check profiles and content, and report every problem with its file and line."""
    root = Path(root).resolve() if root else find_root()
    for p in paths:
        inside(root, p)
        if not Path(p).exists():  # a typo would otherwise report 'ok' about nothing
            raise FatalError(f"{p}: no such file or folder")
    counts, problems = run(root, list(paths), open_cache(root))
    errors = [p for p in problems if p.severity == "error"]
    if fmt == "json":
        click.echo(report.to_json(problems))
    elif problems:
        click.echo(report.to_text(problems))
    if fmt == "text":
        summary = (f"{len(errors)} error(s) in {len({p.path for p in errors})} file(s)" if errors
                   else "ok: " + ", ".join(_counted(counts[k], *NOUNS[k]) for k in NOUNS))
        click.echo(summary, err=bool(errors))
    return 1 if errors else 0
