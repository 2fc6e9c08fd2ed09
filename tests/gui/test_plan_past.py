"""Plan a call never offers or books a time that has passed (issue 10).

Seen at 17:12: the list offered 07:45 the same morning, and Book accepted it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QTime

from kaizen_exchange.schedule import clock
from tests.helpers.window import find_times, open_window, plan_page

#: Tue 8 Dec 2026, 17:12 in London (GMT): Greenfield and Karri Grove met at 07:45 today.
EVENING = datetime(2026, 12, 8, 17, 12, tzinfo=UTC)


@pytest.fixture
def evening(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: EVENING)


def test_todays_passed_window_is_not_offered_nor_bookable(qtbot, demo_store, settings, evening):
    page = plan_page(open_window(qtbot, demo_store, settings))
    find_times(qtbot, page, ["greenfield", "karri-grove"], QDate(2026, 12, 8), QDate(2026, 12, 9))
    offered = [page.slot_list.item(i).text() for i in range(page.slot_list.count())]
    assert offered and all("8 Dec" not in text for text in offered), offered
    assert "9 Dec" in offered[0] and "07:45 London" in offered[0]
    form = page.form
    qtbot.waitUntil(lambda: form.current is not None)
    form.ui.dateEdit.setDate(QDate(2026, 12, 8))
    form.ui.timeEdit.setTime(QTime(7, 45))
    qtbot.waitUntil(lambda: form.current is not None and "12-08" in form.current.request.start)
    assert not form.ui.bookButton.isEnabled()
    assert "has already passed" in form.ui.reportView.toPlainText()
