"""The list-and-detail page: a tool bar, a table of rows, and the chosen row's details beside it.

Partners and Sessions are both this shape. Building it once keeps the two pages
behaving alike for a teacher (the same keys, the same selection kept across a
reload, the splitter remembered) and keeps the file dialogs and the background
runs they start in one place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from kaizen_exchange.changes import Done
from kaizen_exchange.gui.look import icon
from kaizen_exchange.gui.pages.base import Page, show_error
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import run_op, run_task


class ListDetailPage(Page):
    """A page whose rows sit in :attr:`table` and whose chosen row shows in :attr:`details`.

    Subclasses call :meth:`build_list` once, fill the table with :meth:`fill`, and
    implement :meth:`_selected` (the chosen row changed, or what it holds did).
    """

    #: Where the splitter's position is remembered between runs.
    splitter_key = ""

    def build_list(
        self,
        layout: QVBoxLayout,
        headers: Sequence[str],
        names: tuple[str, str],
        sizes: tuple[int, int],
    ) -> None:
        """The table (``names[0]`` for a screen reader) and the details (``names[1]``)."""
        self.splitter = QSplitter(self)
        self.table = QTableWidget(0, len(headers), self.splitter)
        self.table.setAccessibleName(names[0])
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        self.details = QTextBrowser(self.splitter)
        self.details.setAccessibleName(names[1])
        self.splitter.setSizes(list(sizes))
        layout.addWidget(self.splitter, 1)

    def _selected(self) -> None:
        """The chosen row changed (or what it holds did): show its details."""

    def fill(self, rows: Sequence[Sequence[str]], warned: Sequence[bool], warn_column: int) -> None:
        """Put ``rows`` in the table; a warning sign in ``warn_column`` where ``warned``."""
        self.table.setRowCount(len(rows))
        for number, cells in enumerate(rows):
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == warn_column and warned[number]:
                    item.setIcon(icon("warning"))
                self.table.setItem(number, column, item)

    def chosen_index(self) -> int:
        """The row chosen in the table, -1 when none is."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def choose_again(self, ids: Sequence[object], chosen: object) -> None:
        """After a reload, the row the teacher had chosen (else the first) is chosen again."""
        self.table.selectRow(ids.index(chosen) if chosen in ids else 0)

    # -- files and background work ----------------------------------------------------
    def ask_open(self, title: str, kinds: str, then: Callable[[Path], None]) -> None:
        """A file dialog to pick a file to read; ``then`` gets it, unless the teacher cancels."""
        path, _ = QFileDialog.getOpenFileName(self, title, "", kinds)
        if path:
            then(Path(path))

    def ask_save(self, title: str, name: str, kinds: str, then: Callable[[Path], None]) -> None:
        """A file dialog to pick where to write, suggesting ``name``."""
        path, _ = QFileDialog.getSaveFileName(self, title, name, kinds)
        if path:
            then(Path(path))

    def run(self, work: Callable[[], Any], done: Callable[[Any], None], failed: str) -> None:
        """Read or write a file on a worker; a failure shows under the title ``failed``."""
        run_task(work, done, lambda exc: show_error(self, failed, exc), owner=self)

    def write(self, op: Callable[[], Done[Any]], done: Callable[[Any], None], failed: str) -> None:
        """Change the store on a worker; every page showing what changed reloads."""
        run_op(self.context, op, done, lambda exc: show_error(self, failed, exc), owner=self)

    def save_state(self, settings: AppSettings) -> None:
        settings.set_geometry(self.splitter_key, self.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.geometry(self.splitter_key)
        if state is not None:
            self.splitter.restoreState(state)


__all__ = ["ListDetailPage"]
