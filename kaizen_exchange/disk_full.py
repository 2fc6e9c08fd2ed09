"""A full disk is the one failure that must stop a sync instead of failing one feed.

Every other failure belongs to the feed or file that caused it (see
:mod:`kaizen_exchange.feeds.contain`). A full disk would fail every feed and picture
after it in the same way, so the sync stops at once, keeps what it already stored
(each page and picture is its own transaction), and says so in one plain sentence.
"""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from kaizen_exchange.errors import KaizenError

#: "No space left", "quota exceeded", and "file too large" (a per-process file size
#: limit, as a school's managed PC may set): to the teacher all three are a full disk.
FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)})
#: SQLITE_IOERR and SQLITE_FULL: SQLite could not write (a size limit gives the former)
_SQLITE_CODES = {10, 13}


class DiskFull(KaizenError):
    """The disk filled up during a sync; what was synced before is kept."""

    def __init__(self) -> None:
        super().__init__(
            "The disk is full (or could not be written), so the sync stopped. "
            "Everything synced before that is kept. "
            "Free some space (or empty the picture cache in Settings) and sync again."
        )


def is_disk_full(exc: BaseException | None) -> bool:
    """True when ``exc``, or an exception it was raised from, is a full disk."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, DiskFull):
            return True
        if isinstance(exc, OSError) and exc.errno in FULL_ERRNOS:
            return True
        if isinstance(exc, sqlite3.Error):
            code = getattr(exc, "sqlite_errorcode", None)
            if code is not None and code & 0xFF in _SQLITE_CODES:
                return True
            if "disk is full" in str(exc) or "disk I/O error" in str(exc):
                return True  # the code is missing when the error crossed a process
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


@contextmanager
def stop_when_full() -> Iterator[None]:
    """Turn a full disk met anywhere inside (a write, a download) into :class:`DiskFull`."""
    try:
        yield
    except DiskFull:
        raise
    except Exception as exc:
        if is_disk_full(exc):
            raise DiskFull() from exc
        raise


__all__ = ["FULL_ERRNOS", "DiskFull", "is_disk_full", "stop_when_full"]
