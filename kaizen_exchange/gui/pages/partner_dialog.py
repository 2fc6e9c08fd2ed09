"""The "Add a partner blog" / "Edit partner" dialog (layout: ``ui/add_partner.ui``).

Finding the feed fetches the blog page, so it runs on a worker thread while the
dialog stays usable; saving merges one school into the store through the same
``import_network`` a network file uses. Cancel stores nothing.
"""

from __future__ import annotations

import re
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from kaizen_exchange.errors import BadInput
from kaizen_exchange.feeds.find_feed import Discovered, discover_feed
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.forms.ui_add_partner import Ui_AddPartnerDialog
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.gui.pages.base import plain_message
from kaizen_exchange.gui.places import COUNTRIES, DEFAULT_CALLS, STATES, ZONES, usual_zone
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.network.file import DEFAULT_WEEKDAYS, Hours, SchoolSpec
from kaizen_exchange.network.same_blog import check_not_followed
from kaizen_exchange.network.store import ImportReport
from kaizen_exchange.operations import partners as ops


def slug(name: str, taken: set[str]) -> str:
    """A network-file id from a school name: "St Mary's C of E" -> "st-marys-c-of-e"."""
    base = re.sub(r"[^a-z0-9]+", "-", name.lower().replace("'", "")).strip("-")[:56] or "school"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


