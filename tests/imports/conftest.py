"""Fixtures for the import tests: the real command line, in this process, on the test's store.

The store is the root conftest's; :mod:`tests.helpers.cli` runs ``main()``.
"""

from __future__ import annotations

import pytest

from kaizen_exchange.store.db import Store
from tests.helpers.cli import Cli, run_cli


@pytest.fixture
def cli(store: Store, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run ``kaizen-exchange --data-dir <the store's folder> ARGS…`` in this process."""
    monkeypatch.setenv("KAIZEN_EXCHANGE_MACHINE_NETWORK", str(store.folder / "no-such-file"))
    return lambda *argv: run_cli(store.folder, *argv)
