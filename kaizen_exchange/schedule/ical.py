"""Writing sessions as RFC 5545 invitations that Outlook, Google and Apple Calendar accept.

A series is anchored in its named zone (DTSTART with TZID, never UTC) so its wall
clock holds across clock changes; every TZID used gets an RRULE-style VTIMEZONE;
the UID is stable and SEQUENCE rises with every change, so re-importing an updated
or cancelled session replaces the old one instead of adding a second.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vCalAddress, vText
from sqlmodel import select

from kaizen_exchange import __version__
from kaizen_exchange.errors import BadInput
from kaizen_exchange.schedule.checks import city
from kaizen_exchange.schedule.localtime import exists
from kaizen_exchange.schedule.models import CANCELLED, CallSession, as_utc
from kaizen_exchange.schedule.occurrences import Occurrence
from kaizen_exchange.schedule.sessions import get_session, list_sessions, session_occurrences
from kaizen_exchange.schedule.vtimezone import vtimezone
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School

PRODID = f"-//Kaizen Exchange//Video-call planner {__version__}//EN"
REMINDER_MINUTES = 15
METHODS = ("publish", "request")


@dataclass
class Written:
    """What an export wrote, in words for the person who ran it."""

    path: Path
    method: str
    sessions: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Party:
    school_id: str
    name: str
    email: str | None
    home: bool
    zone: str


def export_sessions(
    store: Store, path: Path, session_id: int | None = None, method: str = "publish"
) -> Written:
    """Write one session (``session_id``) or all of them to ``path``."""
    if method not in METHODS:
        raise BadInput(f"--method {method} is not known; use publish or request.")
    chosen = _select(store, session_id)
    if not chosen:
        raise BadInput("there are no sessions to export; book one with 'sessions add'.")
    method_name = method.upper()
    notes: list[str] = []
    if session_id is not None and chosen[0][0].status == CANCELLED:
        method_name = "CANCEL"
    elif method == "request" and session_id is None and len(chosen) > 1:
        raise BadInput("an invitation (--method request) carries one session; add --id ID.")
    parties = _parties(store)
    if method_name in ("REQUEST", "CANCEL"):
        organizer = _organizer(chosen[0][1], parties)
        if organizer is None:
            notes.append(
                "the home school is not in this session or has no contact e-mail, so the "
                "file is a plain calendar entry (PUBLISH) rather than an invitation; add "
                "the home school's e-mail to the network file to send invitations."
            )
            method_name = "PUBLISH"
    calendar = build_calendar(chosen, parties, method_name)
    _write(path, calendar.to_ical())
    return Written(path, method_name, [row.id or 0 for row, _ in chosen], notes)


def _select(store: Store, session_id: int | None) -> list[tuple[CallSession, list[str]]]:
    if session_id is None:
        return list_sessions(store)
    with store.session() as session:
        return [get_session(session, session_id)]


def _parties(store: Store) -> dict[str, _Party]:
    with store.session() as session:
        schools = session.exec(select(School)).all()
    return {s.id: _Party(s.id, s.name, s.email, s.home, s.timezone) for s in schools}


def _organizer(schools: Sequence[str], parties: dict[str, _Party]) -> _Party | None:
    """Who sends the invitation: our home school, if it takes part and has an e-mail.

    A partner's address is never put as ORGANIZER when we have a home school, or the
    partner's calendar would think it had organised the call itself. Without a home
    school (a shared planning PC) the first school with an e-mail organises.
    """
    homes = [p for p in parties.values() if p.home]
    if homes:
        home = homes[0]
        return home if home.school_id in schools and home.email else None
    with_email = [parties[s] for s in schools if s in parties and parties[s].email]
    return with_email[0] if with_email else None


def build_calendar(
    chosen: Sequence[tuple[CallSession, list[str]]],
    parties: dict[str, _Party],
    method: str,
) -> Calendar:
    """The VCALENDAR for ``chosen`` sessions, with a VTIMEZONE for every zone used."""
    calendar = Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", method)
    zones: dict[str, tuple[int, int]] = {}
    events = []
    for row, schools in chosen:
        event, zone = _event(row, schools, parties, method)
        events.append(event)
        items = session_occurrences(row)
        first, last = items[0].start.year - 1, items[-1].start.year + 1
        low, high = zones.get(zone, (first, last))
        zones[zone] = (min(low, first), max(high, last))
    for zone, (first, last) in sorted(zones.items()):
        if zone != "UTC":
            calendar.add_component(vtimezone(zone, first, last))
    for event in events:
        calendar.add_component(event)
    return calendar


def _event(
    row: CallSession, schools: Sequence[str], parties: dict[str, _Party], method: str
) -> tuple[Event, str]:
    tz = ZoneInfo(row.zone)
    items = session_occurrences(row)
    start = row.start_utc().astimezone(tz)
    zone = row.zone
    if row.weekly_until is None and not _reads_back(start):
        tz, zone, start = ZoneInfo("UTC"), "UTC", row.start_utc()  # second of a repeated hour
    event = Event()
    event.add("UID", row.uid)
    event.add("SEQUENCE", row.sequence)
    event.add("DTSTAMP", datetime.now(UTC))
    event.add("CREATED", as_utc(row.created))
    event.add("LAST-MODIFIED", as_utc(row.updated))
    event.add("SUMMARY", row.title)
    event.add("DTSTART", start)
    end = (row.start_utc() + timedelta(minutes=row.minutes)).astimezone(tz)
    if _reads_back(end):
        event.add("DTEND", end)
    else:  # the end is the second of a repeated hour: a DTEND would read an hour early
        event.add("DURATION", timedelta(minutes=row.minutes))
    event.add("STATUS", "CANCELLED" if row.status == CANCELLED else "CONFIRMED")
    event.add("TRANSP", "OPAQUE")
    event.add("X-KAIZEN-SCHOOLS", ",".join(schools))
    if row.anchor:
        event.add("X-KAIZEN-ANCHOR", row.anchor)
    if row.weekly_until is not None:
        _add_recurrence(event, items, tz)
    if row.link:
        event.add("URL", row.link)
        event.add("LOCATION", row.link)
    event.add("DESCRIPTION", _description(row, schools, parties, start))
    if method in ("REQUEST", "CANCEL"):
        _add_people(event, schools, parties, method)
    if row.status != CANCELLED:
        event.add_component(_alarm(row.title))
    return event, zone


def _reads_back(start: datetime) -> bool:
    """Whether a TZID'd local time means this instant (false for the second of a repeat)."""
    again = start.replace(fold=0)
    return exists(again) and again.astimezone(UTC) == start.astimezone(UTC)


