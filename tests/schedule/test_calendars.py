"""School calendars: day status, defaults, the holidays package, and the warnings."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from kaizen_exchange.schedule import holiday_data
from kaizen_exchange.schedule.calendars import CallHours, Period, SchoolCalendar
from kaizen_exchange.schedule.loading import call_hours
from kaizen_exchange.store.models import School


def test_day_status_gives_the_first_reason():
    calendar = SchoolCalendar(
        "uk",
        "UK",
        "Europe/London",
        "GB",
        "ENG",
        terms=[Period("Autumn", date(2026, 9, 2), date(2026, 12, 18))],
        closures=[Period("Half term", date(2026, 10, 26), date(2026, 10, 30))],
    )
    assert calendar.day_status(date(2026, 9, 7)).school_day
    assert calendar.day_status(date(2026, 9, 5)).kind == "not_school_day"  # Saturday
    assert calendar.day_status(date(2026, 10, 27)).kind == "closure"
    assert calendar.day_status(date(2026, 8, 31)).kind == "public_holiday"  # bank holiday
    assert calendar.day_status(date(2026, 12, 21)).kind == "term_break"


def test_australian_school_without_terms_uses_state_school_holidays():
    nsw = SchoolCalendar("syd", "Syd", "Australia/Sydney", "AU", "NSW")
    assert nsw.day_status(date(2026, 4, 14)).kind == "term_break"  # NSW Term 1 holidays
    assert "Term 1 school holidays" in nsw.day_status(date(2026, 4, 14)).detail
    assert nsw.day_status(date(2026, 4, 21)).school_day
    assert nsw.day_status(date(2026, 1, 26)).kind == "public_holiday"  # Australia Day
    assert nsw.coverage_warnings(date(2026, 2, 1), date(2027, 12, 1)) == []


@pytest.mark.parametrize("state", ["ACT", "NSW", "NT", "QLD", "SA", "TAS", "VIC", "WA"])
def test_every_state_has_school_holidays_for_2026(state):
    assert holiday_data.school_holidays("AU", state, 2026)


def test_where_the_package_runs_out_is_said():
    act = SchoolCalendar("act", "ACT", "Australia/Sydney", "AU", "ACT")
    [warning] = act.coverage_warnings(date(2027, 11, 1), date(2028, 3, 1))
    assert "no ACT school holidays for 2028" in warning
    assert act.day_status(date(2028, 1, 12)).school_day  # unknown: counted as term time


def test_terms_given_override_the_package_and_gaps_are_warned():
    calendar = SchoolCalendar(
        "syd",
        "Syd",
        "Australia/Sydney",
        "AU",
        "NSW",
        terms=[Period("T2", date(2026, 4, 10), date(2026, 7, 3))],
    )
    assert calendar.day_status(date(2026, 4, 14)).school_day
    warnings = calendar.coverage_warnings(date(2026, 6, 1), date(2026, 8, 1))
    assert warnings == [
        "syd's terms end on 2026-07-03; after that no day counts as a school day. Import newer "
        "term dates with 'kaizen-exchange terms import FILE --school syd'."
    ]


def test_subdivision_spellings_and_unknown_countries():
    assert holiday_data.subdivision_code("GB", "ENGLAND") == "ENG"
    assert holiday_data.subdivision_code("UK", "scotland") == "SCT"
    assert holiday_data.subdivision_code("AU", "NSW WESTERN") == "NSW Western"
    assert holiday_data.subdivision_code("NZ", "Wellington") == "WGN"
    scotland = SchoolCalendar("sc", "Sc", "Europe/London", "GB", "SCOTLAND")
    assert scotland.day_status(date(2026, 11, 30)).kind == "public_holiday"  # St Andrew's Day
    nowhere = SchoolCalendar("x", "X", "Europe/London", "XX")
    assert (
        "no public holidays are known for country 'XX'"
        in nowhere.coverage_warnings(date(2026, 1, 1), date(2026, 1, 2))[0]
    )
    odd = SchoolCalendar("y", "Y", "Europe/London", "GB", "MERCIA", terms=[])
    assert (
        "subdivision 'MERCIA' is not known"
        in odd.coverage_warnings(date(2026, 1, 1), date(2026, 1, 2))[0]
    )


def test_new_zealand_has_public_holidays_but_no_school_category():
    nz = SchoolCalendar("akl", "Akl", "Pacific/Auckland", "NZ", "AUK")
    assert nz.day_status(date(2026, 2, 6)).kind == "public_holiday"  # Waitangi Day
    assert "akl has no term dates" in nz.coverage_warnings(date(2026, 2, 1), date(2026, 3, 1))[0]


def test_call_hours_fall_back_from_calls_to_day_to_default():
    base: dict[str, Any] = {"id": "s", "name": "S", "country": "GB", "timezone": "Europe/London"}
    assert call_hours(School(**base)) == CallHours(time(8, 30), time(15, 30), frozenset(range(5)))
    assert call_hours(School(**base, day_start="08:45", day_end="15:15")).start == time(8, 45)
    both = School(
        **base,
        day_start="08:45",
        day_end="15:15",
        calls_start="07:30",
        calls_end="16:00",
        calls_weekdays="Tue,Thu",
    )
    assert call_hours(both) == CallHours(time(7, 30), time(16), frozenset({1, 3}))


def test_school_days_agrees_with_day_status_day_by_day():
    """The finder's fast path and the per-date rule used by ``sessions check`` agree."""
    from datetime import timedelta

    calendars = [
        SchoolCalendar("nsw", "N", "Australia/Sydney", "AU", "NSW"),
        SchoolCalendar("act", "A", "Australia/Sydney", "AU", "ACT"),
        SchoolCalendar(
            "nz", "Z", "Pacific/Auckland", "NZ", "AUK", CallHours(weekdays=frozenset({0, 2, 5}))
        ),
        SchoolCalendar(
            "uk",
            "U",
            "Europe/London",
            "GB",
            "ENG",
            terms=[
                Period("A", date(2026, 9, 2), date(2026, 12, 18)),
                Period("S", date(2027, 1, 5), date(2027, 3, 26)),
            ],
            closures=[Period("H", date(2026, 10, 26), date(2026, 10, 30))],
        ),
    ]
    first, last = date(2026, 1, 1), date(2028, 2, 1)
    every = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    for calendar in calendars:
        expected = [d for d in every if calendar.day_status(d).school_day]
        assert calendar.school_days(first, last) == expected, calendar.school_id
