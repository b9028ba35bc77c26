"""plein update: post a short status update; opens a merge request."""
from __future__ import annotations

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..model import fields


@click.command("update")
@click.option("--body", "-m", help=f"Your update (at most {fields.MAX_UPDATE} characters); '-' reads standard input.")
@click.option("--tags", multiple=True, help="Topics, comma separated (optional).")
@options.shared
def update(body, tags, **shared):
    """Post a status update: what you are working on, in a few sentences."""
    with Contribution(options.collect(**shared), "update") as c:
        me = c.me()
        text = c.text(body, "status update", "update", fields.MAX_UPDATE)
        rel, content = drafts.update(me.handle, c.now, options.split_list(tags), text, c.taken)
        return c.submit(rel, content, title=f"Status update by {me.name}", slug=me.handle,
                        description=f"{me.name} posts a status update. Made with plein update.")
