"""plein merge-request NUMBER | --event FILE | --sweep: the trusted merge (issue 28).

Runs in the default branch's pipeline only (GitLab: a trigger from the merge-request webhook,
or a schedule; GitHub: pull_request_target or a schedule), never in the MR's own pipeline."""
from __future__ import annotations

import os
from pathlib import Path

import click

from ..config.settings import read as read_settings
from ..errors import FatalError
from ..forge import checked_number, connect
from ..forge.event import number_from_event
from ..forge.job import process
from ..git.repo import find_root


@click.command("merge-request")
@click.argument("number", required=False)
@click.option("--event", "event", type=click.Path(dir_okay=False),
              help="Take the number from this webhook payload: GitLab's TRIGGER_PAYLOAD file, or "
                   "GitHub's GITHUB_EVENT_PATH. Only the number is read; the rest comes from the API.")
@click.option("--sweep", is_flag=True, help="Check every open MR aimed at the default branch (the schedule's safety net).")
@click.option("--forge", "kind", type=click.Choice(["gitlab", "github"]),
              help="Default: from the CI environment (GITLAB_CI, GITHUB_ACTIONS) or $PLEIN_FORGE.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def merge_request(number, event, sweep, kind, root):
    """Decide a merge request with the publishing policy of the default branch and merge it at the
    reviewed commit, or label it for a moderator and say why. Any API error: nothing is merged."""
    if sum(bool(x) for x in (number, event, sweep)) != 1:
        raise FatalError("give exactly one of NUMBER, --event FILE or --sweep")
    root = Path(root).resolve() if root else find_root()
    language = read_settings(root).language
    forge = connect(kind)
    if event:
        found = number_from_event(event, forge.name)
        if found is None:
            click.echo("plein: the event is not about a merge request; nothing to do")
            return 0
        numbers = [found]
    elif number:
        numbers = [checked_number(number)]
    else:
        default = forge.default_branch()
        numbers = forge.open_numbers(default)
        click.echo(f"plein: {len(numbers)} open merge request(s) to {default}")
    merged, failed = False, []
    for n in numbers:
        try:
            outcome = process(forge, root, n, language)
        except FatalError as err:
            if not sweep:
                raise
            failed.append(f"{n}: {err}")
            click.echo(f"plein: {n}: {err}", err=True)
            continue
        merged = merged or outcome.merged
        click.echo(f"plein: {outcome.message}")
        for reason in outcome.reasons:
            click.echo(f"  - {reason}")
    _output("merged", "true" if merged else "false")
    if failed:
        raise FatalError(f"{len(failed)} of {len(numbers)} merge requests could not be checked; "
                         "none of those was merged")
    return 0


def _output(name: str, value: str) -> None:
    """A step output on GitHub Actions: the workflow publishes after a merge by GITHUB_TOKEN."""
    path = os.environ.get("GITHUB_OUTPUT")
    if path:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(f"{name}={value}\n")
