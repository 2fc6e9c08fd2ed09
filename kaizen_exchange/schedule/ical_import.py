"""Reading invitations from partners (and our own exports) into the session store.

Identity is the iCalendar UID: a file seen twice changes nothing, a newer SEQUENCE
updates the session, a CANCEL (or STATUS:CANCELLED) cancels it. Schools are found
from our own X-KAIZEN-SCHOOLS property, else by matching the organizer's and
attendees' e-mails to the schools' contact e-mails, else from ``--school``.
Outlook's Windows zone names (``AUS Eastern Standard Time``) are mapped to IANA
names by ``icalendar``. The whole file is one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Event
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
from sqlmodel import Session, select

from kaizen_exchange.errors import BadInput
from kaizen_exchange.import_checks import plain_name, sane_date
from kaizen_exchange.json_rows import as_json
from kaizen_exchange.network.store import insert_rows
from kaizen_exchange.schedule.ical_read import check_values, read_calendar
from kaizen_exchange.schedule.models import (
    BOOKED,
    CANCELLED,
    CallSession,
    CallSessionSchool,
    now_utc,
)
from kaizen_exchange.schedule.sessions import MAX_MINUTES, MAX_SERIES_DAYS, check_link
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School

_HTTPS = re.compile(r"https://[^\s<>\"')]+")
#: The properties an import reads: a value icalendar could not parse refuses the file.
_USED = ("UID", "SUMMARY", "DTSTART", "DTEND", "DURATION", "RRULE", "EXDATE", "SEQUENCE", "STATUS")
MAX_UID = 500
MAX_SEQUENCE = 2**31 - 1  # RFC 5545 integers are 32-bit signed


@dataclass
class ImportResult:
    added: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    cancelled: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


@dataclass
class _Incoming:
    """The parts of a VEVENT we keep, already checked."""

    uid: str
    title: str
    start: datetime  # aware UTC
    zone: str
    minutes: int
    weekly_until: date | None
    skipped: set[datetime]
    link: str | None
    sequence: int
    cancelled: bool
    organizer: str | None
    emails: list[str]
    schools: list[str]
    anchor: str | None


def import_sessions(store: Store, path: Path, schools: Sequence[str] = ()) -> ImportResult:
    """Merge the events of an .ics file into the store; nothing is kept if it is refused."""
    calendar = read_calendar(path)
    method = str(calendar.get("METHOD", "PUBLISH")).upper()
    events = calendar.events
    if not events:
        raise BadInput(f"{path} holds no events (VEVENT); nothing to import.")
    result = ImportResult()
    with store.session() as session:
        known = {s.id: s for s in session.exec(select(School)).all()}
        missing = [s for s in schools if s not in known]
        if missing:
            raise BadInput(f"unknown school id '{missing[0]}' in --school.")
        index = _Index.load(session)
        for event in events:
            check_values(event, path, _USED)
            try:
                incoming = _read_event(event, method, known, list(schools), result.notes)
            except BadInput as exc:
                raise BadInput(f"{path}: {exc}") from None
            if incoming is not None:
                _merge(session, index, incoming, result)
        index.write_new(session)
    return result


def _read_event(
    event: Event, method: str, known: dict[str, School], named: list[str], notes: list[str]
) -> _Incoming | None:
    title = plain_name(str(event.get("SUMMARY", "") or ""), "the title") or "Video call"
    label = f"'{title}'"
    if event.get("RECURRENCE-ID") is not None:
        notes.append(f"{label}: a change to one occurrence is not imported; import the series.")
        return None
    uid = str(event.get("UID", "")).strip()
    if not uid or len(uid) > MAX_UID:
        raise BadInput(
            f"the event {label} has no UID (or one longer than {MAX_UID} characters); "
            "ask the sender to export it again."
        )
    start = event.get("DTSTART")
    if start is None or not isinstance(start.dt, datetime):
        notes.append(f"{label}: an all-day event is not a call; skipped.")
        return None
    begin = start.dt
    if begin.tzinfo is None:
        notes.append(f"{label}: its time has no time zone (floating), so it was skipped.")
        return None
    sane_date(begin.date(), f"the first call of the event {label}")
    minutes = _minutes(event, begin, label)
    weekly_until = _weekly_until(event, begin, label)
    schools, emails = _schools(event, known, named)
    if not schools:
        notes.append(
            f"{label}: no school of this network matches its organizer or attendees; "
            "import it again with --school ID for each school taking part."
        )
        return None
    zone = _zone_key(start, [known[s].timezone for s in schools])
    if zone is None:
        notes.append(f"{label}: its time zone ({start.params.get('TZID')}) is not one we know.")
        return None
    anchor_text = str(event.get("X-KAIZEN-ANCHOR", "")) or None
    anchor = anchor_text if anchor_text in schools else _anchor(schools, known, zone)
    return _Incoming(
        uid=uid,
        title=title,
        start=begin.astimezone(UTC),
        zone=zone,
        minutes=minutes,
        weekly_until=weekly_until,
        skipped=_exdates(event, begin, weekly_until),
        link=_link(event),
        sequence=_sequence(event, label),
        cancelled=method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED",
        organizer=_email(event.get("ORGANIZER")),
        emails=emails,
        schools=schools,
        anchor=anchor,
    )


def _zone_key(start: Any, candidates: list[str]) -> str | None:
    """The IANA name of DTSTART's zone: its own key, its TZID (Windows names too), or a
    participating school's zone that keeps the same offsets."""
    begin: datetime = start.dt
    key = getattr(begin.tzinfo, "key", None)
    tzid = str(start.params.get("TZID", "")).strip("/")
    names = [key, tzid, WINDOWS_TO_OLSON.get(tzid)]
    names += ["/".join(tzid.split("/")[i:]) for i in range(1, tzid.count("/"))]
    for name in [n for n in names if n]:
        if _valid_zone(name) and _same_offsets(begin, name):
            return str(name)
    if begin.utcoffset() == timedelta(0) and not tzid:
        return "UTC"
    return next((z for z in candidates if _same_offsets(begin, z)), None)


