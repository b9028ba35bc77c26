"""plein who-knows TOPIC: people ranked by declared expertise and by what they wrote."""
from __future__ import annotations

import json
import shlex
from pathlib import Path

import click

from ..git.repo import find_root
from ..search.store import for_cli
from ..search.whoknows import rank
from .search import absolute

WHAT = {"accepted": "accepted answer", "reply": "replied", "news": "wrote news"}


def _line(store, e) -> list:
    why = []
    if e.declared:
        why.append("expertise: " + ", ".join(e.declared))
    if e.ask_me:
        why.append("ask me about: " + ", ".join(e.ask_me))
    if e.in_team:
        why.append("in the team " + e.in_team)
    counts = {}
    for ev in e.evidence:
        counts[ev.what] = counts.get(ev.what, 0) + 1
    why += [f"{n} × {WHAT[w]}" for w, n in counts.items()]
    return [f"{e.name} — {e.role}, {e.team}", "; ".join(why), absolute(store, e.url)]


@click.command("who-knows")
@click.argument("topic", nargs=-1, required=True)
@click.option("-n", "limit", type=click.IntRange(1, 1000), default=10, show_default=True, help="How many people.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--root", type=click.Path(file_okay=False, exists=True), help="The repository (default: found from here).")
def who_knows(topic, limit, as_json, root):
    """Who knows about TOPIC: declared expertise plus answers, replies and news on it."""
    root = Path(root).resolve() if root else find_root()
    store = for_cli(root)
    text = " ".join(topic).strip()
    active, alumni = rank(store.org, store.engine(), text) if text else ([], [])
    if as_json:
        click.echo(json.dumps({"topic": text, "people": [e.as_json() for e in active[:limit]],
                               "alumni": [e.as_json() for e in alumni[:limit]]}, ensure_ascii=False, indent=2))
        return 0
    if not active and not alumni:
        click.echo(f"Nobody is known to know about '{text}'. Try a broader word, or `plein search {text}`.")
        return 0
    click.echo(f"Who knows about '{text}':" if active else f"Nobody here now knows about '{text}'.")
    for i, e in enumerate(active[:limit], 1):
        name, why, url = _line(store, e)
        click.echo(f"  {i:>2}. {name}\n      {why}\n      {url}")
    more = len(active) - limit
    if more > 0:
        click.echo(f"\n{more} more {'person knows' if more == 1 else 'people know'} about it: "
                   f"`plein who-knows -n {len(active)} {shlex.quote(text)}` shows them all.")
    if alumni:
        click.echo("\nKnew about this (alumni):")
        for e in alumni[:limit]:
            name, why, url = _line(store, e)
            click.echo(f"   - {name} (left {e.left})\n      {why}\n      {url}")
            for ev in e.evidence[:5]:
                click.echo(f"        {WHAT[ev.what]}: {ev.title} — {absolute(store, ev.url)}")
    return 0
