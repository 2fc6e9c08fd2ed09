"""Before the main window: a store that cannot be opened is explained, a damaged one restored.

The same core functions as ``kaizen-exchange store restore``: the newest backup
that passes SQLite's check is put back and the damaged file is kept aside. The
teacher sees one question in plain words (when the backup was made, what comes
back by itself, what does not) and the answer runs off the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kaizen_exchange import APP_NAME
from kaizen_exchange.errors import KaizenError, StoreDamaged
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.store import backups
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.opening import daily_check
from kaizen_exchange.store.sync_lock import sync_lock

log = logging.getLogger(__name__)


def open_store_or_rescue(folder: Path, parent: QWidget | None = None) -> Store | None:
    """The opened store, after restoring a backup if the teacher chose to; None: do not start.

    The daily check and backup then run in the background (a large store takes seconds
    to check, and the first paint must not wait for it); if they find damage, the
    teacher is told to start again, and the next start offers the backup.
    """
    for attempt in range(2):
        try:
            store = Store(folder, daily=False)
        except StoreDamaged as exc:
            log.error("The store in %s is damaged: %s", folder, exc)
            if attempt or not offer_restore(folder, parent):
                return None
            continue  # restored: open it
        except KaizenError as exc:
            cannot_open(str(exc), parent)
            return None
        run_task(lambda: daily_check(folder), on_error=_damage_found)
        return store
    return None


def _damage_found(exc: BaseException) -> None:
    log.error("The daily check failed", exc_info=exc)
    if isinstance(exc, StoreDamaged):
        QMessageBox.warning(
            None,
            f"{APP_NAME}: your data is damaged",
            "The daily check found damage in the data on this computer. Close "
            f"{APP_NAME} and start it again: it will offer to put back the last good backup.",
        )


def cannot_open(message: str, parent: QWidget | None = None) -> None:
    QMessageBox.critical(parent, f"{APP_NAME} cannot open its data", message)


def _when(backup: backups.Backup) -> str:
    local = backup.taken.astimezone()
    return f"{local:%A} {local.day} {local:%B %Y} at {local:%H:%M}"


def restore_question(folder: Path, newest: backups.Backup) -> QMessageBox:
    """The question, built apart so that a test can read it before answering."""
    box = QMessageBox(QMessageBox.Icon.Warning, f"{APP_NAME}: your data is damaged", "")
    box.setText(
        f"{APP_NAME}'s data on this computer is damaged, so it has not been opened or changed."
    )
    box.setInformativeText(
        f"The backup from {_when(newest)} can be put back. Partner posts published since "
        "then come back with the next sync; calls booked since then must be booked again.\n\n"
        f"The damaged file is kept aside in {folder}, not deleted."
    )
    restore = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(restore)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    return box


def offer_restore(folder: Path, parent: QWidget | None = None) -> bool:
    """Ask, and restore the newest good backup if the teacher says so; True once restored."""
    listed = backups.list_backups(folder)
    if not listed:
        cannot_open(
            f"{APP_NAME}'s data on this computer is damaged, and there is no backup of it "
            f"yet. The damaged data is in {folder}: please ask IT support to look at it.",
            parent,
        )
        return False
    box = restore_question(folder, listed[0])
    box.exec()
    if box.buttonRole(box.clickedButton()) != QMessageBox.ButtonRole.AcceptRole:
        return False
    error = _off_the_gui_thread(lambda: _restore_newest_good(folder))
    if error is not None:
        cannot_open(str(error) if isinstance(error, KaizenError) else _UNEXPECTED, parent)
        return False
    return True


_UNEXPECTED = "The backup could not be put back. Please ask IT support to look at the data folder."


def _restore_newest_good(folder: Path) -> backups.Restored:
    with sync_lock(folder):  # a scheduled sync must not write while the file is swapped
        return backups.restore(folder, backups.choose(folder, None))


def _off_the_gui_thread(work: Callable[[], object]) -> BaseException | None:
    """Run ``work`` with run_task and wait for it here (no main window yet to keep drawing)."""
    loop = QEventLoop()
    outcome: list[BaseException | None] = []

    def done(_result: object) -> None:
        outcome.append(None)
        loop.quit()

    def failed(exc: BaseException) -> None:
        log.error("Restoring a backup failed", exc_info=exc)
        outcome.append(exc)
        loop.quit()

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        run_task(work, done, failed)
        if not outcome:
            loop.exec()
    finally:
        QApplication.restoreOverrideCursor()
    return outcome[0]


__all__ = ["cannot_open", "offer_restore", "open_store_or_rescue", "restore_question"]
