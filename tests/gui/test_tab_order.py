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
