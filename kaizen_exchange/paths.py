"""Where the app keeps its data: the platform's user folders, unless told otherwise.

Order of precedence: ``--data-dir``, then ``KAIZEN_EXCHANGE_DATA_DIR``, then the
platform's user data folder (``%LOCALAPPDATA%`` on Windows, ``~/.local/share`` on Linux).

A data folder is a plain path, never a URI: ``?``, ``%20`` or ``%2F..`` in a folder's
name are just characters of the name. It is made absolute once, here, where it enters,
so that nothing later (``file:`` links to cached pictures, a child process started in
another working folder) depends on the current folder. The data holds children's work
and names, so the folders the app creates are private to the user (0700 on Linux and
macOS; on Windows ``%LOCALAPPDATA%`` is already private to the user).
"""

import os
from pathlib import Path

import platformdirs

from kaizen_exchange import APP_ID
from kaizen_exchange.errors import StoreError

DATA_DIR_ENV = "KAIZEN_EXCHANGE_DATA_DIR"
#: Folders the app makes: only their owner may list or enter them.
PRIVATE_FOLDER = 0o700
#: Files the app makes in them: only their owner may read or write them.
PRIVATE_FILE = 0o600


def absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` with ``~`` expanded, made absolute against the current folder.

    ``os.path.abspath`` rather than ``Path.resolve``: a symlinked data folder keeps
    the name the user gave it, in messages too."""
    return Path(os.path.abspath(Path(path).expanduser()))  # noqa: PTH100 (see above)


def make_private_folder(path: Path, *, ours: bool = False) -> Path:
    """Create ``path`` (and missing parents) if needed; a folder created here is private.

    An existing folder is made private only when it is ours: the app's own platform
    folder (``ours``), or one holding our database. ``--data-dir`` may name a shared
    folder, whose rights are not ours to change.
    """
    existed = path.is_dir()
    path.mkdir(parents=True, exist_ok=True)
    if not existed or ours or database_path(path).exists():
        make_private(path, PRIVATE_FOLDER)
    return path


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Restrict ``path`` to its owner, when it is ours to restrict (POSIX only)."""
    if os.name != "posix":
        return
    try:
        if path.stat().st_mode & 0o777 != mode and path.stat().st_uid == os.getuid():
            path.chmod(mode)
    except OSError:
        pass  # vanished, or on a file system without modes: nothing to protect here


def create_data_folder(folder: Path, *, ours: bool = False) -> Path:
    """Create the data folder (private to the user), or say plainly why it cannot be."""
    try:
        return make_private_folder(folder, ours=ours)
    except OSError as exc:
        raise StoreError(
            f"Cannot create the data folder {folder} ({exc.strerror}). "
            "Choose another data folder, or ask IT for write access to this one."
        ) from exc


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Return (and create) the folder holding the database and the media cache."""
    chosen = explicit or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return create_data_folder(absolute(chosen))
    folder = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    return create_data_folder(folder, ours=True)


def log_dir() -> Path:
    """The platform's log folder for this app (created on demand, private to the user)."""
    folder = Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
    return make_private_folder(folder, ours=True)


def database_path(folder: Path) -> Path:
    return folder / "kaizen.sqlite3"


def media_dir(folder: Path) -> Path:
    return folder / "media"


__all__ = [
    "DATA_DIR_ENV",
    "PRIVATE_FILE",
    "PRIVATE_FOLDER",
    "absolute",
    "create_data_folder",
    "data_dir",
    "database_path",
    "log_dir",
    "make_private",
    "make_private_folder",
    "media_dir",
]
