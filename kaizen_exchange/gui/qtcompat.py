"""A start-up check of the Qt binding, so a broken release fails at once and says why.

PySide6 6.12.0 loses references on Python 3.11: ``SignalInstance.emit()`` returns
its ``bool`` without a reference, and a Python override of a C++ virtual that
returns nothing (``QRunnable.run``, ``paint``…) gives back ``None`` one reference
short. ``True`` and ``None`` are not immortal before Python 3.12, so after some
thousands of such calls the interpreter aborts ("Fatal Python error: bool_dealloc"
or "none_dealloc") — for a teacher, the window simply vanishes mid-lesson.
(bench/gui.py found it; PySide6 6.11.3 is fine.) Rather than crash later, the app
checks the binding once, in a few milliseconds, and refuses to start on a broken one.
"""

from __future__ import annotations

import ctypes
import gc
import sys

from PySide6 import __version__ as PYSIDE_VERSION
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from kaizen_exchange.errors import KaizenError

CALLS = 64


class BrokenBinding(KaizenError):
    """The installed PySide6 would crash the app; the message says what to install."""


class _Probe(QObject):
    ping = Signal()


class _Nothing(QRunnable):
    def run(self) -> None:
        pass


def _lost(kind: object, action: object) -> int:
    """References to ``kind`` that ``action`` lost; they are given back, so the check is safe.

    The collector is held off meanwhile: garbage freed during the count (say, an old
    traceback's frames) drops references to None too, which would read as lost. It is not
    run first: a full collection of the start-up's objects costs ~40 ms, the check ~2 ms.
    """
    assert callable(action)
    collecting = gc.isenabled()
    gc.disable()
    try:
        before = sys.getrefcount(kind)
        action()
        lost = before - sys.getrefcount(kind)
    finally:
        if collecting:
            gc.enable()
    for _ in range(max(lost, 0)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(kind))
    return lost


def _emits() -> None:
    probe = _Probe()
    for _ in range(CALLS):
        probe.ping.emit()


def _overrides() -> None:
    pool = QThreadPool()
    for _ in range(CALLS):
        pool.start(_Nothing())
    pool.waitForDone()


def binding_problem() -> str | None:
    """Plain words on what is wrong with the binding, or None when it is sound."""
    if sys.version_info >= (3, 12):
        return None  # True, False and None are immortal: the lost references are harmless
    problems = []
    if _lost(True, _emits) >= CALLS // 2:
        problems.append("signals lose references to True")
    if _lost(None, _overrides) >= CALLS // 2:
        problems.append("Python overrides lose references to None")
    if not problems:
        return None
    return (
        f"The installed Qt library (PySide6 {PYSIDE_VERSION}) would crash Kaizen Exchange on "
        f"Python {sys.version_info.major}.{sys.version_info.minor} ({'; '.join(problems)}). "
        "Install another version, for example: pip install 'pyside6-essentials==6.11.3'"
    )


def check_binding() -> None:
    problem = binding_problem()
    if problem:
        raise BrokenBinding(problem)


__all__ = ["BrokenBinding", "binding_problem", "check_binding"]
