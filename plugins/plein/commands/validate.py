"""plein validate [PATHS...]: every problem at once, as path:line:col: message."""
from __future__ import annotations

from pathlib import Path

import click

from .. import problems as report
from ..errors import FatalError
from ..load import load
from ..repo import find_root, inside
from ..validate import check


def run(root: Path, paths: list[str] = ()):
    """(org, problems) for the repository, keeping only problems under `paths` if given."""
    org, problems = load(root)
    check(org, problems)
    if paths:
        wanted = [inside(root, p) for p in paths]
        problems = [p for p in problems
                    if any(p.path == w or p.path.startswith(w.rstrip("/") + "/") or w in ("", ".")
                           for w in wanted)]
    return org, problems


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
    org, problems = run(root, list(paths))
    errors = [p for p in problems if p.severity == "error"]
    if fmt == "json":
        click.echo(report.to_json(problems))
    elif problems:
        click.echo(report.to_text(problems))
    if fmt == "text":
        summary = (f"{len(errors)} error(s) in {len({p.path for p in errors})} file(s)" if errors
                   else f"ok: {len(org.people)} people, {len(org.teams)} teams, {len(org.news)} news, "
                        f"{len(org.threads)} threads, {len(org.updates)} updates, {len(org.kudos)} kudos")
        click.echo(summary, err=bool(errors))
    return 1 if errors else 0
