"""The site's "now": the wall-clock time in the intranet's time zone.

Dates in the files are local wall-clock times without a zone (authors write Amsterdam time),
while CI runners keep UTC. Every decision by date (scheduled and expired news, new colleagues)
compares with the time in the configured zone, so an item due at 09:00 appears at the first
build after 09:00 there, whatever the runner's clock says."""
from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .convert import Bad, parse_datetime

DEFAULT_ZONE = "Europe/Amsterdam"


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise Bad(f"'{name}' is not a known time zone",
                  "write an IANA name such as Europe/Amsterdam or Europe/Brussels") from None


def local_now(zone_name: str = DEFAULT_ZONE, override: str | None = None,
              clock: datetime | None = None) -> datetime:
    """The local time (naive, to the minute) in `zone_name`. `override` fixes it: a local
    'YYYY-MM-DD HH:MM', or an ISO time with an offset ('2026-01-15T08:05+00:00'), which is
    converted to the zone. `clock` is the current instant (aware), for callers that keep one."""
    tz = zone(zone_name)
    if override:
        moment = _instant(override)
        if moment is None:
            return parse_datetime(override)
        clock = moment
    clock = clock or datetime.now(timezone.utc)
    return clock.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)


def _instant(text: str) -> datetime | None:
    """An ISO time with an offset or Z, else None (then it is a local time)."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        return None
    return value if value.tzinfo is not None else None


def offset_stamp(local: datetime, zone_name: str = DEFAULT_ZONE) -> str:
    """RFC 3339 for a local wall-clock time in the zone: '2026-01-15T09:00:00+01:00'."""
    return local.replace(tzinfo=zone(zone_name)).isoformat(timespec="seconds")
