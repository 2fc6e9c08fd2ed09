"""The Tab key starts in the page, not at About (issue 10)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.helpers.window import open_window


def test_tab_from_the_page_list_goes_into_the_page(qtbot, demo_store, settings):
    window = open_window(qtbot, demo_store, settings, page=2)
    window.activateWindow()
    window.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(window.sidebar.hasFocus)
    QTest.keyClick(window.sidebar, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert window.stack.currentWidget().isAncestorOf(focused), focused.objectName() or focused


def test_enter_presses_the_button_that_has_the_focus(qtbot, demo_store, settings):
    """A teacher who tabs to *Find times* presses Enter, as on any web page."""
    window = open_window(qtbot, demo_store, settings, page=2)
    page = window.stack.currentWidget()
    page.tick(["greenfield", "wattle-creek"])
    page.find_button.setFocus(Qt.FocusReason.TabFocusReason)
    searched: list[bool] = []
    page.find_button.clicked.connect(lambda: searched.append(True))
    QTest.keyClick(page.find_button, Qt.Key.Key_Return)
    assert searched == [True]
    qtbot.waitUntil(page.find_button.isEnabled, timeout=20_000)
