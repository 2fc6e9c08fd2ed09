"""Building school calendars from the store's School and SchoolPeriod rows.

The store keeps hours as ``"HH:MM"`` strings and weekdays as ``"Mon,Tue"``; the
planner wants times and sets, with the defaults of the network file applied
(``calls`` falls back to ``day``, which falls back to 08:30–15:30 Monday to Friday).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import time

from sqlmodel import Session, col, select

from kaizen_exchange.errors import BadInput, NotFound
from kaizen_exchange.schedule.calendars import (
    DEFAULT_END,
    DEFAULT_START,
    WEEKDAY_NAMES,
    CallHours,
    Period,
    SchoolCalendar,
)
from kaizen_exchange.store.models import School, SchoolPeriod


def _clock(value: str | None, fallback: time) -> time:
    if not value:
        return fallback
    try:
        return time.fromisoformat(value)
    except ValueError:
        return fallback


def call_hours(school: School) -> CallHours:
    """The school's call window: ``calls``, else its ``day``, else the network default."""
    if school.calls_start and school.calls_end:
        start, end = (
            _clock(school.calls_start, DEFAULT_START),
            _clock(school.calls_end, DEFAULT_END),
        )
    elif school.day_start and school.day_end:
        start, end = _clock(school.day_start, DEFAULT_START), _clock(school.day_end, DEFAULT_END)
    else:
        start, end = DEFAULT_START, DEFAULT_END
    names = [n.strip().title()[:3] for n in (school.calls_weekdays or "").split(",") if n.strip()]
    days = frozenset(WEEKDAY_NAMES.index(n) for n in names if n in WEEKDAY_NAMES)
    return CallHours(start, end, days or frozenset(range(5)))


def school_day(school: School) -> tuple[time, time] | None:
    """The school day, when the network file gives it (a bad clock reads as not given)."""
    if not (school.day_start and school.day_end):
        return None
    try:
        return time.fromisoformat(school.day_start), time.fromisoformat(school.day_end)
    except ValueError:
        return None


def calendar_of(school: School, periods: Sequence[SchoolPeriod]) -> SchoolCalendar:
    """One school's calendar from its row and its term and closure rows."""
    own = [p for p in periods if p.school_id == school.id]
    terms = [Period(p.name, p.start, p.end) for p in own if p.kind == "term"]
    closures = [Period(p.name, p.start, p.end) for p in own if p.kind == "closure"]
    return SchoolCalendar(
        school_id=school.id,
        name=school.name,
        zone=school.timezone,
        country=school.country,
        subdivision=school.subdivision,
        hours=call_hours(school),
        terms=sorted(terms, key=lambda p: p.start) or None,
        closures=closures,
        day=school_day(school),
    )


def load_calendars(session: Session, school_ids: Sequence[str]) -> list[SchoolCalendar]:
    """Calendars for the named schools, in the order named; unknown ids are refused."""
    if len(set(school_ids)) != len(school_ids):
        raise BadInput("a school is named twice; name each school once.")
    schools = {s.id: s for s in session.exec(select(School).where(col(School.id).in_(school_ids)))}
    unknown = [i for i in school_ids if i not in schools]
    if unknown:
        known = sorted(session.exec(select(School.id)).all())
        hint = f" Known schools: {', '.join(known)}." if known else " Import a network file first."
        raise NotFound(f"unknown school id '{unknown[0]}'.{hint}")
    periods = session.exec(
        select(SchoolPeriod).where(col(SchoolPeriod.school_id).in_(school_ids))
    ).all()
    return [calendar_of(schools[i], periods) for i in school_ids]


__all__ = ["calendar_of", "call_hours", "load_calendars", "school_day"]
