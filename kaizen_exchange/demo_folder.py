"""The demo's throw-away data folder: made for one run, removed when the demo closes.

"Try the demo" must leave nothing behind on a school PC. The folder is removed when
the demo window closes; if the app was killed instead (a crash, a forced log-out),
the next demo start removes it. A folder is known to be abandoned because the
running demo holds an operating-system lock on a file inside it, which the system
releases when the process ends however it ends: no process ids to guess about, and
a folder in use by another demo still running is never touched.

``demo-sync`` folders are not throw-away (its output says how to read the posts
later), so they carry no lock file and are never swept.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kaizen_exchange.file_lock import try_lock

log = logging.getLogger(__name__)

PREFIX = "kaizen-demo-"
LOCK_NAME = "demo-in-use.lock"


def _lock(path: Path) -> BinaryIO | None:
    """An exclusive lock on ``path`` held while the returned file stays open; None if taken."""
    handle = path.open("a+b")
    if try_lock(handle):
        return handle
    handle.close()
    return None


def sweep_abandoned(parent: Path | None = None) -> list[Path]:
    """Remove the demo folders no running demo holds (left by a crash); return them."""
    parent = Path(parent or tempfile.gettempdir())
    removed = []
    for folder in sorted(parent.glob(PREFIX + "*")):
        lock_file = folder / LOCK_NAME
        if not lock_file.is_file():
            continue  # not a throw-away demo folder (demo-sync keeps its data on purpose)
        handle = _lock(lock_file)
        if handle is None:
            continue  # another demo window is using it
        handle.close()
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
            log.info("removed the demo folder %s left by an earlier run", folder)
    return removed


@contextmanager
def throwaway_folder(parent: Path | None = None) -> Iterator[Path]:
    """A new demo folder, locked while in use and removed afterwards (and old ones swept)."""
    sweep_abandoned(parent)
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    handle = _lock(folder / LOCK_NAME)
    try:
        yield folder
    finally:
        if handle is not None:
            handle.close()
        shutil.rmtree(folder, ignore_errors=True)  # Windows: a file open elsewhere stays
        if folder.exists():
            log.warning("the demo folder %s could not be removed completely", folder)


def is_throwaway(folder: Path) -> bool:
    """Whether ``folder`` is one of :func:`throwaway_folder`'s (it goes when the demo closes)."""
    return folder.name.startswith(PREFIX) and (folder / LOCK_NAME).exists()


__all__ = ["LOCK_NAME", "PREFIX", "is_throwaway", "sweep_abandoned", "throwaway_folder"]
