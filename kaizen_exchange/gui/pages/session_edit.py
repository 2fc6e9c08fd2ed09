"""Editing a booked call: the session form in a dialog.

The change is checked like a new booking and saved in place (same UID, SEQUENCE
raised), so partners' calendars replace the event when the new export arrives.
Cancel in this dialog changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.pages.session_form import SessionForm
from kaizen_exchange.schedule.models import CallSession
from kaizen_exchange.schedule.sessions import SessionReport


class EditSessionDialog(QDialog):
    """Changing a call: checked like a new booking, saved in place."""

    def __init__(
        self,
        context: AppContext,
        session: CallSession,
        schools: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit {session.title}")
        self.resize(560, 560)
        self.context = context
        self.session = session
        layout = QVBoxLayout(self)
        self.form = SessionForm(context, self)
        layout.addWidget(self.form)
        self.form.ui.headingLabel.setText("Change the call")
        self.form.ui.bookButton.setText("Save changes")
        self.form.editing_id = session.id  # before the first check: its start may have passed
        row = session
        zones = context.zones_of(schools)
        self.form.ui.titleEdit.setText(row.title)
        self.form.ui.linkEdit.setText(row.link or "")
        self.form.set_window(row.start_utc(), row.minutes, schools, context.school_names, zones)
        if row.weekly_until:
            self.form.ui.weeklyCheck.setChecked(True)
            until = row.weekly_until
            self.form.ui.untilEdit.setDate(QDate(until.year, until.month, until.day))
        self.form.booked.connect(self._saved)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setToolTip("Close, changing nothing")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _saved(self, _report: SessionReport) -> None:
        self.context.say("Saved. Export the session again to send partners the change.")
        self.accept()


__all__ = ["EditSessionDialog"]
