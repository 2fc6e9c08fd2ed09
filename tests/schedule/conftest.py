"""Shared helpers for the planner's tests: a fresh store, schools in it, and the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kaizen_exchange.cli import main as cli_main
from kaizen_exchange.network_file import parse_network
from kaizen_exchange.network_store import import_network
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


#: "Now" for the planner's tests: before every date they book or search, so none has passed.
NOW = datetime(2025, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner never offers or books the past; these tests plan 2026 from late 2025."""
    set_clock(monkeypatch, NOW)


def set_clock(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    monkeypatch.setattr(clock, "now", lambda: moment)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
def network_store(store: Store) -> Store:
    """A store holding the three schools of :data:`NETWORK`."""
    import_network(store, parse_network(NETWORK, source="test network"))
    return store


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


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def cli(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., Ran]:
    """Run ``kaizen-exchange`` with only the planner's commands, on the test store's folder."""
    monkeypatch.setattr(cli_main, "COMMAND_MODULES", ("schedule_cmds",))

    def run(*argv: str) -> Ran:
        capsys.readouterr()
        code = cli_main.main(["--data-dir", str(store.folder), *argv])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run
