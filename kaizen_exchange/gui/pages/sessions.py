"""Sessions: every booked call with its status and the warnings of its latest check;
export, copy the invitation, edit (in place, same UID) or cancel.

Checks are recomputed from the calendars as they are now (terms may have been
imported since booking), on a worker thread, with the planner core's checker.
"""

from __future__ import annotations

import html as htmllib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QWidget,
)

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_datetime
from kaizen_exchange.gui.pages.base import EVERYTHING
from kaizen_exchange.gui.pages.list_detail import ListDetailPage
from kaizen_exchange.gui.pages.session_form import export_invitation, report_html
from kaizen_exchange.gui.places import short_school_name
from kaizen_exchange.gui.planning import invitation_text
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.operations import sessions as ops
from kaizen_exchange.schedule.models import BOOKED, CallSession
from kaizen_exchange.schedule.sessions import SessionReport, check_session, list_sessions
from kaizen_exchange.schedule.upcoming import next_occurrence
from kaizen_exchange.store.db import Store

HEADERS = ("Title", "Next call (your time)", "Repeats", "Schools", "Status", "Check")
CALENDAR_FILES = "Calendar files (*.ics)"


@dataclass
class SessionRow:
    session: CallSession
    schools: list[str]
    report: SessionReport
    next_start: datetime | None

    @property
    def warnings(self) -> int:
        return sum(1 for r in self.report.reports if not r.skipped and r.problems)


def load_sessions(store: Store) -> list[SessionRow]:
    """Every session with a fresh check (worker thread)."""
    now = datetime.now(UTC)
    rows = []
    for row, schools in list_sessions(store):
        assert row.id is not None
        coming = next_occurrence(row, now)
        report = check_session(store, row.id)
        rows.append(SessionRow(row, schools, report, coming.start if coming else None))
    return rows


class SessionsPage(ListDetailPage):
    title = "Sessions"
    splitter_key = "sessions_splitter"
    icon_name = "sessions"
    shows = frozenset({Kind.SESSIONS, Kind.SCHOOLS})  # school names, and terms behind each check

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = self.headed_layout()
        bar = QHBoxLayout()
        self.export_button = self.tool_button(bar, "export", "Export .ics…", self.export)
        self.copy_button = self.tool_button(bar, "copy", "Copy invitation", self.copy_invitation)
        self.edit_button = self.tool_button(bar, "edit", "Edit…", self.edit)
        self.cancel_button = self.tool_button(bar, "cancel", "Cancel session…", self.cancel)
        bar.addStretch(1)
        self.tool_button(bar, "import", "Import invitation…", self.import_invitation)
        layout.addLayout(bar)
        self.build_list(
            layout, HEADERS, ("Booked sessions", "Check of the chosen session"), sizes=(780, 360)
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, self.fontMetrics().horizontalAdvance("M") * 14)
        self.table.setWordWrap(False)
        self.rows: list[SessionRow] = []
        self.missed = EVERYTHING  # read when first shown
        self._set_buttons()

    def reload(self, changes: Changes = EVERYTHING) -> None:
        super().reload(changes)
        store = self.context.store
        run_task(lambda: load_sessions(store), self._loaded, owner=self)

    def _loaded(self, rows: list[SessionRow]) -> None:
        chosen = self.selected()
        self.rows = rows
        self.fill([self._cells(item) for item in rows], [bool(item.warnings) for item in rows], 5)
        self.choose_again([r.session.id for r in rows], chosen.session.id if chosen else None)
        if not rows:
            self.details.setHtml(
                "<p>No calls booked yet. Use Plan a call (Ctrl+3) to find a time.</p>"
            )
        self._selected()  # the same row stays chosen, but what it holds may have changed

    def _cells(self, item: SessionRow) -> tuple[str, ...]:
        row, names = item.session, self.context.school_names
        until = row.weekly_until
        when = (
            format_datetime(item.next_start, weekday=True, year=False)
            if item.next_start
            else "over"
        )
        return (
            row.title,
            when,
            f"weekly to {until.day} {until:%b}" if until else "once",
            ", ".join(short_school_name(names.get(s, s)) for s in item.schools),
            row.status,
            "OK" if not item.warnings else f"{item.warnings} to look at",
        )

    def selected(self) -> SessionRow | None:
        index = self.chosen_index()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _selected(self) -> None:
        item = self.selected()
        self._set_buttons()
        if item is None:
            return
        row = item.session
        zones = self.context.zones_of(item.schools)
        parts = [f"<h2>{htmllib.escape(row.title)}</h2>"]
        if row.link:
            parts.append(f"<p>Link: {htmllib.escape(row.link)}</p>")
        if row.status == BOOKED:
            parts.append(report_html(item.report.reports, self.context.school_names, zones))
        else:  # no week of it takes place: ticking them would say the opposite
            parts.append(
                f"<p><b>This session is {htmllib.escape(row.status)}.</b> None of its calls "
                "take place. Export it and send the file so it leaves your partners' "
                "calendars too.</p>"
            )
        self.details.setHtml("".join(parts))

    def _set_buttons(self) -> None:
        item = self.selected()
        has = item is not None
        booked = has and item is not None and item.session.status == BOOKED
        for button in (self.export_button, self.copy_button):
            button.setEnabled(has)
        self.edit_button.setEnabled(booked)
        self.cancel_button.setEnabled(booked)

    # -- actions --------------------------------------------------------------------
    def export(self) -> None:
        item = self.selected()
        if item is not None:
            session_id = item.session.id or 0
            self.ask_save(
                "Save the invitation",
                "kaizen-call.ics",
                CALENDAR_FILES,
                lambda path: self.export_to(session_id, path),
            )

    def export_to(self, session_id: int, path: Path) -> None:
        export_invitation(self, self.context, session_id, path)

    def invitation(self) -> str:
        item = self.selected()
        if item is None:
            return ""
        row = item.session
        zones = self.context.zones_of(item.schools)
        start = item.next_start or row.start_utc()
        names = self.context.school_names
        return invitation_text(
            row.title, start, row.minutes, zones, names, row.link, row.weekly_until
        )

    def copy_invitation(self) -> None:
        QGuiApplication.clipboard().setText(self.invitation())
        self.context.say("The invitation text is on the clipboard: paste it into an email.")

    def cancel(self) -> None:
        item = self.selected()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            "Cancel this session?",
            f"“{item.session.title}” will be marked cancelled. Export it afterwards and "
            "send the file to your partners so it leaves their calendars too.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.do_cancel(item.session.id or 0)

    def do_cancel(self, session_id: int) -> None:
        store = self.context.store

        def done(_result: object) -> None:
            self.context.say("Cancelled. Export it and send the file to tell your partners.")

        self.write(lambda: ops.cancel(store, session_id), done, "The session was not cancelled")

    def edit(self) -> None:
        item = self.selected()
        if item is not None:
            from kaizen_exchange.gui.pages.session_edit import EditSessionDialog

            self.editor = EditSessionDialog(self.context, item.session, item.schools, self)
            self.editor.open()

    def import_invitation(self) -> None:
        self.ask_open("Import an invitation", CALENDAR_FILES, self.import_path)

    def import_path(self, path: Path) -> None:
        store = self.context.store

        def done(result: object) -> None:
            self.context.say("The invitation was read into Sessions.")

        self.write(
            lambda: ops.import_invitation(store, path), done, "The invitation was not imported"
        )


__all__ = ["SessionsPage", "load_sessions"]