def _valid_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _same_offsets(begin: datetime, zone: str) -> bool:
    """Whether ``zone`` agrees with the file's own zone now and half a year on."""
    tz = ZoneInfo(zone)
    later = begin + timedelta(days=182)
    return all(m.utcoffset() == m.astimezone(tz).utcoffset() for m in (begin, later))


def _minutes(event: Event, begin: datetime, label: str) -> int:
    end = event.get("DTEND")
    if end is not None and isinstance(end.dt, datetime):
        length = end.dt.astimezone(UTC) - begin.astimezone(UTC)
    elif event.get("DURATION") is not None:
        length = event.get("DURATION").dt
    else:
        length = timedelta(0)
    minutes = int(length.total_seconds() // 60)
    if minutes <= 0:
        raise BadInput(f"the event {label} ends before it starts; ask the sender to check it.")
    if minutes > MAX_MINUTES:
        raise BadInput(
            f"the event {label} lasts {minutes:,} minutes; a call lasts at most "
            f"{MAX_MINUTES // 60} hours. Ask the sender to check its end time."
        )
    return minutes


def _sequence(event: Event, label: str) -> int:
    """SEQUENCE: a revision count, so 0 or more and within what iCalendar allows."""
    value = event.get("SEQUENCE", 0)
    number = int(value) if isinstance(value, int) else -1
    if not 0 <= number <= MAX_SEQUENCE:
        raise BadInput(
            f"the event {label} has a SEQUENCE that is not a revision number "
            f"(0 to {MAX_SEQUENCE:,}); ask the sender to export it again."
        )
    return number


def _weekly_until(event: Event, begin: datetime, label: str) -> date | None:
    rule = event.get("RRULE")
    if rule is None:
        return None
    if isinstance(rule, list):  # icalendar gives every RRULE line: series joined together
        raise BadInput(
            f"the event {label} has more than one repeat rule (RRULE); only one weekly "
            "series is supported. Book it with 'sessions add --weekly-until'."
        )
    freq = [str(f).upper() for f in rule.get("FREQ", [])]
    interval = int((rule.get("INTERVAL") or [1])[0])
    days = [str(d).upper() for d in rule.get("BYDAY", [])]
    weekday = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")[begin.weekday()]
    if freq != ["WEEKLY"] or interval != 1 or days not in ([], [weekday]):
        raise BadInput(
            f"the event {label} repeats in a way the planner cannot keep "
            f"({rule.to_ical().decode()}); only weekly series are supported. "
            "Book it with 'sessions add --weekly-until'."
        )
    if rule.get("UNTIL"):
        until = rule["UNTIL"][0]
        if not isinstance(until, date):
            raise BadInput(f"the event {label} has an UNTIL that is not a date.")
        day = until.date() if isinstance(until, datetime) else until
        last: date = sane_date(day, f"the last call (UNTIL) of the event {label}")
        if isinstance(until, datetime):
            last = (
                (until if until.tzinfo else until.replace(tzinfo=begin.tzinfo))
                .astimezone(begin.tzinfo)
                .date()
            )
    elif rule.get("COUNT"):
        count = rule["COUNT"][0]
        if not isinstance(count, int) or not 1 <= count <= MAX_SERIES_DAYS // 7 + 1:
            raise BadInput(
                f"the event {label} repeats {count} times; a weekly series here lasts at most "
                f"{MAX_SERIES_DAYS // 7 + 1} weeks (two years)."
            )
        last = (begin + timedelta(weeks=count - 1)).date()
    else:
        raise BadInput(f"the event {label} repeats for ever; the planner needs an end date.")
    if (last - begin.date()).days > MAX_SERIES_DAYS:
        raise BadInput(
            f"the event {label} repeats until {last}, more than two years after its first "
            "call; ask the sender for a shorter series."
        )
    return last


def _exdates(event: Event, begin: datetime, until: date | None) -> set[datetime]:
    """Left-out occurrences; those outside the series change nothing and are dropped."""
    first, last = begin.date() - timedelta(days=1), (until or begin.date()) + timedelta(days=1)
    found: set[datetime] = set()
    values = event.get("EXDATE")
    for entry in values if isinstance(values, list) else [values] if values else []:
        for item in entry.dts:
            moment = item.dt
            aware = isinstance(moment, datetime) and moment.tzinfo is not None
            if aware and first <= moment.date() <= last:
                found.add(moment.astimezone(UTC))
    return found


def _link(event: Event) -> str | None:
    for key in ("URL", "LOCATION", "DESCRIPTION", "X-GOOGLE-CONFERENCE"):
        value = event.get(key)
        match = _HTTPS.search(str(value)) if value is not None else None
        if match:
            try:
                return check_link(match.group(0).rstrip(".,;"))
            except BadInput:
                continue
    return None


def _email(value: object) -> str | None:
    text = str(value or "")
    return text[7:].strip().lower() if text.lower().startswith("mailto:") else None


def _schools(
    event: Event, known: dict[str, School], named: list[str]
) -> tuple[list[str], list[str]]:
    attendees = event.get("ATTENDEE", [])
    people = attendees if isinstance(attendees, list) else [attendees]
    emails = [e for e in (_email(p) for p in [event.get("ORGANIZER"), *people]) if e]
    if named:
        return named, emails
    ours = [s.strip() for s in str(event.get("X-KAIZEN-SCHOOLS", "")).split(",") if s.strip()]
    if ours and all(s in known for s in ours):
        return ours, emails
    by_email = {(s.email or "").lower(): s.id for s in known.values() if s.email}
    matched = [by_email[e] for e in emails if e in by_email]
    return list(dict.fromkeys(matched)), emails


def _anchor(schools: list[str], known: dict[str, School], zone: str) -> str | None:
    return next((s for s in schools if known[s].timezone == zone), None)


@dataclass
class _Index:
    """The store's sessions, read in two queries: by UID, and booked ones by start.

    A query per event (its UID, then same-time duplicates and their schools) made a
    large invitation take minutes; new rows are written in one flush at the end.
    """

    by_uid: dict[str, CallSession]
    booked: dict[tuple[datetime, int], list[tuple[CallSession, frozenset[str]]]]
    new: list[tuple[CallSession, _Incoming]] = field(default_factory=list)
    later: list[tuple[list[int], CallSession]] = field(default_factory=list)

    @classmethod
    def load(cls, session: Session) -> _Index:
        rows = session.exec(select(CallSession)).all()
        links: dict[int, set[str]] = {}
        pairs = session.exec(select(CallSessionSchool.session_id, CallSessionSchool.school_id))
        for session_id, school in pairs:
            links.setdefault(session_id, set()).add(school)
        index = cls({row.uid: row for row in rows}, {})
        for row in rows:
            if row.status == BOOKED:
                index.remember(row, frozenset(links.get(row.id or 0, ())))
        return index

    def remember(self, row: CallSession, schools: frozenset[str]) -> None:
        self.booked.setdefault((row.start_utc(), row.minutes), []).append((row, schools))

    def duplicate(self, incoming: _Incoming) -> CallSession | None:
        """A session booked here for the same schools, time and length (another UID)."""
        same = self.booked.get((incoming.start, incoming.minutes), [])
        wanted = frozenset(incoming.schools)
        return next((row for row, schools in same if schools == wanted), None)

    def report(self, target: list[int], row: CallSession) -> None:
        """Put the row's id in ``target`` once it has one (new rows get theirs at the end)."""
        self.later.append((target, row))

    def write_new(self, session: Session) -> None:
        session.flush()
        links = [
            {"session_id": row.id, "school_id": school, "position": position}
            for row, incoming in self.new
            for position, school in enumerate(incoming.schools)
        ]
        insert_rows(session, CallSessionSchool, links)
        for target, row in self.later:
            target.append(row.id or 0)


def _merge(session: Session, index: _Index, incoming: _Incoming, result: ImportResult) -> None:
    row = index.by_uid.get(incoming.uid)
    if row is None and incoming.cancelled:
        result.notes.append(f"'{incoming.title}': cancels a session that is not here; skipped.")
        return
    if row is None:
        row = index.duplicate(incoming)
        if row is not None:
            index.report(result.unchanged, row)
            return
        row = CallSession(
            uid=incoming.uid,
            title=incoming.title,
            start=incoming.start,
            zone=incoming.zone,
            minutes=incoming.minutes,
            source="import",
        )
        _apply(row, incoming)
        session.add(row)
        index.by_uid[incoming.uid] = row
        index.new.append((row, incoming))
        index.remember(row, frozenset(incoming.schools))
        index.report(result.added, row)
        return
    if incoming.sequence < row.sequence or (
        incoming.sequence == row.sequence and not _differs(row, incoming)
    ):
        index.report(result.unchanged, row)
        return
    _apply(row, incoming)
    index.report(result.cancelled if incoming.cancelled else result.updated, row)


def _differs(row: CallSession, incoming: _Incoming) -> bool:
    return (row.status == CANCELLED) != incoming.cancelled


def _apply(row: CallSession, incoming: _Incoming) -> None:
    row.title = incoming.title
    row.start = incoming.start
    row.zone = incoming.zone
    row.anchor = incoming.anchor
    row.minutes = incoming.minutes
    row.link = incoming.link
    row.weekly_until = incoming.weekly_until
    row.set_skipped(incoming.skipped)
    row.sequence = incoming.sequence
    row.status = CANCELLED if incoming.cancelled else BOOKED
    row.organizer = incoming.organizer
    row.updated = now_utc()


__all__ = ["ImportResult", "import_sessions", "read_calendar"]
