"""plein codeowners [--check] [--format gitlab|github]: CODEOWNERS from profiles and teams."""
from __future__ import annotations

from pathlib import Path

import click

from ..contrib import codeowners as co
from ..contrib import settings as site_settings
from ..git.repo import find_root
from ..model.load import load


def expected(root: Path, formats) -> dict[str, str]:
    org, _ = load(root)  # problems are `plein validate`'s business; owners come from what loads
    s = site_settings.read(root)
    return co.generate(org, s.communications, s.moderators, formats)


@click.command("codeowners")
@click.option("--check", is_flag=True, help="Only check that the committed files are up to date (exit 1 if not).")
@click.option("--format", "fmt", type=click.Choice([co.GITLAB, co.GITHUB]),
              help="Write only this forge's file (default: both: CODEOWNERS and .github/CODEOWNERS).")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def codeowners(check, fmt, root):
    """Write who must approve changes to each profile, team, news item and discussion."""
    root = Path(root).resolve() if root else find_root()
    files = expected(root, (fmt,) if fmt else (co.GITLAB, co.GITHUB))
    if check:
        stale = [p for p, text in files.items()
                 if not (root / p).is_file() or (root / p).read_text(encoding="utf-8") != text]
        for path in stale:
            click.echo(f"{path}:1:1: out of date with profiles/ and content/teams/. "
                       f"Fix: run `plein codeowners` and commit {path}", err=True)
        if not stale:
            click.echo("ok: " + ", ".join(files) + " up to date")
        return 1 if stale else 0
    for path, text in files.items():
        target = root / path
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            click.echo(f"{path}: unchanged")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        click.echo(f"{path}: written ({sum(1 for l in text.splitlines() if l.startswith('/'))} rules)")
    return 0
