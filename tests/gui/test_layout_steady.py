"""Layout never jumps, nothing is cut off, the edit dialog can be closed (issue 10)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox

from kaizen_exchange import APP_NAME
from kaizen_exchange.gui.models.posts import HEADERS
from kaizen_exchange.gui.pages.partner_work import PartnerWorkPage
from kaizen_exchange.gui.pages.session_edit import EditSessionDialog
from kaizen_exchange.gui.pages.sessions import SessionsPage
from kaizen_exchange.schedule import clock
from tests.helpers.window import (
    SCREEN,
    book_demo_calls,
    drain,
    find_times,
    open_window,
    plan_page,
)

CLASS = HEADERS.index("Class")


@pytest.fixture
def december(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 7, 6, 0, tzinfo=UTC))


def test_partner_work_shows_the_class_at_once_and_pinning_moves_nothing(
    qtbot, demo_store, settings
):
    window = open_window(qtbot, demo_store, settings, page=1)
    page = window.page(1)
    assert isinstance(page, PartnerWorkPage)
    drain(qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert not page.ui.postTable.isColumnHidden(CLASS)  # was there only after a resize
    page.ui.postTable.selectRow(0)
    qtbot.waitUntil(page.ui.pinButton.isEnabled)
    before = page.ui.splitter.sizes()
    page.ui.pinButton.click()
    qtbot.waitUntil(lambda: page.ui.pinButton.text() == "Pinned for lesson")
    QGuiApplication.processEvents()
    assert page.ui.splitter.sizes() == before


def test_choosing_a_window_does_not_widen_the_window(qtbot, demo_store, settings, december):
    window = open_window(qtbot, demo_store, settings, page=2)
    page = plan_page(window)
    schools = ["greenfield", "karri-grove", "wattle-creek", "stringybark"]
    find_times(qtbot, page, schools, QDate(2026, 12, 7), QDate(2027, 3, 26), timeout=30_000)
    page.tick(["greenfield", "karri-grove"])
    page.find_times()
    qtbot.waitUntil(page.find_button.isEnabled, timeout=30_000)
    sizes = page.splitter.sizes()
    for row in range(min(page.slot_list.count(), 4)):
        page.slot_list.setCurrentRow(row)
        drain(qtbot)
        assert window.width() == SCREEN[0]
        assert page.splitter.sizes() == sizes


def test_the_edit_dialog_has_cancel_and_the_title_names_the_app_once(qtbot, demo_store, settings):
    book_demo_calls(demo_store, wanted=1)
    window = open_window(qtbot, demo_store, settings, page=3)
    page = window.page(3)
    assert isinstance(page, SessionsPage)
    qtbot.waitUntil(lambda: len(page.rows) == 1)
    dialog = EditSessionDialog(window.context, page.rows[0].session, page.rows[0].schools, window)
    qtbot.addWidget(dialog)
    boxes = dialog.findChildren(QDialogButtonBox)
    cancel = [b.button(QDialogButtonBox.StandardButton.Cancel) for b in boxes]
    assert any(c is not None for c in cancel)
    dialog.show()
    next(c for c in cancel if c is not None).click()
    assert not dialog.isVisible()
    # Qt adds the application's display name to a title that does not end with it.
    title = window.windowTitle()
    shown = title if title.endswith(APP_NAME) else f"{title} — {APP_NAME}"
    assert shown.count(APP_NAME) == 1
