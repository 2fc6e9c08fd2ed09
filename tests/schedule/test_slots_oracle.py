"""The slot finder against a brute-force oracle: every UTC minute, checked one by one.

The oracle shares nothing with the finder but the ``holidays`` package: it converts
each minute with zoneinfo, decides the school day from the raw rules (weekday,
closure, public holiday, term or state school holidays) and groups the free minutes
into windows. Zones are drawn from the UK, Ireland, every Australian zone (Lord
Howe's half-hour daylight saving, Eucla's +08:45, Adelaide's half hours) and New
Zealand (Chatham's +12:45), and dates lean towards the weeks the clocks change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kaizen_exchange.schedule.calendars import CallHours, Period, SchoolCalendar
from kaizen_exchange.schedule.slots import find_slots
from tests.helpers.planner import UK_IE, ZONES

SUBDIVISIONS: dict[str, list[str | None]] = {
    "GB": [None, "ENG", "SCT", "WLS", "NIR"],
    "IE": [None],
    "AU": [None, "NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT"],
    "NZ": [None, "AUK", "WGN", "CAN"],
}
#: Sundays on which UK, Australian or New Zealand clocks change in 2026 and 2027.
CHANGE_DAYS = [
    date(2026, 3, 29),
    date(2026, 4, 5),
    date(2026, 9, 27),
    date(2026, 10, 4),
    date(2026, 10, 25),
    date(2027, 3, 28),
    date(2027, 4, 4),
    date(2027, 9, 26),
    date(2027, 10, 3),
    date(2027, 10, 31),
]


def country_of(zone: str) -> str:
    if zone in ("Europe/Dublin", "Eire"):
        return "IE"
    if zone in UK_IE:
        return "GB"
    return "AU" if zone.startswith("Australia/") else "NZ"


@dataclass(frozen=True)
class Spec:
    """A random school, and its rules written out for the oracle."""

    school_id: str
    zone: str
    country: str
    subdivision: str | None
    start: int  # minutes past local midnight
    end: int
    weekdays: frozenset[int]
    terms: tuple[tuple[date, date], ...] | None
    closures: tuple[tuple[date, date], ...]

    def calendar(self) -> SchoolCalendar:
        clock = lambda m: time(m // 60, m % 60)  # noqa: E731
        return SchoolCalendar(
            school_id=self.school_id,
            name=self.school_id,
            zone=self.zone,
            country=self.country,
            subdivision=self.subdivision,
            hours=CallHours(clock(self.start), clock(self.end), self.weekdays),
            terms=None if self.terms is None else [Period("t", a, b) for a, b in self.terms],
            closures=[Period("c", a, b) for a, b in self.closures],
        )


@cache
def _public(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays(country, subdiv=subdivision, years=year))


@cache
def _school_breaks(subdivision: str, year: int) -> frozenset[date]:
    found = holidays.country_holidays("AU", subdiv=subdivision, years=year, categories=("school",))
    return frozenset(found)


def oracle_school_day(spec: Spec, day: date) -> bool:
    if day.weekday() not in spec.weekdays:
        return False
    if any(a <= day <= b for a, b in spec.closures):
        return False
    if day in _public(spec.country, spec.subdivision, day.year):
        return False
    if spec.terms is not None:
        return any(a <= day <= b for a, b in spec.terms)
    if spec.country == "AU" and spec.subdivision:
        return day not in _school_breaks(spec.subdivision, day.year)
    return True


def brute_force(specs, first, last, minutes, busy):
    """Minute by minute: the runs of UTC minutes in which every school is free."""
    zones = [ZoneInfo(s.zone) for s in specs]
    t0 = int(datetime(first.year, first.month, first.day, tzinfo=UTC).timestamp()) - 2 * 86400
    t1 = int(datetime(last.year, last.month, last.day, tzinfo=UTC).timestamp()) + 3 * 86400
    runs: list[tuple[int, int]] = []
    open_at = None
    for t in range(t0, t1, 60):
        free = first <= datetime.fromtimestamp(t, zones[0]).date() <= last
        for spec, zone in zip(specs, zones, strict=True):
            if not free:
                break
            local = datetime.fromtimestamp(t, zone)
            free = (
                spec.start <= local.hour * 60 + local.minute < spec.end
                and not any(a <= t < b for a, b in busy.get(spec.school_id, ()))
                and oracle_school_day(spec, local.date())
            )
        if free and open_at is None:
            open_at = t
        elif not free and open_at is not None:
            runs.append((open_at, t))
            open_at = None
    assert open_at is None, "the brute-force range must end outside every window"
    return [(a, b) for a, b in runs if b - a >= minutes * 60]


@st.composite
def periods(draw, around: date, least: int, most: int):
    found = []
    for _ in range(draw(st.integers(least, most))):
        start = around + timedelta(days=draw(st.integers(-10, 5)))
        found.append((start, start + timedelta(days=draw(st.integers(0, 15)))))
    return tuple(found)


#: Call windows: a school's usual stretch, one side of a UK–Australia call, or anything.
WINDOWS = st.one_of(
    st.tuples(st.integers(360, 600), st.integers(840, 1170)),
    st.tuples(st.integers(0, 1438), st.just(1439)),
    st.tuples(st.just(0), st.integers(1, 1439)),
    st.integers(0, 1438).flatmap(lambda a: st.tuples(st.just(a), st.integers(a + 1, 1439))),
)
WEEKDAYS = st.one_of(
    st.just(frozenset(range(5))),
    st.just(frozenset(range(7))),
    st.frozensets(st.integers(0, 6), min_size=1),
)


@st.composite
def specs(draw, index: int, around: date):
    zone = draw(st.sampled_from(ZONES))
    country = country_of(zone)
    start, end = draw(WINDOWS)
    return Spec(
        school_id=f"s{index}",
        zone=zone,
        country=country,
        subdivision=draw(st.sampled_from(SUBDIVISIONS[country])),
        start=start,
        end=end,
        weekdays=draw(WEEKDAYS),
        terms=draw(st.one_of(st.none(), periods(around, 1, 3))),
        closures=draw(periods(around, 0, 1)),
    )


@st.composite
def searches(draw):
    if draw(st.booleans()):  # a few weekdays either side of a clock change
        first = draw(st.sampled_from(CHANGE_DAYS)) - timedelta(days=draw(st.integers(1, 4)))
        last = first + timedelta(days=draw(st.integers(3, 5)))
    else:
        first = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 720)))
        last = first + timedelta(days=draw(st.integers(0, 4)))
    count = draw(st.integers(1, 3))
    schools = [draw(specs(i, first)) for i in range(count)]
    base = int(datetime(first.year, first.month, first.day, tzinfo=UTC).timestamp())
    busy = {}
    for school in schools:
        spans = []
        for _ in range(draw(st.integers(0, 3))):
            start = base + 60 * draw(st.integers(-1440, 7 * 1440))
            spans.append((start, start + 60 * draw(st.integers(1, 240))))
        busy[school.school_id] = spans
    return schools, first, last, draw(st.integers(1, 120)), busy


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(searches())
def test_slot_finder_equals_minute_by_minute_search(case):
    schools, first, last, minutes, busy = case
    result = find_slots([s.calendar() for s in schools], first, last, minutes, busy)
    found = [(int(s.start.timestamp()), int(s.end.timestamp())) for s in result.slots]
    event("has windows" if found else "no window")
    assert found == brute_force(schools, first, last, minutes, busy)


def test_oracle_sees_something():
    """Guard against a vacuous oracle: a known pair does have windows."""
    london = Spec("a", "Europe/London", "GB", "ENG", 7 * 60, 9 * 60, frozenset(range(5)), None, ())
    sydney = Spec(
        "b", "Australia/Sydney", "AU", None, 16 * 60, 18 * 60 + 30, frozenset(range(5)), None, ()
    )
    first = date(2026, 6, 1)
    expected = brute_force([london, sydney], first, first + timedelta(days=4), 30, {})
    assert len(expected) == 5
    result = find_slots([london.calendar(), sydney.calendar()], first, first + timedelta(4), 30)
    assert [(int(s.start.timestamp()), int(s.end.timestamp())) for s in result.slots] == expected
