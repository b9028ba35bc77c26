"""plein digest: each person's digest e-mail of what is new for them, or (--new-questions)
"can you help?" e-mails to the people who know a new question's topics."""
from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import click

from ..contrib import settings as site_settings
from ..digest.run import PERIODS, deliver, open_run
from ..digest.headers import Unsafe, shown
from ..digest.send import Folder, smtp_from_env
from ..digest.sendlog import SENT
from ..errors import FatalError
from ..git.repo import find_root
from ..model.convert import Bad, parse_datetime
from .mailreport import report


@click.command("digest")
@click.option("--period", type=click.Choice(list(PERIODS)), default="weekly", show_default=True,
              help="Send to everyone whose profile has this `digest` value.")
@click.option("--new-questions", is_flag=True,
              help="Instead: e-mail the three people who know each new question best (after a merge).")
@click.option("--dry-run", "folder", type=click.Path(file_okay=False),
              help="Write the e-mails as .eml files into this folder instead of sending them.")
@click.option("--to-person", "handle", help="Only this person's digest; without --dry-run it is printed.")
@click.option("--now", "now_text", help="Act as if at this time (YYYY-MM-DD HH:MM, in the site's time zone).")
@click.option("--log", "log_path", type=click.Path(dir_okay=False),
              help="The send log (default: <cache_dir>/digest/sent.jsonl beside mkdocs.yml).")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def digest(period, new_questions, folder, handle, now_text, log_path, root):
    """E-mail each person what is new for them since their last digest.

    The SMTP server comes from PLEIN_SMTP_HOST, PLEIN_SMTP_PORT, PLEIN_SMTP_USER,
    PLEIN_SMTP_PASSWORD and PLEIN_SMTP_SECURITY (starttls, tls or none), the sender from
    PLEIN_MAIL_FROM."""
    if new_questions and handle:
        raise FatalError("--to-person shows one person's digest; for --new-questions use --dry-run FOLDER")
    root = Path(root).resolve() if root else find_root()
    now = _now(now_text, root)
    preview = handle is not None and folder is None
    transport = Folder(Path(folder)) if folder else None if preview else smtp_from_env(os.environ)
    run = open_run(root, now, Path(log_path) if log_path else None, os.environ.get("PLEIN_MAIL_FROM"),
                   write_log=folder is None and not preview)
    if run.warning:
        click.echo(f"plein: warning: {run.warning}", err=True)
    for path in run.unloaded():
        click.echo(f"plein: warning: {shown(path)} has errors, so nobody is mailed from it. "
                   "Fix: `plein validate` names them", err=True)
    for unsure in sorted(run.unsure):
        source = run.org.people[unsure].source
        click.echo(f"plein: warning: {source.path}:{source.at('digest')}: the 'digest' value is not understood, "
                   f"so {unsure} gets no e-mail. Fix: write digest: weekly, daily or off", err=True)
    if new_questions:
        jobs, questions = run.help_jobs()
    else:
        digests = run.digests(period, [_person(run.org, handle)] if handle else None)
        if preview:
            return _print(run, digests, handle)
        jobs, questions = run.digest_jobs(period, digests), []
    with click.progressbar(length=len(jobs), label="Writing" if folder else "Sending", file=sys.stderr) as bar:
        outcome = deliver(jobs, transport, run.log, lambda items: _ticking(items, bar))
    if not outcome.stopped and transport is not None and not folder:
        for thread_id in questions:
            run.log.write(f"question/{thread_id}", "*", SENT)
        run.log.close()
    return report(outcome, folder, about=f" about {len(questions)} new question(s)" if new_questions else "")


def _ticking(items, bar):
    for item in items:
        yield item
        bar.update(1)


def _now(text: str | None, root: Path) -> datetime:
    if not text:
        return site_settings.now(site_settings.read(root))
    try:
        return parse_datetime(text)
    except Bad as bad:
        raise FatalError(f"--now '{text}': {bad.message}. Fix: {bad.hint}") from None


def _person(org, handle):
    person = org.people.get(handle)
    if person is None:
        raise FatalError(f"--to-person {handle}: no profile profiles/{handle}.yml. Fix: give a handle, "
                         "the file name of a profile without .yml")
    return person


def _print(run, digests, handle) -> int:
    person = run.org.people[handle]
    if not run.mailable(person):
        why = "is an alumnus" if person.alumnus else f"has digest: {person.digest}" \
            if person.handle not in run.unsure else "has a digest value that is not understood"
        click.echo(f"plein: {handle} {why} and gets no digest; this is what it would hold.", err=True)
    if not digests:
        since = run.since(handle, person.digest if person.digest in PERIODS else "weekly")
        click.echo(f"Nothing new for {handle} since {since:%Y-%m-%d %H:%M}: no e-mail.")
        return 0
    try:
        msg = run.mailer.digest(digests[0])
    except Unsafe as err:
        raise FatalError(str(err)) from None
    click.echo(f"Subject: {msg['Subject']}\nTo: {msg['To']}\n")
    click.echo(msg.get_body(("plain",)).get_content())
    return 0
