"""What a failure of the database or the disk means, in a teacher's words.

SQLite reports a full disk, a read-only file or a damaged page wherever it meets
it: in the middle of a sync, a search, an import. Rather than catching each at
every call, the command line and the window ask :func:`explain` about whatever
reached them, and show the plain sentence it gives (or, for a real fault in the
app, a message pointing to the log file).
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

from kaizen_exchange.disk_full import FULL_ERRNOS
from kaizen_exchange.errors import StoreError
from kaizen_exchange.paths import database_path
from kaizen_exchange.store import health

#: SQLite's primary result codes (the low byte of the extended code)
_READONLY, _IOERR, _FULL, _CANTOPEN, _BUSY, _LOCKED = 8, 10, 13, 14, 5, 6
_NO_RIGHTS = {errno.EACCES, errno.EPERM, errno.EROFS}


def _causes(exc: BaseException) -> list[BaseException]:
    """``exc`` and what it was raised from (SQLAlchemy keeps sqlite3's error in ``orig``)."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        orig = getattr(current, "orig", None)
        current = orig if isinstance(orig, BaseException) else None
        current = current or chain[-1].__cause__ or chain[-1].__context__
    return chain


def disk_full(folder: Path) -> StoreError:
    return StoreError(
        f"The disk holding {folder} is full, so nothing more could be stored. Everything "
        "stored before that is kept. Free some space (or empty the picture cache) and "
        "try again."
    )


def explain(exc: BaseException, folder: Path) -> StoreError | None:
    """The plain StoreError for a database or disk failure, or None when it is not one."""
    for cause in _causes(exc):
        if isinstance(cause, StoreError):
            return cause
        if isinstance(cause, sqlite3.Error):
            return _sqlite(cause, folder)
        if isinstance(cause, OSError) and cause.errno in FULL_ERRNOS:
            return disk_full(folder)
        if isinstance(cause, OSError) and cause.errno in _NO_RIGHTS and _inside(cause, folder):
            return health.read_only(database_path(folder))
    return None


def _inside(exc: OSError, folder: Path) -> bool:
    """The failing file is in the data folder (an import file elsewhere is another story)."""
    return bool(exc.filename) and Path(str(exc.filename)).is_relative_to(folder)


def _sqlite(exc: sqlite3.Error, folder: Path) -> StoreError | None:
    path = database_path(folder)
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    text = str(exc)
    if health.is_damage(exc):
        return health.damaged(path, "parts of it cannot be read")
    if primary == _FULL or "disk is full" in text:
        return disk_full(folder)
    if primary == _READONLY or "readonly" in text:
        return health.read_only(path)
    if primary in (_BUSY, _LOCKED) or "locked" in text:
        return StoreError(
            f"The database in {folder} was busy for too long (another copy of Kaizen "
            "Exchange is writing to it). Nothing was lost; try again in a minute."
        )
    if primary in (_IOERR, _CANTOPEN) or "disk I/O" in text or "unable to open" in text:
        return StoreError(
            f"The database in {folder} could not be read or written (the disk reported an "
            "error). Nothing more was stored. Check that the disk is connected and not "
            "full, then try again."
        )
    return None


__all__ = ["disk_full", "explain"]
