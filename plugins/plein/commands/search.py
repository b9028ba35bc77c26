"""plein search QUERY: the site's search on the command line, same index, same ranking."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import FatalError
from ..git.repo import find_root
from ..search.documents import KINDS
from ..search.store import for_cli

LABELS = {"person": "People", "team": "Teams", "news": "News", "thread": "Discussions", "update": "Updates"}


def team_ids(org, wanted) -> list:
    """Team ids for --team values, which may be ids or names (any case)."""
    ids = []
    for value in wanted:
        key = value.casefold().strip()
        match = [t.id for t in org.teams.values() if key in (t.id.casefold(), t.name.casefold())]
        if not match:
            raise FatalError(f"--team '{value}': no such team; give a team id or name, "
                             "e.g. one of: " + ", ".join(list(org.teams)[:5]))
        ids += match
    return ids


def absolute(store, url: str) -> str:
    site = getattr(store, "site_url", "") or ""
    return (site.rstrip("/") + "/" + url) if site else url


@click.command("search")
@click.argument("query", nargs=-1, required=True)
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only this kind (repeatable).")
@click.option("--team", "teams", multiple=True, help="Only from this team: its id or name (repeatable).")
@click.option("-n", "limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many results.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def search(query, kinds, teams, limit, as_json, root):
    """Search people, teams, news, discussions and updates."""
    root = Path(root).resolve() if root else find_root()
    store = for_cli(root)
    text = " ".join(query)
    results = store.engine().search(text, kind=list(kinds) or None, team=team_ids(store.org, teams) or None,
                                    limit=limit)
    if as_json:
        click.echo(json.dumps({
            "query": text, "words": results.words, "total": results.total,
            "hits": [{**h.data, "url": absolute(store, h.url), "matched": h.matched, "score": h.score}
                     for h in results.hits]}, ensure_ascii=False, indent=2))
        return 0
    if not any(len(w) > 1 for w in results.words):
        click.echo("Type at least two letters to search (punctuation is ignored).")
        return 0
    if not results.hits:
        click.echo(f"Nothing found for '{text}'.")
        return 0
    click.echo(f"{results.total} result{'s' if results.total != 1 else ''} for '{text}'"
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
