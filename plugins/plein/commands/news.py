"""plein news: write a news item; opens a merge request for the communications team."""
from __future__ import annotations

import shlex

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..model.fields import MAX_BODY
from ..model.org import slugify


@click.command("news")
@click.option("--title", help="The headline.")
@click.option("--body", "-m", help="The article (Markdown); '-' reads standard input.")
@click.option("--summary", help="One or two sentences for listings.")
@click.option("--tags", multiple=True, help="Topics, comma separated.")
@click.option("--expires", metavar="'YYYY-MM-DD HH:MM'", help="When it moves to the archive.")
@click.option("--author", "authors", multiple=True, metavar="HANDLE", help="A co-author (repeatable).")
@options.shared
def news(title, body, summary, tags, expires, authors, **shared):
    """Write a news item. --date in the future schedules it; --expires archives it."""
    with Contribution(options.collect(**shared), "news") as c:
        me = c.me()
        title = options.ask(title, "Headline", "--title").strip()
        text = c.text(body, "article", f"news-{slugify(title)}", MAX_BODY,
                      again=f"plein news --title {shlex.quote(title)}")
        rel, content = drafts.news(title, c.now, [me.handle, *authors], text, c.taken,
                                   expires=options.when_from(expires, "--expires"), tags=options.split_list(tags),
                                   summary=summary or "")
        slug = rel.rsplit("/", 1)[1][11:-3]
        return c.submit(rel, content, title=f"News: {title}", slug=slug,
                        description=f"News by {me.name}: '{title}'. Made with plein news.")
