"""The occurrences of a session: one, or one a week on the anchor zone's wall clock.

A weekly series keeps the local time of the zone it was booked in, exactly as an
RRULE with a TZID'd DTSTART does in Outlook or Google Calendar, so the partner's
time moves when either side changes its clocks. A later occurrence whose local time
falls in a spring-forward gap is read with the offset before the gap (RFC 5545
§3.3.5), which is what ``fold=0`` does in zoneinfo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Occurrence:
    """One meeting: UTC start and end, and whether the series leaves it out."""

    start: datetime
    end: datetime
    skipped: bool = False


def weekly_starts(first: datetime, zone: str, until: date | None) -> list[datetime]:
    """UTC starts of a series beginning at ``first`` (aware), weekly up to local ``until``."""
    tz = ZoneInfo(zone)
    local = first.astimezone(tz)
    starts = [first.astimezone(UTC)]
    if until is None:
        return starts
    wall = local.replace(tzinfo=None)
    week = 1
    while (wall + timedelta(weeks=week)).date() <= until:
        moment = (wall + timedelta(weeks=week)).replace(tzinfo=tz, fold=0)
        starts.append(moment.astimezone(UTC))
        week += 1
    return starts


def occurrences(
    first: datetime, zone: str, minutes: int, until: date | None, skipped: set[datetime]
) -> list[Occurrence]:
    """Every occurrence of a session, skipped ones flagged rather than dropped."""
    length = timedelta(minutes=minutes)
    return [
        Occurrence(start, start + length, start in skipped)
        for start in weekly_starts(first, zone, until)
    ]


__all__ = ["Occurrence", "occurrences", "weekly_starts"]
