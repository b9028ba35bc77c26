"""What `plein digest` and `plein notify` say after sending: one wording for both, since both
share the send log and its outcomes (sent, already sent, uncertain, failed, skipped, stopped)."""
from __future__ import annotations

import click

from ..errors import FatalError


def report(outcome, folder, what: str = "e-mail(s)", about: str = "") -> int:
    done = "written to " + folder if folder else "sent"
    click.echo(f"{len(outcome.sent)} {what} {done}{about}.")
    if outcome.already:
        click.echo(f"{len(outcome.already)} already sent by an earlier run: not sent again.")
    if outcome.uncertain:
        click.echo(f"{len(outcome.uncertain)} may have been sent by a run that stopped while sending, so "
                   "they are not sent again: " + ", ".join(outcome.uncertain), err=True)
    for handle, reason in outcome.failed:
        click.echo(f"not delivered to {handle}: {reason}", err=True)
    for _, why in outcome.skipped:  # why names the profile and the fix
        click.echo(f"plein: warning: {why}", err=True)
    if outcome.stopped:
        raise FatalError(f"the SMTP server stopped answering ({outcome.stopped}); run the same command "
                         "again to send the rest: the send log skips what was sent")
    return 0
