"""Where the app keeps its data: the platform's user folders, unless told otherwise.

Order of precedence: ``--data-dir``, then ``KAIZEN_EXCHANGE_DATA_DIR``, then the
platform's user data folder (``%LOCALAPPDATA%`` on Windows, ``~/.local/share`` on Linux).
"""

import os
from pathlib import Path

import platformdirs

from kaizen_exchange import APP_ID

DATA_DIR_ENV = "KAIZEN_EXCHANGE_DATA_DIR"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return (and create) the folder holding the database and the media cache."""
    chosen = explicit or os.environ.get(DATA_DIR_ENV)
    path = Path(chosen) if chosen else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path = path.expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The platform's log folder for this app (created on demand)."""
    path = Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(folder: Path) -> Path:
    return folder / "kaizen.sqlite3"


def media_dir(folder: Path) -> Path:
    return folder / "media"


__all__ = ["DATA_DIR_ENV", "data_dir", "database_path", "log_dir", "media_dir"]
