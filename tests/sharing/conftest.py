"""Fixtures for the sharing tests: the command line in this process, and a class list.

The store is the root conftest's; :mod:`tests.helpers.cli` runs ``main()``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kaizen_exchange.store.db import Store
from tests.helpers.cli import Cli, run_cli, write

CLASS = "Willow Class, Year 4"

#: Surnames chosen to look like ordinary words, as real ones often do.
CLASS_CSV = """first_name,last_name,photo_consent,name_consent
Olivia,Brown,yes,yes
Zoë,Pemberton-Okafor,no,yes
Sam,Rose,yes,no
Amir,Haddad,yes,yes
"""


@pytest.fixture
def cli(store: Store, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run ``kaizen-exchange --data-dir <the store's folder> ARGS…`` in this process."""
    monkeypatch.setenv("KAIZEN_EXCHANGE_MACHINE_NETWORK", str(store.folder / "no-such-file"))
    return lambda *argv: run_cli(store.folder, *argv)


@pytest.fixture
def class_csv(tmp_path: Path) -> Path:
    return write(tmp_path, "class.csv", CLASS_CSV)
