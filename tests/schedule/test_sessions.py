"""Booking, checking, listing and cancelling sessions through the command line."""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from kaizen_exchange.schedule.models import CallSession, CallSessionSchool

BOOK = ("sessions", "add", "--school", "oakfield", "--school", "harbour", "--zone", "oakfield")


def count_sessions(store) -> int:
    with store.session() as session:
        return len(session.exec(select(CallSession)).all())


def test_weekly_series_reports_clock_changes_and_skips_breaks(network_store, cli):
    ran = cli(
        *BOOK,
        "--start",
        "2026-10-13 07:15",
        "--minutes",
        "30",
        "--title",
        "Book buddies",
        "--link",
        "https://meet.jit.si/kaizen-book-buddies",
        "--weekly-until",
        "2026-11-10",
        "--json",
    )
    assert ran.code == 0, ran.err
    report = ran.json()
    starts = [o["start"] for o in report["occurrences"]]
    # 27 October is in Oakfield's half term: left out of the series (an EXDATE).
    assert starts == [
        "2026-10-13T06:15:00Z",
        "2026-10-20T06:15:00Z",
        "2026-11-03T07:15:00Z",
        "2026-11-10T07:15:00Z",
    ]
    assert [o["start"] for o in report["skipped"]] == ["2026-10-27T07:15:00Z"]
    assert report["skipped"][0]["problems"][0]["kind"] == "closure"
    changes = {
        o["start"]: [p["detail"] for p in o["problems"] if p["kind"] == "clock_change"]
        for o in report["occurrences"]
    }
    # Compared with the previous call that really happens (20 Oct), not the skipped one.
    assert changes == {
        "2026-10-13T06:15:00Z": [],
        "2026-10-20T06:15:00Z": [],
        "2026-11-03T07:15:00Z": [
            "from Tue 3 Nov 2026 the call is at 18:15 in Sydney instead of 17:15 "
            "(clocks changed in London)"
        ],
        "2026-11-10T07:15:00Z": [],
    }
    assert report["occurrences"][0]["local"] == {
        "oakfield": "2026-10-13T07:15:00+01:00",
        "harbour": "2026-10-13T17:15:00+11:00",
    }
    # 17:15 fits Harbour's 16:00–18:30; 18:15–18:45 does not.
    kinds = [[p["kind"] for p in o["problems"]] for o in report["occurrences"]]
    assert kinds[0] == []
    assert kinds[2] == ["outside_window", "clock_change"]


def test_check_gives_the_same_report_later(network_store, cli):
    added = cli(
        *BOOK,
        "--start",
        "2026-10-13 07:15",
        "--title",
        "T",
        "--weekly-until",
        "2026-11-10",
        "--json",
    ).json()
    checked = cli("sessions", "check", str(added["session"]), "--json").json()
    assert checked == added
    text = cli("sessions", "check", str(added["session"]))
    assert text.code == 0
    assert "clock_change: from Tue 3 Nov 2026" in text.out


def test_single_session_outside_a_window_is_refused_unless_forced(network_store, cli):
    ran = cli(*BOOK, "--start", "2026-11-03 08:15", "--title", "Too late for Sydney")
    assert ran.code == 2
    assert "19:15–19:45 in Sydney is outside Harbour Public School's call window" in ran.err
    assert "--force" in ran.err
    assert count_sessions(network_store) == 0
    forced = cli(*BOOK, "--start", "2026-11-03 08:15", "--title", "Anyway", "--force", "--json")
    assert forced.code == 0
    assert forced.json()["occurrences"][0]["problems"][0]["kind"] == "outside_window"
    assert count_sessions(network_store) == 1


def test_weekday_differs_is_flagged(network_store, cli):
    # Monday 08:00 in Sydney is Sunday 21:00 in London (November).
    ran = cli(
        "sessions",
        "add",
        "--school",
        "harbour",
        "--school",
        "oakfield",
        "--zone",
        "harbour",
        "--start",
        "2026-11-09 08:00",
        "--title",
        "Early",
        "--force",
        "--json",
    )
    problems = ran.json()["occurrences"][0]["problems"]
    assert {
        "school": "oakfield",
        "kind": "weekday_differs",
        "detail": "Sunday 21:00 at Oakfield Primary but Monday 08:00 at Harbour Public School",
    } in problems
    assert any(p["kind"] == "not_school_day" for p in problems)


def test_public_holiday_and_term_break_are_named(network_store, cli):
    # 5 Oct 2026 is Labour Day in NSW; 21 Dec is in Oakfield's Christmas break.
    ran = cli(*BOOK, "--start", "2026-10-05 08:00", "--title", "x", "--force", "--json")
    assert [p["kind"] for p in ran.json()["occurrences"][0]["problems"]] == ["public_holiday"]
    ran = cli(*BOOK, "--start", "2026-12-21 08:00", "--title", "x", "--force", "--json")
    kinds = {(p["school"], p["kind"]) for p in ran.json()["occurrences"][0]["problems"]}
    assert ("oakfield", "term_break") in kinds
    assert ("harbour", "term_break") in kinds  # NSW school holidays, from the holidays package


