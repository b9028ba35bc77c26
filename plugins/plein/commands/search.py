"""plein search QUERY: the site's search on the command line, same index, same ranking."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import FatalError
from ..git.repo import find_root
from ..model.fields import LANGUAGES, WEEKDAYS
from ..search.documents import KINDS
from ..search.facets import subtree
from ..search.store import for_cli

LABELS = {"person": "People", "team": "Teams", "news": "News", "thread": "Discussions", "update": "Updates"}


def team_ids(org, wanted) -> list:
    """Team ids for --team values, which may be ids or names (any case), with their
    sub-teams, as the directory's team filter."""
    ids = []
    for value in wanted:
        key = value.casefold().strip()
        match = [t.id for t in org.teams.values() if key in (t.id.casefold(), t.name.casefold())]
        if not match:
            raise FatalError(f"--team '{value}': no such team; give a team id or name, "
                             "e.g. one of: " + ", ".join(list(org.teams)[:5]))
        ids += [s for tid in match for s in subtree(org.subteams, tid)]
    return list(dict.fromkeys(ids))


def facet_values(org, location, topic) -> dict:
    """--location as written in the profiles (any case), --topic as a topic key."""
    out = {}
    if location:
        places = {p.location.casefold(): p.location for p in org.people.values() if p.location}
        if location.casefold().strip() not in places:
            raise FatalError(f"--location '{location}': nobody works there; give one of: "
                             + ", ".join(sorted(set(places.values()))[:8]))
        out["location"] = places[location.casefold().strip()]
    if topic:
        out["topic"] = org.topic_key(topic)
    return out


def absolute(store, url: str) -> str:
    site = getattr(store, "site_url", "") or ""
    return (site.rstrip("/") + "/" + url) if site else url


@click.command("search")
@click.argument("query", nargs=-1)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this kind (repeatable).")
@click.option("--team", "teams", multiple=True, help="Only from this team: its id or name (repeatable).")
@click.option("--location", help="Only people who work here.")
@click.option("--topic", "--expertise", "topic", help="Only what has this topic (expertise or tag).")
@click.option("--language", type=click.Choice(LANGUAGES), help="Only people who speak it (a code).")
@click.option("--day", type=click.Choice(WEEKDAYS), help="Only people in the office that day.")
@click.option("-n", "limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many results.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def search(query, kinds, teams, location, topic, language, day, limit, as_json, root):
    """Search people, teams, news, discussions and updates. Without a QUERY: everything
    that passes the filters, by name (like the directory: --kind person --team ... --day tue)."""
    root = Path(root).resolve() if root else find_root()
    store = for_cli(root)
    text = " ".join(query)
    filters = {"kind": list(kinds) or None, "team": team_ids(store.org, teams) or None,
               **facet_values(store.org, location, topic), "language": language, "day": day}
    asked = text if text.strip() or any(filters.values()) else "."  # nothing asked: a query without words
    first = None
    if text.strip():  # who knows about a topic first, in who-knows' order, as the browser does
        from ..search.whoknows import standing_first
        first = standing_first(store.org, store.engine(), text)
    results = store.engine().search(asked, limit=limit, first=first, **filters)
    if as_json:
        click.echo(json.dumps({
            "query": text, "words": results.words, "total": results.total,
            "hits": [{**h.data, "url": absolute(store, h.url), "matched": h.matched, "score": h.score}
                     for h in results.hits]}, ensure_ascii=False, indent=2))
        return 0
    if text.strip() and not any(len(w) > 1 for w in results.words):
        click.echo("Type at least two letters to search (punctuation is ignored), "
                   "or give only filters, such as --kind person --team ID.")
        return 0
    what = f"'{text}'" if text.strip() else "these filters"
    if not results.hits:
        click.echo(f"Nothing found for {what}.")
        return 0
    click.echo(f"{results.total} result{'s' if results.total != 1 else ''} for {what}"
               + (f" (showing {len(results.hits)})" if results.total > len(results.hits) else "") + ":")
    groups: dict = {}
    for rank, h in enumerate(results.hits, 1):  # kinds in the order of their best result
        groups.setdefault(h.kind, []).append((rank, h))
    for kind, hits in groups.items():
        click.echo(f"\n{LABELS[kind]}")
        for rank, h in hits:
            click.echo(f"  {rank:>2}. {h.title}" + ("  (alumnus)" if h.alumnus else ""))
            click.echo(f"      {h.extra}")
            click.echo(f"      {absolute(store, h.url)}")
    return 0
