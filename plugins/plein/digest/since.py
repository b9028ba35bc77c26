"""When each record appeared, from the model and the one pass over Git history.

A record appeared at the later of its own date (a news item scheduled for Monday appears on
Monday) and the first commit of its file (a reply dated Friday but committed on Tuesday
appears on Tuesday). Git dates are the commit's author date (see git.log): a file that was
written on a branch keeps that branch commit's date when it is merged. A record whose own
date lies more than LATE before the period is old content that was only now committed (an
import, a restored file) and is not news to anyone."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..model.org import Org

LATE = timedelta(days=30)


def _moment(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.combine(value, datetime.min.time())


@dataclass(frozen=True)
class New:
    """What appeared in (start, now]: every reader then keeps what appeared after its own date."""

    start: datetime
    now: datetime
    threads: tuple  # (appeared, Thread)
    replies: tuple  # (appeared, Reply)
    news: tuple  # (appeared, News), published and not expired at `now`
    people: tuple  # (appeared, Person), active
    kudos: tuple  # (appeared, Kudos) to a person
    updates: tuple = ()  # (appeared, Update)
    helped: tuple = ()  # (appeared, Helped) on a reply in the model


def appeared(record, own, history) -> datetime:
    when = _moment(own)
    found = history.for_path(record.source.path) if history is not None else None
    return max(when, found.added) if found is not None and found.added else when


def new_since(org: Org, history, start: datetime, now: datetime) -> New:
    """Everything that appeared after `start` and by `now`, oldest first."""

    def pick(pairs):
        out = []
        for record, own in pairs:
            if _moment(own) < start - LATE:
                continue
            when = appeared(record, own, history)
            if start < when <= now:
                out.append((when, record))
        return tuple(sorted(out, key=lambda p: (p[0], p[1].source.path)))

    return New(
        start, now,
        threads=pick((t, t.date) for t in org.threads.values()),
        replies=pick((r, r.date) for r in org.replies()),
        news=pick((n, n.date) for n in org.news if n.published(now) and not n.expired(now)),
        people=pick((p, p.started) for p in org.people.values() if not p.alumnus),
        kudos=pick((k, k.date) for k in org.kudos if k.to),
        updates=pick((u, u.date) for u in org.updates),
        helped=pick((h, h.date) for hs in org.helped.values() for h in hs))
