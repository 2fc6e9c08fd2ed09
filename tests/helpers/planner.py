"""Helpers for the planner's tests: the test network, schools added directly, the zones drawn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from zoneinfo import available_timezones

import pytest

from kaizen_exchange.schedule import clock
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School, SchoolPeriod

#: A UK school and a Sydney school, as a teacher would write them in the network file.
NETWORK = """
[network]
name = "Test network"

[[schools]]
id = "oakfield"
name = "Oakfield Primary"
country = "GB"
subdivision = "ENG"
timezone = "Europe/London"
home = true
email = "office@oakfield.example.org.uk"
calls = { start = "07:00", end = "09:00" }
terms = [
  { name = "Spring 2026", start = 2026-01-05, end = 2026-03-27 },
  { name = "Summer 2026", start = 2026-04-13, end = 2026-07-21 },
  { name = "Autumn 2026", start = 2026-09-02, end = 2026-12-18 },
  { name = "Spring 2027", start = 2027-01-05, end = 2027-03-26 },
]
closures = [{ name = "Half term", start = 2026-10-26, end = 2026-10-30 }]

[[schools]]
id = "harbour"
name = "Harbour Public School"
country = "AU"
subdivision = "NSW"
timezone = "Australia/Sydney"
email = "harbour@example.edu.au"
calls = { start = "16:00", end = "18:30" }

[[schools]]
id = "wattle"
name = "Wattle Grove Primary"
country = "AU"
subdivision = "WA"
timezone = "Australia/Perth"
calls = { start = "14:00", end = "17:00" }
"""

#: Every zone a partner school may be in: the UK and Ireland, Australia, New Zealand.
UK_IE = ["Europe/London", "GB", "Europe/Belfast", "Europe/Dublin", "Eire"]
AU = sorted(z for z in available_timezones() if z.startswith("Australia/"))
NZ = ["Pacific/Auckland", "NZ", "Pacific/Chatham", "NZ-CHAT"]
ZONES = UK_IE + AU + NZ


def add_school(
    store: Store,
    school_id: str,
    zone: str,
    country: str = "GB",
    subdivision: str | None = None,
    calls: tuple[str, str] = ("08:30", "15:30"),
    weekdays: str | None = None,
    terms: Sequence[tuple[date, date]] = (),
    closures: Sequence[tuple[date, date]] = (),
    email: str | None = None,
) -> None:
    """Insert a school row directly, as a partner's network file would have."""
    with store.session() as session:
        session.add(
            School(
                id=school_id,
                name=school_id.title(),
                country=country,
                subdivision=subdivision,
                timezone=zone,
                email=email,
                calls_start=calls[0],
                calls_end=calls[1],
                calls_weekdays=weekdays,
            )
        )
        session.flush()
        for kind, periods in (("term", terms), ("closure", closures)):
            for start, end in periods:
                session.add(
                    SchoolPeriod(school_id=school_id, kind=kind, name=kind, start=start, end=end)
                )


#: "Now" for the planner's tests: before every date they book or search, so none has passed.
NOW = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)


def set_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)
