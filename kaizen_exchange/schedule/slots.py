"""The slot finder: every maximal common window in which all the named schools can meet.

Each school contributes the exact UTC instants of its call window on each of its own
school days (its own local dates, so a UK Monday morning meets an Australian Monday
evening), minus its booked sessions. The common windows are the intersection of
those interval lists; nothing is sampled, so a window that opens at 07:45 in London
and closes when Sydney's window closes at 19:00 is found to the second.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from kaizen_exchange.errors import BadInput
from kaizen_exchange.schedule.calendars import SchoolCalendar
from kaizen_exchange.schedule.checks import day_label, iso_utc
from kaizen_exchange.schedule.clock import next_start
from kaizen_exchange.schedule.intervals import Interval, clip, intersect_all, normalize, subtract
from kaizen_exchange.schedule.localtime import format_offset
from kaizen_exchange.schedule.timeline import ZoneTimeline, local_seconds, to_datetime, to_epoch

MAX_RANGE_DAYS = 731  # two years


@dataclass(frozen=True)
class Slot:
    """A common window, with each school's local view of it."""

    start: datetime  # aware UTC
    end: datetime
    local: dict[str, tuple[datetime, datetime]]

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def weekday_differs(self) -> bool:
        """True when the schools are not all on the same weekday (Sunday evening vs Monday)."""
        return len({start.weekday() for start, _ in self.local.values()}) > 1

    def to_json(self) -> dict[str, object]:
        return {
            "start": iso_utc(self.start),
            "end": iso_utc(self.end),
            "minutes": self.minutes,
            "local": {
                school: {
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "date": start.date().isoformat(),
                    "utc_offset": format_offset(start.utcoffset() or timedelta(0)),
                }
                for school, (start, end) in self.local.items()
            },
            "weekday_differs": self.weekday_differs,
        }


@dataclass
class Availability:
    """One school's free instants over the search range, and the span searched."""

    calendar: SchoolCalendar
    timeline: ZoneTimeline
    free: list[Interval]
    school_days: int


@dataclass
class SlotSearch:
    """The answer: the slots, and what the teacher should know about how they were found."""

    slots: list[Slot]
    start: int  # the UTC range searched, epoch seconds
    end: int
    availability: list[Availability]
    minutes: int
    warnings: list[str] = field(default_factory=list)


def check_range(first: date, last: date) -> None:
    """Refuse ranges a teacher cannot have meant."""
    if last < first:
        raise BadInput(f"The end date {last} is before the start date {first}; swap them.")
    if (last - first).days > MAX_RANGE_DAYS:
        raise BadInput(
            f"{first} to {last} is more than two years; search fewer dates "
            "(term dates and holidays are rarely known further ahead)."
        )


def utc_range(calendar: SchoolCalendar, first: date, last: date) -> tuple[int, int, ZoneTimeline]:
    """Local midnight of ``first`` to local midnight after ``last``, on the school's clock."""
    timeline = ZoneTimeline.covering(calendar.zone, first, last)
    span = timeline.local_span(local_seconds(first), local_seconds(last + timedelta(days=1)))
    return span[0][0], span[-1][1], timeline


def availability(
    calendar: SchoolCalendar, start: int, end: int, busy: Sequence[Interval] = ()
) -> Availability:
    """A school's call-window instants in ``[start, end)`` on its school days, minus ``busy``."""
    timeline = ZoneTimeline(calendar.zone, to_datetime(start).year - 1, to_datetime(end).year + 1)
    first, last = timeline.local_date(start), timeline.local_date(end - 1)
    days = calendar.school_days(first, last)
    windows = calendar.windows_on(days, timeline)
    free = subtract(clip(windows, start, end), normalize(busy))
    return Availability(calendar, timeline, free, len(days))


def find_slots(
    calendars: Sequence[SchoolCalendar],
    first: date,
    last: date,
    minutes: int = 30,
    busy: Mapping[str, Sequence[Interval]] | None = None,
    not_before: datetime | None = None,
) -> SlotSearch:
    """Every maximal common window of at least ``minutes``, dates in the first school's calendar.

    With ``not_before`` (now, for a teacher planning a real call) nothing earlier is
    offered: a window already under way starts at the next round five minutes.
    """
    if not calendars:
        raise BadInput("name at least one school with --school.")
    if minutes < 1 or minutes > 24 * 60:
        raise BadInput(f"--minutes {minutes} should be between 1 and 1440.")
    check_range(first, last)
    start, end, _ = utc_range(calendars[0], first, last)
    if not_before is not None:
        start = max(start, to_epoch(next_start(not_before)))
        if start >= end:
            raise BadInput(
                f"{day_label(first)} to {day_label(last)} has already passed; search from today on."
            )
    busy = busy or {}
    found = [availability(c, start, end, busy.get(c.school_id, ())) for c in calendars]
    common = intersect_all([a.free for a in found])
    slots = [_slot(a, b, calendars) for a, b in common if b - a >= minutes * 60]
    warnings = [w for c in calendars for w in c.coverage_warnings(first, last)]
    return SlotSearch(slots, start, end, found, minutes, warnings)


def _slot(start: int, end: int, calendars: Sequence[SchoolCalendar]) -> Slot:
    begin, finish = to_datetime(start), to_datetime(end)
    local = {}
    for calendar in calendars:
        zone = ZoneInfo(calendar.zone)
        local[calendar.school_id] = (begin.astimezone(zone), finish.astimezone(zone))
    return Slot(begin, finish, local)


__all__ = [
    "MAX_RANGE_DAYS",
    "Availability",
    "Slot",
    "SlotSearch",
    "availability",
    "check_range",
    "find_slots",
    "utc_range",
]
