"""One sync at a time per data folder, whoever starts it (the window, a scheduled task, IT).

Two syncs at once would both download everything and fight over the database.
The lock is the operating system's own lock on a file in the data folder (``flock``
on Linux and macOS, ``msvcrt.locking`` on Windows), not a file whose existence
means "locked": the system releases it when the process ends, however it ends, so a
sync killed by a log-out or a power cut can never leave the folder locked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kaizen_exchange.errors import SyncRunning
from kaizen_exchange.file_lock import try_lock, unlock
from kaizen_exchange.paths import create_data_folder, make_private

LOCK_FILE = "sync.lock"


@contextmanager
def sync_lock(folder: Path) -> Iterator[None]:
    """Hold the data folder's sync lock, or raise :class:`SyncRunning` at once if it is taken.

    The file holds the holder's process id, for IT support reading the folder; the
    lock itself is what counts.
    """
    path = create_data_folder(folder) / LOCK_FILE
    handle = path.open("a+b")
    try:
        make_private(path)
        if not try_lock(handle):
            raise SyncRunning(
                "A sync of this data is already running (started by the window or a "
                "scheduled task). This one has stopped; the running sync will bring in "
                "the new posts."
            )
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n".encode())
            handle.flush()
            yield
        finally:
            unlock(handle)
    finally:
        handle.close()


__all__ = ["LOCK_FILE", "sync_lock"]
