"""Checks across files: references exist, hierarchies have no cycles, ids are unique; and,
given the repository's root, the site's name and the links in what staff write, judged as the
pipelines' build judges them (model/siteconfig.py, model/recordlinks.py)."""
from __future__ import annotations

import difflib
from pathlib import Path

from .org import Org
from . import recordlinks, siteconfig
from .problems import Problems
from .topiccheck import near_duplicates


class _Refs:
    def __init__(self, org: Org, problems: Problems):
        self.org, self.problems = org, problems

    def person(self, handle, source, key, what="person"):
        if handle is None or handle in self.org.people or f"profile:{handle}" in self.org.broken:
            return
        close = difflib.get_close_matches(handle, list(self.org.people), n=1, cutoff=0.75)
        hint = f"did you mean '{close[0]}'?" if close else "use the handle of an existing profile (profiles/<handle>.yml)"
        self.problems.add(source.path, source.at(key), f"'{key}': unknown {what} '{handle}'", hint)

    def team(self, team_id, source, key):
        if team_id is None or team_id in self.org.teams or f"team:{team_id}" in self.org.broken:
            return
        close = difflib.get_close_matches(team_id, list(self.org.teams), n=1, cutoff=0.75)
        hint = f"did you mean '{close[0]}'?" if close else "use the id of a file in content/teams/"
        self.problems.add(source.path, source.at(key), f"'{key}': unknown team '{team_id}'", hint)


def check(org: Org, problems: Problems | None = None, touched=(), root=None) -> Problems:
    """Every problem across files. A cycle is reported at a file in `touched` (the files a
    change or a pre-commit hook names) when one is in it: that is where the fix belongs.
    With `root` (the repository, for an Org of all its files) also mkdocs.yml's site_name and
    every link in a record that the pipelines' build would refuse."""
    problems = Problems() if problems is None else problems
    refs = _Refs(org, problems)
    touched = frozenset(touched)
    _people(org, refs, problems, touched)
    _teams(org, refs, problems, touched)
    for news in org.news:
        _news(news, refs, problems)
    _threads(org, refs, problems)
    for update in org.updates:
        _update_author(org, update, problems)
    _kudos(org, refs, problems)
    near_duplicates(org, problems)  # notices only
    if root is not None:
        _site(org, Path(root), problems)
    return problems


def _site(org, root: Path, problems) -> None:
    config = siteconfig.read(root)
    siteconfig.check_site_name(config, problems)
    recordlinks.check(org, siteconfig.site_view(config), root, problems)


def _news(news, refs, problems):
    for author in news.authors:
        refs.person(author, news.source, "authors")
    for team in news.audience.teams:
        refs.team(team, news.source, "audience")
    if news.expires is not None and news.expires <= news.date:
        problems.add(news.source.path, news.source.at("expires"),
                     f"'expires' ({news.expires:%Y-%m-%d %H:%M}) is not after 'date' "
                     f"({news.date:%Y-%m-%d %H:%M}), so the item would go straight to the archive",
                     "set 'expires' to a later date, or remove it")


def _people(org, refs, problems, touched):
    emails, forge = {}, {}
    for p in org.people.values():
        refs.team(p.team, p.source, "team")
        if p.manager == p.handle:
            problems.add(p.source.path, p.source.at("manager"), "a person cannot be their own manager",
                         "set 'manager' to the handle of the person you report to, or remove it")
        else:
            refs.person(p.manager, p.source, "manager")
        if p.left and p.left < p.started:
            problems.add(p.source.path, p.source.at("left"), "'left' is before 'started'", "check both dates")
        first = emails.setdefault(p.email, p)
        if first is not p:
            problems.add(p.source.path, p.source.at("email"),
                         f"e-mail '{p.email}' is also used by {first.source.path}",
                         "every person needs their own e-mail address")
        if p.forge_username:
            first = forge.setdefault(p.forge_username.casefold(), p)
            if first is not p:
                problems.add(p.source.path, p.source.at("forge_username"),
                             f"forge username '{p.forge_username}' is also used by {first.source.path}",
                             "every person needs their own forge username")
    for cycle in _cycles({h: p.manager for h, p in org.people.items() if p.manager != h}):
        cycle = _start_at_touched(cycle, lambda h: org.people[h].source.path, touched)
        p = org.people[cycle[0]]
        problems.add(p.source.path, p.source.at("manager"),
                     "managers form a cycle: " + " → ".join(cycle + [cycle[0]]),
                     "someone in this chain must report to a manager outside it")


