"""plein kudos PERSON | --team TEAM: thank a colleague or a team; opens a merge request."""
from __future__ import annotations

import difflib

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..errors import FatalError


@click.command("kudos")
@click.argument("person", required=False)
@click.option("--team", help="Give kudos to this team (its id) instead of a person.")
@click.option("--body", "-m", help="What you thank them for (Markdown); '-' reads standard input.")
@options.shared
def kudos(person, team, body, **shared):
    """Give kudos to PERSON (a handle) or to a --team."""
    if person and team:
        raise FatalError("give kudos to a person or to a --team, not both")
    with Contribution(options.collect(**shared), "kudos") as c:
        me = c.me()
        if not team:
            person = options.ask(person, "To whom (their handle)", "PERSON")
            _known(person, c.org.people, "person", "profiles/<handle>.yml")
            name = c.org.people[person].name
        else:
            _known(team, c.org.teams, "team", "content/teams/<id>.yml")
            name = c.org.teams[team].name
        text = options.ask_text(body, f"kudos for {name}")
        rel, content = drafts.kudos(me.handle, person if not team else None, team, c.now.date(), text, c.taken)
        return c.submit(rel, content, title=f"Kudos for {name}", slug=team or person,
                        description=f"{me.name} gives kudos to {name}. Made with plein kudos.")


def _known(key, records, what, where):
    if key not in records:
        close = difflib.get_close_matches(key, list(records), n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"use the id of an existing {what} ({where})"
        raise FatalError(f"there is no {what} '{key}'; {hint}")
