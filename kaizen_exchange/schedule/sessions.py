"""Booking, listing, checking and cancelling video-call sessions in the store.

Every function here is one transaction: a refused booking stores nothing. The report
a booking prints is the same one ``sessions check`` gives later, recomputed from the
calendars as they are then (terms may have been imported in between).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from sqlmodel import Session, col, select

from kaizen_exchange.errors import BadInput, KaizenError, NotFound
from kaizen_exchange.schedule.checks import (
    DAY_KINDS,
    PASSED,
    OccurrenceReport,
    Problem,
    SessionChecker,
    city,
    day_label,
    iso_utc,
)
from kaizen_exchange.schedule.clock import current
from kaizen_exchange.schedule.loading import load_calendars
from kaizen_exchange.schedule.localtime import parse_local, zone_info
from kaizen_exchange.schedule.models import (
    BOOKED,
    CANCELLED,
    CallSession,
    CallSessionSchool,
    now_utc,
)
from kaizen_exchange.schedule.occurrences import Occurrence, occurrences, weekly_starts
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School

MAX_MINUTES = 8 * 60
MAX_SERIES_DAYS = 731


@dataclass
class NewSession:
    """What ``sessions add`` was asked for, before any checking."""

    schools: list[str]
    start: str  # "YYYY-MM-DD HH:MM" on the clock of ``zone``
    zone: str  # a school id or an IANA zone
    minutes: int
    title: str
    link: str | None = None
    weekly_until: date | None = None
    fold: int | None = None
    force: bool = False


@dataclass
class SessionReport:
    """A session and the check of each of its occurrences."""

    session: CallSession
    schools: list[str]
    reports: list[OccurrenceReport]
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "session": self.session.id,
            "occurrences": [r.to_json() for r in self.reports if not r.skipped],
            "skipped": [r.to_json() for r in self.reports if r.skipped],
        }


def check_link(link: str | None) -> str | None:
    """A meeting link must be an https address with a host (Teams, Zoom, Meet, Jitsi...).

    A link typed without its scheme ("meet.jit.si/our-call") gets https:// added, as a
    browser would; anything else that is not https is refused in plain words.
    """
    if link is None or not link.strip():
        return None
    text = link.strip()
    if "://" not in text and not text.lower().startswith(("http:", "https:")):
        text = "https://" + text
    parsed = urlparse(text)
    host = parsed.hostname or ""
    if parsed.scheme != "https" or "." not in host or any(c.isspace() for c in text):
        raise BadInput(
            f"The meeting link “{link.strip()}” is not a secure web address. Copy the "
            "meeting's link from Teams, Zoom, Meet or Jitsi: it starts with https://"
        )
    return text


def _check_request(new: NewSession) -> None:
    if not new.schools:
        raise BadInput("name the schools taking part with --school (at least one).")
    if not new.title.strip():
        raise BadInput("give the session a title with --title.")
    if not 1 <= new.minutes <= MAX_MINUTES:
        raise BadInput(f"--minutes {new.minutes} should be between 1 and {MAX_MINUTES}.")
    if new.fold not in (None, 0, 1):
        raise BadInput("--fold is 0 (the first of a repeated hour) or 1 (the second).")


def _zone_of(session: Session, name: str, schools: Sequence[str]) -> tuple[str, str | None]:
    """``--zone`` is a school id (its clock, and it anchors the series) or an IANA zone."""
    school = session.get(School, name)
    if school is not None:
        return school.timezone, name if name in schools else None
    zone_info(name)
    return name, None


def _plan(
    session: Session, new: NewSession, now: datetime, keep: datetime | None = None
) -> tuple[CallSession, list[OccurrenceReport], list[str]]:
    """Check a request and build its (unsaved) row: what add, update and a preview share.

    A start that has passed is a problem of the call (refused unless forced), except
    ``keep``, the start a session being edited already has. A weekly series whose first
    call has passed begins at its next call instead.
    """
    _check_request(new)
    link = check_link(new.link)
    calendars = load_calendars(session, new.schools)
    zone, anchor = _zone_of(session, new.zone, new.schools)
    local = parse_local(new.start, zone, new.fold)
    notes = [local.note] if local.note else []
    _check_until(new.weekly_until, local.moment.date())
    if new.weekly_until is not None and new.fold == 1:
        _refuse_second_fold(local.moment)
    first = local.moment.astimezone(UTC)
    passed = first < now and first != keep and not new.force
    if passed and new.weekly_until is not None:
        first = _next_call(first, zone, new.weekly_until, now)
        notes.append(
            f"the first call ({_wall(local.moment, zone)}) has already passed, so the series "
            f"begins with the next one ({_wall(first, zone)})."
        )
    row = CallSession(
        uid=f"{uuid.uuid4()}@kaizen-exchange",
        title=new.title.strip(),
        start=first,
        zone=zone,
        anchor=anchor,
        minutes=new.minutes,
        link=link,
        weekly_until=new.weekly_until,
    )
    checker = SessionChecker(calendars, zone, anchor)
    items = occurrences(row.start_utc(), zone, row.minutes, row.weekly_until, set())
    reports = checker.check(items)
    skipped = {r.start for r in reports if any(p.kind in DAY_KINDS for p in r.problems)}
    if new.weekly_until is not None:
        row.set_skipped(skipped)
        items = occurrences(row.start_utc(), zone, row.minutes, row.weekly_until, skipped)
        reports = checker.check(items)
        if all(r.skipped for r in reports):
            raise BadInput(_all_skipped(reports))
    elif passed:
        where = anchor or new.schools[0]
        detail = f"{_wall(first, zone)} has already passed (it is now {_wall(now, zone)})"
        reports[0].problems.insert(0, Problem(where, PASSED, detail))
    return row, reports, notes


def _wall(moment: datetime, zone: str) -> str:
    """``Tue 1 Dec 2026 07:45 in London``: an instant as the booking zone's clock shows it."""
    local = moment.astimezone(zone_info(zone))
    return f"{day_label(local)} {local:%H:%M} in {city(zone)}"


