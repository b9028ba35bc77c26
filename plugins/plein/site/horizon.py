"""Until when a built site stays what the clock makes of its files.

The same files give the same site until a moment at which something is due: a scheduled news
item appears, one expires, an item of the moderators' page leaves its window (or a dated one
enters it), or the day turns (the new colleagues, the insights' day, the pages' date stamp).
`next_change` is the first such moment after the build's `now`: a scheduled run before it,
with the same files and code, would build the same bytes, so it may skip the build
(site/lastbuild.py). Every rule by which the site reads the clock must be listed here;
tests/test_horizon.py builds just before and at the moment and compares."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from ..model.org import moment
from .moderation import RECENT_DAYS


def next_change(org, now: datetime) -> datetime:
    """The first local moment after `now` (naive, as site.now) at which the site may differ."""
    leaves = timedelta(days=RECENT_DAYS, minutes=1)  # moderation.recent keeps it up to the minute
    due = [datetime.combine(now.date() + timedelta(days=1), time())]  # anything by the day
    for news in org.news:
        due.append(news.date)
        if news.expires is not None:
            due.append(news.expires)
    for record in (*org.threads.values(), *org.replies(), *org.updates, *org.kudos):
        when = moment(record.date)
        due += (when, when + leaves)  # enters, and later leaves, the moderators' page
    return min(d for d in map(moment, due) if d > now)
