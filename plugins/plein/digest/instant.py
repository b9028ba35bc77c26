"""Instant e-mail (`plein notify`): the asker hears of a reply, and a colleague of being named
with `@handle`, within minutes of the build that published it, not in the next digest.

Which items are new is decided without a marker that could get lost: every reply, question
and status update whose file landed on this branch within WINDOW before now (the commit on
the branch's first-parent line that added it: a merge's own time, so a reply that waited a
week in review still counts when it is merged). Each (item, recipient) is one job in the send
log, so a rebuild, a retried job or the next pipeline sends no second mail; the window only
bounds the work and keeps a lost log from mailing about old items. The model holds no
hidden item (model.org leaves them out), so nothing hidden is ever mailed; a person with
`notify: off` gets nothing, `notify: digest` waits for the digest, which lists the reply."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

from ..model.org import Person, Reply, Thread, Update
from ..site.mentions import mentioned
from .run import Job, Run

WINDOW = timedelta(days=3)  # long enough for a pipeline that failed over a weekend
REPLY, MENTION = "reply", "mention"


@dataclass(frozen=True)
class Notice:
    """One e-mail: `person` hears of `record` (a reply, question or update) for `why`."""

    person: Person
    why: str  # REPLY: a reply to your thread; MENTION: you are named in it
    record: object
    thread: Thread | None  # of a reply or question

    @property
    def key(self) -> str:
        return f"notify/{self.record.source.path}"


def _visible(record) -> bool:
    return not getattr(record, "hidden", False)  # the model leaves hidden items out; belt and braces


def landed(root: Path, now: datetime, zone: str, window: timedelta = WINDOW) -> dict[str, datetime] | None:
    """content/ path -> when a commit on this branch's first-parent line added it, in the site's
    time zone, for the commits of the window; None when Git cannot tell (no git, no history)."""
    since = (now - window - timedelta(days=1)).replace(tzinfo=ZoneInfo(zone))  # a day's slack for clocks
    try:
        done = subprocess.run(["git", "log", "--first-parent", "--diff-filter=A", "--name-only", "--relative",
                               "-z", "--format=%x01%ct", f"--since={since.isoformat()}", "HEAD", "--", "content"],
                              cwd=root, capture_output=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    out, when = {}, None
    for token in done.stdout.split(b"\0"):
        token = token.lstrip(b"\n")
        if token.startswith(b"\x01"):
            stamp = datetime.fromtimestamp(int(token[1:]), timezone.utc)
            when = stamp.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
        elif token and when is not None:
            out.setdefault(token.decode("utf-8", "surrogateescape"), when)  # newest first: the last add
    return out


def new_items(org, landed_at: dict[str, datetime], now: datetime, window: timedelta = WINDOW):
    """(landed, record, thread) of every reply, question and update that landed in the window."""
    start, out = now - window, []
    items = [(t, t) for t in org.threads.values()]
    items += [(r, org.threads.get(r.thread)) for r in org.replies()]
    items += [(u, None) for u in org.updates]
    for record, thread in items:
        when = landed_at.get(record.source.path)
        # no upper bound: the merge's clock (the forge's) may run ahead of the runner's
        if when is None or when <= start:
            continue
        if _visible(record) and (thread is None or _visible(thread)):
            out.append((when, record, thread))
    return sorted(out, key=lambda item: (item[0], item[1].source.path))


def notices(run: Run, landed_at: dict, now: datetime, window: timedelta = WINDOW) -> list[Notice]:
    """Who hears of what, each person once per item: the thread's author of a reply, and
    everyone a reply, question or update names. Never the item's own author."""
    org, out = run.org, []
    for _, record, thread in new_items(org, landed_at, now, window):
        wanted: dict[str, str] = {}
        if isinstance(record, Reply) and thread is not None:
            wanted[thread.author] = REPLY
        for handle in mentioned(record.body, org.people):
            wanted.setdefault(handle, MENTION)
        for handle, why in wanted.items():
            person = org.people.get(handle)
            if person is None or handle == record.author or not instant(run, person):
                continue
            out.append(Notice(person, why, record, thread))
    return out


def instant(run: Run, person: Person) -> bool:
    """Fail closed: a current colleague whose `notify` reads exactly 'instant' without a
    problem on that line (a value the loader refused would read as the default)."""
    return not person.alumnus and person.notify == "instant" and person.handle not in run.unsure_notify


def jobs(run: Run, found: list[Notice]) -> list[Job]:
    return [Job(n.key, n.person.handle, f"notify-{n.person.handle}-{_name(n.record)}",
                lambda n=n: run.mailer.notice(n)) for n in found]


def _name(record) -> str:
    """A file name for a dry run's .eml: the item's id without slashes."""
    if isinstance(record, Update):
        return record.id.replace("/", "-")
    if isinstance(record, Reply):
        return f"{record.thread}-{record.id}"
    return record.id
