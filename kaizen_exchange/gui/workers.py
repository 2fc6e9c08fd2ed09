"""Background work for the window: the GUI thread only draws.

Three tools, after MusicBrainz Picard's ``run_task`` and Anki's ``QueryOp`` and
``CollectionOp``:

- :func:`run_task` runs a plain function (a store query, a feed discovery) on a
  thread pool and hands its result *or* its exception to a callback on the GUI
  thread. A callback whose owner widget was closed meanwhile is dropped, so a slow
  query can never touch a deleted page.
- :func:`run_op` runs a *write* the same way. The write returns what it changed
  (:class:`~kaizen_exchange.changes.Done`), and every page hears of it through the
  context before the caller's callback runs, even when the caller has closed: pages
  never have to remember to announce a change themselves.
- :class:`~kaizen_exchange.gui.sync_worker.SyncWorker` runs the core's asyncio sync
  from its own thread, reports each feed as it finishes by a signal, and can be
  cancelled (the asyncio task is cancelled; the core keeps the store consistent).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kaizen_exchange.changes import Changes, Done

log = logging.getLogger(__name__)

T = TypeVar("T")

_pool: QThreadPool | None = None
_pending: set[Task] = set()
_lock = threading.Lock()


def thread_pool() -> QThreadPool:
    """The window's pool: a few threads, enough for queries beside a long import."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(4)
        _pool.setExpiryTimeout(30_000)
    return _pool


class Task(QObject):
    """One call of :func:`run_task`; lives on the GUI thread and delivers there."""

    _finished = Signal(object, object)  # result, exception

    def __init__(
        self,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        owner: QObject | None,
    ) -> None:
        super().__init__()
        self._on_done = on_done
        self._on_error = on_error
        self._owner = owner
        self.cancelled = False
        self._finished.connect(self._deliver)

    def cancel(self) -> None:
        """Drop the result when it comes (the work itself runs to its end)."""
        self.cancelled = True

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        with _lock:
            _pending.discard(self)
        owner_gone = self._owner is not None and not shiboken6.isValid(self._owner)
        if self.cancelled or owner_gone:
            return
        if error is None:
            if self._on_done is not None:
                self._on_done(result)
        elif self._on_error is not None:
            self._on_error(error)
        else:
            log.error("Background task failed", exc_info=error)


class _Runnable(QRunnable):
    def __init__(self, func: Callable[[], Any], task: Task) -> None:
        super().__init__()
        self._func = func
        self._task = task

    def run(self) -> None:
        try:
            result = self._func()
        except Exception as exc:  # handed to the GUI thread, which shows it in plain words
            self._send(None, exc)
        else:
            self._send(result, None)

    def _send(self, result: Any, error: BaseException | None) -> None:
        if not shiboken6.isValid(self._task):
            return  # the application is shutting down; nobody is waiting any more
        try:
            self._task._finished.emit(result, error)
        except RuntimeError:  # deleted between the check and the emit, at exit
            log.debug("Dropped a background result at exit")


def run_task(
    func: Callable[[], T],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> Task:
    """Run ``func`` off the GUI thread; call ``on_done(result)`` or ``on_error(exc)`` on it."""
    task = Task(on_done, on_error, owner)
    with _lock:
        _pending.add(task)
    thread_pool().start(_Runnable(func, task))
    return task


class ChangeListener(Protocol):
    """Who hears what a write changed (the window's :class:`AppContext`)."""

    def write_started(self) -> None: ...

    def write_ended(self, changes: Changes, initiator: object | None) -> None: ...


def run_op(
    listener: ChangeListener,
    op: Callable[[], Done[T]],
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject | None = None,
) -> Task:
    """Run the write ``op`` off the GUI thread; tell ``listener`` what it changed, then ``on_done``.

    The changes are told even when ``owner`` has gone (a dialog closed meanwhile):
    the store changed all the same. A failed write changed nothing (the core's
    writes are transactions), so only ``on_error`` hears of it. ``owner`` is also the
    initiator pages see, so the page that made a change may skip re-reading it.
    """

    def alive() -> bool:
        return owner is None or shiboken6.isValid(owner)

    def done(answer: Done[T]) -> None:
        listener.write_ended(answer.changes, owner if owner is not None and alive() else None)
        if on_done is not None and alive():
            on_done(answer.result)

    def failed(error: BaseException) -> None:
        listener.write_ended(Changes(), None)
        if on_error is None:
            log.error("A write failed", exc_info=error)
        elif alive():
            on_error(error)

    listener.write_started()
    return run_task(op, done, failed)


def pending_tasks() -> int:
    """Tasks started and not yet delivered (tests wait for this to reach zero)."""
    with _lock:
        return len(_pending)


def wait_for_tasks(timeout_ms: int = 10_000) -> bool:
    """Block until the pool is idle (shutdown and tests only; never from a page)."""
    return thread_pool().waitForDone(timeout_ms)


from kaizen_exchange.gui.sync_worker import SyncWorker  # noqa: E402 - re-exported here

__all__ = [
    "ChangeListener",
    "SyncWorker",
    "Task",
    "pending_tasks",
    "run_op",
    "run_task",
    "thread_pool",
    "wait_for_tasks",
]
