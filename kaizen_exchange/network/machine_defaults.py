"""A machine-wide partner network file that a school's IT puts on a PC for every user.

IT deploys the app to a room of PCs and drops one ``network.toml`` in the machine's
shared configuration folder. The first time the app opens a teacher's store, that
file is imported, so every teacher on the PC starts with the school's partners and
nobody has to import anything by hand. It happens once per store: a mark in the
store's ``network_info`` table records it, so a teacher who later removes a partner
does not see it come back, and a store that already had schools is left alone.

Where the file lives (``platformdirs.site_config_dir``):

- Windows: ``%PROGRAMDATA%\\Kaizen Exchange\\network.toml``
- macOS: ``/Library/Application Support/Kaizen Exchange/network.toml``
- Linux: ``/etc/xdg/kaizen-exchange/network.toml`` (the first of ``$XDG_CONFIG_DIRS``)

``KAIZEN_EXCHANGE_MACHINE_NETWORK`` names another file (for tests, or IT's own layout).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from kaizen_exchange import APP_ID, APP_NAME
from kaizen_exchange.errors import KaizenError

if TYPE_CHECKING:  # the store's imports wait until a machine file exists: quick starts
    from kaizen_exchange.network.store import ImportReport
    from kaizen_exchange.store.db import Store

log = logging.getLogger(__name__)

MACHINE_NETWORK_ENV = "KAIZEN_EXCHANGE_MACHINE_NETWORK"
FILE_NAME = "network.toml"
#: The network_info key that records the machine file was dealt with for this store.
MARK_KEY = "machine_defaults"


def machine_config_dir() -> Path:
    """The machine's shared configuration folder for the app (not created: IT owns it)."""
    # Linux folders are lower-case with hyphens by convention; Windows and macOS use the name.
    name = APP_ID if sys.platform.startswith("linux") else APP_NAME
    return Path(platformdirs.site_config_dir(name, appauthor=False))


def machine_network_file() -> Path | None:
    """The machine-wide network file, or None when IT has not put one on this computer."""
    explicit = os.environ.get(MACHINE_NETWORK_ENV)
    path = Path(explicit) if explicit else machine_config_dir() / FILE_NAME
    return path if path.is_file() else None


def import_machine_defaults(store: Store, path: Path) -> ImportReport | None:
    """Import ``path`` into ``store`` if the store is empty and never had it; else None.

    A bad file raises :class:`~kaizen_exchange.errors.BadInput` and leaves no mark, so
    the import is tried again once IT has fixed the file.
    """
    from sqlmodel import select

    from kaizen_exchange.network.file import read_network_file
    from kaizen_exchange.network.store import import_network
    from kaizen_exchange.store.models import NetworkInfo, School

    with store.session() as session:
        if session.get(NetworkInfo, MARK_KEY) is not None:
            return None
        has_schools = session.exec(select(School.id)).first() is not None
    if has_schools:  # the teacher set up the network before IT's file arrived: keep theirs
        _mark(store, f"not imported (store already had schools): {path}")
        log.info("machine network file %s not imported: the store already has schools", path)
        return None
    spec = read_network_file(path)
    report = import_network(store, spec)
    _mark(store, f"imported {datetime.now(UTC).isoformat(timespec='seconds')}: {path}")
    log.info(
        "imported the machine network file %s: %d schools added, %d feeds",
        path,
        len(report.added),
        len(report.feeds_added),
    )
    return report


def seed_from_machine_defaults(
    open_store: Callable[[], Store], warn: Callable[[str], None] | None = None
) -> ImportReport | None:
    """Import the machine file when there is one; never fails the caller.

    ``open_store`` is only called when a machine file exists, so a PC without one
    pays nothing at start-up. Problems are logged and told through ``warn``: a bad
    file from IT must not stop a teacher from using the app.
    """
    path = machine_network_file()
    if path is None:
        return None
    try:
        return import_machine_defaults(open_store(), path)
    except KaizenError as exc:
        log.warning("machine network file %s not imported: %s", path, exc)
        if warn is not None:
            warn(
                f"kaizen-exchange: the partner network file set up for this computer "
                f"({path}) could not be imported: {exc} Ask your IT support to check it; "
                "the app works without it."
            )
        return None


def _mark(store: Store, value: str) -> None:
    from kaizen_exchange.store.models import NetworkInfo

    with store.session() as session:
        if session.get(NetworkInfo, MARK_KEY) is None:
            session.add(NetworkInfo(key=MARK_KEY, value=value))


__all__ = [
    "MACHINE_NETWORK_ENV",
    "MARK_KEY",
    "import_machine_defaults",
    "machine_config_dir",
    "machine_network_file",
    "seed_from_machine_defaults",
]
