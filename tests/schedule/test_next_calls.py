"""The next calls, defined once: ``sessions next`` and Today's "Next calls" and reminders.

Each booked series counts once, by its next week that takes place; a week skipped
for a closure, a call that has ended and a cancelled session are never "next".
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from kaizen_exchange.schedule.sessions import NewSession, add_session, cancel_session
from kaizen_exchange.schedule.upcoming import next_calls
from kaizen_exchange.store.db import Store
from tests.helpers.cli import Cli
from tests.helpers.planner import set_clock

#: A Monday, after Oakfield's 07:30 call of that day has ended, before half term.
MONDAY = datetime(2026, 10, 19, 9, 0, tzinfo=UTC)


def _book(store: Store, schools: list[str], start: str, until: date | None = None) -> int:
    new = NewSession(
        schools, start, "oakfield", 30, f"Call {start}", weekly_until=until, force=True
    )
    session_id = add_session(store, new).session.id
    assert session_id is not None
    return session_id


@pytest.fixture
def booked(network_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    """A weekly series over half term, a one-off call, a cancelled one and one that is over."""
    _book(network_store, ["oakfield", "harbour"], "2026-10-19 07:30", date(2026, 11, 9))
    _book(network_store, ["oakfield", "wattle"], "2026-10-21 08:00")
    cancel_session(network_store, _book(network_store, ["oakfield", "harbour"], "2026-10-20 08:00"))
    _book(network_store, ["oakfield", "wattle"], "2026-10-12 08:00")
    set_clock(monkeypatch, MONDAY)
    return network_store


def test_the_next_calls_skip_half_term_and_what_is_over_or_cancelled(booked: Store) -> None:
    calls = next_calls(booked)
    assert [(c.title, c.start) for c in calls] == [
        ("Call 2026-10-21 08:00", datetime(2026, 10, 21, 7, 0, tzinfo=UTC)),
        # the series: 19 Oct is over, 26 Oct is half term at Oakfield
        ("Call 2026-10-19 07:30", datetime(2026, 11, 2, 7, 30, tzinfo=UTC)),
    ]
    assert calls[1].zones == ["Europe/London", "Australia/Sydney"]
    assert len(next_calls(booked, limit=1)) == 1


def test_the_command_line_lists_the_calls_the_window_lists(booked: Store, cli: Cli) -> None:
    ran = cli("sessions", "next", "--json")
    assert ran.code == 0, ran.err
    assert ran.json() == [call.to_json() for call in next_calls(booked)]
    assert ran.json()[0]["start"] == "2026-10-21T07:00:00+00:00"
    text = cli("sessions", "next").out
    assert "oakfield Wed 08:00  |  wattle Wed 15:00" in text  # each school's own clock
    assert "Call 2026-10-20" not in text


def test_no_calls_coming_says_what_to_do(network_store: Store, cli: Cli) -> None:
    assert "Find a time with 'kaizen-exchange slots'" in cli("sessions", "next").out
