"""Partners: the schools of the network, their zones, terms and blog health; joining is one file.

Imports and exports run on worker threads through the same core functions as the
command line (``network import``, ``feeds import-opml``, ``terms import``), so a
refused file is explained in the same words and leaves the store as it was.
"""

from __future__ import annotations

import html as htmllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QWidget,
)

from kaizen_exchange.changes import Changes, Done, Kind
from kaizen_exchange.gui import warmup
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_date, format_datetime, format_time, to_local
from kaizen_exchange.gui.look import icon
from kaizen_exchange.gui.pages.base import EVERYTHING, Page, show_error
from kaizen_exchange.gui.pages.partner_dialog import PartnerDialog
from kaizen_exchange.gui.places import COUNTRIES, city, state_name
from kaizen_exchange.gui.queries import SchoolRow, periods_of
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.network.file import SchoolSpec
from kaizen_exchange.network.opml import OpmlReport, export_opml
from kaizen_exchange.network.store import ImportReport, RemovedSchool, export_network
from kaizen_exchange.network.store import write_network_file as write_network
from kaizen_exchange.operations import partners as ops
from kaizen_exchange.store.db import Store

HEADERS = ("School", "Where", "Time zone", "Terms", "Posts", "Blog")


def import_report_text(report: ImportReport) -> str:
    parts = [f"Added {len(report.added)} schools", f"updated {len(report.updated)}"]
    if report.unchanged:
        parts.append(f"{len(report.unchanged)} were already up to date")
    text = ", ".join(parts) + "."
    if report.home_ignored:
        text += f" The file's own school ({report.home_ignored}) was kept as a partner."
    return text


def school_for_edit(store: Store, school_id: str) -> SchoolSpec:
    for spec in export_network(store).schools:
        if spec.id == school_id:
            spec.terms = spec.closures = None  # the dialog does not change them
            return spec
    raise LookupError(school_id)


