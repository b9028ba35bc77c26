"""plein ask: ask a question (or start a discussion); opens a merge request."""
from __future__ import annotations

import shlex

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..model import fields
from ..model.org import slugify


@click.command("ask")
@click.option("--title", help="The question, in one line.")
@click.option("--body", "-m", help="More detail (Markdown); '-' reads it from standard input.")
@click.option("--tags", multiple=True, help="Topics, comma separated; they link to expertise pages.")
@click.option("--kind", type=click.Choice(fields.THREAD_KINDS), default="question", show_default=True)
@options.shared
def ask(title, body, tags, kind, **shared):
    """Ask your colleagues a question."""
    with Contribution(options.collect(**shared), "ask") as c:
        me = c.me()
        title = options.ask(title, "Your question, in one line", "--title").strip()
        tags = options.split_list(tags) or options.split_list(
            [options.ask(None, "Topics (comma separated, may be empty)", "--tags", default="",
                         quiet=c.opts.yes)])
        text = c.text(body, "question", f"ask-{slugify(title)}", fields.MAX_BODY,
                      again=f"plein ask --title {shlex.quote(title)}")
        rel, content = drafts.thread(title, me.handle, c.now, kind, tags, text, c.taken)
        slug = rel.split("/")[2]
        return c.submit(rel, content, title=f"Question: {title}" if kind == "question" else title,
                        slug=slug, description=f"{me.name} asks '{title}'. Made with plein ask.")