def _add_recurrence(event: Event, items: Sequence[Occurrence], tz: ZoneInfo) -> None:
    event.add("RRULE", {"FREQ": "WEEKLY", "UNTIL": items[-1].start.astimezone(UTC)})
    skipped = [o.start.astimezone(tz) for o in items if o.skipped]
    if skipped:
        event.add("EXDATE", skipped)


def _description(
    row: CallSession, schools: Sequence[str], parties: dict[str, _Party], start: datetime
) -> vText:
    lines = [row.title, ""]
    for school in schools:
        party = parties.get(school)
        zone = party.zone if party else row.zone
        local = start.astimezone(ZoneInfo(zone))
        name = party.name if party else school
        lines.append(f"{name}: {local:%a %H:%M} ({city(zone)} time)")
    if row.weekly_until:
        lines.append(f"Weekly until {row.weekly_until.isoformat()} (on {city(row.zone)} time).")
    if row.link:
        lines += ["", f"Join: {row.link}"]
    lines += ["", "Planned with Kaizen Exchange."]
    return vText("\n".join(lines))


def _add_people(
    event: Event, schools: Sequence[str], parties: dict[str, _Party], method: str
) -> None:
    organizer = _organizer(schools, parties)
    if organizer is None or organizer.email is None:
        return
    boss = vCalAddress(f"mailto:{organizer.email}")
    boss.params["CN"] = vText(organizer.name)
    event.add("ORGANIZER", boss)
    for school in schools:
        party = parties.get(school)
        if party is None or not party.email or party is organizer:
            continue
        guest = vCalAddress(f"mailto:{party.email}")
        guest.params["CN"] = vText(party.name)
        guest.params["ROLE"] = vText("REQ-PARTICIPANT")
        guest.params["PARTSTAT"] = vText("NEEDS-ACTION")
        guest.params["RSVP"] = vText("TRUE" if method == "REQUEST" else "FALSE")
        event.add("ATTENDEE", guest)


def _alarm(title: str) -> Alarm:
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", f"Video call soon: {title}")
    alarm.add("TRIGGER", timedelta(minutes=-REMINDER_MINUTES))
    return alarm


def _write(path: Path, data: bytes) -> None:
    """Write via a temporary file, so a failure never leaves half an invitation behind."""
    temporary = path.with_name(path.name + ".part")
    try:
        temporary.write_bytes(data)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BadInput(
            f"cannot write {path}: {exc.strerror or exc}; choose another folder."
        ) from exc


__all__ = ["METHODS", "PRODID", "Written", "build_calendar", "export_sessions"]
