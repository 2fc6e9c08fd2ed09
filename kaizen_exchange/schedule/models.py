"""The tables of booked video-call sessions (created by migration 0002).

A session keeps its first start as a UTC instant (SQLite stores it without an offset;
SQLModel hands it back as an aware UTC datetime) with the zone whose wall clock it
follows beside it; every local time, and every later occurrence of a
weekly series, is derived. ``skipped`` holds the UTC starts of occurrences left out
(school holidays on either side), which become EXDATEs in the invitation.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from sqlmodel import Field, SQLModel


def now_utc() -> datetime:
    """Now, aware and in UTC, as SQLModel's datetime columns require."""
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """An instant from the store as aware UTC (naive values from older rows mean UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


BOOKED = "booked"
CANCELLED = "cancelled"


class CallSession(SQLModel, table=True):
    """One call, or a weekly series of calls, between two or more schools."""

    __tablename__ = "call_session"
    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(unique=True)  # the iCalendar UID, stable for the session's life
    title: str
    start: datetime = Field(index=True)  # UTC: the first occurrence
    zone: str  # IANA zone whose wall clock the series keeps
    anchor: str | None = None  # the school named by --zone, if a school was named
    minutes: int
    link: str | None = None
    weekly_until: date | None = None  # last local date of a weekly series
    skipped: str = "[]"  # JSON list of UTC ISO instants left out of the series
    status: str = BOOKED  # booked | cancelled
    sequence: int = 0  # iCalendar SEQUENCE, raised on every change
    organizer: str | None = None  # e-mail, for invitations received from partners
    source: str = "local"  # local | import
    created: datetime = Field(default_factory=now_utc)
    updated: datetime = Field(default_factory=now_utc)

    def skipped_instants(self) -> set[datetime]:
        """The left-out occurrence starts, as aware UTC datetimes."""
        return {datetime.fromisoformat(s).astimezone(UTC) for s in json.loads(self.skipped)}

    def set_skipped(self, instants: set[datetime]) -> None:
        self.skipped = json.dumps(sorted(i.astimezone(UTC).isoformat() for i in instants))

    def start_utc(self) -> datetime:
        return as_utc(self.start)


class CallSessionSchool(SQLModel, table=True):
    """Which schools take part in a session (a school's sessions block its slots)."""

    __tablename__ = "call_session_school"
    session_id: int = Field(foreign_key="call_session.id", primary_key=True, ondelete="CASCADE")
    school_id: str = Field(
        foreign_key="school.id", primary_key=True, index=True, ondelete="CASCADE"
    )
    position: int = 0  # the order the schools were named in


__all__ = ["BOOKED", "CANCELLED", "CallSession", "CallSessionSchool", "as_utc", "now_utc"]
