"""A school's calendar: which local dates are school days, and when it accepts calls.

A date is a school day when it is one of the school's call weekdays, inside a term
(when terms are known), not a closure and not a public holiday of its country and
subdivision. An Australian school without terms in the network file takes its
state's school holidays from the ``holidays`` package instead. Everything here is
in the school's own local dates; :meth:`SchoolCalendar.windows` turns them into
exact UTC instants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from typing import Literal

from kaizen_exchange.schedule import holiday_data
from kaizen_exchange.schedule.intervals import Interval, normalize
from kaizen_exchange.schedule.timeline import ZoneTimeline, local_seconds

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DEFAULT_START = time(8, 30)
DEFAULT_END = time(15, 30)

DayKind = Literal["not_school_day", "closure", "public_holiday", "term_break"]


@dataclass(frozen=True)
class CallHours:
    """The local stretch of clock time in which a school takes calls, and on which weekdays."""

    start: time = DEFAULT_START
    end: time = DEFAULT_END
    weekdays: frozenset[int] = frozenset(range(5))  # 0 = Monday

    @property
    def start_minutes(self) -> int:
        return self.start.hour * 60 + self.start.minute

    @property
    def end_minutes(self) -> int:
        return self.end.hour * 60 + self.end.minute

    def label(self) -> str:
        days = ",".join(WEEKDAY_NAMES[d] for d in sorted(self.weekdays))
        return f"{self.start:%H:%M}–{self.end:%H:%M} {days}"


@dataclass(frozen=True)
class Period:
    """A term or a closure, inclusive local dates."""

    name: str
    start: date
    end: date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


@dataclass(frozen=True)
class DayStatus:
    """Why a date is not a school day (``kind`` None means it is one)."""

    kind: DayKind | None = None
    detail: str = ""

    @property
    def school_day(self) -> bool:
        return self.kind is None


@dataclass
class SchoolCalendar:
    """Everything the planner needs to know about one school, in its own local terms."""

    school_id: str
    name: str
    zone: str
    country: str
    subdivision: str | None = None
    hours: CallHours = field(default_factory=CallHours)
    terms: list[Period] | None = None  # None: the school has given none
    closures: list[Period] = field(default_factory=list)
    #: The school day (not the call window) when the network file gives it: the week
    #: grid shades it, so a teacher sees a call before school starts for what it is.
    day: tuple[time, time] | None = None

    def day_status(self, day: date) -> DayStatus:
        """Whether ``day`` (a local date) is a school day, and if not, the first reason why."""
        if day.weekday() not in self.hours.weekdays:
            return DayStatus("not_school_day", f"{self.name} takes no calls on {day:%A}s")
        for closure in self.closures:
            if day in closure:
                return DayStatus("closure", f"{self.name} is closed: {closure.name}")
        holiday = holiday_data.public_holidays(self.country, self.subdivision, day.year).get(day)
        if holiday:
            return DayStatus("public_holiday", f"public holiday at {self.name}: {holiday}")
        return self._term_status(day)

    def _term_status(self, day: date) -> DayStatus:
        if self.terms is not None:
            if any(day in term for term in self.terms):
                return DayStatus()
            return DayStatus("term_break", f"{self.name} is between terms")
        breaks = holiday_data.school_holidays(self.country, self.subdivision, day.year)
        if breaks and day in breaks:
            return DayStatus("term_break", f"{self.name}: {breaks[day]}")
        return DayStatus()

    def school_days(self, first: date, last: date) -> list[date]:
        """The school days from ``first`` to ``last`` inclusive.

        The same rules as :meth:`day_status`, with the year's holidays looked up once
        rather than per date: this is the slot finder's inner loop.
        """
        years = range(first.year, last.year + 1)
        closed = {d for c in self.closures for d in _dates(max(c.start, first), min(c.end, last))}
        for year in years:
            closed.update(holiday_data.public_holidays(self.country, self.subdivision, year))
        if self.terms is None:
            for year in years:
                closed.update(
                    holiday_data.school_holidays(self.country, self.subdivision, year) or {}
                )
        weekdays = self.hours.weekdays
        return [
            d
            for d in _dates(first, last)
            if d.weekday() in weekdays and d not in closed and self._in_term(d)
        ]

    def _in_term(self, day: date) -> bool:
        return self.terms is None or any(t.start <= day <= t.end for t in self.terms)

    def windows(
        self, first: date, last: date, timeline: ZoneTimeline | None = None
    ) -> list[Interval]:
        """UTC instants in the call window on each school day from ``first`` to ``last``."""
        timeline = timeline or ZoneTimeline.covering(self.zone, first, last)
        return self.windows_on(self.school_days(first, last), timeline)

    def windows_on(self, days: Iterable[date], timeline: ZoneTimeline) -> list[Interval]:
        """UTC instants in the call window on each of ``days`` (school days already chosen)."""
        spans: list[Interval] = []
        start, end = self.hours.start_minutes, self.hours.end_minutes
        for day in days:
            spans += timeline.local_span(local_seconds(day, start), local_seconds(day, end))
        return normalize(spans)

    def coverage_warnings(self, first: date, last: date) -> list[str]:
        """Plain words on where this calendar is guessing for the dates asked."""
        warnings: list[str] = []
        if not holiday_data.supports_country(self.country):
            warnings.append(
                f"{self.school_id}: no public holidays are known for country "
                f"'{self.country}'; add them as closures in the network file."
            )
        elif self.subdivision and not holiday_data.subdivision_code(self.country, self.subdivision):
            warnings.append(
                f"{self.school_id}: subdivision '{self.subdivision}' is not known for "
                f"{self.country}; only nationwide public holidays are used."
            )
        warnings += self._term_warnings(first, last)
        return warnings

    def _term_warnings(self, first: date, last: date) -> list[str]:
        if self.terms is not None:
            return _term_gap_warnings(self.school_id, self.terms, first, last)
        if holiday_data.supports_school_category(self.country):
            return _school_data_warnings(self, first, last)
        return [
            f"{self.school_id} has no term dates, so every call weekday that is not a public "
            f"holiday counts as a school day. Add terms to the network file or run "
            f"'kaizen-exchange terms import FILE --school {self.school_id}'."
        ]


def _dates(first: date, last: date) -> Iterable[date]:
    for n in range((last - first).days + 1):
        yield first + timedelta(days=n)


def _term_gap_warnings(school: str, terms: list[Period], first: date, last: date) -> list[str]:
    if not terms:
        return [f"{school} has an empty list of terms, so no day counts as a school day."]
    known_from = min(t.start for t in terms)
    known_to = max(t.end for t in terms)
    warnings = []
    if first < known_from:
        warnings.append(
            f"{school}'s terms start on {known_from}; before that no day counts as a school day."
        )
    if last > known_to:
        warnings.append(
            f"{school}'s terms end on {known_to}; after that no day counts as a school day. "
            f"Import newer term dates with 'kaizen-exchange terms import FILE --school {school}'."
        )
    return warnings


def _school_data_warnings(calendar: SchoolCalendar, first: date, last: date) -> list[str]:
    where = holiday_data.subdivision_code(calendar.country, calendar.subdivision)
    if where is None:
        return [
            f"{calendar.school_id} has no term dates and no known state or territory "
            f"(subdivision), so its school holidays are unknown; every call weekday that is "
            f"not a public holiday counts as a school day."
        ]
    missing = [
        y
        for y in range(first.year, last.year + 1)
        if holiday_data.school_holidays(calendar.country, where, y) is None
    ]
    if not missing:
        return []
    years = ", ".join(str(y) for y in missing)
    return [
        f"{calendar.school_id}: the holidays package has no {where} school holidays for "
        f"{years}, so in {years} every call weekday that is not a public holiday counts "
        f"as a school day. Add terms to the network file to be sure."
    ]


__all__ = [
    "WEEKDAY_NAMES",
    "CallHours",
    "DayKind",
    "DayStatus",
    "Period",
    "SchoolCalendar",
]
