"""Fixtures for the planner's tests: a fresh store, the test network in it, and the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kaizen_exchange.cli import main as cli_main
from kaizen_exchange.network_file import parse_network
from kaizen_exchange.network_store import import_network
from kaizen_exchange.store.db import Store
from tests.helpers.planner import NETWORK, NOW, set_clock


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner never offers or books the past; these tests plan 2026 from late 2025."""
    set_clock(monkeypatch, NOW)


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
