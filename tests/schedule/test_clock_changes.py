"""Fixed cases around every UK and Australian clock change of 2026 and 2027.

Expected values are worked out by hand from the offsets written below, not from the
code under test: a window straddling the change loses (spring) or gains (autumn)
exactly the shifted time, and the London–Sydney overlap steps between three widths
as first one hemisphere and then the other changes its clocks.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from kaizen_exchange.schedule.calendars import CallHours, Period, SchoolCalendar
from kaizen_exchange.schedule.slots import find_slots

ALL_DAYS = frozenset(range(7))
ALWAYS = [Period("all year", date(2025, 6, 1), date(2028, 6, 30))]

UK_SPRING = [date(2026, 3, 29), date(2027, 3, 28)]
UK_AUTUMN = [date(2026, 10, 25), date(2027, 10, 31)]
AU_AUTUMN = [date(2026, 4, 5), date(2027, 4, 4)]  # daylight saving ends
AU_SPRING = [date(2026, 10, 4), date(2027, 10, 3)]  # daylight saving starts

#: (zone, Sunday, offset before, offset after), offsets in hours.
STRADDLES = (
    [("Europe/London", d, 0, 1) for d in UK_SPRING]
    + [("Europe/London", d, 1, 0) for d in UK_AUTUMN]
    + [("Europe/Dublin", d, 0, 1) for d in UK_SPRING]
    + [("Europe/Dublin", d, 1, 0) for d in UK_AUTUMN]
    + [
        (z, d, 11, 10)
        for z in ("Australia/Sydney", "Australia/Melbourne", "Australia/Hobart", "Australia/ACT")
        for d in AU_AUTUMN
    ]
    + [
        (z, d, 10, 11)
        for z in ("Australia/Sydney", "Australia/Melbourne", "Australia/Hobart", "Australia/ACT")
        for d in AU_SPRING
    ]
    + [
        (z, d, 10.5, 9.5)
        for z in ("Australia/Adelaide", "Australia/Broken_Hill")
        for d in AU_AUTUMN
    ]
    + [
        (z, d, 9.5, 10.5)
        for z in ("Australia/Adelaide", "Australia/Broken_Hill")
        for d in AU_SPRING
    ]
    + [("Australia/Lord_Howe", d, 11, 10.5) for d in AU_AUTUMN]
    + [("Australia/Lord_Howe", d, 10.5, 11) for d in AU_SPRING]
    + [
        (z, d, off, off)
        for z, off in (
            ("Australia/Brisbane", 10),
            ("Australia/Perth", 8),
            ("Australia/Darwin", 9.5),
        )
        for d in AU_AUTUMN + AU_SPRING
    ]
)


def school(
    school_id: str, zone: str, start: time, end: time, days=ALL_DAYS, country="GB", subdivision=None
) -> SchoolCalendar:
    return SchoolCalendar(
        school_id,
        school_id,
        zone,
        country,
        subdivision,
        CallHours(start, end, days),
        terms=list(ALWAYS),
    )


def utc(day: date, hours: float) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=hours)


@pytest.mark.parametrize(("zone", "day", "before", "after"), STRADDLES)
def test_window_across_the_change_is_exact(zone, day, before, after):
    """00:00–05:00 local on the change night: one interval, shortened or lengthened."""
    # Country "ZZ" has no public holidays, so only the clocks matter here.
    calendar = school("x", zone, time(0, 0), time(5, 0), country="ZZ")
    result = find_slots([calendar], day, day, minutes=1)
    assert [(s.start, s.end) for s in result.slots] == [(utc(day, 0 - before), utc(day, 5 - after))]
    assert result.slots[0].minutes == round((5 - after + before) * 60)


@pytest.mark.parametrize(("zone", "day", "before", "after"), STRADDLES)
def test_days_either_side_keep_their_own_offset(zone, day, before, after):
    calendar = school("x", zone, time(0, 0), time(5, 0), country="ZZ")
    saturday, monday = day - timedelta(days=1), day + timedelta(days=1)
    result = find_slots([calendar], saturday, monday, minutes=1)
    assert [(s.start, s.end) for s in result.slots] == [
        (utc(saturday, -before), utc(saturday, 5 - before)),
        (utc(day, -before), utc(day, 5 - after)),
        (utc(monday, -after), utc(monday, 5 - after)),
    ]


# London 07:00–09:00 and Sydney 16:00–18:30, Monday to Friday. In UTC:
# GMT + AEDT (11 h apart): London 07:00–09:00, Sydney 05:00–07:30 → 07:00–07:30
# BST + AEDT (10 h apart): London 06:00–08:00, Sydney 05:00–07:30 → 06:00–07:30
# BST + AEST  (9 h apart): London 06:00–08:00, Sydney 06:00–08:30 → 06:00–08:00
GA, BA, BS = (7, 7.5), (6, 7.5), (6, 8)
PAIR_CASES = {
    date(2026, 3, 29): {
        date(2026, 3, 26): GA,
        date(2026, 3, 27): GA,
        date(2026, 3, 30): BA,
        date(2026, 3, 31): BA,
    },
    # Good Friday 3 April and Easter Monday 6 April are public holidays on both sides.
    date(2026, 4, 5): {
        date(2026, 4, 1): BA,
        date(2026, 4, 2): BA,
        date(2026, 4, 7): BS,
        date(2026, 4, 8): BS,
    },
    # Monday 5 October is Labour Day in New South Wales.
    date(2026, 10, 4): {
        date(2026, 10, 1): BS,
        date(2026, 10, 2): BS,
        date(2026, 10, 6): BA,
        date(2026, 10, 7): BA,
    },
    date(2026, 10, 25): {
        date(2026, 10, 22): BA,
        date(2026, 10, 23): BA,
        date(2026, 10, 26): GA,
        date(2026, 10, 27): GA,
    },
    # Easter 2027: Good Friday 26 March, Easter Monday 29 March.
    date(2027, 3, 28): {date(2027, 3, 25): GA, date(2027, 3, 30): BA, date(2027, 3, 31): BA},
    date(2027, 4, 4): {
        date(2027, 4, 1): BA,
        date(2027, 4, 2): BA,
        date(2027, 4, 5): BS,
        date(2027, 4, 6): BS,
    },
    date(2027, 10, 3): {
        date(2027, 9, 30): BS,
        date(2027, 10, 1): BS,
        date(2027, 10, 5): BA,
        date(2027, 10, 6): BA,
    },
    date(2027, 10, 31): {
        date(2027, 10, 28): BA,
        date(2027, 10, 29): BA,
        date(2027, 11, 1): GA,
        date(2027, 11, 2): GA,
    },
}


@pytest.mark.parametrize("sunday", sorted(PAIR_CASES))
def test_london_sydney_overlap_steps_with_each_change(sunday):
    expected = PAIR_CASES[sunday]
    london = school("london", "Europe/London", time(7), time(9), frozenset(range(5)), "GB", "ENG")
    sydney = school(
        "sydney", "Australia/Sydney", time(16), time(18, 30), frozenset(range(5)), "AU", "NSW"
    )
    first, last = min(expected), max(expected)
    result = find_slots([london, sydney], first, last, minutes=15)
    assert [(s.start, s.end) for s in result.slots] == [
        (utc(d, a), utc(d, b)) for d, (a, b) in sorted(expected.items())
    ]
    for slot in result.slots:
        assert not slot.weekday_differs
        assert slot.local["sydney"][0].date() == slot.local["london"][0].date()


# Adelaide and Lord Howe against London 07:00–09:00, partner 16:00–18:30, around the
# Australian changes (London on BST throughout). In UTC:
#   Adelaide +10:30 → 05:30–08:00 ∩ 06:00–08:00 = 06:00–08:00; +09:30 → 06:30–09:00 → 06:30–08:00
#   Lord Howe +11:00 → 05:00–07:30 → 06:00–07:30;             +10:30 → 05:30–08:00 → 06:00–08:00
HALF_HOURS = [
    ("Australia/Adelaide", "SA", date(2026, 4, 2), (6, 8)),
    ("Australia/Adelaide", "SA", date(2026, 4, 8), (6.5, 8)),
    ("Australia/Adelaide", "SA", date(2026, 10, 2), (6.5, 8)),
    ("Australia/Adelaide", "SA", date(2026, 10, 6), (6, 8)),
    ("Australia/Lord_Howe", "NSW", date(2027, 4, 1), (6, 7.5)),
    ("Australia/Lord_Howe", "NSW", date(2027, 4, 6), (6, 8)),
    ("Australia/Lord_Howe", "NSW", date(2027, 10, 1), (6, 8)),
    ("Australia/Lord_Howe", "NSW", date(2027, 10, 6), (6, 7.5)),
]


@pytest.mark.parametrize(("zone", "state", "day", "hours"), HALF_HOURS)
def test_half_hour_zones_around_the_australian_changes(zone, state, day, hours):
    london = school("london", "Europe/London", time(7), time(9), frozenset(range(5)), "GB", "ENG")
    partner = school("p", zone, time(16), time(18, 30), frozenset(range(5)), "AU", state)
    result = find_slots([london, partner], day, day, minutes=15)
    assert [(s.start, s.end) for s in result.slots] == [(utc(day, hours[0]), utc(day, hours[1]))]


def test_session_check_names_the_side_whose_clocks_changed():
    """A weekly call on London time across Sydney's October change, then London's."""
    from kaizen_exchange.schedule.checks import SessionChecker
    from kaizen_exchange.schedule.occurrences import occurrences

    london = school("london", "Europe/London", time(7), time(9), frozenset(range(5)), "ZZ")
    sydney = school("sydney", "Australia/Sydney", time(16), time(18, 30), frozenset(range(5)), "ZZ")
    first = datetime(2026, 9, 29, 6, 15, tzinfo=UTC)  # Tue 07:15 BST
    items = occurrences(first, "Europe/London", 30, date(2026, 11, 3), set())
    reports = SessionChecker([london, sydney], "Europe/London", "london").check(items)
    changes = [
        (r.start.date().isoformat(), p.school, p.detail)
        for r in reports
        for p in r.problems
        if p.kind == "clock_change"
    ]
    assert changes == [
        (
            "2026-10-06",
            "sydney",
            "from Tue 6 Oct 2026 the call is at 17:15 in Sydney instead of 16:15 "
            "(clocks changed in Sydney)",
        ),
        (
            "2026-10-27",
            "sydney",
            "from Tue 27 Oct 2026 the call is at 18:15 in Sydney instead of 17:15 "
            "(clocks changed in London)",
        ),
    ]
    # London keeps its wall clock all through: 07:15 every week.
    assert {r.local["london"].strftime("%H:%M") for r in reports} == {"07:15"}