def _next_call(first: datetime, zone: str, until: date, now: datetime) -> datetime:
    """The first call of a weekly series that is still to come, or a refusal."""
    starts = weekly_starts(first, zone, until)
    upcoming = [start for start in starts if start >= now]
    if not upcoming:
        raise BadInput(
            f"not booked: every call of the series has already passed (the last was "
            f"{_wall(starts[-1], zone)}). Choose later dates."
        )
    return upcoming[0]


def _refuse_blocked(new: NewSession, reports: Sequence[OccurrenceReport]) -> None:
    """A single call that does not fit (or has passed) is refused unless forced."""
    if new.weekly_until is None and reports[0].blocking and not new.force:
        raise BadInput(_refusal(reports[0]))


def check_new(
    store: Store, new: NewSession, session_id: int | None = None, now: datetime | None = None
) -> SessionReport:
    """What booking ``new`` (or saving it over session ``session_id``) would give; stores nothing.

    The window shows this report while the teacher edits, so the problems a booking
    would refuse are visible before the button is pressed.
    """
    with store.session() as session:
        keep = get_session(session, session_id)[0].start_utc() if session_id else None
        row, reports, notes = _plan(session, new, current(now), keep)
    return SessionReport(row, list(new.schools), reports, notes)


def _link_schools(session: Session, session_id: int, schools: Sequence[str]) -> None:
    for old in session.exec(
        select(CallSessionSchool).where(CallSessionSchool.session_id == session_id)
    ):
        session.delete(old)
    session.flush()
    for position, school_id in enumerate(schools):
        session.add(
            CallSessionSchool(session_id=session_id, school_id=school_id, position=position)
        )


def add_session(store: Store, new: NewSession, now: datetime | None = None) -> SessionReport:
    """Book a session (or a weekly series), refusing one outside a school's window."""
    with store.session() as session:
        row, reports, notes = _plan(session, new, current(now))
        _refuse_blocked(new, reports)
        session.add(row)
        session.flush()
        _link_schools(session, _id(row), new.schools)
    return SessionReport(row, list(new.schools), reports, notes)


#: What an edit may change; the UID, creation time and origin stay.
_EDITABLE = ("title", "start", "zone", "anchor", "minutes", "link", "weekly_until", "skipped")


def update_session(
    store: Store, session_id: int, new: NewSession, now: datetime | None = None
) -> SessionReport:
    """Change a booked session in place: same UID, SEQUENCE raised, checked like a new one.

    Partners' calendars then replace the event when the new export arrives, instead of
    showing a cancelled call beside a new one.
    """
    with store.session() as session:
        row, _schools = get_session(session, session_id)
        planned, reports, notes = _plan(session, new, current(now), keep=row.start_utc())
        _refuse_blocked(new, reports)
        for name in _EDITABLE:
            setattr(row, name, getattr(planned, name))
        row.status = BOOKED
        row.sequence += 1
        row.updated = now_utc()
        _link_schools(session, session_id, new.schools)
    return SessionReport(row, list(new.schools), reports, notes)


