"""plein review --base REF: report on the changes of a merge request branch."""
from __future__ import annotations

from pathlib import Path

import click

from ..git.repo import find_root
from ..review import formats, pusher_from_env, trusted_from_env
from ..review import review as run

WRITERS = {"markdown": formats.markdown, "codequality": formats.codequality, "github": formats.github}


@click.command("review")
@click.option("--base", required=True, help="The branch the merge request targets, e.g. origin/main.")
@click.option("--format", "fmt", type=click.Choice(list(WRITERS)), default="markdown", show_default=True,
              help="markdown for people; codequality (GitLab JSON) or github (workflow annotations) for CI.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here instead of printing it.")
@click.option("--pusher", help="Forge username of who pushed (default: $GITLAB_USER_LOGIN or $GITHUB_ACTOR).")
@click.option("--moderator", "moderators", multiple=True, metavar="USERNAME",
              help="Forge username of a moderator or of the communications group, who may change "
                   "files of others (repeatable; default: $PLEIN_MODERATORS).")
@click.option("--strict", is_flag=True, help="Exit 1 when the report holds errors.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def review(base, fmt, output, pusher, moderators, strict, root):
    """What the changes since BASE do, their problems, and who must approve them."""
    root = Path(root).resolve() if root else find_root()
    report = run(root, base, pusher or pusher_from_env(), moderators or trusted_from_env())
    text = WRITERS[fmt](report)
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    return 1 if strict and any(f.severity == "error" for f in report.findings) else 0
