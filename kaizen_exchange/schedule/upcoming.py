"""The next video calls: Today's "Next calls", the window's reminders and ``sessions next``.

A weekly series counts once, by its next occurrence that has not ended (a call under
way is still "next": a teacher joining late wants its link). Cancelled sessions and
skipped weeks (a closure on either side) are never next.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import select

from kaizen_exchange.json_rows import as_json
from kaizen_exchange.schedule import clock
from kaizen_exchange.schedule.models import BOOKED, CallSession
from kaizen_exchange.schedule.occurrences import Occurrence
from kaizen_exchange.schedule.sessions import list_sessions, session_occurrences
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School


@dataclass(frozen=True)
class UpcomingCall:
    session_id: int
    title: str
    start: datetime  # UTC
    end: datetime
    link: str | None
    schools: list[str] = field(default_factory=list)
    zones: list[str] = field(default_factory=list)  # each school's zone, in school order

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


def next_occurrence(row: CallSession, now: datetime) -> Occurrence | None:
    """The first week of ``row`` that takes place (not skipped) and has not ended by ``now``."""
    return next((o for o in session_occurrences(row) if not o.skipped and o.end > now), None)


def next_calls(store: Store, now: datetime | None = None, limit: int = 5) -> list[UpcomingCall]:
    """The next occurrence of each booked session, soonest first (``now``: the planner's clock)."""
    moment = clock.current(now)
    with store.session() as session:
        zones = {s.id: s.timezone for s in session.exec(select(School))}
    found: list[UpcomingCall] = []
    for row, schools in list_sessions(store):
        if row.status != BOOKED or row.id is None:
            continue
        item = next_occurrence(row, moment)
        if item is not None:
            found.append(
                UpcomingCall(
                    row.id,
                    row.title,
                    item.start,
                    item.end,
                    row.link,
                    list(schools),
                    [zones[s] for s in schools if s in zones],
                )
            )
    found.sort(key=lambda call: call.start)
    return found[:limit]


__all__ = ["UpcomingCall", "next_calls", "next_occurrence"]
