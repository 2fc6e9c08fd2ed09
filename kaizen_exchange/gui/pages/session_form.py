"""The session form of "Plan a call" (layout: ``ui/session_form.ui``).

Choosing a common window fills it; every change re-checks the session off the GUI
thread and shows the same report a booking gives (school days, call windows, clock
changes on either side), so the teacher sees problems before booking, not after.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QTime, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from kaizen_exchange.errors import BadInput
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_time, short_weekday
from kaizen_exchange.gui.forms.ui_session_form import Ui_SessionForm
from kaizen_exchange.gui.look import icon, scaled_font, set_role
from kaizen_exchange.gui.pages.base import plain_message, show_error
from kaizen_exchange.gui.places import city, short_school_name
from kaizen_exchange.gui.planning import Preview, invitation_text, preview
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations import sessions as sessions_ops
from kaizen_exchange.schedule.checks import OccurrenceReport
from kaizen_exchange.schedule.ical import Written, export_sessions
from kaizen_exchange.schedule.sessions import NewSession, SessionReport
from kaizen_exchange.wording import plural

SHOWN = 8  # occurrences listed in the report; the rest are summarised


def report_html(
    reports: list[OccurrenceReport], names: dict[str, str], zones: dict[str, str]
) -> str:
    """Each occurrence with every school's local time, problems under it, in plain words."""
    esc = htmllib.escape
    kept = [r for r in reports if not r.skipped]
    skipped = [r for r in reports if r.skipped]
    lines = []
    for report in kept[:SHOWN]:
        times = " · ".join(
            f"{_when(report.local[s])} {esc(city(zones.get(s, 'UTC')))}" for s in report.local
        )
        mark = "✓" if not report.blocking else "✗"
        lines.append(f"<p>{mark} {times}</p>")
        for problem in report.problems:
            colour = "#7a1f14" if problem in report.blocking else "#8a5a00"
            lines.append(f'<p style="margin-left:18px; color:{colour}">{esc(problem.detail)}</p>')
    if len(kept) > SHOWN:
        lines.append(f"<p>… and {plural(len(kept) - SHOWN, 'more week')}.</p>")
    if skipped:
        first = skipped[0].problems[0].detail if skipped[0].problems else ""
        lines.append(
            f"<p style='color:#5b6b66'>{_left_out(len(skipped))} (not a school day on one "
            f"side{': ' + esc(first) if first else ''}).</p>"
        )
    return "".join(lines) or "<p>Choose a common window on the left.</p>"


def _left_out(weeks: int) -> str:
    return "1 week is left out" if weeks == 1 else f"{weeks} weeks are left out"


def _when(moment: datetime) -> str:
    return f"{short_weekday(moment.date())} {moment.day} {moment:%b} {format_time(moment)}"


def invitation_file_name(title: str) -> str:
    """A file name from the call's title: "Willow meets Room 12" → "willow-meets-room-12.ics"."""
    stem = re.sub(r"[^\w]+", "-", title.lower(), flags=re.UNICODE).strip("-_")[:60]
    return f"{stem or 'video-call'}.ics"


def export_invitation(
    owner: QWidget,
    context: AppContext,
    session_id: int | None,
    path: Path,
    told: Callable[[str], None] | None = None,
) -> None:
    """Write one session's invitation (.ics) off the GUI thread and say where it went."""
    store = context.store

    def done(written: Written) -> None:
        extra = (" " + " ".join(written.notes)) if written.notes else ""
        text = f"Saved the invitation as {written.path}. Attach it to an email to invite.{extra}"
        context.say(text)
        if told is not None:
            told(text)

    run_task(
        lambda: export_sessions(store, path, session_id, method="request"),
        done,
        lambda exc: show_error(owner, "The calendar file was not saved", exc),
        owner=owner,
    )


