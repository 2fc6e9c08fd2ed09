"""Keeping the window smooth: what to import when, and when Python's garbage collector may run.

Two measured causes of a frozen window (bench/gui.py), and what we do about them:

1. Imports after PySide6 cost up to twice as much: shiboken replaces ``__import__``
   and reads the source of every newly imported module to see whether it uses
   PySide6. So the store's modules (SQLAlchemy, SQLModel) are imported *before*
   Qt (:data:`BEFORE_QT`, from ``kaizen_exchange.gui.__init__``), and what the first
   sync and the planner need is imported on a worker thread right after the first
   paint (:func:`preload`), not on the GUI thread, and not in the middle of a sync.
2. A full (generation 2) collection walks every object and holds the GIL for
   60–150 ms on a big heap. After start-up everything alive is moved out of the
   collector's sight (``gc.freeze``), and while a sync runs, full collections wait
   (:func:`hold_full_collections`); young generations are still collected.
"""

from __future__ import annotations

import gc
import importlib
import logging
import threading
from types import ModuleType

log = logging.getLogger(__name__)

BEFORE_QT = ("kaizen_exchange.store.db", "kaizen_exchange.reading.posts")
AFTER_PAINT = (
    "kaizen_exchange.feeds.sync",
    "httpcore",
    "h11",
    "anyio._backends._asyncio",
    "certifi",
    "multiprocessing.popen_spawn_posix",
    "multiprocessing.synchronize",
    "multiprocessing.resource_tracker",
    "kaizen_exchange.schedule.sessions",
    "kaizen_exchange.schedule.planner",
    "kaizen_exchange.schedule.ical",
)
_HELD = 1_000_000  # gen-1 collections before a full one: "not during this sync"

_normal: tuple[int, int, int] | None = None
_frozen = False

#: Held while any of our late imports runs, on whichever thread. Two threads importing
#: modules that import each other can otherwise meet halfway, and Python then hands one
#: of them a half-initialised module ("cannot import name … partially initialized").
IMPORT_LOCK = threading.RLock()


def load(name: str) -> ModuleType:
    """Import ``name`` late (a page, the planner, the sync engine), one thread at a time."""
    with IMPORT_LOCK:
        return importlib.import_module(name)


def import_all(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            load(name)
        except ImportError:  # an optional piece (e.g. a transport) is missing: not fatal
            log.info("Could not preload %s", name, exc_info=True)


def preload() -> None:
    """Import what the first sync and the planner need (call on a worker thread)."""
    import_all(AFTER_PAINT)


def freeze_startup_objects() -> None:
    """Once, after start-up: collect, then keep today's objects out of every later collection."""
    global _frozen
    if not _frozen:
        gc.collect()
        gc.freeze()
        _frozen = True


def hold_full_collections() -> None:
    """While a sync runs: young objects are still collected, full collections wait."""
    global _normal
    if _normal is None:
        _normal = gc.get_threshold()
        gc.set_threshold(_normal[0], _normal[1], _HELD)


def release_full_collections() -> None:
    global _normal
    if _normal is not None:
        gc.set_threshold(*_normal)
        _normal = None


import_all(BEFORE_QT)

__all__ = [
    "AFTER_PAINT",
    "BEFORE_QT",
    "IMPORT_LOCK",
    "freeze_startup_objects",
    "hold_full_collections",
    "load",
    "preload",
    "release_full_collections",
]
