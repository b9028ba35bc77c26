"""plein codeowners [--check | --push] [--format gitlab|github]: CODEOWNERS from profiles and teams."""
from __future__ import annotations

from pathlib import Path

import click

from ..contrib import codeowners as co
from ..contrib import settings as site_settings
from ..git.repo import find_root
from ..model import safepath
from ..model.load import load


def expected(root: Path, formats, only=None) -> dict[str, str]:
    org, _ = load(root)  # problems are `plein validate`'s business; owners come from what loads
    s = site_settings.read(root)
    return co.generate(org, s.communications, s.moderators, formats, only)


@click.command("codeowners")
@click.option("--check", is_flag=True, help="Only check that the committed files are up to date (exit 1 if not).")
@click.option("--push", is_flag=True,
              help="Commit the regenerated files on a new branch and open a merge request (CI on the "
                   "default branch runs this after new profiles are merged).")
@click.option("--format", "fmt", type=click.Choice([co.GITLAB, co.GITHUB]),
              help="Write only this forge's file (default: both: CODEOWNERS and .github/CODEOWNERS).")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def codeowners(check, push, fmt, root):
    """Write who must approve changes to each profile, team, news item and discussion."""
    formats = (fmt,) if fmt else (co.GITLAB, co.GITHUB)
    if push:
        return _push(root, formats)
    root = Path(root).resolve() if root else find_root()
    files = expected(root, formats)
    if check:
        return _check(root, files, formats)
    for path, text in files.items():
        target = root / path
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            click.echo(f"{path}: unchanged")
            continue
        safepath.write_text(root, path, text, hidden=(".github",))  # never through a link out
        click.echo(f"{path}: written ({sum(1 for l in text.splitlines() if l.startswith('/'))} rules)")
    return 0


def _check(root: Path, files: dict, formats) -> int:
    committed = {p: (root / p).read_text(encoding="utf-8") if (root / p).is_file() else None for p in files}
    stale = [p for p, text in files.items() if committed[p] != text]
    waiting = set()
    if stale and all(committed[p] is not None for p in stale):
        # New profiles get their rules after the merge (see contrib.codeowners): up to date
        # for everyone the files name is up to date.
        named = set.intersection(*(co.named_in(committed[p]) for p in files))
        if expected(root, formats, only=named) == committed:
            waiting = co.named_in(files[stale[0]]) - named
            stale = []
    for path in stale:
        click.echo(f"{path}:1:1: out of date with profiles/ and content/teams/. "
                   f"Fix: run `plein codeowners` and commit {path}", err=True)
    if not stale:
        click.echo("ok: " + ", ".join(files) + " up to date"
                   + (f"; new profiles get their rules at the next `plein codeowners --push`: "
                      f"{', '.join(sorted(waiting))}" if waiting else ""))
    return 1 if stale else 0


def _push(root, formats) -> int:
    from ..contrib.flow import Contribution, Options
    with Contribution(Options(root=root, yes=True), "codeowners") as c:
        files = {p: t for p, t in expected(c.wt_root, formats).items()
                 if not (c.wt_root / p).is_file() or (c.wt_root / p).read_text(encoding="utf-8") != t}
        if not files:
            click.echo(", ".join(co.PATHS[f] for f in formats) + ": up to date; nothing to push")
            return 0
        (first, text), rest = next(iter(files.items())), dict(list(files.items())[1:])
        return c.submit(first, text, title="Update CODEOWNERS", slug="update", replace=True,
                        also=lambda root: rest,
                        description="CODEOWNERS generated again from profiles/ and content/teams/ "
                                    "by plein codeowners --push.")