class SessionForm(QWidget):
    booked = Signal(object)  # SessionReport

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SessionForm()
        self.ui.setupUi(self)
        self.context = context
        self.schools: list[str] = []
        self.names: dict[str, str] = {}
        self.zones: dict[str, str] = {}
        self.current: Preview | None = None
        self.booked_id: int | None = None
        self.editing_id: int | None = None  # set when the form changes a booked session
        self.ui.headingLabel.setFont(scaled_font(self.font(), 1.25, bold=True))
        set_role(self.ui.headingLabel, "heading")
        set_role(self.ui.bookButton, "primary")
        self.ui.exportButton.setIcon(icon("export"))
        self.ui.copyButton.setIcon(icon("copy"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.check)
        for signal in (
            self.ui.titleEdit.textChanged,
            self.ui.dateEdit.dateChanged,
            self.ui.timeEdit.timeChanged,
            self.ui.lengthSpin.valueChanged,
            self.ui.linkEdit.textChanged,
            self.ui.weeklyCheck.toggled,
            self.ui.untilEdit.dateChanged,
        ):
            signal.connect(self._changed)
        set_role(self.ui.doneLabel, "muted")
        # Room for the clock's name from the start, so choosing a window never widens the form.
        widest = self.ui.zoneLabel.fontMetrics().horizontalAdvance("Lord Howe time")
        self.ui.zoneLabel.setMinimumWidth(widest + 4)
        self.ui.bookButton.clicked.connect(self.book)
        self.ui.exportButton.clicked.connect(self.export)
        self.ui.copyButton.clicked.connect(self.copy_invitation)
        self.setEnabled(False)

    def set_window(
        self,
        start: datetime,
        minutes: int,
        schools: list[str],
        names: dict[str, str],
        zones: dict[str, str],
    ) -> None:
        """Fill the form from a common window (``start`` aware, any zone)."""
        self.schools, self.names, self.zones = list(schools), names, zones
        self.booked_id = None
        anchor = ZoneInfo(zones[schools[0]])
        local = start.astimezone(anchor)
        self.ui.zoneLabel.setText(f"{city(zones[schools[0]])} time")
        if not self.ui.titleEdit.text():
            who = " & ".join(short_school_name(names.get(s, s)) for s in schools)
            self.ui.titleEdit.setText(f"{who} call")
        self.ui.dateEdit.setDate(QDate(local.year, local.month, local.day))
        self.ui.timeEdit.setTime(QTime(local.hour, local.minute))
        self.ui.lengthSpin.setValue(minutes)
        until = local.date() + timedelta(weeks=6)
        self.ui.untilEdit.setDate(QDate(until.year, until.month, until.day))
        self.setEnabled(True)
        self.check()

    def request(self) -> NewSession:
        day = self.ui.dateEdit.date()
        when = self.ui.timeEdit.time()
        until = self.ui.untilEdit.date()
        return NewSession(
            schools=self.schools,
            start=f"{day.year():04d}-{day.month():02d}-{day.day():02d} "
            f"{when.hour():02d}:{when.minute():02d}",
            zone=self.schools[0],
            minutes=self.ui.lengthSpin.value(),
            title=self.ui.titleEdit.text().strip(),
            link=self.ui.linkEdit.text().strip() or None,
            weekly_until=date(until.year(), until.month(), until.day())
            if self.ui.weeklyCheck.isChecked()
            else None,
        )

    def tell(self, text: str) -> None:
        """What the last button did, beside the buttons (the status bar's line fades)."""
        self.ui.doneLabel.setText(text)

    def _changed(self) -> None:
        self.tell("")
        if self.schools:
            self.booked_id = None
            self._timer.start()

    def check(self) -> None:
        request, store, editing = self.request(), self.context.store, self.editing_id
        run_task(
            lambda: preview(store, request, editing), self._checked, self._check_failed, owner=self
        )

    def _checked(self, result: Preview) -> None:
        self.current = result
        notes = "".join(f"<p>{htmllib.escape(n)}</p>" for n in result.notes)
        self.ui.reportView.setHtml(notes + report_html(result.reports, self.names, self.zones))
        self._buttons()

    def _check_failed(self, exc: BaseException) -> None:
        self.current = None
        self.ui.reportView.setHtml(
            f"<p style='color:#7a1f14'>{htmllib.escape(plain_message(exc))}</p>"
        )
        self._buttons()

    def _buttons(self) -> None:
        ok = self.current is not None and bool(self.ui.titleEdit.text().strip())
        single_blocked = bool(
            self.current and not self.ui.weeklyCheck.isChecked() and self.current.blocking
        )
        self.ui.bookButton.setEnabled(ok and not single_blocked and self.booked_id is None)
        self.ui.exportButton.setEnabled(self.booked_id is not None)
        self.ui.copyButton.setEnabled(ok)

    def book(self) -> None:
        try:
            request = self.request()
            if not request.title:
                raise BadInput("Give the call a title.")
        except BadInput as exc:
            show_error(self, "The call was not booked", exc)
            return
        store = self.context.store
        self.ui.bookButton.setEnabled(False)
        editing = self.editing_id

        run_op(
            self.context,
            lambda: sessions_ops.book(store, request, editing),  # an edit keeps the UID
            self._booked,
            self._not_booked,
            owner=self,
        )

    def _not_booked(self, exc: BaseException) -> None:
        show_error(self, "The call was not booked", exc)
        self._buttons()

    def _booked(self, report: SessionReport) -> None:
        self.booked_id = report.session.id
        self._buttons()
        kept = len([r for r in report.reports if not r.skipped])
        text = (
            f"Booked “{report.session.title}” ({plural(kept, 'call')}); it is under Sessions. "
            "Export .ics… saves the invitation for the partner school."
        )
        self.context.say(text)
        self.tell(text)
        self.booked.emit(report)

    def invitation(self) -> str:
        request = self.request()
        start = (
            self.current.reports[0].start
            if self.current and self.current.reports
            else datetime.now(UTC)
        )
        zones = {s: self.zones[s] for s in request.schools if s in self.zones}
        return invitation_text(
            request.title,
            start,
            request.minutes,
            zones,
            self.names,
            request.link,
            request.weekly_until,
        )

    def copy_invitation(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.invitation())
        text = "Copied the invitation text: paste it into an email to the partner school."
        self.context.say(text)
        self.tell(text)

    def export(self) -> None:
        if self.booked_id is None:
            return
        name = invitation_file_name(self.ui.titleEdit.text())
        path, _ = QFileDialog.getSaveFileName(
            self, "Save the invitation", name, "Calendar files (*.ics)"
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        export_invitation(self, self.context, self.booked_id, path, self.tell)


__all__ = ["SessionForm", "invitation_file_name", "report_html"]
