"""Sending a committed contribution: the push with GitLab's merge-request push options, what to
say when it fails or is interrupted (the branch that keeps the text, the command that sends
it), and the link to the merge request."""
from __future__ import annotations

import click

from ..errors import FatalError
from ..git import ops as gitops
from ..policy.ratelimit import within_hour
from .nextstep import next_step


def send(c, rel: str, branch: str, sha: str, title: str, description: str) -> int:
    """Push `branch` (commit `sha`, adding `rel`) for the Contribution `c`; 0 when it is sent."""
    remote = c.opts.remote
    options = push_options(c, title, description)
    command = "git push " + " ".join(gitops.quote_args(gitops.push_args(remote, branch, options)))
    if not c.opts.push:
        _sent(c)  # the text is safe on the branch, and the command below sends it
        click.echo(f"Committed {rel} on branch {branch} (not pushed).")
        click.echo(f"To open the merge request, run:\n  {command}")
        return 0
    try:
        pushed = gitops.push(c.repo, remote, branch, options)
        if not pushed.ok and options and "push options" in pushed.output:
            pushed = gitops.push(c.repo, remote, branch, [])  # a server without them
    except KeyboardInterrupt:
        return _interrupted(c, rel, branch, sha, command)
    if not pushed.ok:
        raise FatalError(f"the push to {remote} failed:\n{_indent(pushed.output)}\n"
                         f"Your {_what(c)} is safe on the branch {branch}.{_also_kept(c)} "
                         f"To try again, run:\n  {command}")
    _sent(c)
    click.echo(f"Pushed {rel} on branch {branch}.")
    click.echo(link(c, pushed.output, branch))
    _tell_next(c)
    return 0


def _tell_next(c) -> None:
    try:
        me = c.me()
    except FatalError:  # a new profile, or no profile yet: the sentence then needs no person
        me = None
    recent = within_hour(c.org, me.handle, c.now) if me is not None else 0
    sentence = next_step(c.kind, me, c.settings, recent)
    if sentence:
        click.echo(sentence)


def _interrupted(c, rel: str, branch: str, sha: str, command: str) -> int:
    """Ctrl-C during the push: ask the remote whether the branch arrived, and say so."""
    try:
        there = gitops.remote_sha(c.repo, c.opts.remote, branch)
    except KeyboardInterrupt:
        there = None
    if there == sha:
        _sent(c)
        click.echo(f"Pushed {rel} on branch {branch} before the interruption, so the merge request "
                   "is open. Do not run the command again.")
        click.echo(link(c, "", branch))
        _tell_next(c)
        return 0
    raise FatalError(f"interrupted during the push: {rel} has not reached {c.opts.remote}.\n"
                     f"Your {_what(c)} is safe on the branch {branch}.{_also_kept(c)} To send it, run:\n"
                     f"  {command}")


def _sent(c) -> None:
    if c.unsent is not None:
        c.unsent.drop()


def _what(c) -> str:
    return c.unsent.what if c.unsent is not None else c.kind


def _also_kept(c) -> str:
    return f" It is also kept in {c.unsent.path}." if c.unsent is not None else ""


def github(c) -> bool:
    return gitops.is_github(c.url) or c.settings.forge == "github"


def push_options(c, title: str, description: str) -> list[str]:
    if github(c):
        return []  # GitHub has no merge-request push options: print a compare link instead
    one_line = lambda s: " ".join(s.split())  # push options cannot hold line breaks
    return ["merge_request.create", f"merge_request.target={c.default}",
            f"merge_request.title={one_line(title)}",
            f"merge_request.description={one_line(description)}",
            "merge_request.remove_source_branch"]


def link(c, output: str, branch: str) -> str:
    found = gitops.mr_link(output)
    if found:
        return f"Merge request: {found}"
    web = gitops.web_url(c.url) or c.settings.repo_url
    if github(c) and web:
        return f"Open the pull request: {gitops.compare_url(web, c.default, branch)}"
    if web:
        return (f"Open the merge request: {web}/-/merge_requests/new"
                f"?merge_request%5Bsource_branch%5D={branch}")
    return f"Open a merge request from {branch} to {c.default} on your forge."


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.strip().splitlines()[-6:])
