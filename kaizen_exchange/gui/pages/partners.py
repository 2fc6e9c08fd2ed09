"""Partners: the schools of the network, their zones, terms and blog health; joining is one file.

Imports and exports run on worker threads through the same core functions as the
command line (``network import``, ``feeds import-opml``, ``terms import``), so a
refused file is explained in the same words and leaves the store as it was.
"""

from __future__ import annotations

import html as htmllib
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QMenu, QMessageBox, QPushButton, QWidget

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui import warmup
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_date, format_datetime, format_time, to_local
from kaizen_exchange.gui.look import icon
from kaizen_exchange.gui.pages.base import EVERYTHING
from kaizen_exchange.gui.pages.list_detail import ListDetailPage
from kaizen_exchange.gui.pages.partner_dialog import PartnerDialog
from kaizen_exchange.gui.places import COUNTRIES, city, state_name
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.network.file import SchoolSpec
from kaizen_exchange.network.opml import OpmlReport, export_opml
from kaizen_exchange.network.store import ImportReport, RemovedSchool, export_network
from kaizen_exchange.network.store import write_network_file as write_network
from kaizen_exchange.operations import partners as ops
from kaizen_exchange.reading.schools import SchoolRow, periods_of
from kaizen_exchange.store.db import Store

HEADERS = ("School", "Where", "Time zone", "Terms", "Posts", "Blog")
NETWORK_FILES = "Network files (*.toml)"
OPML_FILES = "OPML files (*.opml *.xml)"
ANY_FILE = ";;All files (*)"


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


class PartnersPage(ListDetailPage):
    title = "Partners"
    splitter_key = "partners_splitter"
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
        self.build_list(
            layout, HEADERS, ("Partner schools", "About the chosen school"), sizes=(620, 420)
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.details.setOpenExternalLinks(False)
        self.rows: list[SchoolRow] = []
        self.reload()

    # -- the list -------------------------------------------------------------------
    def reload(self, changes: Changes = EVERYTHING) -> None:
        """The list from the context's school rows, which it re-reads before telling pages."""
        super().reload(changes)
        chosen = self.selected_school()
        self.rows = list(self.context.schools)
        self.fill(
            [self._cells(school) for school in self.rows],
            [school.health == "failing" for school in self.rows],
            warn_column=5,
        )
        self.choose_again([s.id for s in self.rows], chosen)
        has = bool(self.rows)
        self.edit_button.setEnabled(has)
        self.terms_button.setEnabled(has)
        self.remove_button.setEnabled(has)
        self._selected()  # the same school stays chosen, but its feeds or terms may be new

    @staticmethod
    def _cells(school: SchoolRow) -> tuple[str, ...]:
        country = COUNTRIES.get(school.country, school.country)
        where = ", ".join(p for p in (state_name(school.country, school.subdivision), country) if p)
        return (
            school.name + (" (ours)" if school.home else ""),
            where,
            city(school.timezone),
            str(school.terms),
            str(school.posts),
            school.health,
        )

    def selected_school(self) -> str | None:
        index = self.chosen_index()
        return self.rows[index].id if 0 <= index < len(self.rows) else None

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

        self.write(lambda: ops.remove(store, school_id), done, "The partner was not removed")

    # -- files ----------------------------------------------------------------------
    def import_network_file(self) -> None:
        self.ask_open("Import a network file", NETWORK_FILES + ANY_FILE, self.import_network_path)

    def import_network_path(self, path: Path) -> None:
        store = self.context.store

        def done(report: ImportReport) -> None:
            self.context.say(import_report_text(report))
            self.context.sync_requested.emit()

        self.write(
            lambda: ops.import_network_file(store, path), done, "The network file was not imported"
        )

    def export_network_file(self) -> None:
        self.ask_save(
            "Export the network file",
            "kaizen-network.toml",
            NETWORK_FILES,
            self.export_network_path,
        )

    def export_network_path(self, path: Path) -> None:
        store = self.context.store
        self.run(
            lambda: write_network(store, path),
            lambda count: self.context.say(
                f"Wrote {count} schools to {path}. Send it to your partners."
            ),
            "The network file was not written",
        )

    def import_opml_file(self) -> None:
        self.ask_open("Import feeds from OPML", OPML_FILES + ANY_FILE, self.import_opml_path)

    def import_opml_path(self, path: Path) -> None:
        store = self.context.store

        def done(report: OpmlReport) -> None:
            known = len(report.already_known)
            text = f"Added {len(report.feeds_added)} feeds; {known} were already here."
            if report.schools_created:
                text += " Set the country and time zone of the new schools with Edit."
            self.context.say(text)
            self.context.sync_requested.emit()

        self.write(lambda: ops.import_opml(store, path), done, "The OPML file was not imported")

    def export_opml_file(self) -> None:
        self.ask_save(
            "Export feeds as OPML",
            "kaizen-feeds.opml",
            "OPML files (*.opml)",
            self.export_opml_path,
        )

    def export_opml_path(self, path: Path) -> None:
        store = self.context.store
        self.run(
            lambda: export_opml(store, path),
            lambda count: self.context.say(f"Wrote {count} feeds to {path}."),
            "The OPML file was not written",
        )

    def import_terms(self) -> None:
        school_id = self.selected_school()
        if school_id is not None:
            self.ask_open(
                "Import term dates",
                "Term dates (*.ics *.csv)" + ANY_FILE,
                lambda path: self.import_terms_path(school_id, path),
            )

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

        self.write(
            lambda: ops.import_terms(store, path, school_id),
            done,
            "The term dates were not imported",
        )


__all__ = ["PartnersPage", "import_report_text"]