def _id(row: CallSession) -> int:
    if row.id is None:  # only before a flush, which the callers always do first
        raise KaizenError("a session was used before it was saved")
    return row.id


def _refuse_second_fold(moment: datetime) -> None:
    """A series' DTSTART is a wall-clock time, which always means the first of a repeat."""
    if moment.replace(fold=0).utcoffset() != moment.utcoffset():
        raise BadInput(
            "a weekly series cannot start in the second pass of a repeated hour (--fold 1): "
            "calendar programs would read it as the first. Start it a week later or at "
            "another time."
        )


def _check_until(until: date | None, first: date) -> None:
    if until is None:
        return
    if until < first:
        raise BadInput(f"--weekly-until {until} is before the first call on {first}.")
    if (until - first).days > MAX_SERIES_DAYS:
        raise BadInput(
            f"--weekly-until {until} is more than two years ahead; book a shorter series."
        )


def _refusal(report: OccurrenceReport) -> str:
    lines = [f"- {p.detail}" for p in report.blocking]
    return (
        "not booked, because the call does not fit:\n"
        + "\n".join(lines)
        + "\nChoose another time (try 'kaizen-exchange slots'), or add --force to book it anyway."
    )


def _all_skipped(reports: Sequence[OccurrenceReport]) -> str:
    first = reports[0].problems[0].detail if reports and reports[0].problems else ""
    return (
        f"not booked: every week of the series falls on a day that is not a school day "
        f"for one of the schools (first: {first}). Choose other dates."
    )


def get_session(session: Session, session_id: int) -> tuple[CallSession, list[str]]:
    """A session and its schools in the order they were named, or NotFound."""
    row = session.get(CallSession, session_id)
    if row is None:
        raise NotFound(
            f"there is no session {session_id}; 'kaizen-exchange sessions list' shows them."
        )
    links = session.exec(
        select(CallSessionSchool)
        .where(CallSessionSchool.session_id == session_id)
        .order_by(col(CallSessionSchool.position))
    ).all()
    return row, [link.school_id for link in links]


def session_occurrences(row: CallSession) -> list[Occurrence]:
    return occurrences(
        row.start_utc(), row.zone, row.minutes, row.weekly_until, row.skipped_instants()
    )


def check_session(store: Store, session_id: int) -> SessionReport:
    """Check every occurrence of a stored session against today's calendars."""
    with store.session() as session:
        row, schools = get_session(session, session_id)
        calendars = load_calendars(session, schools)
    reports = SessionChecker(calendars, row.zone, row.anchor).check(session_occurrences(row))
    notes = [f"this session is {row.status}."] if row.status != BOOKED else []
    return SessionReport(row, schools, reports, notes)


def cancel_session(store: Store, session_id: int) -> tuple[CallSession, bool]:
    """Mark a session cancelled (raising SEQUENCE); False when it already was."""
    with store.session() as session:
        row, _ = get_session(session, session_id)
        if row.status == CANCELLED:
            return row, False
        row.status = CANCELLED
        row.sequence += 1
        row.updated = now_utc()
    return row, True


def session_json(row: CallSession, schools: list[str]) -> dict[str, Any]:
    """One entry of ``sessions list --json``."""
    return {
        "id": row.id,
        "uid": row.uid,
        "title": row.title,
        "schools": schools,
        "start": iso_utc(row.start_utc()),
        "minutes": row.minutes,
        "zone": row.zone,
        "link": row.link,
        "weekly_until": row.weekly_until.isoformat() if row.weekly_until else None,
        "status": row.status,
    }


def list_sessions(store: Store) -> list[tuple[CallSession, list[str]]]:
    """Every session, soonest first, with its schools."""
    with store.session() as session:
        rows = session.exec(select(CallSession).order_by(col(CallSession.start))).all()
        links = session.exec(select(CallSessionSchool).order_by(col(CallSessionSchool.position)))
        schools: dict[int, list[str]] = {}
        for link in links:
            schools.setdefault(link.session_id, []).append(link.school_id)
    return [(row, schools.get(row.id or 0, [])) for row in rows]


def end_of(row: CallSession) -> datetime:
    """The UTC end of the session's last occurrence."""
    last = session_occurrences(row)[-1]
    return last.start + timedelta(minutes=row.minutes)


__all__ = [
    "NewSession",
    "SessionReport",
    "add_session",
    "cancel_session",
    "check_link",
    "check_new",
    "check_session",
    "end_of",
    "get_session",
    "list_sessions",
    "session_json",
    "session_occurrences",
    "update_session",
]
