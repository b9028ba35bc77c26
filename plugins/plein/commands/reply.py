"""plein reply THREAD: reply to a discussion; opens a merge request."""
from __future__ import annotations

import difflib

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..errors import FatalError


@click.command("reply")
@click.argument("thread", required=False)
@click.option("--body", "-m", help="Your reply (Markdown); '-' reads it from standard input.")
@options.shared
def reply(thread, body, **shared):
    """Reply to the discussion THREAD (the folder name in content/discussions/)."""
    with Contribution(options.collect(**shared), "reply") as c:
        me = c.me()
        thread = options.ask(thread, "Thread (folder name in content/discussions/)", "THREAD")
        if thread not in c.org.threads:
            close = difflib.get_close_matches(thread, list(c.org.threads), n=1, cutoff=0.6)
            hint = f"did you mean '{close[0]}'?" if close else "give the folder name of an existing thread"
            raise FatalError(f"there is no thread '{thread}' on {c.default}; {hint}")
        topic = c.org.threads[thread]
        click.echo(f"Replying to '{topic.title}' as {me.name}.")
        rel, text = drafts.reply(thread, me.handle, c.now, options.ask_text(body, "reply"))
        return c.submit(rel, text, title=f"Reply to '{topic.title}'", slug=thread,
                        description=f"{me.name} replies to '{topic.title}'. Made with plein reply.")
