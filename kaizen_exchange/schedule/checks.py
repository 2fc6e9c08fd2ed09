"""Checking a session's occurrences against every school's calendar.

For each occurrence and each school: is it a school day there, is the call inside
the school's window, has the local time moved since the previous occurrence
because a clock changed on either side ("from 5 Oct the call is at 18:15 in Sydney
instead of 17:15"), and is it a different weekday there than for the anchor school.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kaizen_exchange.schedule.calendars import SchoolCalendar
from kaizen_exchange.schedule.occurrences import Occurrence
from kaizen_exchange.schedule.timeline import ZoneTimeline, to_epoch
from kaizen_exchange.wording import city

#: Problems that make a date unusable; a weekly series skips such occurrences.
DAY_KINDS = frozenset({"not_school_day", "public_holiday", "term_break", "closure"})
#: A single call whose start has passed: refused unless forced.
PASSED = "passed"
#: Problems that only inform; they never block a booking.
NOTICE_KINDS = frozenset({"clock_change", "weekday_differs"})


@dataclass(frozen=True)
class Problem:
    school: str
    kind: str
    detail: str

    def to_json(self) -> dict[str, str]:
        return {"school": self.school, "kind": self.kind, "detail": self.detail}


@dataclass
class OccurrenceReport:
    """One occurrence, with each school's local start and what is wrong with it."""

    start: datetime
    end: datetime
    local: dict[str, datetime]
    problems: list[Problem] = field(default_factory=list)
    skipped: bool = False

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.kind not in NOTICE_KINDS]

    def to_json(self) -> dict[str, object]:
        return {
            "start": iso_utc(self.start),
            "local": {school: moment.isoformat() for school, moment in self.local.items()},
            "problems": [p.to_json() for p in self.problems],
        }


def iso_utc(moment: datetime) -> str:
    """ISO 8601 with a Z, to the second: the form every JSON output uses for UTC."""
    return moment.astimezone(ZoneInfo("UTC")).strftime("%Y-%m-%dT%H:%M:%SZ")


def day_label(moment: date) -> str:
    """``Mon 5 Oct 2026`` (a date or a datetime) without platform-specific strftime flags."""
    return f"{moment:%a} {moment.day} {moment:%b %Y}"


class SessionChecker:
    """Checks occurrences for a fixed set of schools and an anchor zone."""

    def __init__(self, calendars: Sequence[SchoolCalendar], zone: str, anchor: str | None) -> None:
        self.calendars = list(calendars)
        self.zone = zone
        self.anchor = anchor if anchor in {c.school_id for c in calendars} else None
        self._timelines: dict[str, ZoneTimeline] = {}

    def _timeline(self, zone: str, moment: datetime) -> ZoneTimeline:
        timeline = self._timelines.get(zone)
        if timeline is None or not timeline.first <= to_epoch(moment) < timeline.last:
            timeline = ZoneTimeline(zone, moment.year - 1, moment.year + 2)
            self._timelines[zone] = timeline
        return timeline

    def check(self, items: Sequence[Occurrence]) -> list[OccurrenceReport]:
        reports: list[OccurrenceReport] = []
        previous: OccurrenceReport | None = None
        for item in items:
            report = self._check_one(item)
            if previous is not None and not item.skipped:
                report.problems += self._clock_changes(previous, report)
            reports.append(report)
            if not item.skipped:
                previous = report
        return reports

    def _check_one(self, item: Occurrence) -> OccurrenceReport:
        local = {c.school_id: item.start.astimezone(ZoneInfo(c.zone)) for c in self.calendars}
        report = OccurrenceReport(item.start, item.end, local, skipped=item.skipped)
        for calendar in self.calendars:
            report.problems += self._school_problems(calendar, item, local[calendar.school_id])
        report.problems += self._weekday_problems(local)
        return report

    def _school_problems(
        self, calendar: SchoolCalendar, item: Occurrence, local: datetime
    ) -> list[Problem]:
        status = calendar.day_status(local.date())
        if status.kind is not None:
            return [Problem(calendar.school_id, status.kind, status.detail)]
        timeline = self._timeline(calendar.zone, item.start)
        windows = calendar.windows(local.date(), local.date(), timeline)
        start, end = to_epoch(item.start), to_epoch(item.end)
        if any(a <= start and end <= b for a, b in windows):
            return []
        local_end = item.end.astimezone(ZoneInfo(calendar.zone))
        detail = (
            f"{local:%H:%M}–{local_end:%H:%M} in {city(calendar.zone)} is outside "
            f"{calendar.name}'s call window ({calendar.hours.label()})"
        )
        return [Problem(calendar.school_id, "outside_window", detail)]

    def _weekday_problems(self, local: dict[str, datetime]) -> list[Problem]:
        if not self.calendars:
            return []
        reference = self.anchor or self.calendars[0].school_id
        ref_day = local[reference]
        names = {c.school_id: c.name for c in self.calendars}
        problems = []
        for school, moment in local.items():
            if moment.weekday() != ref_day.weekday():
                detail = (
                    f"{moment:%A} {moment:%H:%M} at {names[school]} but {ref_day:%A} "
                    f"{ref_day:%H:%M} at {names[reference]}"
                )
                problems.append(Problem(school, "weekday_differs", detail))
        return problems

    def _clock_changes(self, before: OccurrenceReport, now: OccurrenceReport) -> list[Problem]:
        problems = []
        anchor_moved = _offset_changed(before.start, now.start, self.zone)
        for calendar in self.calendars:
            old, new = before.local[calendar.school_id], now.local[calendar.school_id]
            if old.time() == new.time():
                continue
            causes = []
            if _offset_changed(before.start, now.start, calendar.zone):
                causes.append(city(calendar.zone))
            if anchor_moved and city(self.zone) not in causes:
                causes.append(city(self.zone))
            why = f" (clocks changed in {' and '.join(causes)})" if causes else ""
            detail = (
                f"from {day_label(new)} the call is at {new:%H:%M} in {city(calendar.zone)} "
                f"instead of {old:%H:%M}{why}"
            )
            problems.append(Problem(calendar.school_id, "clock_change", detail))
        return problems


def _offset_changed(a: datetime, b: datetime, zone: str) -> bool:
    tz = ZoneInfo(zone)
    return a.astimezone(tz).utcoffset() != b.astimezone(tz).utcoffset()


__all__ = [
    "DAY_KINDS",
    "NOTICE_KINDS",
    "PASSED",
    "OccurrenceReport",
    "Problem",
    "SessionChecker",
    "city",
    "day_label",
    "iso_utc",
]
