"""One sync of the store, driven from a QThread, with per-feed progress and cancel.

By default the sync runs in a child process (:mod:`.sync_child`): the window's
interpreter lock and garbage collector are then never busy with it, which is what
keeps the event loop free of stalls during a 500-feed sync (bench/gui.py). The
thread reads the child's progress lines and turns them into signals. ``mode="thread"``
runs the core's ``sync_async`` on this thread's own asyncio loop instead (frozen
bundles, where there is no Python to start; and tests that want no subprocess).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal

from kaizen_exchange.feeds.report import FeedReport, SyncReport
from kaizen_exchange.gui import warmup
from kaizen_exchange.store.sync_lock import sync_lock

if TYPE_CHECKING:
    from kaizen_exchange.store.db import Store

log = logging.getLogger(__name__)
CANCEL_GRACE = 15.0  # seconds a cancelled child has to stop cleanly before it is killed


class SyncFailed(Exception):
    """The sync stopped before its end; ``str()`` says why in plain words."""


def default_mode() -> str:
    return "thread" if getattr(sys, "frozen", False) else "process"


class SyncWorker(QThread):
    """``feed_done(report, done, total)`` as each feed finishes; then exactly one of
    ``synced(SyncReport)``, ``failed(exception)`` or ``cancelled()``."""

    feed_done = Signal(object, int, int)
    synced = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        store: Store,
        quota: int | None = None,
        parent: QObject | None = None,
        mode: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._quota = quota
        self.mode = mode or default_mode()
        self._guard = threading.Lock()
        self._cancel_requested = False
        self._child: subprocess.Popen[str] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._task: asyncio.Task[SyncReport] | None = None

    def run(self) -> None:
        try:
            if self.mode == "process":
                self._run_child()
            else:
                self._run_here()
        except Exception as exc:  # shown to the teacher; the store stays consistent
            log.exception("Sync failed")
            self.failed.emit(exc)

    def cancel(self) -> None:
        """Ask the running sync to stop; safe from the GUI thread at any moment."""
        with self._guard:
            self._cancel_requested = True
            child, loop, task = self._child, self._loop, self._task
        if child is not None and child.stdin is not None:
            try:
                child.stdin.write("cancel\n")
                child.stdin.flush()
            except OSError:
                pass  # it has just ended
            timer = threading.Timer(CANCEL_GRACE, _kill_if_running, (child,))
            timer.daemon = True
            timer.start()
        if loop is not None and task is not None:
            loop.call_soon_threadsafe(task.cancel)

    # -- in a child process ---------------------------------------------------------
    def _command(self) -> list[str]:
        command = [sys.executable, "-m", "kaizen_exchange.gui.sync_child"]
        command += ["--data-dir", str(self._store.folder)]
        if self._quota is not None:
            command += ["--quota", str(self._quota)]
        return command

    def _run_child(self) -> None:
        with (
            tempfile.TemporaryFile("w+", encoding="utf-8") as errors,
            subprocess.Popen(
                self._command(),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
                text=True,
                encoding="utf-8",
                env=dict(os.environ, PYTHONUNBUFFERED="1"),
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            ) as child,
        ):
            with self._guard:
                self._child = child
                cancel_now = self._cancel_requested
            if cancel_now:
                self.cancel()
            ended = self._read(child)
            try:
                child.wait(timeout=CANCEL_GRACE)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
            with self._guard:
                self._child = None
            if not ended:
                errors.seek(0)
                tail = errors.read()[-800:].strip()
                raise SyncFailed(
                    f"The sync stopped unexpectedly (code {child.returncode}). Your posts are "
                    f"safe; try Sync now again.{' Details: ' + tail if tail else ''}"
                )

    def _read(self, child: subprocess.Popen[str]) -> bool:
        """Turn the child's lines into signals; True once it said how it ended."""
        assert child.stdout is not None
        for line in child.stdout:
            try:
                message: dict[str, Any] = json.loads(line)
            except ValueError:
                continue  # not ours (a library printing): ignore
            if "feed" in message:
                self.feed_done.emit(
                    FeedReport.from_json(message["feed"]), message["done"], message["total"]
                )
            elif "report" in message:
                self.synced.emit(SyncReport.from_json(message["report"]))
                return True
            elif "cancelled" in message:
                self.cancelled.emit()
                return True
            elif "error" in message:
                self.failed.emit(SyncFailed(message["error"]))
                return True
        return False

    # -- on this thread -------------------------------------------------------------
    def _run_here(self) -> None:
        with warmup.IMPORT_LOCK:
            from kaizen_exchange.feeds.sync import SyncOptions, sync_async

        options = SyncOptions() if self._quota is None else SyncOptions(quota=self._quota)
        loop = asyncio.new_event_loop()
        try:
            with self._guard:
                if self._cancel_requested:
                    self.cancelled.emit()
                    return
                self._loop = loop
                database = self._store.database
                self._task = loop.create_task(sync_async(database, options, self._progress))
            try:
                with sync_lock(database.folder):  # not beside a scheduled sync
                    report = loop.run_until_complete(self._task)
            except asyncio.CancelledError:
                self.cancelled.emit()
            else:
                self.synced.emit(report)
        finally:
            with self._guard:
                self._loop = None
                self._task = None
            _finish_loop(loop)

    def _progress(self, report: FeedReport, done: int, total: int) -> None:
        self.feed_done.emit(report, done, total)


def _kill_if_running(child: subprocess.Popen[str]) -> None:
    """A cancelled child that did not stop in time (stuck in a C call): end it."""
    if child.poll() is None:
        log.warning("The sync did not stop when asked; ending it")
        child.kill()


def _finish_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what a failed or cancelled sync left running, then close the loop cleanly."""
    pending = asyncio.all_tasks(loop)
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()


__all__ = ["SyncFailed", "SyncWorker", "default_mode"]
