"""The directory's facets over the static index: team (with its sub-teams), location,
expertise, language and office day of every person, and their order by name, as
search.export writes them and search/browser/engine.js reads them; and the same team tree
for `plein search --team`.

The directory reads meta.json and facets.bin as the header search does (kind, team and
location of every document), the topics' t/<n>.bin, the display chunks m/<n>.json (whose
rows of current staff end in their place in name order), and two files of its own:

    people.z     zlib-compressed: a line of JSON (team ids, parents, the languages and
                 days that occur, how many people declare each topic, the alumni), then
                 per person, in document order, a varint mask of office days (bit i:
                 days[i]) and languages (bit len(days) + j: languages[j]). Compressed:
                 the browser fetches it whole, and masks repeat (DecompressionStream).
    order.bin    varints: the numbers of the person documents of current staff in name
                 order (the directory's order, that of the model). Only fetched for a
                 list whose display rows span more chunks than a page shows: a smaller
                 one is sorted by the place in its rows.

Person documents come first in the index order (search.documents.KINDS), so they are
the numbers 0 to people - 1."""
from __future__ import annotations

import json
import zlib
from collections import Counter

from ..model.org import slugify


def subtree(subteams, team_id: str) -> list:
    """A team and all teams below it (stops on a cycle)."""
    out, todo = [], [team_id]
    while todo:
        tid = todo.pop()
        if tid not in out:
            out.append(tid)
            todo.extend(subteams.get(tid, ()))
    return out


def header(people: list, teams: list, names: list, team_parents: dict, topics: list, weekdays) -> dict:
    """Team ids (None where the id is the slug of the name, which the browser makes itself)
    and parents, the languages and days that occur, how many people declare each topic."""
    team_ix = {t: i for i, t in enumerate(teams)}
    languages = Counter(code for d in people for code in d["languages"])
    days = {day for d in people for day in d["days"]}
    per_topic = Counter(t for d in people for t in d["topics"])
    return {
        "people": len(people), "active": sum(1 for d in people if not d["alumnus"]),
        "team_ids": [None if t == slugify(n) else t for t, n in zip(teams, names)],
        "team_parents": [team_ix.get(team_parents.get(t), -1) for t in teams],
        "languages": sorted(languages, key=lambda c: (-languages[c], c)),
        "days": [d for d in weekdays if d in days],
        "topic_people": [per_topic.get(t, 0) for t in topics],
        "alumni": [o for o, d in enumerate(people) if d["alumnus"]],
    }


def name_order(people: list) -> list:
    """The numbers of current staff in name order."""
    active = (o for o, d in enumerate(people) if not d["alumnus"])
    return sorted(active, key=lambda o: (people[o]["title"].casefold(), people[o]["id"]))


def masks(people: list, head: dict) -> list:
    day_bit = {d: 1 << i for i, d in enumerate(head["days"])}
    lang_bit = {c: 1 << (len(day_bit) + i) for i, c in enumerate(head["languages"])}
    return [sum(day_bit[d] for d in set(p["days"])) + sum(lang_bit[c] for c in set(p["languages"]))
            for p in people]


def people_file(head: dict, varints: bytes) -> bytes:
    line = json.dumps(head, ensure_ascii=False, separators=(",", ":")).encode()
    return zlib.compress(line + b"\n" + varints, 9)
