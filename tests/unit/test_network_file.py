"""The network file: what a teacher sends is checked, merged idempotently, and exported back."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest

from kaizen_exchange.errors import BadInput
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import export_network, import_network, network_toml
from kaizen_exchange.store.db import Store

GOOD = """
[network]
name = "Kaizen Network"

[[schools]]
id = "greenfield"
name = "Greenfield Primary"
country = "GB"
subdivision = "ENG"
timezone = "Europe/London"
home = true
blog = "https://greenfield.example/"
feeds = ["https://greenfield.example/feed/"]
day = { start = "08:45", end = "15:15" }
calls = { start = "08:00", end = "16:30", weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"] }
terms = [ { name = "Autumn 2026", start = 2026-09-03, end = 2026-12-18 } ]
closures = [ { name = "Half term", start = 2026-10-26, end = 2026-10-30 } ]

[[schools]]
id = "wattle"
name = "Wattle Public School"
country = "AU"
subdivision = "nsw"
timezone = "Australia/Sydney"
blog = "https://wattle.example/"
"""


def test_the_issue_example_parses_with_every_field() -> None:
    spec = parse_network(GOOD)
    green, wattle = spec.schools
    assert spec.name == "Kaizen Network"
    assert green.home and green.subdivision == "ENG"
    assert green.day is not None and green.day.start == time(8, 45)
    assert green.calls is not None and green.calls.weekdays == ("Mon", "Tue", "Wed", "Thu", "Fri")
    assert green.terms is not None and green.terms[0].end == date(2026, 12, 18)
    assert wattle.subdivision == "NSW" and wattle.feeds == [] and wattle.terms is None


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('timezone = "Australia/Sydney"', 'timezone = "Australia/Sidney"'), "unknown time zone"),
        (('id = "wattle"', 'id = "greenfield"'), "used twice"),
        (("end = 2026-12-18", "end = 2026-08-18"), "ends (2026-08-18) before it starts"),
        (('name = "Kaizen Network"', 'name = "Kaizen Network'), "line 3"),
        (('country = "AU"', 'country = "Australia"'), "two-letter code"),
        (('blog = "https://wattle.example/"', 'blog = "wattle.example"'), "not a web address"),
        (('end = "15:15"', 'end = "07:00"'), "day ends (07:00) before it starts"),
        (('"Fri"]', '"Fry"]'), "'Fry'"),
    ],
)
def test_bad_files_are_refused_with_what_to_change(change: tuple[str, str], expected: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse_network(GOOD.replace(*change, 1), source="kaizen.toml")
    assert expected in str(caught.value)
    assert "kaizen.toml" in str(caught.value)


def test_errors_name_the_school() -> None:
    with pytest.raises(BadInput, match="school 'wattle'"):
        parse_network(GOOD.replace('timezone = "Australia/Sydney"', 'timezone = "Mars/Base"'))


def test_importing_twice_changes_nothing(store: Store) -> None:
    spec = parse_network(GOOD)
    first = import_network(store, spec)
    assert first.added == ["greenfield", "wattle"]
    before = network_toml(export_network(store))
    second = import_network(store, parse_network(GOOD))
    assert second.added == [] and second.updated == []
    assert second.unchanged == ["greenfield", "wattle"]
    assert network_toml(export_network(store)) == before


def test_reimport_updates_a_school_in_place(store: Store) -> None:
    import_network(store, parse_network(GOOD))
    report = import_network(store, parse_network(GOOD.replace("08:45", "08:50")))
    assert report.updated == ["greenfield"]
    school = export_network(store).schools[0]
    assert school.day is not None and school.day.start == time(8, 50)


def test_a_partners_home_school_does_not_replace_ours(store: Store) -> None:
    import_network(store, parse_network(GOOD))
    theirs = GOOD.replace("home = true\n", "").replace(
        'id = "wattle"\n', 'id = "wattle"\nhome = true\n'
    )
    report = import_network(store, parse_network(theirs))
    assert report.home_ignored == "wattle"
    homes = [s.id for s in export_network(store).schools if s.home]
    assert homes == ["greenfield"]


def test_export_reads_back_as_the_same_network(store: Store, tmp_path: Path) -> None:
    import_network(store, parse_network(GOOD))
    text = network_toml(export_network(store))
    again = parse_network(text)
    assert [s.id for s in again.schools] == ["greenfield", "wattle"]
    assert again.schools[0].closures == parse_network(GOOD).schools[0].closures
