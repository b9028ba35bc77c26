"""plein reply THREAD: reply to a discussion; opens a merge request."""
from __future__ import annotations

import difflib
from urllib.parse import unquote, urlsplit

import click

from ..contrib import drafts, options
from ..contrib.flow import Contribution
from ..errors import FatalError
from ..model.fields import MAX_BODY
from ..model.names import check_handle


@click.command("reply")
@click.argument("thread", required=False)
@click.option("--body", "-m", help="Your reply (Markdown); '-' reads it from standard input.")
@options.shared
def reply(thread, body, **shared):
    """Reply to the discussion THREAD: its page address, or its folder name in content/discussions/."""
    with Contribution(options.collect(**shared), "reply") as c:
        me = c.me()
        given = options.ask(thread, "Thread (its page address, or its folder name)", "THREAD")
        thread = check_handle(thread_of(given, c.org.threads), "thread id", "THREAD")
        if thread not in c.org.threads:
            close = difflib.get_close_matches(thread, list(c.org.threads), n=1, cutoff=0.6)
            hint = (f"did you mean '{close[0]}'?" if close else
                    "paste the address of the discussion's page, or give its folder name")
            raise FatalError(f"there is no thread '{thread}' on {c.default}; {hint}")
        topic = c.org.threads[thread]
        click.echo(f"Replying to '{topic.title}' as {me.name}.")
        text = c.text(body, "reply", f"reply-{thread}", MAX_BODY, again=f"plein reply {thread}")
        rel, content = drafts.reply(thread, me.handle, c.now, text, c.taken)
        return c.submit(rel, content, title=f"Reply to '{topic.title}'", slug=thread,
                        description=f"{me.name} replies to '{topic.title}'. Made with plein reply.")


def thread_of(given: str, threads) -> str:
    """The thread's folder name in what a person has in hand: the folder name itself, the page
    address (https://intranet/discussions/<thread>/#reply), or the path of its index.md."""
    path = unquote(urlsplit(given.strip()).path)
    parts = [p for p in path.split("/") if p and p not in ("index.md", "index.html")]
    if "replies" in parts:
        parts = parts[:parts.index("replies")]
    for part in reversed(parts):
        if part in threads:
            return part
    return parts[-1] if parts else given.strip()
