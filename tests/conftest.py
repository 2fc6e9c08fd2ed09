"""Fixtures every test folder shares: each test in a room of its own, and a fresh store.

Every test runs with its home, XDG and profile folders, the app's data and log
folders, the machine-wide network file and the proxies pointed into its temporary
folder (:mod:`tests.helpers.hermetic`); so do session- and module-scoped fixtures,
in a room of the session's. At the end the suite fails if the real user folders
changed: a test that writes outside tmp is caught, not only reviewed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kaizen_exchange.store.db import Store
from tests.helpers.hermetic import changes, enter_room, real_user_folders, snapshot

# Read before any test (or fixture) runs, from the real environment.
_REAL_FOLDERS = real_user_folders()
_BEFORE = snapshot(_REAL_FOLDERS)


@pytest.fixture(scope="session", autouse=True)
def _session_room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's room (for wider-scoped fixtures); yields the shared cache folder."""
    cache = tmp_path_factory.mktemp("xdg-cache")
    with pytest.MonkeyPatch.context() as patch:
        enter_room(patch, tmp_path_factory.mktemp("session-room"), cache)
        yield cache
    leaked = changes(_BEFORE, snapshot(_REAL_FOLDERS))
    assert not leaked, "Tests wrote outside their temporary folders:\n" + "\n".join(leaked)


@pytest.fixture(autouse=True)
def _room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _session_room: Path) -> None:
    """This test's room, inside its own tmp_path."""
    enter_room(monkeypatch, tmp_path / "room", _session_room)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "data")
    yield opened
    opened.close()
