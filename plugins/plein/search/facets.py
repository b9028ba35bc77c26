"""The directory's facets over the static index: team (with its sub-teams), location,
expertise, language and office day of every person, as search.export writes them and
search/browser/engine.js reads them; and the same team tree for `plein search --team`.

    people.bin   varints: the numbers of the person documents of current staff (not
                 alumni: meta.active of them) in name order (the directory's order, that
                 of the model), then per person, in document order, a mask of
                 office days (bit i: meta.days[i]) and languages (bit len(days) + j:
                 meta.languages[j]).

Person documents come first in the index order (search.documents.KINDS), so they are
the numbers 0 to meta.people - 1."""
from __future__ import annotations

from collections import Counter


def subtree(subteams, team_id: str) -> list:
    """A team and all teams below it (stops on a cycle)."""
    out, todo = [], [team_id]
    while todo:
        tid = todo.pop()
        if tid not in out:
            out.append(tid)
            todo.extend(subteams.get(tid, ()))
    return out


def directory_meta(people: list, teams: list, team_parents: dict, topics: list, weekdays) -> dict:
    """What meta.json adds for the directory: team ids and parents, the languages and days
    that occur, and how many people declare each topic."""
    team_ix = {t: i for i, t in enumerate(teams)}
    languages = Counter(code for d in people for code in d.get("languages", ()))
    days = {day for d in people for day in d.get("days", ())}
    per_topic = Counter(t for d in people for t in d["topics"])
    return {
        "people": len(people), "active": sum(1 for d in people if not d["alumnus"]), "team_ids": teams,
        "team_parents": [team_ix.get(team_parents.get(t), -1) for t in teams],
        "languages": sorted(languages, key=lambda c: (-languages[c], c)),
        "days": [d for d in weekdays if d in days],
        "topic_people": [per_topic.get(t, 0) for t in topics],
    }


def people_file(people: list, meta: dict) -> list:
    """The numbers of people.bin (see above), to be written as varints."""
    active = (o for o, d in enumerate(people) if not d["alumnus"])
    order = sorted(active, key=lambda o: (people[o]["title"].casefold(), people[o]["id"]))
    day_bit = {d: 1 << i for i, d in enumerate(meta["days"])}
    lang_bit = {c: 1 << (len(day_bit) + i) for i, c in enumerate(meta["languages"])}
    masks = [sum(day_bit[d] for d in set(p.get("days", ()))) + sum(lang_bit[c] for c in set(p.get("languages", ())))
             for p in people]
    return order + masks
