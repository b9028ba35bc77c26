"""Options every contribution command shares, and asking for what was not given."""
from __future__ import annotations

import sys
from datetime import datetime

import click

from ..errors import FatalError
from ..model.convert import Bad, parse_datetime
from .flow import Options

_CUT = "# ------------------------ >8 ------------------------"
_EDIT_HINT = _CUT + "\n# Write your {what} above this line (Markdown). Everything below it is left out.\n"


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
    return Options(root=root, remote=remote, push=not no_push, yes=yes, as_handle=as_handle,
                   when=when_from(when))


def when_from(text: str | None, option: str = "--date") -> datetime | None:
    if not text:
        return None
    try:
        return parse_datetime(text)
    except Bad as bad:
        raise FatalError(f"{option}: {bad.message}; {bad.hint}") from None


def ask(value, label: str, option: str, default=None, quiet: bool = False):
    """`value`, or ask for it. With `quiet` (--yes) an optional value takes its default."""
    if value not in (None, ""):
        return value
    if quiet and default is not None:
        return default
    return _prompt(label, option, default=default, show_default=default not in (None, ""))


def _prompt(label: str, option: str, **kwargs):
    try:
        return click.prompt(label, **kwargs)
    except click.exceptions.Abort:
        raise FatalError(f"no answer for '{label}', so nothing was committed; "
                         f"pass it as {option}") from None


def ask_text(value: str | None, what: str) -> str:
    """A text body: --body, '-' for standard input, the editor on a terminal, else a prompt."""
    if value == "-":
        value = sys.stdin.read()
    elif value is None and sys.stdin.isatty():
        edited = click.edit("\n\n" + _EDIT_HINT.format(what=what), extension=".md")
        value = (edited or "").split(_CUT)[0]
    elif value is None:
        value = _prompt(f"Your {what}", "--body (or -m)")
    if not value.strip():
        raise FatalError(f"the {what} is empty, so nothing was committed; write it with --body "
                         "or in the editor that opens")
    return value.strip()


def split_list(values) -> list[str]:
    """--tags gis --tags 'omgevingswet, ruimte' -> ['gis', 'omgevingswet', 'ruimte']"""
    out = []
    for value in values or ():
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return out
