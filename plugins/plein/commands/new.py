"""plein new profile: create your profile; opens a merge request for the moderators."""
from __future__ import annotations

from datetime import date

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..errors import FatalError
from ..model.names import check_handle, handle_for, shown


@click.group("new")
def new():
    """Create new content."""


@new.command("profile")
@click.option("--name", help="Your full name.")
@click.option("--handle", help="Your handle (default: made from your name, e.g. jan-de-vries).")
@click.option("--role", help="Your job title.")
@click.option("--team", help="Id of your team (a file in content/teams/).")
@click.option("--email", help="Your work e-mail (default: your git e-mail).")
@click.option("--started", help="Date you joined, YYYY-MM-DD (default: today).")
@click.option("--manager", help="Handle of your manager (optional).")
@click.option("--forge-username", help="Your GitLab/GitHub username: you approve changes to your profile.")
@click.option("--expertise", multiple=True, help="Topics you know about, comma separated.")
@click.option("--kudos/--no-kudos", default=None, help="May colleagues give you kudos?")
@options.shared
def profile(name, handle, role, team, email, started, manager, forge_username, expertise, kudos, **shared):
    """Create your profile (profiles/<handle>.yml)."""
    if handle is not None:
        check_handle(handle, "handle", "--handle")  # before any fetch: a name, never a path
    with Contribution(options.collect(**shared), "profile") as c:
        quiet = c.opts.yes  # scripts: optional fields take their defaults, nothing is asked
        name = options.ask(name, "Your full name", "--name").strip()
        handle = _handle(handle, name)
        if handle in c.org.people:
            raise FatalError(f"profiles/{handle}.yml already exists; pick another --handle "
                             f"(e.g. {handle}-2), or edit that profile if it is yours")
        open_mr = _open(c, handle, quiet)
        if not c.org.teams:
            raise FatalError("there are no teams yet (content/teams/); ask a moderator to add yours")
        if manager:
            check_handle(manager, "handle", "--manager")
        fields = {
            "name": name,
            "role": options.ask(role, "Your job title", "--role"),
            "team": options.ask(team, "Your team (" + ", ".join(sorted(c.org.teams)) + ")", "--team"),
            "manager": manager,
            "expertise": options.split_list(expertise),
            "email": options.ask(email, "Your work e-mail", "--email", default=c.email, quiet=quiet),
            "forge_username": options.ask(forge_username, "Your GitLab/GitHub username (may be empty)",
                                          "--forge-username", default="", quiet=quiet),
            "started": options.ask(started, "Date you joined (YYYY-MM-DD)", "--started",
                                   default=date.today().isoformat(), quiet=quiet),
            "kudos": kudos if kudos is not None or quiet else click.confirm("May colleagues give you kudos?",
                                                                             default=True),
        }
        rel, text = drafts.profile(handle, fields)
        if fields["forge_username"]:
            click.echo("CODEOWNERS does not change in this merge request (so new profiles never conflict "
                       "there). After the merge, CI proposes the rule that lets you approve changes to "
                       "your profile; until then a moderator approves them.")
        return c.submit(rel, text, title=f"New profile: {name}", slug=handle, onto=open_mr,
                        description=f"Profile of {name}, {fields['role']}. Made with plein new profile.")


def _handle(given: str | None, name: str) -> str:
    """--handle as given (a name, never a path), else one made from the name in any script."""
    if given is not None:
        return check_handle(given, "handle", "--handle")
    made = handle_for(name)
    if not made:
        raise FatalError(f"no readable handle can be made from the name '{shown(name)}'. Fix: choose "
                         "one with --handle, lowercase letters, digits and hyphens, e.g. "
                         "--handle jan-de-vries")
    return made


def _open(c, handle: str, quiet: bool) -> str | None:
    """The branch of a merge request that adds this profile already, if the person wants to
    continue it; refused when they don't (or cannot be asked)."""
    branch = c.pending.get(f"profiles/{handle}.yml")
    if not branch:
        return None
    on_its_way = (f"your profile profiles/{handle}.yml is already on its way: the merge request of "
                  f"branch {branch} adds it and is not merged yet")
    if not quiet:
        click.echo(on_its_way[0].upper() + on_its_way[1:] + ".")
        try:
            if click.confirm("Continue that merge request with new answers?", default=True):
                return branch
        except click.exceptions.Abort:
            pass
    raise FatalError(f"{on_its_way}. Wait for a moderator to merge it; to change it first, run "
                     "`plein new profile` again and answer yes to continue it")
