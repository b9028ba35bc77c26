"""Against floods (issue 25): at most `publish_per_hour` of one person's own contributions within
an hour go live at once; above it, a moderator looks first.

Pure, like the rest of the policy: the hour is the hour before the newest record the change adds
(records carry their `date`), and what counts is the person's replies, questions, updates and
kudos on the target branch dated in that hour (hidden ones too: they were published) plus the
ones the change adds. Dates are what the files say: someone who back-dates each contribution
is not stopped here, but every one of them still shows on the moderators' page."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from ..model.org import moment

HOUR = timedelta(hours=1)
KINDS = ("reply", "thread", "update", "kudos")


@dataclass(frozen=True)
class Flood:
    count: int  # contributions within the hour, this change's included
    limit: int


def _writer(record):
    return getattr(record, "sender", None) or getattr(record, "author", None)


def flood(added, parsed, handle: str | None, org, limit: int) -> Flood | None:
    """`added`: the paths the change adds (not moves); `parsed`: path -> Parsed of the change's
    files; `handle`: who made the change, on the target. None when within the limit (or the
    limit is 0: off)."""
    if not handle or limit <= 0:
        return None
    mine = [parsed[p].record for p in added
            if p in parsed and parsed[p].kind in KINDS and parsed[p].record is not None
            and _writer(parsed[p].record) == handle]
    if not mine:
        return None
    end = max(moment(r.date) for r in mine)
    count = len(mine) + within_hour(org, handle, end, exclude=set(added))
    return Flood(count, limit) if count > limit else None


def within_hour(org, handle: str, end, exclude=frozenset()) -> int:
    """How many of `handle`'s contributions on `org` are dated in the hour up to `end`; the
    policy counts them, and the contribution commands use the same count to forecast."""
    start = end - HOUR
    a = org.by(handle)
    before = [*a.threads, *a.replies, *a.updates, *a.kudos_given,
              *(r for r in getattr(org, "hidden", ()) if _writer(r) == handle)]
    return sum(1 for r in before if r.source.path not in exclude and start < moment(r.date) <= end)
