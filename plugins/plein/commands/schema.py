"""plein schema [--check | --reference]: the JSON Schemas, the web editor's collections (and
reference tables) from fields.py."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import FatalError
from ..git.repo import find_root
from ..editor import config as editor
from ..model import safepath
from ..model import schema as model


@click.command("schema")
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 when a schema in schema/ is missing or out of date.")
@click.option("--reference", "reference_", is_flag=True,
              help="Print the field tables of the content reference page (Markdown) instead.")
@click.option("--root", type=click.Path(file_okay=False, exists=True),
              help="The repository (default: found from here).")
def schema(check, reference_, root):
    """Write schema/*.schema.json, which editors use to check profiles while you type."""
    if reference_:
        click.echo(model.reference(), nl=False)
        return 0
    root = Path(root).resolve() if root else find_root()
    texts = generated()
    stale = [rel for rel, text in texts.items() if _current(root / rel) != text]
    if check:
        if stale:
            verb = "is" if len(stale) == 1 else "are"
            raise FatalError(f"{', '.join(stale)} {verb} out of date with Plein's fields; "
                             "run 'plein schema' and commit the result")
        click.echo(f"ok: {len(texts)} schemas are up to date")
        return 0
    for rel in stale:
        safepath.write_text(root, rel, texts[rel])  # never through a link out of the repository
        click.echo(f"wrote {rel}")
    if not stale:
        click.echo(f"ok: {len(texts)} schemas are up to date")
    return 0


def generated() -> dict[str, str]:
    """Every generated file by its path: the JSON Schemas and the web editor's collections."""
    return {**model.generated(), **editor.generated()}


def _current(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
