"""Asking for what a contribution command was not given: a value, or a text in the editor (with
the limits in its template), offering back an unsent text first (see contrib.unsent)."""
from __future__ import annotations

import sys

import click

from ..errors import FatalError

_CUT = "# ------------------------ >8 ------------------------"


def ask(value, label: str, option: str, default=None, quiet: bool = False):
    """`value`, or ask for it. With `quiet` (--yes) an optional value takes its default."""
    if isinstance(value, str) and value and not value.strip():
        raise FatalError(f"{option} is empty (only spaces), so nothing was committed. "
                         f"Fix: write the {label[0].lower() + label[1:]} after {option}")
    if value not in (None, ""):
        return value
    if quiet and default is not None:
        return default
    answer = _prompt(label, option, default=default, show_default=default not in (None, ""))
    if isinstance(answer, str) and answer and not answer.strip() and default is None:
        raise FatalError(f"no answer for '{label}' (only spaces), so nothing was committed; "
                         f"pass it as {option}")
    return answer


def _prompt(label: str, option: str, **kwargs):
    try:
        return click.prompt(label, **kwargs)
    except click.exceptions.Abort:
        raise FatalError(f"no answer for '{label}', so nothing was committed; "
                         f"pass it as {option}") from None


def ask_text(value: str | None, what: str, unsent=None, limit: int | None = None) -> str:
    """A text body: --body, '-' for standard input, the editor on a terminal, else a prompt.
    An unsent text of the same kind (see contrib.unsent) is offered first; whatever text
    results is kept there until it is pushed."""
    continued = value is None and unsent is not None and unsent.text() is not None
    if continued:
        value = _continue(unsent, what, limit)
        continued = value is not None
    if value == "-":
        value = sys.stdin.read()
    elif value is None and sys.stdin.isatty():
        value = _edit("", what, limit)
    elif value is None:
        value = _prompt(f"Your {what}", "--body (or -m)")
    if not value.strip():
        raise FatalError(f"the {what} is empty, so nothing was committed; write it with --body "
                         "or in the editor that opens")
    if unsent is not None:
        moved = unsent.keep(value, edited=continued)
        if moved:
            click.echo(f"Your earlier unsent {what} is kept in {moved}.", err=True)
    return value.strip()


def _continue(unsent, what: str, limit: int | None) -> str | None:
    click.echo(f"You have an unsent {what} from {unsent.kept_at()}:\n  “{unsent.preview()}”")
    try:
        go = click.confirm("Continue with it?", default=True)
    except click.exceptions.Abort:
        raise FatalError(f"no answer to 'Continue with it?', so nothing was committed; your {what} "
                         f"is still kept in {unsent.path}") from None
    if not go:
        return None  # a new text replaces it once written
    return _edit(unsent.text(), what, limit) if sys.stdin.isatty() else unsent.text()


def _edit(start: str, what: str, limit: int | None) -> str:
    edited = click.edit(start + "\n\n" + _hint(what, limit), extension=".md")
    return (edited or "").split(_CUT)[0]


def _hint(what: str, limit: int | None) -> str:
    most = f", at most {limit} characters" if limit else ""
    return (f"{_CUT}\n# Write your {what} above this line (Markdown{most}).\n"
            "# Everything below it is left out. Save and close the editor to continue.\n")
