"""The time zone people read dates in (REVIEW_TZ, default Asia/Shanghai); storage is always UTC."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TZ = "Asia/Shanghai"


def local_tz() -> dt.tzinfo:
    """REVIEW_TZ as a tzinfo (UTC+8 when the zone database lacks it)."""
    name = os.environ.get("REVIEW_TZ") or DEFAULT_TZ
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.timezone(dt.timedelta(hours=8), "UTC+8")


def local_today() -> dt.date:
    """Today's date where the reviewers are (not the server's zone)."""
    return dt.datetime.now(local_tz()).date()


def day_bounds(start: dt.date | None, end: dt.date | None) -> tuple[dt.datetime | None, dt.datetime | None]:
    """UTC instants [from, to) covering local days start..end inclusive (None stays open)."""
    tz = local_tz()
    lo = dt.datetime.combine(start, dt.time(), tz).astimezone(dt.UTC) if start else None
    hi = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(), tz).astimezone(dt.UTC) if end else None
    return lo, hi
