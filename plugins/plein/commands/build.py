"""plein build: mkdocs build into a temporary folder beside the site, swapped in on success.

A content error (the plugin's file:line report) becomes a plain FatalError message, and the
site that was there before stays untouched: a half-built site is never published."""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import click
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

from ..errors import FatalError
from ..repo import find_root

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # MkDocs' notice about 2.0 is noise here


class _Collect(logging.Handler):
    """Keeps MkDocs' error messages for the FatalError; shows the rest on stderr."""

    def __init__(self, quiet: bool):
        super().__init__(logging.DEBUG)
        self.errors: list[str] = []
        self.quiet = quiet

    def emit(self, record):
        if record.levelno >= logging.ERROR:
            self.errors.append(record.getMessage())
        elif record.levelno >= (logging.WARNING if self.quiet else logging.INFO):
            prefix = "" if record.levelno == logging.INFO else record.levelname + ": "
            click.echo(prefix + record.getMessage(), err=True)


@contextmanager
def mkdocs_errors(quiet: bool = False):
    """Run MkDocs with its log on stderr; turn its failures into one FatalError message."""
    logger = logging.getLogger("mkdocs")
    handler, level, propagate = _Collect(quiet), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield handler
    except (Abort, ConfigurationError, MkDocsException) as err:
        detail = "\n".join(handler.errors) or str(err)
        raise FatalError(f"the site was not built:\n{detail}") from None
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def config_path(config_file: str | None) -> Path:
    path = Path(config_file) if config_file else find_root() / "mkdocs.yml"
    if not path.is_file():
        raise FatalError(f"{path}: no such file. Run the command inside your intranet's clone, "
                         "or pass --config-file")
    return path.resolve()


def build_site(config_file: Path, site_dir: str | None = None, strict: bool | None = None,
               quiet: bool = False) -> Path:
    """Build into a fresh folder beside the target and swap it in; returns the site folder."""
    with mkdocs_errors(quiet):
        target = Path(site_dir or load_config(config_file=str(config_file)).site_dir).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{target.name}.new-", dir=target.parent))
        try:
            options = {"strict": strict} if strict is not None else {}
            mkdocs_build(load_config(config_file=str(config_file), site_dir=str(fresh), **options))
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    swap(fresh, target)
    return target


def swap(fresh: Path, target: Path) -> None:
    """Put `fresh` where `target` is with renames only; the old site is removed after."""
    os.chmod(fresh, 0o755)  # mkdtemp makes it private; a site is meant to be served
    if not target.exists():
        os.replace(fresh, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)
    os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


@click.command("build")
@click.option("-f", "--config-file", type=click.Path(dir_okay=False), help="mkdocs.yml (default: the repository's).")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False), help="Where to write the site (default: site_dir of mkdocs.yml).")
@click.option("-s", "--strict/--no-strict", default=None, help="Fail on warnings.")
@click.option("-q", "--quiet", is_flag=True, help="Show warnings and errors only.")
def build(config_file, site_dir, strict, quiet):
    """Build the intranet site; an existing site is replaced only when the build succeeds."""
    target = build_site(config_path(config_file), site_dir, strict, quiet)
    click.echo(f"built {target}", err=True)
    return 0
