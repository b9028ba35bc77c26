"""Options every contribution command shares, and asking for what was not given."""
from __future__ import annotations

from datetime import datetime

import click

from ..errors import FatalError
from ..model.convert import Bad, parse_datetime
from ..model.names import check_handle
from .flow import Options
from .prompts import ask, ask_text  # noqa: F401 - the commands ask through options


def shared(fn):
    """--yes, --no-push, --as, --date, --remote and --root, collected into `opts: Options`."""
    decorators = [
        click.option("--root", type=click.Path(file_okay=False, exists=True),
                     help="The intranet clone (default: found from here)."),
        click.option("--remote", default="origin", show_default=True, help="The remote to push to."),
        click.option("--date", "when", metavar="'YYYY-MM-DD HH:MM'",
                     help="Date and time to put in the file (default: now)."),
        click.option("--as", "as_handle", metavar="HANDLE",
                     help="Your handle, when your git e-mail is not the one in your profile."),
        click.option("--no-push", is_flag=True,
                     help="Only commit on a new branch (works offline); prints the push command."),
        click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation (for scripts)."),
    ]
    for decorate in decorators:
        fn = decorate(fn)
    return fn


def collect(root, remote, when, as_handle, no_push, yes) -> Options:
    if as_handle is not None:
        check_handle(as_handle, "handle", "--as")
    return Options(root=root, remote=remote, push=not no_push, yes=yes, as_handle=as_handle,
                   when=when_from(when))


def when_from(text: str | None, option: str = "--date") -> datetime | None:
    if not text:
        return None
    try:
        return parse_datetime(text)
    except Bad as bad:
        raise FatalError(f"{option}: {bad.message}; {bad.hint}") from None


def split_list(values) -> list[str]:
    """--tags gis --tags 'omgevingswet, ruimte' -> ['gis', 'omgevingswet', 'ruimte']"""
    out = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out
