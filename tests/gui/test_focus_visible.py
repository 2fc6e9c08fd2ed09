"""The keyboard focus is visible on every control (issue 10): the filled green buttons,
the school checklist and the windows list looked the same with and without it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tests.helpers.window import open_window, plan_page


def looks_focused(qtbot, widget: QWidget) -> bool:
    """Whether the widget is drawn differently when it has the keyboard focus."""
    widget.clearFocus()
    qtbot.wait(20)
    plain = widget.grab().toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    qtbot.wait(20)
    return widget.grab().toImage() != plain


def test_focus_shows_on_filled_buttons_and_lists(qtbot, demo_store, settings):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    window.activateWindow()
    assert looks_focused(qtbot, page.find_button)  # a filled (primary) button
    assert looks_focused(qtbot, page.school_list)
    assert looks_focused(qtbot, page.slot_list)
