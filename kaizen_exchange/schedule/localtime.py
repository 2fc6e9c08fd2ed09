"""Reading a wall-clock time typed by a teacher, in a zone that may change its clocks.

Twice a year a local time is a problem: in spring an hour does not exist (refused,
saying the nearest real times), in autumn an hour happens twice (the first is taken,
as RFC 5545 does, and we say so; ``fold=1`` picks the second).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from kaizen_exchange.errors import BadInput
from kaizen_exchange.schedule.timeline import ZoneTimeline, to_datetime

_FORMAT = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})\s*$")


@dataclass(frozen=True)
class LocalTime:
    """A resolved local time: the aware datetime, and a note when a choice was made."""

    moment: datetime
    note: str | None = None


def zone_info(key: str) -> ZoneInfo:
    """A zone by IANA name, or a :class:`BadInput` that says how to write one."""
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise BadInput(
            f"'{key}' is neither a school id nor a time zone; use a school id or an IANA "
            "name such as Europe/London or Australia/Sydney."
        ) from exc


def parse_date(text: str, label: str) -> date:
    """A ``YYYY-MM-DD`` date, or a message naming the option to fix."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput(f"{label} '{text}' is not a date; write it as YYYY-MM-DD.") from exc


def parse_local(text: str, zone_key: str, fold: int | None = None) -> LocalTime:
    """``YYYY-MM-DD HH:MM`` on the clock of ``zone_key``; refuses times that never happen."""
    match = _FORMAT.match(text)
    if not match:
        raise BadInput(f"start '{text}' should look like \"2026-12-01 08:15\" (24-hour clock).")
    year, month, day, hour, minute = (int(g) for g in match.groups())
    try:
        naive = datetime(year, month, day, hour, minute)
    except ValueError as exc:
        raise BadInput(f"start '{text}' is not a real date and time ({exc}).") from exc
    zone = zone_info(zone_key)
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if not exists(first):
        raise BadInput(_gap_message(naive, zone_key))
    if first.utcoffset() == second.utcoffset():
        return LocalTime(first)
    chosen = second if fold == 1 else first
    if fold is not None:
        return LocalTime(chosen)
    note = (
        f"{naive:%Y-%m-%d %H:%M} happens twice in {zone_key} (the clocks go back); took the "
        f"first, at UTC{_offset(first)} ({first.astimezone(UTC):%H:%M} UTC). "
        "Pass --fold 1 for the second."
    )
    return LocalTime(chosen, note)


def exists(moment: datetime) -> bool:
    """Whether an aware local time is a reading the zone's clocks really show."""
    back = moment.astimezone(UTC).astimezone(moment.tzinfo)
    return back.replace(tzinfo=None) == moment.replace(tzinfo=None)


def _gap_message(naive: datetime, zone_key: str) -> str:
    """Name the missing stretch of clock time, so the teacher can pick a real time."""
    guess = int(naive.replace(tzinfo=UTC).timestamp())
    timeline = ZoneTimeline(zone_key, naive.year, naive.year)
    for instant, before, after in timeline.transitions(guess - 86400, guess + 86400):
        if after > before:
            gap_from = to_datetime(instant + before).replace(tzinfo=None)
            gap_to = to_datetime(instant + after).replace(tzinfo=None)
            return (
                f"{naive:%Y-%m-%d %H:%M} does not exist in {zone_key}: the clocks go forward "
                f"from {gap_from:%H:%M} to {gap_to:%H:%M} that night. Choose a time before "
                f"{gap_from:%H:%M} or from {gap_to:%H:%M} on."
            )
    return f"{naive:%Y-%m-%d %H:%M} does not exist in {zone_key}; choose another time."


def _offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    return format_offset(offset)


def format_offset(offset: timedelta) -> str:
    """``+11:00``, ``-03:30``, ``+00:00``: the form ISO 8601 and the JSON output use."""
    total = int(offset.total_seconds() // 60)
    sign = "+" if total >= 0 else "-"
    hours, minutes = divmod(abs(total), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


__all__ = ["LocalTime", "exists", "format_offset", "parse_date", "parse_local", "zone_info"]
