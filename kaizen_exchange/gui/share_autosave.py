"""Saving a draft as the teacher types: after each pause, off the GUI thread, one save at a time.

Why this shape: a save per keystroke would queue hundreds of writes; a save only on
"Save" would lose a lesson's writing to a crash or a power cut. So each change
restarts a short timer, and when it fires the draft *as it is then* is written by
``operations.drafts.save`` through :func:`run_op`. While one save runs, later
changes wait for it and are written next, so an older save never lands after a newer
one. A new draft gets its number (and its files theirs) from the first save; the
numbers are copied back onto the draft being edited, so the next save updates the
same rows instead of adding copies.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from kaizen_exchange.gui.workers import ChangeListener, run_op
from kaizen_exchange.operations import drafts as ops
from kaizen_exchange.sharing.drafts import Draft, DraftFile
from kaizen_exchange.store.db import Store

PAUSE_MS = 700  # a pause in typing: long enough to batch a word, short enough to lose nothing


class Autosaver(QObject):
    """Keeps the store's copy of one draft up to date with the editor's."""

    saved = Signal(object)  # the draft as stored (with its number)
    failed = Signal(object)  # the exception; the editor keeps the text, and tries again later

    def __init__(
        self,
        listener: ChangeListener,
        store: Store,
        current: Callable[[], Draft | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._listener = listener
        self._store = store
        self._current = current  # the draft being edited, read when the timer fires
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.save_now)
        self._saving = False
        self._again = False

    @property
    def pending(self) -> bool:
        """A change not yet in the store (waiting for a pause, or being written)."""
        return self._timer.isActive() or self._saving or self._again

    def changed(self) -> None:
        """The teacher changed something: save after the next pause."""
        self._timer.start()

    def save_now(self) -> None:
        """Write the draft now (leaving it, before publishing), or just after the save running."""
        self._timer.stop()
        if self._saving:
            self._again = True
            return
        draft = self._current()
        if draft is None:
            return
        self._saving = True
        snapshot = copy.deepcopy(draft)
        files = list(draft.files)  # the objects saved, in the snapshot's order
        store = self._store
        run_op(
            self._listener,
            lambda: ops.save(store, snapshot),
            lambda stored: self._done(draft, files, stored),
            self._failed,
            owner=self,
        )

    def _done(self, draft: Draft, files: list[DraftFile], stored: Draft) -> None:
        if draft.id == 0:
            draft.id = stored.id
        for mine, kept in zip(files, stored.files, strict=True):
            if mine.id == 0:
                mine.id = kept.id
        self._finish()
        self.saved.emit(stored)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.failed.emit(error)

    def _finish(self) -> None:
        self._saving = False
        if self._again:
            self._again = False
            self.save_now()


__all__ = ["PAUSE_MS", "Autosaver"]
