"""plein kudos PERSON | --team TEAM: thank a colleague or a team; opens a merge request."""
from __future__ import annotations

import difflib

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..errors import FatalError
from ..model.fields import MAX_KUDOS
from ..model.names import check_handle


@click.command("kudos")
@click.argument("person", required=False)
@click.option("--team", metavar="TEAM-ID",
              help="Give kudos to this team instead of a person: its id, the file name in content/teams/ "
                   "without .yml (e.g. ruimte).")
@click.option("--body", "-m", help="What you thank them for (Markdown); '-' reads standard input.")
@options.shared
def kudos(person, team, body, **shared):
    """Give kudos to PERSON (a handle) or to a --team."""
    if person and team:
        raise FatalError("give kudos to a person or to a --team, not both")
    with Contribution(options.collect(**shared), "kudos") as c:
        me = c.me()
        if not team:
            person = check_handle(options.ask(person, "To whom (their handle)", "PERSON"), "handle", "PERSON")
            _known(person, c.org.people, "person", "profiles/<handle>.yml")
            name = c.org.people[person].name
            _opted_in(c.org.people[person], c.org)
        else:
            check_handle(team, "team id", "--team")
            _known(team, c.org.teams, "team", "content/teams/<id>.yml", c.org.people)
            name = c.org.teams[team].name
        text = c.text(body, f"kudos for {name}", f"kudos-{team or person}", MAX_KUDOS,
                      again=f"plein kudos --team {team}" if team else f"plein kudos {person}")
        rel, content = drafts.kudos(me.handle, person if not team else None, team, c.now.date(), text, c.taken)
        return c.submit(rel, content, title=f"Kudos for {name}", slug=team or person,
                        description=f"{me.name} gives kudos to {name}. Made with plein kudos.")


def _opted_in(person, org):
    """Said before the text is asked for, in the words of the command (--team), not the file's."""
    if person.kudos:
        return
    team = f" --team {person.team}" if person.team in org.teams else " --team <team-id>"
    raise FatalError(f"{person.name} has not opted in to kudos, so nothing was committed. "
                     f"Fix: thank their team instead: plein kudos{team} -m \"…\"; "
                     f"or ask {person.name} to set 'kudos: true' in their profile")


def _known(key, records, what, where, people=None):
    if key in records:
        return
    close = difflib.get_close_matches(key, list(records), n=1, cutoff=0.6)
    if close:
        hint = f"did you mean '{close[0]}'?"
    elif people is not None and key in people:
        hint = (f"'{key}' is a person's handle; to thank them, run plein kudos {key}. A team's id is "
                f"its file name in content/teams/, one of: {_some(records)}")
    else:
        hint = f"use the id of an existing {what} ({where}), one of: {_some(records)}"
    raise FatalError(f"there is no {what} '{key}'; {hint}")


def _some(records, n: int = 12) -> str:
    ids = sorted(records)
    return ", ".join(ids[:n]) + (", …" if len(ids) > n else "")
