"""The school day travels with a school's calendar, so the week grid and ``slots`` read one answer."""

from __future__ import annotations

from datetime import date, time

from sqlmodel import select

from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.schedule.planner import search_slots
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School
from tests.helpers.stores import NETWORK as STORES_NETWORK

#: Oak gives its school day (and calls before it); Gum gives none.
NETWORK = STORES_NETWORK.replace(
    'timezone = "Europe/London"\n',
    'timezone = "Europe/London"\nday = { start = "08:45", end = "15:15" }\n'
    'calls = { start = "08:00", end = "09:00" }\n',
)


def test_the_school_day_is_on_the_calendar_the_search_read(store: Store) -> None:
    import_network(store, parse_network(NETWORK, source="test network"))
    answer = search_slots(store, ["oak", "gum"], date(2026, 3, 2), date(2026, 3, 6))
    days = {a.calendar.school_id: a.calendar.day for a in answer.search.availability}
    assert days == {"oak": (time(8, 45), time(15, 15)), "gum": None}


def test_a_school_day_the_store_cannot_read_is_left_out(store: Store) -> None:
    import_network(store, parse_network(NETWORK, source="test network"))
    with store.session() as session:
        oak = session.exec(select(School).where(School.id == "oak")).one()
        oak.day_end = "quarter past three"
    answer = search_slots(store, ["oak", "gum"], date(2026, 3, 2), date(2026, 3, 6))
    assert answer.search.availability[0].calendar.day is None
