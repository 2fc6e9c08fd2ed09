"""The planner never offers or books a time that has passed (issue 10).

At 17:12 the window offered 07:45 the same morning and booked it without a word.
Windows now start from the planner's clock, a single call in the past is refused
(exit 2) unless forced, and a weekly series whose first call has passed begins
with its next one.
"""

from __future__ import annotations

from datetime import UTC, datetime

from kaizen_exchange.schedule.sessions import NewSession, list_sessions, update_session
from tests.helpers.planner import set_clock

SLOTS = ("slots", "--school", "oakfield", "--school", "harbour")
BOOK = ("sessions", "add", "--school", "oakfield", "--school", "harbour", "--zone", "oakfield")
#: Mon 1 Jun 2026, 07:12 in London (BST): the day's window (07:00–09:00) is under way.
MONDAY_0712 = datetime(2026, 6, 1, 6, 12, 23, tzinfo=UTC)


def test_windows_start_from_now(network_store, cli, monkeypatch):
    set_clock(monkeypatch, MONDAY_0712)
    ran = cli(*SLOTS, "--from", "2026-06-01", "--to", "2026-06-02", "--json")
    assert ran.code == 0, ran.err
    # Today's window is offered from the next round five minutes, tomorrow's whole.
    assert [(s["start"], s["end"]) for s in ran.json()] == [
        ("2026-06-01T06:15:00Z", "2026-06-01T08:00:00Z"),
        ("2026-06-02T06:00:00Z", "2026-06-02T08:00:00Z"),
    ]


def test_a_window_that_has_passed_today_is_not_offered(network_store, cli, monkeypatch):
    set_clock(monkeypatch, datetime(2026, 6, 1, 16, 12, tzinfo=UTC))  # 17:12 in London
    ran = cli(*SLOTS, "--from", "2026-06-01", "--to", "2026-06-02", "--json")
    assert [s["start"] for s in ran.json()] == ["2026-06-02T06:00:00Z"]


def test_dates_that_have_all_passed_are_refused(network_store, cli, monkeypatch):
    set_clock(monkeypatch, datetime(2026, 6, 10, 12, 0, tzinfo=UTC))
    ran = cli(*SLOTS, "--from", "2026-06-01", "--to", "2026-06-05")
    assert ran.code == 2
    assert "Mon 1 Jun 2026 to Fri 5 Jun 2026 has already passed" in ran.err


def test_a_call_in_the_past_is_refused_unless_forced(network_store, cli, monkeypatch):
    set_clock(monkeypatch, datetime(2026, 6, 1, 16, 12, tzinfo=UTC))
    args = (*BOOK, "--start", "2026-06-01 07:45", "--title", "Missed")
    refused = cli(*args)
    assert refused.code == 2
    assert "Mon 1 Jun 2026 07:45 in London has already passed" in refused.err
    assert "(it is now Mon 1 Jun 2026 17:12 in London)" in refused.err
    assert list_sessions(network_store) == []
    forced = cli(*args, "--force")
    assert forced.code == 0, forced.err
    assert len(list_sessions(network_store)) == 1


def test_a_series_whose_first_call_has_passed_begins_with_the_next(network_store, cli, monkeypatch):
    set_clock(monkeypatch, datetime(2026, 6, 1, 16, 12, tzinfo=UTC))
    ran = cli(
        *BOOK,
        "--start",
        "2026-06-01 07:45",
        "--title",
        "Weekly",
        "--weekly-until",
        "2026-06-22",
        "--json",
    )
    assert ran.code == 0, ran.err
    report = ran.json()
    # 1 June has passed; 8 June is the King's Birthday in Sydney (left out, not the start).
    assert [o["start"] for o in report["occurrences"]] == [
        "2026-06-15T06:45:00Z",
        "2026-06-22T06:45:00Z",
    ]
    assert [o["start"] for o in report["skipped"]] == ["2026-06-08T06:45:00Z"]
    assert "the series begins with the next one (Mon 8 Jun 2026 07:45 in London)" in ran.err
    late = cli(
        *BOOK, "--start", "2026-05-04 07:45", "--title", "Old", "--weekly-until", "2026-05-25"
    )
    assert late.code == 2
    assert "every call of the series has already passed" in late.err


def test_a_running_series_can_still_be_edited(network_store, cli, monkeypatch):
    booked = cli(
        *BOOK, "--start", "2026-06-01 07:45", "--title", "Weekly", "--weekly-until", "2026-06-22"
    )
    assert booked.code == 0, booked.err
    set_clock(monkeypatch, datetime(2026, 6, 10, 12, 0, tzinfo=UTC))  # two calls have happened
    ((row, schools),) = list_sessions(network_store)
    change = NewSession(
        schools=schools,
        start="2026-06-01 07:45",
        zone="oakfield",
        minutes=30,
        title="Weekly, renamed",
        weekly_until=row.weekly_until,
    )
    report = update_session(network_store, row.id or 0, change)
    # Renaming keeps the series as it is: it still began on 1 June.
    assert report.session.start_utc() == datetime(2026, 6, 1, 6, 45, tzinfo=UTC)
    assert report.session.title == "Weekly, renamed"


def test_messages_name_the_schools_not_their_ids(network_store, cli):
    """Seen: "greenfield is closed", "wattle-creek would have to end its calls"."""
    closed = cli(*BOOK, "--start", "2026-10-27 07:45", "--title", "Half term")
    assert closed.code == 2
    assert "Oakfield Primary is closed: Half term" in closed.err
    assert "oakfield is closed" not in closed.err
    none = cli(*SLOTS, "--from", "2026-11-02", "--to", "2026-11-06", "--minutes", "45")
    assert "Harbour Public School would have to end its calls" in none.out
    assert "No common window found. The schools' call windows" in none.out


def test_a_link_without_https_gets_it_and_a_bad_one_is_explained_plainly(network_store, cli):
    args = (*BOOK, "--start", "2026-06-02 07:45", "--title", "T", "--json")
    ran = cli(*args, "--link", "meet.jit.si/kaizen-book-buddies")
    assert ran.code == 0, ran.err
    ((row, _),) = list_sessions(network_store)
    assert row.link == "https://meet.jit.si/kaizen-book-buddies"
    bad = cli(*args, "--link", "meet jit si")
    assert bad.code == 2
    assert "--link" not in bad.err and "is not a secure web address" in bad.err
