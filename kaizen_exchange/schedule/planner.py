"""The slot search as the command line and the window run it: from the store, with bookings.

The finder itself (:mod:`kaizen_exchange.schedule.slots`) is pure; this module
loads the schools' calendars and each school's booked sessions, which the finder
treats as busy time, and adds the explanations an empty answer needs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from kaizen_exchange.schedule.clock import current
from kaizen_exchange.schedule.intervals import Interval, normalize
from kaizen_exchange.schedule.loading import load_calendars
from kaizen_exchange.schedule.models import BOOKED, CallSession, CallSessionSchool
from kaizen_exchange.schedule.nearmiss import NearMiss, near_misses, reasons
from kaizen_exchange.schedule.occurrences import occurrences
from kaizen_exchange.schedule.slots import SlotSearch, check_range, find_slots, utc_range
from kaizen_exchange.schedule.timeline import to_datetime, to_epoch
from kaizen_exchange.store.db import Store


@dataclass
class SlotAnswer:
    """The slots, plus, when there are none, why and what would nearly work."""

    search: SlotSearch
    reasons: list[str] = field(default_factory=list)
    near_misses: list[NearMiss] = field(default_factory=list)


def busy_intervals(
    session: Session, school_ids: Sequence[str], start: int, end: int
) -> dict[str, list[Interval]]:
    """Each school's booked (not cancelled, not skipped) occurrences overlapping the range."""
    begin, finish = to_datetime(start), to_datetime(end)
    rows = session.exec(
        select(CallSession, CallSessionSchool)
        .join(CallSessionSchool, col(CallSessionSchool.session_id) == col(CallSession.id))
        .where(col(CallSessionSchool.school_id).in_(school_ids))
        .where(CallSession.status == BOOKED)
        .where(col(CallSession.start) < finish)
    ).all()
    busy: dict[str, list[Interval]] = {school: [] for school in school_ids}
    for row, link in rows:
        if (row.weekly_until or row.start.date()) < begin.date() - timedelta(days=2):
            continue  # over before the range starts
        items = occurrences(
            row.start_utc(), row.zone, row.minutes, row.weekly_until, row.skipped_instants()
        )
        busy[link.school_id] += [
            (to_epoch(o.start), to_epoch(o.end))
            for o in items
            if not o.skipped and to_epoch(o.end) > start and to_epoch(o.start) < end
        ]
    return {school: normalize(spans) for school, spans in busy.items()}


def search_slots(
    store: Store,
    school_ids: Sequence[str],
    first: date,
    last: date,
    minutes: int = 30,
    now: datetime | None = None,
) -> SlotAnswer:
    """Find common windows for stored schools from ``now`` on, avoiding booked sessions."""
    check_range(first, last)
    with store.session() as session:
        calendars = load_calendars(session, school_ids)
        start, end, _ = utc_range(calendars[0], first, last)
        busy = busy_intervals(session, school_ids, start, end)
    search = find_slots(calendars, first, last, minutes, busy, not_before=current(now))
    answer = SlotAnswer(search)
    if not search.slots:
        answer.reasons = reasons(search)
        answer.near_misses = near_misses(search)
    return answer


__all__ = ["SlotAnswer", "busy_intervals", "search_slots"]
