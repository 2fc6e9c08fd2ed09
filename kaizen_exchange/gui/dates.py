"""Dates and times as the teacher's computer writes them (en-GB, en-AU, 12- or 24-hour).

The store keeps UTC instants; every label here is derived from them with the
system locale (``QLocale.system()`` reads the Windows regional settings), so a
teacher in Perth sees "Thu 14 May 2026, 3:42 pm" if that is how their PC writes
times, and one in Leeds "Thu 14 May 2026, 15:42".
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimeZone


def locale() -> QLocale:
    return QLocale()


def day_first(loc: QLocale) -> bool:
    """en-GB and en-AU write the day first ("dd/MM/yyyy"); en-US the month."""
    return loc.dateFormat(QLocale.FormatType.ShortFormat).lower().startswith("d")


def _date_pattern(loc: QLocale, weekday: bool = True, year: bool = True) -> str:
    parts = "d MMM" if day_first(loc) else "MMM d"
    if weekday:
        parts = "ddd " + parts
    if year:
        parts += " yyyy" if day_first(loc) else ", yyyy"
    return parts


def _time_pattern(loc: QLocale) -> str:
    """The locale's short time format: "HH:mm" or "h:mm ap" as the system says."""
    return loc.timeFormat(QLocale.FormatType.ShortFormat)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def format_date(day: date, *, weekday: bool = True, year: bool = True) -> str:
    loc = locale()
    return loc.toString(_qdate(day), _date_pattern(loc, weekday, year))


def short_weekday(day: date) -> str:
    return locale().dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)


def format_time(moment: datetime) -> str:
    loc = locale()
    return loc.toString(QTime(moment.hour, moment.minute), _time_pattern(loc))


def to_local(moment: datetime, zone: str | None = None) -> datetime:
    """A stored instant on a wall clock: ``zone``'s, or this computer's."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(ZoneInfo(zone)) if zone else aware.astimezone()


def format_datetime(
    moment: datetime, zone: str | None = None, *, weekday: bool = True, year: bool = True
) -> str:
    local = to_local(moment, zone)
    return f"{format_date(local.date(), weekday=weekday, year=year)}, {format_time(local)}"


def post_date(moment: datetime, now: datetime | None = None) -> str:
    """A post's date for the list: the year only when it is not this year."""
    local = to_local(moment)
    today = to_local(now or datetime.now(UTC)).date()
    return format_date(local.date(), year=local.year != today.year)


def relative_countdown(start: datetime, now: datetime | None = None) -> str:
    """ "in 2 days 3 h", "in 25 min", "now", for a session start."""
    delta = start - (now or datetime.now(UTC))
    if delta <= timedelta(0):
        return "now"
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"in {days} day{'s' if days != 1 else ''} {hours} h"
    if hours:
        return f"in {hours} h {mins} min"
    return f"in {max(mins, 1)} min"


def qdatetime(moment: datetime) -> QDateTime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return QDateTime.fromSecsSinceEpoch(int(aware.timestamp()), QTimeZone.utc())


__all__ = [
    "day_first",
    "format_date",
    "format_datetime",
    "format_time",
    "post_date",
    "qdatetime",
    "relative_countdown",
    "short_weekday",
    "to_local",
]
