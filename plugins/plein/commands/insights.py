"""plein insights [--json | --csv]: the Insights page's figures, for scripts and reports.

The same figures as the site's Insights page and its CSV download (plein.insights), from the
same loader and the same single pass over Git history."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import FatalError
from ..git import log as gitlog
from ..git.repo import find_root
from ..insights.figures import compute
from ..insights.table import to_csv
from ..model import problems as report
from ..model.convert import Bad, parse_datetime
from .validate import open_cache


def figures(root: Path, now: str | None = None, git: bool = True) -> dict:
    """The figures of the organisation in root, counted up to the day of `now` (default: today)."""
    from ..contrib import settings as site_settings
    from ..model.load import load
    from ..model.validate import check
    try:
        when = parse_datetime(now) if now else site_settings.now(site_settings.read(root))
    except Bad as bad:
        raise FatalError(f"--now: {bad.message}. Fix: {bad.hint}.") from None
    cache = open_cache(root)
    org, problems = load(root, cache)
    if cache is not None:
        cache.save()
    check(org, problems)
    if problems.errors:
        raise FatalError("the content has errors, so the figures would be wrong. Fix them first "
                         "(`plein validate` lists them):\n" + report.to_text(problems.errors))
    history = gitlog.scan(root) if git else gitlog.History.empty()
    if history.warning:
        click.echo(f"plein: warning: {history.warning}", err=True)
    return compute(org, history, when.date())


@click.command("insights")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON.")
@click.option("--csv", "as_csv", is_flag=True, help="Print every figure as CSV (the site's download).")
@click.option("--now", help="Count up to this day (YYYY-MM-DD); default: today.")
@click.option("--no-git", is_flag=True, help="Leave out what only Git history tells (new profiles, profile edits).")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def insights(as_json, as_csv, now, no_git, root):
    """Participation figures: contributors per month, answers, profiles, topics and teams."""
    root = Path(root).resolve() if root else find_root()
    fig = figures(root, now, git=not no_git)
    if as_json:
        click.echo(json.dumps(fig, ensure_ascii=False, indent=2))
    elif as_csv:
        click.echo(to_csv(fig), nl=False)
    else:
        click.echo(_summary(fig))
    return 0


def _summary(fig: dict) -> str:
    last = fig["months"][-1]
    a, p, k = fig["answers"], fig["profiles"], fig["knowledge"]
    lines = [f"Figures up to {fig['today']} (`--json` or `--csv` for all of them):",
             f"  this month ({last['month']}): {last['contributors']} people contributed; "
             f"{last['questions']} questions, {last['replies']} replies, {last['updates']} updates, "
             f"{last['kudos']} kudos, {last['new_profiles']} new profiles",
             f"  questions with an accepted answer: {a['accepted']} of {a['questions']}",
             f"  open for more than 7 days: {len(fig['open_questions'])} questions",
             f"  active profiles: {p['active']}; with expertise {p['with_expertise']}, photo "
             f"{p['with_photo']}, bio {p['with_bio']}, manager {p['with_manager']}",
             f"  accepted answers by colleagues who left: {k['accepted_by_alumni']} of {k['accepted_answers']}",
             f"  teams shown (at least {fig['teams']['min_people']} people): {len(fig['teams']['shown'])}; "
             f"smaller teams not shown: {fig['teams']['hidden']}"]
    return "\n".join(lines)