class PartnerDialog(QDialog):
    def __init__(
        self, context: AppContext, parent: QWidget | None = None, existing: SchoolSpec | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_AddPartnerDialog()
        self.ui.setupUi(self)
        self.context = context
        self.existing = existing
        self.discovered: Discovered | None = None
        self.saved: SchoolSpec | None = None
        self.report: ImportReport | None = None
        set_role(self.ui.errorLabel, "error")
        self.ui.errorLabel.hide()
        set_role(self.ui.findStatus, "muted")
        for code, name in COUNTRIES.items():
            self.ui.countryCombo.addItem(name, code)
        self.ui.countryCombo.currentIndexChanged.connect(self._country_changed)
        self.ui.stateCombo.currentIndexChanged.connect(self._state_changed)
        self.ui.findButton.clicked.connect(self.find_feed)
        self.ui.urlEdit.returnPressed.connect(self.find_feed)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        self.save_button.setText("Save partner")
        self._country_changed()
        if existing is not None:
            self._fill(existing)

    @property
    def save_button(self) -> QPushButton:
        button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert button is not None
        return button

    def _fill(self, spec: SchoolSpec) -> None:
        self.setWindowTitle(f"Edit {spec.name}")
        self.ui.urlEdit.setText(spec.blog or (spec.feeds[0] if spec.feeds else ""))
        self.ui.nameEdit.setText(spec.name)
        self.ui.countryCombo.setCurrentIndex(max(self.ui.countryCombo.findData(spec.country), 0))
        self.ui.stateCombo.setCurrentIndex(max(self.ui.stateCombo.findData(spec.subdivision), 0))
        index = self.ui.zoneCombo.findData(spec.timezone)
        if index < 0:
            self.ui.zoneCombo.addItem(spec.timezone, spec.timezone)
            index = self.ui.zoneCombo.count() - 1
        self.ui.zoneCombo.setCurrentIndex(index)
        if spec.calls:
            self.ui.callsStart.setTime(_qtime(spec.calls.start))
            self.ui.callsEnd.setTime(_qtime(spec.calls.end))
        self.ui.emailEdit.setText(spec.email or "")
        self.ui.findStatus.setText("Feeds: " + ", ".join(spec.feeds) if spec.feeds else "")

    def _country_changed(self) -> None:
        country = self.ui.countryCombo.currentData()
        self.ui.stateCombo.blockSignals(True)
        self.ui.stateCombo.clear()
        for code, name, _zone in STATES.get(country, []):
            self.ui.stateCombo.addItem(name, code)
        self.ui.stateCombo.blockSignals(False)
        self.ui.zoneCombo.clear()
        for zone in ZONES.get(country, []):
            self.ui.zoneCombo.addItem(zone.replace("_", " "), zone)
        start, end = DEFAULT_CALLS.get(country, (time(9, 0), time(15, 0)))
        self.ui.callsStart.setTime(_qtime(start))
        self.ui.callsEnd.setTime(_qtime(end))
        self._state_changed()

    def _state_changed(self) -> None:
        zone = usual_zone(self.ui.countryCombo.currentData(), self.ui.stateCombo.currentData())
        index = self.ui.zoneCombo.findData(zone)
        if index >= 0:
            self.ui.zoneCombo.setCurrentIndex(index)

    # -- finding the feed -----------------------------------------------------------
    def find_feed(self) -> None:
        text = self.ui.urlEdit.text()
        self._error(None)
        self.discovered = None
        self.ui.findButton.setEnabled(False)
        self.ui.findStatus.setText("Looking for the blog's feed…")
        store, school = self.context.store, self.existing.id if self.existing else None

        def find() -> Discovered:
            found = discover_feed(text)
            check_not_followed(store, [found.blog_url, found.feed_url], school)
            return found

        run_task(find, self._found, self._not_found, owner=self)

    def _found(self, found: Discovered) -> None:
        self.discovered = found
        self.ui.findButton.setEnabled(True)
        self._error(None)
        self.ui.findStatus.setText(
            f"{found.how} Feed: {found.feed_url} ({found.posts} posts in it now)."
        )
        if not self.ui.nameEdit.text().strip() and found.title:
            self.ui.nameEdit.setText(found.title)

    def _not_found(self, exc: BaseException) -> None:
        self.ui.findButton.setEnabled(True)
        self.ui.findStatus.setText("")
        self._error(plain_message(exc))

    def _error(self, text: str | None) -> None:
        self.ui.errorLabel.setText(text or "")
        self.ui.errorLabel.setVisible(bool(text))

    # -- saving ---------------------------------------------------------------------
    def spec(self) -> SchoolSpec:
        name = self.ui.nameEdit.text().strip()
        if not name:
            raise BadInput("Give the school's name.")
        zone = self.ui.zoneCombo.currentData()
        if not zone:
            raise BadInput("Choose the school's time zone.")
        feeds = list(self.existing.feeds) if self.existing else []
        blog = self.existing.blog if self.existing else None
        if self.discovered is not None:
            blog = self.discovered.blog_url
            if self.discovered.feed_url not in feeds:
                feeds.append(self.discovered.feed_url)
        if not feeds and not blog:
            raise BadInput("Find the blog's feed first (type the address and press Find feed).")
        start, end = self.ui.callsStart.time(), self.ui.callsEnd.time()
        old_calls = self.existing.calls if self.existing else None
        if end <= start:
            raise BadInput("The end of the call hours must be after their start.")
        taken = {s.id for s in self.context.schools}
        return SchoolSpec(
            id=self.existing.id if self.existing else slug(name, taken),
            name=name,
            country=self.ui.countryCombo.currentData(),
            timezone=zone,
            subdivision=self.ui.stateCombo.currentData(),
            home=self.existing.home if self.existing else False,
            blog=blog,
            email=self.ui.emailEdit.text().strip() or None,
            feeds=feeds,
            day=self.existing.day if self.existing else None,
            calls=Hours(
                time(start.hour(), start.minute()),
                time(end.hour(), end.minute()),
                old_calls.weekdays if old_calls else DEFAULT_WEEKDAYS,
            ),
        )

    def save(self) -> None:
        if not self.ui.findButton.isEnabled():
            return  # Return in the address field: the feed is being found, not saved yet
        try:
            spec = self.spec()
        except BadInput as exc:
            self._error(str(exc))
            return
        self.save_button.setEnabled(False)
        store = self.context.store

        def saved(report: ImportReport) -> None:
            self.saved, self.report = spec, report
            self.accept()

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            self._error(plain_message(exc))

        run_op(self.context, lambda: ops.save_school(store, spec), saved, failed, owner=self)


__all__ = ["PartnerDialog", "slug"]
