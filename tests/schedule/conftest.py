"""Fixtures for the planner's tests: the test network in the (root conftest's) store, and the CLI."""

from __future__ import annotations

import pytest

from kaizen_exchange.cli import main as cli_main
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.store.db import Store
from tests.helpers.cli import Cli, run_cli
from tests.helpers.planner import NETWORK, NOW, set_clock


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner never offers or books the past; these tests plan 2026 from late 2025."""
    set_clock(monkeypatch, NOW)


@pytest.fixture
def network_store(store: Store) -> Store:
    """A store holding the three schools of :data:`NETWORK`."""
    import_network(store, parse_network(NETWORK, source="test network"))
    return store


@pytest.fixture
def cli(store: Store, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run ``kaizen-exchange`` with only the planner's commands, on the test store's folder."""
    monkeypatch.setattr(cli_main, "COMMAND_MODULES", ("schedule_cmds",))
    return lambda *argv: run_cli(store.folder, *argv)
