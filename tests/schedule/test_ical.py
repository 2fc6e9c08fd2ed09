"""iCalendar round trips: what we write, icalendar reads and recurring_ical_events expands
to exactly the UTC instants the store holds; and what partners send us is read back."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar
from sqlmodel import select

from kaizen_exchange.schedule.ical import export_sessions
from kaizen_exchange.schedule.models import CallSession
from kaizen_exchange.schedule.sessions import NewSession, add_session, session_occurrences
from kaizen_exchange.schedule.vtimezone import vtimezone
from kaizen_exchange.store.db import Store
from tests.helpers.planner import NETWORK, ZONES, add_school

FAR_PAST, FAR_FUTURE = datetime(2025, 1, 1, tzinfo=UTC), datetime(2030, 1, 1, tzinfo=UTC)


def expanded(data: bytes) -> list[tuple[str, datetime, datetime]]:
    """(UID, UTC start, UTC end) of every occurrence, as a calendar program would show."""
    calendar = Calendar.from_ical(data)
    events = recurring_ical_events.of(calendar).between(FAR_PAST, FAR_FUTURE)
    return sorted((str(e["UID"]), e.start.astimezone(UTC), e.end.astimezone(UTC)) for e in events)


def stored(store: Store) -> list[tuple[str, datetime, datetime]]:
    with store.session() as session:
        rows = session.exec(select(CallSession)).all()
    return sorted(
        (row.uid, o.start, o.end) for row in rows for o in session_occurrences(row) if not o.skipped
    )


def book(store, schools, start, zone, until=None, minutes=30, force=True):
    return add_session(
        store,
        NewSession(
            schools=schools,
            start=start,
            zone=zone,
            minutes=minutes,
            title="Call",
            weekly_until=until,
            force=force,
        ),
    )


def test_series_round_trip_lands_on_the_stored_instants(network_store, tmp_path):
    book(network_store, ["oakfield", "harbour"], "2026-09-08 07:30", "oakfield", date(2027, 3, 23))
    book(network_store, ["harbour", "oakfield"], "2026-11-10 17:45", "harbour", date(2027, 3, 9))
    book(network_store, ["oakfield", "wattle"], "2026-11-04 08:00", "Europe/London")
    path = tmp_path / "all.ics"
    export_sessions(network_store, path)
    occurrences = stored(network_store)
    assert len(occurrences) > 20
    assert expanded(path.read_bytes()) == occurrences
    text = path.read_text()
    assert "EXDATE;TZID=Europe/London:" in text  # half term, Christmas, NSW holidays
    assert "DTSTART;TZID=Australia/Sydney:20261110T174500" in text


def test_our_vtimezones_alone_give_the_same_instants(network_store, tmp_path):
    """Rename every TZID so icalendar must build the zones from our VTIMEZONE rules."""
    book(network_store, ["oakfield", "harbour"], "2026-09-08 07:30", "oakfield", date(2027, 6, 29))
    book(network_store, ["harbour", "oakfield"], "2026-09-01 17:45", "harbour", date(2027, 6, 29))
    path = tmp_path / "all.ics"
    export_sessions(network_store, path)
    data = path.read_text()
    for zone in ("Europe/London", "Australia/Sydney"):
        data = data.replace(f"TZID:{zone}", f"TZID:Kaizen-Test/{zone}")
        data = data.replace(f"TZID={zone}:", f"TZID=Kaizen-Test/{zone}:")
    assert "Kaizen-Test/Europe/London" in data
    assert expanded(data.encode()) == stored(network_store)


@pytest.mark.parametrize("zone", ZONES)
def test_vtimezone_is_rrule_style_and_matches_zoneinfo(zone):
    component = vtimezone(zone, 2025, 2029)
    text = component.to_ical().decode()
    assert "RDATE" not in text
    has_dst = ZoneInfo(zone).utcoffset(datetime(2026, 1, 15)) != ZoneInfo(zone).utcoffset(
        datetime(2026, 7, 15)
    )
    assert ("RRULE:FREQ=YEARLY" in text) == has_dst
    tz, real = component.to_tz(), ZoneInfo(zone)
    # Every change zoneinfo knows (bisected to the minute), a minute either side, and
    # noon on the 15th of each month: icalendar's reading of our rules must agree.
    checks = [datetime(y, m, 15, 12, tzinfo=UTC) for y in range(2025, 2030) for m in range(1, 13)]
    low = datetime(2025, 1, 1, tzinfo=UTC)
    while low < datetime(2030, 1, 1, tzinfo=UTC):
        high = low + timedelta(hours=6)
        if low.astimezone(real).utcoffset() != high.astimezone(real).utcoffset():
            a, b = low, high
            while b - a > timedelta(minutes=1):
                mid = a + (b - a) / 2
                same = mid.astimezone(real).utcoffset() == a.astimezone(real).utcoffset()
                a, b = (mid, b) if same else (a, mid)
            checks += [a - timedelta(minutes=1), a, b, b + timedelta(minutes=1)]
        low = high
    for moment in checks:
        assert moment.astimezone(tz).utcoffset() == moment.astimezone(real).utcoffset(), moment


@pytest.mark.parametrize(
    ("zone", "start"),
    [
        ("Australia/Lord_Howe", "2026-09-01 16:00"),
        ("Australia/Adelaide", "2026-09-01 16:30"),
        ("Pacific/Chatham", "2026-09-01 17:15"),
        ("Europe/Dublin", "2026-09-01 07:45"),
        ("Europe/London", "2026-03-22 01:30"),
    ],
)
def test_series_in_odd_zones_round_trip(store, tmp_path, zone, start):
    add_school(
        store,
        "home",
        zone,
        country="ZZ",
        calls=("00:00", "23:59"),
        weekdays="Mon,Tue,Wed,Thu,Fri,Sat,Sun",
    )
    book(store, ["home"], start, "home", date(2027, 8, 31))
    path = tmp_path / "odd.ics"
    export_sessions(store, path)
    ours, theirs = stored(store), expanded(path.read_bytes())
    assert [t[:2] for t in theirs] == [t[:2] for t in ours]
    # A Sunday 01:30 London series meets the change nights. Both sides agree on every
    # start (a time in the spring gap is read with the offset before it, RFC 5545
    # §3.3.5). For the end, recurring_ical_events adds the wall-clock length (giving
    # 0 or 90 minutes those nights); we keep the exact 30 minutes of §3.8.5.3.
    nights = {date(2026, 3, 29), date(2026, 10, 25), date(2027, 3, 28)}
    assert [t for t in theirs if t[1].date() not in nights] == [
        t for t in ours if t[1].date() not in nights
    ]


def test_invitation_fields(network_store, tmp_path):
    report = book(
        network_store, ["oakfield", "harbour"], "2026-06-02 08:00", "oakfield", date(2026, 6, 30)
    )
    path = tmp_path / "invite.ics"
    written = export_sessions(network_store, path, report.session.id, "request")
    assert written.method == "REQUEST"
    calendar = Calendar.from_ical(path.read_bytes())
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.events
    assert event["UID"] == report.session.uid
    assert event["SEQUENCE"] == 0
    assert "DTSTAMP" in event
    assert event["DTSTART"].params["TZID"] == "Europe/London"
    assert str(event["ORGANIZER"]) == "mailto:office@oakfield.example.org.uk"
    assert [str(a) for a in event.get("ATTENDEE", [])] == ["mailto:harbour@example.edu.au"] or (
        str(event["ATTENDEE"]) == "mailto:harbour@example.edu.au"
    )
    assert event.walk("VALARM")[0]["ACTION"] == "DISPLAY"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/London"]


def test_request_without_emails_falls_back_to_publish(store, tmp_path):
    add_school(store, "a", "Europe/London", calls=("00:00", "23:59"))
    add_school(store, "b", "Australia/Perth", country="AU", calls=("00:00", "23:59"))
    report = book(store, ["a", "b"], "2026-06-02 08:00", "a")
    written = export_sessions(store, tmp_path / "x.ics", report.session.id, "request")
    assert written.method == "PUBLISH"
    assert "e-mail" in written.notes[0]


def test_cancel_then_export_is_a_cancel_with_the_same_uid(network_store, cli, tmp_path):
    cli(
        "sessions",
        "add",
        "--school",
        "oakfield",
        "--school",
        "harbour",
        "--zone",
        "oakfield",
        "--start",
        "2026-06-02 08:00",
        "--title",
        "Kites",
    )
    cli("sessions", "export", str(tmp_path / "first.ics"), "--id", "1", "--method", "request")
    cli("sessions", "cancel", "1")
    ran = cli("sessions", "export", str(tmp_path / "cancel.ics"), "--id", "1")
    assert ran.code == 0 and "METHOD:CANCEL" in ran.out
    first = Calendar.from_ical((tmp_path / "first.ics").read_bytes()).events[0]
    cancel_cal = Calendar.from_ical((tmp_path / "cancel.ics").read_bytes())
    cancel = cancel_cal.events[0]
    assert cancel_cal["METHOD"] == "CANCEL"
    assert cancel["UID"] == first["UID"]
    assert int(str(cancel["SEQUENCE"])) == int(str(first["SEQUENCE"])) + 1
    assert cancel["STATUS"] == "CANCELLED"


def test_import_into_a_partner_store_and_again_changes_nothing(network_store, cli, tmp_path):
    book(network_store, ["oakfield", "harbour"], "2026-09-08 07:30", "oakfield", date(2027, 3, 23))
    path = tmp_path / "all.ics"
    export_sessions(network_store, path)
    # The same file read back into the store that wrote it: nothing new.
    again = cli("sessions", "import", str(path), "--json")
    assert again.json()["unchanged"] == [1] and again.json()["added"] == []
    # The partner's own app, with the same network file.
    from kaizen_exchange.network.file import parse_network
    from kaizen_exchange.network.store import import_network

    partner = Store(tmp_path / "partner")
    try:
        import_network(partner, parse_network(NETWORK))
        from kaizen_exchange.schedule.ical_import import import_sessions

        result = import_sessions(partner, path)
        assert len(result.added) == 1
        assert stored(partner) == stored(network_store)
        assert import_sessions(partner, path).unchanged == result.added
    finally:
        partner.close()


OUTLOOK = """BEGIN:VCALENDAR
METHOD:REQUEST
PRODID:Microsoft Exchange Server 2010
VERSION:2.0
BEGIN:VTIMEZONE
TZID:AUS Eastern Standard Time
BEGIN:STANDARD
DTSTART:16010101T030000
TZOFFSETFROM:+1100
TZOFFSETTO:+1000
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=4
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:16010101T020000
TZOFFSETFROM:+1000
TZOFFSETTO:+1100
RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=10
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
ORGANIZER;CN=Ms Harbour:mailto:HARBOUR@example.edu.au
ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:office@oakfield.example.org.uk
DESCRIPTION;LANGUAGE=en-AU:Join: https://teams.microsoft.com/l/meetup-join/19%3ameeting_x
RRULE:FREQ=WEEKLY;COUNT=4;INTERVAL=1;BYDAY=TU
EXDATE;TZID=AUS Eastern Standard Time:20261117T173000
UID:040000008200E00074C5B7101A82E00800000000
SUMMARY;LANGUAGE=en-AU:Year 4 buddies
DTSTART;TZID=AUS Eastern Standard Time:20261110T173000
DTEND;TZID=AUS Eastern Standard Time:20261110T180000
SEQUENCE:0
DTSTAMP:20261101T000000Z
END:VEVENT
END:VCALENDAR
"""


def test_outlook_invitation_from_a_partner(network_store, cli, tmp_path):
    path = tmp_path / "invite.ics"
    path.write_text(OUTLOOK.replace("\n", "\r\n"))
    ran = cli("sessions", "import", str(path), "--json")
    assert ran.code == 0, ran.err
    assert ran.json()["added"] == [1]
    [listed] = cli("sessions", "list", "--json").json()
    assert listed["schools"] == ["harbour", "oakfield"]
    assert listed["zone"] == "Australia/Sydney"
    assert listed["start"] == "2026-11-10T06:30:00Z"
    assert listed["minutes"] == 30
    assert listed["weekly_until"] == "2026-12-01"
    assert listed["link"] == "https://teams.microsoft.com/l/meetup-join/19%3ameeting_x"
    with network_store.session() as session:
        row = session.get(CallSession, 1)
    assert [o.start for o in session_occurrences(row) if not o.skipped] == [
        datetime(2026, 11, 10, 6, 30, tzinfo=UTC),
        datetime(2026, 11, 24, 6, 30, tzinfo=UTC),
        datetime(2026, 12, 1, 6, 30, tzinfo=UTC),
    ]
    assert cli("sessions", "import", str(path), "--json").json()["unchanged"] == [1]
    updated = OUTLOOK.replace("SEQUENCE:0", "SEQUENCE:1").replace("T173000", "T174500")
    path.write_text(updated.replace("T180000", "T181500"))
    assert cli("sessions", "import", str(path), "--json").json()["updated"] == [1]
    cancelled = updated.replace("METHOD:REQUEST", "METHOD:CANCEL").replace(
        "SEQUENCE:1", "SEQUENCE:2"
    )
    path.write_text(cancelled)
    assert cli("sessions", "import", str(path), "--json").json()["cancelled"] == [1]
    assert cli("sessions", "list", "--json").json()[0]["status"] == "cancelled"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("this is not a calendar", "line 1: this line is not a calendar entry"),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "holds no events"),
        (OUTLOOK.replace("FREQ=WEEKLY;COUNT=4", "FREQ=MONTHLY;COUNT=4"), "only weekly series"),
        (OUTLOOK.replace("UID:040000008200E00074C5B7101A82E00800000000\n", ""), "has no UID"),
        (
            OUTLOOK.replace(
                "DTEND;TZID=AUS Eastern Standard Time:20261110T180000",
                "DTEND;TZID=AUS Eastern Standard Time:20261110T170000",
            ),
            "ends before",
        ),
    ],
)
def test_bad_ics_is_refused_and_nothing_stored(network_store, cli, tmp_path, content, message):
    path = tmp_path / "bad.ics"
    path.write_text(content)
    ran = cli("sessions", "import", str(path))
    assert ran.code == 2
    assert message in ran.err
    assert cli("sessions", "list", "--json").json() == []
