"""After Book, Export .ics… and Copy invitation the form says what happened (issue 10)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QFileDialog

from kaizen_exchange.gui.pages.session_form import invitation_file_name
from kaizen_exchange.schedule import clock
from tests.helpers.window import drain, find_times, open_window, plan_page


@pytest.fixture
def monday_morning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 7, 6, 0, tzinfo=UTC))


def test_book_export_and_copy_each_say_what_happened(
    qtbot, demo_store, settings, tmp_path: Path, monkeypatch, monday_morning
):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    find_times(qtbot, page, ["greenfield", "karri-grove"], QDate(2026, 12, 7), QDate(2026, 12, 11))
    form = page.form
    qtbot.waitUntil(lambda: form.current is not None)
    form.ui.titleEdit.setText("Willow meets Room 12")
    form.ui.timeEdit.setTime(QTime(7, 45))
    qtbot.waitUntil(form.ui.bookButton.isEnabled)
    with qtbot.waitSignal(form.booked, timeout=10_000):
        form.book()
    assert "Booked “Willow meets Room 12” (1 call)" in form.ui.doneLabel.text()
    asked: list[str] = []
    target = tmp_path / "chosen.ics"

    def save_dialog(_parent, _caption, name, _filter):
        asked.append(name)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    form.export()
    drain(qtbot)
    assert asked == ["willow-meets-room-12.ics"]  # named after the call, not "kaizen-call"
    assert target.exists()
    assert str(target) in form.ui.doneLabel.text()
    form.copy_invitation()
    assert "Copied the invitation" in form.ui.doneLabel.text()


def test_the_file_name_comes_from_the_title():
    assert invitation_file_name("Willow meets Room 12") == "willow-meets-room-12.ics"
    assert invitation_file_name("Café & 3/4N: Q&A!") == "café-3-4n-q-a.ics"
    assert invitation_file_name("  ") == "video-call.ics"
