"""Editing a booked call keeps its identity, so partners' calendars replace the event."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from kaizen_exchange.errors import BadInput
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.schedule.ical import export_sessions
from kaizen_exchange.schedule.sessions import NewSession, add_session, update_session
from kaizen_exchange.store.db import Store

NETWORK = """
[[schools]]
id = "oak"
name = "Oak Primary"
country = "GB"
subdivision = "ENG"
timezone = "Europe/London"
calls = { start = "07:30", end = "15:30" }
terms = [ { name = "Spring 2027", start = 2027-01-05, end = 2027-03-26 } ]

[[schools]]
id = "gum"
name = "Gum Tree School"
country = "AU"
subdivision = "NSW"
timezone = "Australia/Sydney"
calls = { start = "08:30", end = "19:30" }  # stays late for calls
terms = [ { name = "Term 1", start = 2027-02-01, end = 2027-04-09 } ]
"""


def _request(start: str, title: str = "Hello Gum Tree") -> NewSession:
    return NewSession(
        schools=["oak", "gum"],
        start=start,
        zone="oak",
        minutes=30,
        title=title,
        link="https://meet.example/abc",
    )


def test_an_edit_keeps_the_uid_and_raises_the_sequence(store: Store, tmp_path: Path) -> None:
    import_network(store, parse_network(NETWORK))
    booked = add_session(store, _request("2027-02-03 07:30")).session
    assert booked.id is not None

    edited = update_session(store, booked.id, _request("2027-02-04 07:45", "Maths trail")).session

    assert (edited.id, edited.uid) == (booked.id, booked.uid)
    assert edited.sequence == booked.sequence + 1
    export_sessions(store, tmp_path / "calls.ics")
    events = icalendar.Calendar.from_ical((tmp_path / "calls.ics").read_bytes()).walk("VEVENT")
    assert len(events) == 1
    (event,) = events
    assert str(event["UID"]) == booked.uid
    assert str(event["SUMMARY"]) == "Maths trail"
    assert event.decoded("DTSTART").strftime("%Y-%m-%d %H:%M") == "2027-02-04 07:45"
    assert int(str(event["SEQUENCE"])) == edited.sequence


def test_an_edit_that_would_be_refused_changes_nothing(store: Store) -> None:
    import_network(store, parse_network(NETWORK))
    booked = add_session(store, _request("2027-02-03 07:30")).session
    assert booked.id is not None
    with pytest.raises(BadInput):
        update_session(store, booked.id, _request("2027-02-03 12:00"))  # 23:00 in Sydney
    again = update_session(store, booked.id, _request("2027-02-03 07:30"))
    assert again.session.sequence == booked.sequence + 1  # the refused edit raised nothing
