"""What "Plan a call" and "Sessions" ask the planner core, composed for the window.

Each function runs on a worker thread and returns plain data. ``preview`` checks a
session without booking it, with the core's own ``check_new``, so the form shows the
same report a booking gives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from kaizen_exchange.gui.places import city
from kaizen_exchange.gui.week_grid import WeekPicture, build_week
from kaizen_exchange.schedule.checks import OccurrenceReport
from kaizen_exchange.schedule.planner import SlotAnswer, search_slots
from kaizen_exchange.schedule.sessions import NewSession, check_new
from kaizen_exchange.store.db import Store


@dataclass
class PlanAnswer:
    answer: SlotAnswer
    schools: list[str]
    names: dict[str, str]
    zones: dict[str, str]
    day_hours: dict[str, tuple[time, time]] = field(default_factory=dict)
    week: WeekPicture | None = None


def find_windows(
    store: Store, schools: list[str], first: date, last: date, minutes: int
) -> PlanAnswer:
    """The common windows and the week grid to draw them on (worker thread).

    Names, zones and school days come with the calendars the search read: the window
    asks the store nothing of its own, so it shows what ``slots`` answers.
    """
    answer = search_slots(store, schools, first, last, minutes)
    calendars = {a.calendar.school_id: a.calendar for a in answer.search.availability}
    names = {s: calendars[s].name for s in schools}
    zones = {s: calendars[s].zone for s in schools}
    hours = {s: calendar.day for s, calendar in calendars.items() if calendar.day}
    week_of = answer.search.slots[0].local[schools[0]][0].date() if answer.search.slots else first
    result = PlanAnswer(answer, schools, names, zones, hours)
    result.week = build_week(answer.search, week_of, names, result.day_hours)
    return result


def week_for(plan: PlanAnswer, day: date) -> WeekPicture:
    return build_week(plan.answer.search, day, plan.names, plan.day_hours)


@dataclass
class Preview:
    """A session as the form describes it, checked but not booked."""

    request: NewSession
    reports: list[OccurrenceReport] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def blocking(self) -> list[str]:
        return [p.detail for r in self.reports if not r.skipped for p in r.blocking]


def preview(store: Store, request: NewSession, editing: int | None = None) -> Preview:
    """Check every occurrence of ``request`` as booking it would (nothing is stored)."""
    report = check_new(store, request, editing)
    return Preview(request, report.reports, report.notes)


def local_start_text(start: datetime, zone: str) -> str:
    """A slot's start as the core's ``"YYYY-MM-DD HH:MM"`` on ``zone``'s clock."""
    return start.astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d %H:%M")


def invitation_text(
    title: str,
    start: datetime,
    minutes: int,
    zones: dict[str, str],
    names: dict[str, str],
    link: str | None,
    weekly_until: date | None,
) -> str:
    """A plain e-mail body: the call in every school's own time, and the link."""
    end = start + timedelta(minutes=minutes)
    lines = [f"Video call: {title}", ""]
    for school, zone in zones.items():
        tz = ZoneInfo(zone)
        a, b = start.astimezone(tz), end.astimezone(tz)
        lines.append(
            f"  {names.get(school, school)} ({city(zone)}): "
            f"{a:%A} {a.day} {a:%B %Y}, {a:%H:%M}–{b:%H:%M}"
        )
    if weekly_until:
        lines += ["", f"Every week at the same time until {weekly_until:%d %B %Y} (school days)."]
    lines += ["", f"Join: {link}" if link else "The meeting link will follow."]
    lines += ["", "Sent from Kaizen Exchange. The attached .ics file adds it to your calendar."]
    return "\n".join(lines)


__all__ = [
    "PlanAnswer",
    "Preview",
    "find_windows",
    "invitation_text",
    "local_start_text",
    "preview",
    "week_for",
]