class PartnersPage(Page):
    title = "Partners"
    icon_name = "partners"
    shows = frozenset({Kind.SCHOOLS})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.headed_layout()
        row = QHBoxLayout()
        self.add_button = self.tool_button(row, "add", "Add partner blog…", self.add_partner)
        self.edit_button = self.tool_button(row, "edit", "Edit…", self.edit_partner)
        self.terms_button = self.tool_button(row, "import", "Import term dates…", self.import_terms)
        self.remove_button = self.tool_button(row, "cancel", "Remove…", self.remove_partner)
        row.addStretch(1)
        self.tool_button(row, "import", "Import network file…", self.import_network_file)
        more = QPushButton("More", self)
        more.setAccessibleName("More: export the network file, import or export OPML")
        menu = QMenu(more)
        menu.addAction(icon("export"), "Export network file…", self.export_network_file)
        menu.addAction(icon("import"), "Import feeds from OPML…", self.import_opml_file)
        menu.addAction(icon("export"), "Export feeds as OPML…", self.export_opml_file)
        more.setMenu(menu)
        row.addWidget(more)
        layout.addLayout(row)
        self.splitter = QSplitter(self)
        self.table = QTableWidget(0, len(HEADERS), self.splitter)
        self.table.setAccessibleName("Partner schools")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.details = QTextBrowser(self.splitter)
        self.details.setAccessibleName("About the chosen school")
        self.details.setOpenExternalLinks(False)
        self.splitter.setSizes([620, 420])
        layout.addWidget(self.splitter, 1)
        self.rows: list[SchoolRow] = []
        self.reload()

    # -- the list -------------------------------------------------------------------
    def reload(self, changes: Changes = EVERYTHING) -> None:
        """The list from the context's school rows, which it re-reads before telling pages."""
        super().reload(changes)
        chosen = self.selected_school()
        self.rows = list(self.context.schools)
        self.table.setRowCount(len(self.rows))
        for number, school in enumerate(self.rows):
            where = ", ".join(
                p
                for p in (
                    state_name(school.country, school.subdivision),
                    COUNTRIES.get(school.country, school.country),
                )
                if p
            )
            cells = (
                school.name + (" (ours)" if school.home else ""),
                where,
                city(school.timezone),
                str(school.terms),
                str(school.posts),
                school.health,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 5 and school.health == "failing":
                    item.setIcon(icon("warning"))
                self.table.setItem(number, column, item)
        ids = [s.id for s in self.rows]
        if chosen in ids:
            self.table.selectRow(ids.index(chosen))
        elif self.rows:
            self.table.selectRow(0)
        has = bool(self.rows)
        self.edit_button.setEnabled(has)
        self.terms_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self._selected()  # the same school stays chosen, but its feeds or terms may be new

    def selected_school(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()].id if rows and rows[0].row() < len(self.rows) else None

    def _selected(self) -> None:
        school_id = self.selected_school()
        school = next((s for s in self.rows if s.id == school_id), None)
        if school is None:
            self.details.setHtml("")
            return
        store = self.context.store
        run_task(lambda: periods_of(store, school.id), lambda p: self._show(school, p), owner=self)

    def _show(self, school: SchoolRow, periods: list[tuple[str, str, Any, Any]]) -> None:
        if self.selected_school() != school.id:
            return
        now = to_local(datetime.now(UTC), school.timezone)
        esc = htmllib.escape
        parts = [
            f"<h2>{esc(school.name)}</h2>",
            f"<p>{esc(city(school.timezone))} time: <b>{esc(format_time(now))}</b> "
            f"on {esc(format_date(now.date()))}</p>",
        ]
        if school.blog:
            parts.append(f"<p>Blog: {esc(school.blog)}</p>")
        parts.append("<h3>Blog feeds</h3><ul>")
        for feed in school.feeds:
            when = format_datetime(feed.last_success) if feed.last_success else "never"
            state = "working" if not feed.failing else f"failing: {esc(feed.error or feed.status)}"
            parts.append(f"<li>{esc(feed.url)}<br>{state} · last synced {esc(when)}</li>")
        if not school.feeds:
            parts.append("<li>No feed yet: it is looked for at the next sync.</li>")
        parts.append("</ul><h3>Terms and closures</h3><ul>")
        for kind, name, start, end in periods:
            label = "Closed" if kind == "closure" else "Term"
            span = format_date(start, weekday=False) + " – " + format_date(end, weekday=False)
            parts.append(f"<li>{label}: {esc(name)}, {esc(span)}</li>")
        if not periods:
            parts.append("<li>No term dates yet: use Import term dates….</li>")
        parts.append("</ul>")
        self.details.setHtml("".join(parts))

    # -- add and edit ---------------------------------------------------------------
    def add_partner(self) -> PartnerDialog:
        dialog = PartnerDialog(self.context, self)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        self.dialog: PartnerDialog | None = dialog
        return dialog

    def edit_partner(self) -> None:
        school_id = self.selected_school()
        if school_id is None:
            return
        store = self.context.store
        run_task(lambda: school_for_edit(store, school_id), self._edit, owner=self)

    def _edit(self, spec: SchoolSpec) -> None:
        dialog = PartnerDialog(self.context, self, spec)
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.open()
        self.dialog = dialog

    def _saved(self, dialog: PartnerDialog) -> None:
        if dialog.saved is not None:
            self.context.say(f"Saved {dialog.saved.name}. Its posts come with the next sync.")
        self.context.sync_requested.emit()

    def remove_partner(self) -> None:
        school_id = self.selected_school()
        if school_id is None:
            return
        name = next((s.name for s in self.rows if s.id == school_id), school_id)
        answer = QMessageBox.question(
            self,
            "Remove this partner?",
            f"{name} will be removed with its blog posts and term dates. Its booked calls "
            "must be cancelled first. Importing a network file that lists it brings it back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.do_remove(school_id)

    def do_remove(self, school_id: str) -> None:
        store = self.context.store

        def done(removed: RemovedSchool) -> None:
            self.context.say(f"Removed {removed.school} and its {removed.posts} posts.")

        self._write(lambda: ops.remove(store, school_id), done, "The partner was not removed")

    # -- files ----------------------------------------------------------------------
    def _run(self, work: Callable[[], Any], done: Callable[[Any], None], title: str) -> None:
        run_task(work, done, lambda exc: show_error(self, title, exc), owner=self)

    def _write(self, op: Callable[[], Done[Any]], done: Callable[[Any], None], title: str) -> None:
        run_op(self.context, op, done, lambda exc: show_error(self, title, exc), owner=self)

    def import_network_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a network file", "", "Network files (*.toml);;All files (*)"
        )
        if path:
            self.import_network_path(Path(path))

    def import_network_path(self, path: Path) -> None:
        store = self.context.store

        def done(report: ImportReport) -> None:
            self.context.say(import_report_text(report))
            self.context.sync_requested.emit()

        self._write(
            lambda: ops.import_network_file(store, path), done, "The network file was not imported"
        )

    def export_network_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export the network file", "kaizen-network.toml", "Network files (*.toml)"
        )
        if path:
            self.export_network_path(Path(path))

    def export_network_path(self, path: Path) -> None:
        store = self.context.store
        self._run(
            lambda: write_network(store, path),
            lambda count: self.context.say(
                f"Wrote {count} schools to {path}. Send it to your partners."
            ),
            "The network file was not written",
        )

    def import_opml_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import feeds from OPML", "", "OPML files (*.opml *.xml);;All files (*)"
        )
        if path:
            self.import_opml_path(Path(path))

    def import_opml_path(self, path: Path) -> None:
        store = self.context.store

        def done(report: OpmlReport) -> None:
            known = len(report.already_known)
            text = f"Added {len(report.feeds_added)} feeds; {known} were already here."
            if report.schools_created:
                text += " Set the country and time zone of the new schools with Edit."
            self.context.say(text)
            self.context.sync_requested.emit()

        self._write(lambda: ops.import_opml(store, path), done, "The OPML file was not imported")

    def export_opml_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export feeds as OPML", "kaizen-feeds.opml", "OPML files (*.opml)"
        )
        if path:
            self.export_opml_path(Path(path))

    def export_opml_path(self, path: Path) -> None:
        store = self.context.store
        self._run(
            lambda: export_opml(store, path),
            lambda count: self.context.say(f"Wrote {count} feeds to {path}."),
            "The OPML file was not written",
        )

    def import_terms(self) -> None:
        school_id = self.selected_school()
        if school_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, "Import term dates", "", "Term dates (*.ics *.csv);;All files (*)"
        )
        if path:
            self.import_terms_path(school_id, Path(path))

    def import_terms_path(self, school_id: str, path: Path) -> None:
        warmup.load("kaizen_exchange.schedule.terms_import")  # on this thread, not the worker's
        store = self.context.store

        def done(result: Any) -> None:  # schedule.terms_import.TermsResult
            text = (
                f"Added {len(result.added)} terms and closures; {result.already} were already here."
            )
            if result.skipped:
                text += f" {len(result.skipped)} entries were not dates of terms or closures."
            self.context.say(text)

        self._write(
            lambda: ops.import_terms(store, path, school_id),
            done,
            "The term dates were not imported",
        )

    def save_state(self, settings: AppSettings) -> None:
        settings.set_geometry("partners_splitter", self.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.geometry("partners_splitter")
        if state is not None:
            self.splitter.restoreState(state)


__all__ = ["PartnersPage", "import_report_text"]
