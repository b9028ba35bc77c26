"""plein notify: instant e-mail about what the last merge published: the asker hears of a reply
to their question, and whoever a reply, question or update names with @handle hears of it.
Run by the pipeline of the default branch after the build that published the site."""
from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from ..contrib import settings as site_settings
from ..digest import instant
from ..digest.headers import shown
from ..digest.run import deliver, open_run
from ..digest.send import Folder, smtp_from_env
from ..errors import FatalError
from ..git.repo import find_root
from .digest import _now
from .mailreport import report


@click.command("notify")
@click.option("--dry-run", "folder", type=click.Path(file_okay=False),
              help="Write the e-mails as .eml files into this folder instead of sending them.")
@click.option("--now", "now_text", help="Act as if at this time (YYYY-MM-DD HH:MM, in the site's time zone).")
@click.option("--log", "log_path", type=click.Path(dir_okay=False),
              help="The send log, shared with `plein digest` (default: <cache_dir>/digest/sent.jsonl).")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def notify(folder, now_text, log_path, root):
    """E-mail at once about replies and @mentions that reached this branch in the last days.

    Each e-mail is sent once: the send log remembers it, so running this again (a rebuild, a
    retried job) sends nothing twice. People with `notify: digest` or `off` get no e-mail.
    The SMTP server comes from the same PLEIN_SMTP_* variables as `plein digest`."""
    root = Path(root).resolve() if root else find_root()
    zone = site_settings.read(root).timezone
    # to the second, not the minute: the merge that ran just before is in the window
    now = _now(now_text, root) if now_text else datetime.now(ZoneInfo(zone)).replace(tzinfo=None)
    transport = Folder(Path(folder)) if folder else smtp_from_env(os.environ)
    run = open_run(root, now, Path(log_path) if log_path else None, os.environ.get("PLEIN_MAIL_FROM"),
                   write_log=folder is None)
    for unsure in sorted(run.unsure_notify):
        source = run.org.people[unsure].source
        click.echo(f"plein: warning: {shown(source.path)}:{source.at('notify')}: the 'notify' value is not "
                   f"understood, so {unsure} gets no instant e-mail. Fix: write notify: instant, digest or off",
                   err=True)
    landed = instant.landed(root, now, zone)
    if landed is None:
        raise FatalError(f"{root}: Git cannot say which files the last commits added, so nobody is mailed. "
                         "Fix: run this in a clone with its history (in CI: GIT_DEPTH 0 / fetch-depth: 0)")
    jobs = instant.jobs(run, instant.notices(run, landed, now))
    outcome = deliver(jobs, transport, run.log)
    return report(outcome, folder, what="instant e-mail(s)")
