"""The operating system's own lock on an open file (``flock``; ``msvcrt.locking`` on Windows).

Used where "is another copy of the app using this?" must never be answered wrong
after a crash (one sync per data folder, the demo's throw-away folder): the system
releases the lock when the process ends, however it ends, so there is no stale lock
file and no process id to guess about.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


def try_lock(handle: BinaryIO) -> bool:
    """Lock ``handle``'s file for this process without waiting; False if another holds it."""
    try:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def unlock(handle: BinaryIO) -> None:
    """Release a lock taken by :func:`try_lock` (closing the file releases it too)."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def holding(path: Path, busy: Callable[[], BaseException]) -> Iterator[None]:
    """``path``'s lock for the ``with`` block; ``busy()`` is raised when another holds it."""
    with path.open("ab") as handle:
        if not try_lock(handle):
            raise busy()
        try:
            yield
        finally:
            unlock(handle)


__all__ = ["holding", "try_lock", "unlock"]