def _teams(org, refs, problems, touched):
    for t in org.teams.values():
        if t.parent == t.id:
            problems.add(t.source.path, t.source.at("parent"), "a team cannot be its own parent",
                         "set 'parent' to the team above this one, or remove it")
        else:
            refs.team(t.parent, t.source, "parent")
        refs.person(t.lead, t.source, "lead")
    for cycle in _cycles({i: t.parent for i, t in org.teams.items() if t.parent != i}):
        cycle = _start_at_touched(cycle, lambda i: org.teams[i].source.path, touched)
        t = org.teams[cycle[0]]
        problems.add(t.source.path, t.source.at("parent"),
                     "parent teams form a cycle: " + " → ".join(cycle + [cycle[0]]),
                     "one team in this chain must have a parent outside it, or none")


def _threads(org, refs, problems):
    for thread in org.threads.values():
        refs.person(thread.author, thread.source, "author")
        if thread.accepted and not thread.accepted_reply:
            ids = [r.id for r in thread.replies]
            close = difflib.get_close_matches(thread.accepted, ids, n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "name a file in this thread's replies/ folder, without .md"
            problems.add(thread.source.path, thread.source.at("accepted"),
                         f"'accepted': no reply '{thread.accepted}' in this thread", hint)
        for reply in thread.replies:
            refs.person(reply.author, reply.source, "author")
    for reply in org.orphans:
        problems.add(reply.source.path, 1, f"reply to a thread that does not exist ('{reply.thread}')",
                     "put the reply in the replies/ folder of an existing thread")


def _update_author(org, update, problems):
    """An update's author is its folder name, so a wrong author is a wrong folder."""
    if update.author in org.people or f"profile:{update.author}" in org.broken:
        return
    close = difflib.get_close_matches(update.author, list(org.people), n=1, cutoff=0.75)
    where = f"content/updates/{close[0] if close else '<your-handle>'}/"
    problems.add(update.source.path, 1, f"the folder '{update.author}' is not the handle of a person",
                 f"move the update to {where}")


def _kudos(org, refs, problems):
    for k in getattr(org, "withheld", ()):
        problems.add(k.source.path, k.source.at("to"),
                     f"{org.people[k.to].name} has not opted in to kudos, so these kudos are not shown",
                     "give kudos to their team with 'to_team', or ask them to set 'kudos: true'",
                     severity="notice")
    for k in org.kudos:
        refs.person(k.sender, k.source, "from")
        refs.team(k.to_team, k.source, "to_team")
        if not k.to:
            continue
        if k.to == k.sender:
            problems.add(k.source.path, k.source.at("to"), "kudos to yourself", "give kudos to a colleague")
        elif k.to in org.people and not org.people[k.to].kudos:
            problems.add(k.source.path, k.source.at("to"),
                         f"{org.people[k.to].name} has not opted in to kudos",
                         "give kudos to their team with 'to_team', or ask them to set 'kudos: true'")
        else:
            refs.person(k.to, k.source, "to")


def _cycles(parent_of: dict) -> list[list[str]]:
    """Each cycle once, starting at its smallest member."""
    cycles, state = [], {}
    for start in sorted(parent_of):
        path, node = [], start
        while node in parent_of and node not in state:
            state[node] = start
            path.append(node)
            node = parent_of[node]
        if node in state and state[node] == start and node in path:
            cycle = path[path.index(node):]
            i = cycle.index(min(cycle))
            cycles.append(cycle[i:] + cycle[:i])
    return cycles


def _start_at_touched(cycle: list[str], path_of, touched) -> list[str]:
    """The cycle rotated to start at its first member whose file was touched, if any."""
    for i, key in enumerate(cycle):
        if path_of(key) in touched:
            return cycle[i:] + cycle[:i]
    return cycle
