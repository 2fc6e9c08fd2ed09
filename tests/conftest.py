"""Fixtures every test folder shares: each test in a room of its own, and a fresh store.

Every test runs with its home, XDG and profile folders, the app's data and log
folders, the machine-wide network file and the proxies pointed into its temporary
folder (:mod:`tests.helpers.hermetic`); so do session- and module-scoped fixtures,
in a room of the session's. At the end the suite fails if anything was written
outside the rooms: a test that writes outside tmp is caught, not only reviewed.

Outside the rooms, this process points at an empty folder of its own ("outside"),
set before any test module is imported: a path read at import or an environment
copied outside a room lands there, where no other process of the user writes (the
real log and data folders are shared with every copy of the app the user runs, so
watching them blamed this run for other processes' writes). Folders the environment
cannot move (Windows' known folders) are watched where they are, and a child started
with an environment without HOME, which would find the real home, is refused.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from kaizen_exchange.store.db import Store
from tests.helpers.hermetic import changes, enter_room, is_inside, snapshot, user_folders

_OUTSIDE = Path(tempfile.mkdtemp(prefix="kaizen-tests-outside-"))
enter_room(pytest.MonkeyPatch(), _OUTSIDE, _OUTSIDE / "cache")  # for the whole run
_WATCHED = [_OUTSIDE, *(f for f in user_folders() if not is_inside(f, _OUTSIDE))]
_BEFORE = snapshot(_WATCHED)


def _no_child_without_a_home(event: str, args: tuple[object, ...]) -> None:
    """Without HOME a child finds the real home (the password database) and writes there."""
    if event == "subprocess.Popen" and os.name == "posix":
        env = args[3]
        if isinstance(env, dict) and "HOME" not in env and b"HOME" not in env:
            raise RuntimeError(f"a test started {args[1]!r} with no HOME: set it inside tmp")


sys.addaudithook(_no_child_without_a_home)


@pytest.fixture(scope="session", autouse=True)
def _session_room(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The session's room (for wider-scoped fixtures); yields the shared cache folder."""
    cache = tmp_path_factory.mktemp("xdg-cache")
    with pytest.MonkeyPatch.context() as patch:
        enter_room(patch, tmp_path_factory.mktemp("session-room"), cache)
        yield cache
    leaked = changes(_BEFORE, snapshot(_WATCHED))
    assert not leaked, "Tests wrote outside their temporary folders:\n" + "\n".join(leaked)
    shutil.rmtree(_OUTSIDE, ignore_errors=True)


@pytest.fixture(autouse=True)
def _room(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, _session_room: Path) -> None:
    """This test's room, inside its own tmp_path."""
    enter_room(monkeypatch, tmp_path / "room", _session_room)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "data")
    yield opened
    opened.close()