def test_list_json_has_the_contract_fields(network_store, cli):
    cli(
        *BOOK,
        "--start",
        "2026-06-02 08:00",
        "--title",
        "Kites",
        "--link",
        "https://teams.microsoft.com/l/meetup-join/abc",
        "--weekly-until",
        "2026-06-30",
    )
    listed = cli("sessions", "list", "--json").json()
    assert listed == [
        {
            "id": 1,
            "uid": listed[0]["uid"],
            "title": "Kites",
            "schools": ["oakfield", "harbour"],
            "start": "2026-06-02T07:00:00Z",
            "minutes": 30,
            "zone": "Europe/London",
            "link": "https://teams.microsoft.com/l/meetup-join/abc",
            "weekly_until": "2026-06-30",
            "status": "booked",
        }
    ]
    assert listed[0]["uid"].endswith("@kaizen-exchange")
    assert "Kites" in cli("sessions", "list").out


def test_cancel_raises_sequence_and_frees_the_slot(network_store, cli):
    before = cli(
        "slots",
        "--school",
        "oakfield",
        "--school",
        "harbour",
        "--from",
        "2026-06-02",
        "--to",
        "2026-06-02",
        "--json",
    ).json()
    assert [(s["start"], s["end"]) for s in before] == [
        ("2026-06-02T06:00:00Z", "2026-06-02T08:00:00Z")
    ]
    cli(*BOOK, "--start", "2026-06-02 08:00", "--title", "Kites")
    booked = cli(
        "slots",
        "--school",
        "oakfield",
        "--school",
        "harbour",
        "--from",
        "2026-06-02",
        "--to",
        "2026-06-02",
        "--json",
    ).json()
    assert [(s["start"], s["end"]) for s in booked] == [
        ("2026-06-02T06:00:00Z", "2026-06-02T07:00:00Z"),
        ("2026-06-02T07:30:00Z", "2026-06-02T08:00:00Z"),
    ]
    # Wattle is not in the session, so its own windows are untouched by it.
    assert cli("sessions", "cancel", "1").code == 0
    with network_store.session() as session:
        row = session.get(CallSession, 1)
    assert (row.status, row.sequence) == ("cancelled", 1)
    assert "already cancelled" in cli("sessions", "cancel", "1").out
    after = cli(
        "slots",
        "--school",
        "oakfield",
        "--school",
        "harbour",
        "--from",
        "2026-06-02",
        "--to",
        "2026-06-02",
        "--json",
    ).json()
    assert after == before


def test_bad_input_is_refused_with_nothing_stored(network_store, cli):
    cases = {
        ("--school", "nowhere"): "unknown school id 'nowhere'",
        ("--start", "2026-03-29 01:30"): "does not exist in Europe/London",
        ("--start", "2026-13-01 08:00"): "not a real date",
        ("--start", "tomorrow"): "should look like",
        ("--link", "http://zoom.us/j/1"): "is not a secure web address",
        ("--link", "zoom us/j/1"): "is not a secure web address",
        ("--minutes", "0"): "--minutes 0",
        ("--weekly-until", "2026-01-01"): "is before the first call",
        ("--weekly-until", "2029-01-01"): "more than two years",
        ("--zone", "Mars/Olympus"): "neither a school id nor a time zone",
    }
    for change, message in cases.items():
        argv: dict[str, Any] = {
            "--school": ["oakfield", "harbour"],
            "--start": "2026-06-02 08:00",
            "--zone": "oakfield",
            "--title": "T",
            "--minutes": "30",
        }
        key, value = change
        if key == "--school":
            argv[key] = ["oakfield", value]
        else:
            argv[key] = value
        flat = ["sessions", "add"]
        for name, given in argv.items():
            for item in given if isinstance(given, list) else [given]:
                flat += [name, item]
        ran = cli(*flat)
        assert ran.code == 2, (change, ran.err)
        assert message in ran.err, (change, ran.err)
    assert count_sessions(network_store) == 0
    with network_store.session() as session:
        assert session.exec(select(CallSessionSchool)).all() == []


def test_gap_message_names_the_missing_hour(network_store, cli):
    ran = cli(*BOOK, "--start", "2026-03-29 01:30", "--title", "T")
    assert "the clocks go forward from 01:00 to 02:00" in ran.err
    ran = cli(
        "sessions",
        "add",
        "--school",
        "harbour",
        "--zone",
        "harbour",
        "--start",
        "2026-10-04 02:15",
        "--title",
        "T",
    )
    assert "from 02:00 to 03:00" in ran.err


def test_repeated_hour_takes_the_first_and_fold_picks_the_second(network_store, cli):
    first = cli(*BOOK, "--start", "2026-10-25 01:30", "--title", "T", "--force", "--json")
    assert first.code == 0
    assert "happens twice" in first.err and "--fold 1" in first.err
    assert first.json()["occurrences"][0]["start"] == "2026-10-25T00:30:00Z"
    second = cli(
        *BOOK, "--start", "2026-10-25 01:30", "--title", "T", "--force", "--fold", "1", "--json"
    )
    assert second.err == ""
    assert second.json()["occurrences"][0]["start"] == "2026-10-25T01:30:00Z"


def test_unknown_session_id(network_store, cli):
    ran = cli("sessions", "check", "42")
    assert ran.code == 2 and "no session 42" in ran.err


def test_series_cannot_start_in_the_second_pass_of_a_repeated_hour(network_store, cli):
    ran = cli(
        *BOOK,
        "--start",
        "2026-10-25 01:30",
        "--title",
        "T",
        "--fold",
        "1",
        "--weekly-until",
        "2026-11-29",
    )
    assert ran.code == 2 and "second pass of a repeated hour" in ran.err
    assert count_sessions(network_store) == 0
