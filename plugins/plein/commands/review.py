"""plein review --base REF: report on the changes of a merge request branch, led by the
publishing policy's decision (publish, review or refuse).

`--format json` prints only the decision as one JSON object ("decision", "reasons", "files", …),
read from Git without checking out or running the change. The username is --pusher; in a merge
request's own pipeline it defaults to $GITLAB_USER_LOGIN or $GITHUB_ACTOR, which the merge
request can set, so the report says that only the trusted merge job decides.
"""
from __future__ import annotations

from pathlib import Path

import click

from ..git.repo import find_root
from ..policy import decide_refs
from ..review import formats, pusher_from_env, pusher_variable, trusted_from_env
from ..review import review as run

WRITERS = {"markdown": formats.markdown, "codequality": formats.codequality, "github": formats.github}
FORMATS = [*WRITERS, "json"]


@click.command("review")
@click.option("--base", required=True, help="The branch the merge request targets, e.g. origin/main.")
@click.option("--head", default="HEAD", show_default=True,
              help="The commit to decide on (json only; it is read from Git, never checked out).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="markdown", show_default=True,
              help="markdown for people; codequality (GitLab JSON) or github (workflow annotations) for CI; "
                   "json: the publishing decision only.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here instead of printing it.")
@click.option("--pusher", help="Forge username of who made the change (default, for information only: "
                               "$GITLAB_USER_LOGIN or $GITHUB_ACTOR).")
@click.option("--moderator", "moderators", multiple=True, metavar="USERNAME",
              help="Forge username of a moderator or of the communications group, who may change "
                   "files of others (repeatable; default: $PLEIN_MODERATORS).")
@click.option("--strict", is_flag=True, help="Exit 1 when the decision is refuse or the report holds errors.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def review(base, head, fmt, output, pusher, moderators, strict, root):
    """What the changes since BASE do, whether they go live directly, their problems, and who must approve them."""
    root = Path(root).resolve() if root else find_root()
    source = "option" if pusher else pusher_variable()
    pusher = pusher or pusher_from_env()
    if fmt == "json":
        decision = decide_refs(root, base, head, pusher)
        text, refused, errors = formats.decision_json(decision, source), decision.decision == "refuse", False
    else:
        report = run(root, base, pusher, moderators or trusted_from_env(), pusher_from=source)
        text = WRITERS[fmt](report)
        refused = report.decision is not None and report.decision.decision == "refuse"
        errors = any(f.severity == "error" for f in report.findings)
    if output:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    return 1 if strict and (refused or errors) else 0
