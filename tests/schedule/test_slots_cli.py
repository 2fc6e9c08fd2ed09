"""``kaizen-exchange slots``: the JSON contract, the readable table, near-misses, bad input."""

from __future__ import annotations

SLOTS = ("slots", "--school", "oakfield", "--school", "harbour")


def test_json_contract_in_june(network_store, cli):
    ran = cli(*SLOTS, "--from", "2026-06-01", "--to", "2026-06-05", "--json")
    assert ran.code == 0, ran.err
    slots = ran.json()
    # London 07:00–09:00 BST (06:00–08:00 UTC); Sydney 16:00–18:30 AEST (06:00–08:30 UTC).
    assert [s["start"] for s in slots] == [f"2026-06-0{d}T06:00:00Z" for d in range(1, 6)]
    assert slots[0] == {
        "start": "2026-06-01T06:00:00Z",
        "end": "2026-06-01T08:00:00Z",
        "minutes": 120,
        "local": {
            "oakfield": {
                "start": "2026-06-01T07:00:00+01:00",
                "end": "2026-06-01T09:00:00+01:00",
                "date": "2026-06-01",
                "utc_offset": "+01:00",
            },
            "harbour": {
                "start": "2026-06-01T16:00:00+10:00",
                "end": "2026-06-01T18:00:00+10:00",
                "date": "2026-06-01",
                "utc_offset": "+10:00",
            },
        },
        "weekday_differs": False,
    }


def test_november_has_a_short_window_and_the_table_shows_both_clocks(network_store, cli):
    ran = cli(*SLOTS, "--from", "2026-11-02", "--to", "2026-11-06", "--minutes", "30")
    assert ran.code == 0
    # GMT and AEDT: London 07:00–09:00 UTC, Sydney 05:00–07:30 UTC → 07:00–07:30.
    assert "Mon 2 Nov 07:00–07:30 (+00:00)" in ran.out
    assert "Mon 2 Nov 18:00–18:30 (+11:00)" in ran.out
    assert "5 window(s)." in ran.out
    longer = cli(*SLOTS, "--from", "2026-11-02", "--to", "2026-11-06", "--minutes", "45")
    assert "No common window found" in longer.out
    assert (
        "Harbour Public School would have to end its calls 15 minutes later (18:45 instead of 18:30, its "
        "local time), e.g. on Mon 2 Nov 2026"
    ) in longer.out
    assert (
        "Oakfield Primary would have to start its calls 15 minutes earlier (06:45 instead of 07:00"
        in longer.out
    )


def test_json_with_no_window_prints_an_empty_list_and_explains_on_stderr(network_store, cli):
    ran = cli(*SLOTS, "--from", "2026-11-02", "--to", "2026-11-06", "--minutes", "45", "--json")
    assert ran.json() == []
    assert "near-misses" in ran.err


def test_perth_and_london_in_term_time(network_store, cli):
    # Perth 14:00–17:00 AWST = 06:00–09:00 UTC; London 07:00–09:00 BST = 06:00–08:00 UTC.
    # Monday 1 June is Western Australia Day, a public holiday in Perth only.
    ran = cli(
        "slots",
        "--school",
        "wattle",
        "--school",
        "oakfield",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-02",
        "--json",
    )
    assert [(s["start"], s["end"]) for s in ran.json()] == [
        ("2026-06-02T06:00:00Z", "2026-06-02T08:00:00Z")
    ]


def test_weekday_differs_is_flagged(store, cli):
    from tests.helpers.planner import add_school

    everyday = "Mon,Tue,Wed,Thu,Fri,Sat,Sun"
    add_school(
        store, "london", "Europe/London", calls=("20:00", "22:00"), weekdays=everyday, country="ZZ"
    )
    add_school(
        store,
        "sydney",
        "Australia/Sydney",
        calls=("07:00", "09:00"),
        weekdays=everyday,
        country="ZZ",
    )
    ran = cli(
        "slots",
        "--school",
        "london",
        "--school",
        "sydney",
        "--from",
        "2026-11-08",
        "--to",
        "2026-11-08",
        "--json",
    )
    [slot] = ran.json()
    assert slot["weekday_differs"] is True
    assert slot["local"]["london"]["date"] == "2026-11-08"  # Sunday evening
    assert slot["local"]["sydney"]["date"] == "2026-11-09"  # Monday morning
    table = cli(
        "slots",
        "--school",
        "london",
        "--school",
        "sydney",
        "--from",
        "2026-11-08",
        "--to",
        "2026-11-08",
    )
    assert "≠ weekday" in table.out


def test_warnings_say_where_the_calendar_is_guessing(store, cli):
    from tests.helpers.planner import add_school

    add_school(store, "uk", "Europe/London", subdivision="ENG", calls=("07:00", "09:00"))
    add_school(
        store, "act", "Australia/Sydney", country="AU", subdivision="ACT", calls=("16:00", "18:30")
    )
    ran = cli(
        "slots",
        "--school",
        "uk",
        "--school",
        "act",
        "--from",
        "2028-02-01",
        "--to",
        "2028-02-04",
        "--json",
    )
    assert ran.code == 0
    assert "uk has no term dates" in ran.err
    assert "terms import FILE --school uk" in ran.err
    assert "no ACT school holidays for 2028" in ran.err


def test_bad_ranges_and_ids(network_store, cli):
    cases = [
        (("--from", "2026-06-05", "--to", "2026-06-01"), "is before the start date"),
        (("--from", "2026-01-01", "--to", "2028-06-01"), "more than two years"),
        (("--from", "2026-02-30", "--to", "2026-03-01"), "is not a date"),
        (("--from", "2026-06-01", "--to", "2026-06-05", "--minutes", "0"), "--minutes 0"),
    ]
    for extra, message in cases:
        ran = cli(*SLOTS, *extra)
        assert ran.code == 2 and message in ran.err, (extra, ran.err)
    ran = cli(
        "slots",
        "--school",
        "oakfield",
        "--school",
        "atlantis",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-02",
    )
    assert ran.code == 2
    assert "unknown school id 'atlantis'" in ran.err and "harbour" in ran.err
    ran = cli(
        "slots",
        "--school",
        "oakfield",
        "--school",
        "oakfield",
        "--from",
        "2026-06-01",
        "--to",
        "2026-06-02",
    )
    assert ran.code == 2 and "named twice" in ran.err
