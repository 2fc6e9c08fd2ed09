"""Tests stay in their room: every folder the app (or Qt) would write to points into tmp.

After qutebrowser's ``tests/helpers/fixtures.py``: the home folder, the XDG folders,
the Windows profile folders, the app's own data, log and machine-network-file
settings and the proxies are set for every test, so a command run by a test can
neither write into the developer's folders nor read a network file or a proxy that
happens to be installed on the machine. :func:`snapshot` lets the suite check at the
end that nothing was written outside the rooms.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

import platformdirs
import pytest

from kaizen_exchange import APP_ID
from kaizen_exchange.logs import LOG_DIR_ENV
from kaizen_exchange.network.machine_defaults import MACHINE_NETWORK_ENV
from kaizen_exchange.paths import DATA_DIR_ENV

#: Loopback only: the tests' servers are reached directly, never through a proxy.
LOOPBACK = "127.0.0.1,127.0.0.2,127.0.0.3,localhost"
#: The keyring of every test: a plain file inside the room (tests of "no keyring" unset it).
KEYRING_BACKEND = "keyrings.alt.file.PlaintextKeyring"
#: The QSettings organisation (kaizen_exchange.gui.settings.ORGANISATION), kept Qt-free here.
SETTINGS_ORGANISATION = "Kaizen Network"

#: The developer's own home folder, read when the tests start (before any room).
REAL_HOME = Path.home()
#: One file's (size, modification time), by its path inside the folder.
Listing = dict[str, tuple[int, int]]


def room_environment(room: Path, cache: Path) -> dict[str, str]:
    """Every variable that decides where the app, platformdirs or Qt read and write.

    ``cache`` is shared by a whole session: fontconfig rebuilds its cache there once
    instead of once per test, and it is still a temporary folder.
    """
    home = room / "home"
    return {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_CACHE_HOME": str(cache),
        "XDG_CONFIG_DIRS": str(room / "machine-config"),
        "APPDATA": str(home / "AppData" / "Roaming"),
        "LOCALAPPDATA": str(home / "AppData" / "Local"),
        DATA_DIR_ENV: str(room / "user-data"),
        LOG_DIR_ENV: str(room / "logs"),
        MACHINE_NETWORK_ENV: str(room / "machine-config" / "network.toml"),
        "NO_PROXY": LOOPBACK,
        "no_proxy": LOOPBACK,
        # A real keyring backend that keeps its file in the room (XDG_DATA_HOME/python_keyring),
        # never the developer's own keyring (keyrings.alt is in the test extra).
        "PYTHON_KEYRING_BACKEND": KEYRING_BACKEND,
    }


def proxy_variables(environ: Mapping[str, str]) -> list[str]:
    """The proxy settings in ``environ`` (HTTP_PROXY, https_proxy, ALL_PROXY ...)."""
    return [key for key in environ if key.lower().endswith("_proxy") and key.lower() != "no_proxy"]


def enter_room(monkeypatch: pytest.MonkeyPatch, room: Path, cache: Path) -> None:
    """Point this process's environment (and so every child it starts) at ``room``."""
    (room / "home").mkdir(parents=True, exist_ok=True)
    for key in proxy_variables(os.environ):
        monkeypatch.delenv(key)
    for key, value in room_environment(room, cache).items():
        monkeypatch.setenv(key, value)


def user_folders() -> list[Path]:
    """The folders the app writes to outside a room, as this process's environment names them."""
    folders = [
        Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_log_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_state_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)),
        Path(platformdirs.user_config_dir(SETTINGS_ORGANISATION, appauthor=False)),
    ]
    return list(dict.fromkeys(folders))


def snapshot(folders: Iterable[Path]) -> dict[str, Listing | None]:
    """Each folder's files with their sizes and times (None for a folder that is absent)."""
    result: dict[str, Listing | None] = {}
    for folder in folders:
        if not folder.is_dir():
            result[str(folder)] = None
            continue
        listing: Listing = {}
        for path in folder.rglob("*"):
            if path.is_file():
                info = path.stat()
                listing[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
        result[str(folder)] = listing
    return result


def changes(before: dict[str, Listing | None], after: dict[str, Listing | None]) -> list[str]:
    """What differs between two snapshots, in words, for the failure message."""
    found: list[str] = []
    for folder, old in before.items():
        new = after.get(folder)
        if old is None and new is not None:
            found.append(f"{folder} was created ({len(new)} files)")
        elif old is not None and new is None:
            found.append(f"{folder} was removed")
        elif old is not None and new is not None:
            touched = sorted(
                name for name in old.keys() | new.keys() if old.get(name) != new.get(name)
            )
            found += [f"{folder}: {name} was written or removed" for name in touched]
    return found


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` lies in ``folder`` (both resolved)."""
    return path.resolve().is_relative_to(folder.resolve())
