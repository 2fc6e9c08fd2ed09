"""Plan a call end to end: pick partners → windows → book → Sessions and the exported .ics."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtGui import QGuiApplication

from kaizen_exchange.gui.pages.plan_call import PlanCallPage
from kaizen_exchange.gui.pages.sessions import SessionsPage
from kaizen_exchange.gui.pages.today import TodayPage
from kaizen_exchange.schedule import clock
from kaizen_exchange.schedule.models import CANCELLED
from kaizen_exchange.schedule.sessions import list_sessions
from tests.helpers.window import drain, find_times, open_window, plan_page

SESSIONS = 3


def found_windows(qtbot, page: PlanCallPage, schools: list[str]) -> None:
    today = QDate.currentDate()
    find_times(qtbot, page, schools, today.addDays(1), today.addDays(150))


def test_plan_book_and_export_a_call(qtbot, demo_store, settings, tmp_path: Path):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    assert page.ticked_schools() == ["greenfield"]  # our own school is ticked to start
    found_windows(qtbot, page, ["greenfield", "karri-grove"])
    assert page.slot_list.count() > 0
    assert page.grid.picture is not None and page.grid.picture.bands
    assert any(b.kind == "overlap" for b in page.grid.picture.bands)
    qtbot.waitUntil(lambda: page.form.current is not None)
    form = page.form
    assert form.isEnabled() and "London time" in form.ui.zoneLabel.text()
    form.ui.titleEdit.setText("Willow meets Room 12")
    form.ui.linkEdit.setText("https://meet.example/willow")
    form.ui.weeklyCheck.setChecked(True)
    qtbot.waitUntil(lambda: form.current is not None and form.current.request.weekly_until)
    qtbot.waitUntil(lambda: form.ui.bookButton.isEnabled())
    with qtbot.waitSignal(form.booked, timeout=10_000):
        form.book()
    (booked, schools), *_ = list_sessions(demo_store)
    assert booked.title == "Willow meets Room 12" and schools == ["greenfield", "karri-grove"]
    assert booked.weekly_until is not None
    assert form.ui.exportButton.isEnabled()
    target = tmp_path / "call.ics"
    form.export_to(target)
    drain(qtbot)
    text = target.read_text()
    assert "SUMMARY:Willow meets Room 12" in text and "RRULE:FREQ=WEEKLY" in text
    # It appears under Sessions.
    window.show_page(SESSIONS)
    sessions = window.page(SESSIONS)
    assert isinstance(sessions, SessionsPage)
    qtbot.waitUntil(lambda: len(sessions.rows) == 1)
    assert sessions.table.item(0, 0).text() == "Willow meets Room 12"
    assert sessions.table.item(0, 4).text() == "booked"


def test_a_time_outside_the_windows_is_not_booked_and_says_why(qtbot, demo_store, settings):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    found_windows(qtbot, page, ["greenfield", "karri-grove"])
    form = page.form
    qtbot.waitUntil(lambda: form.current is not None)
    form.ui.timeEdit.setTime(QTime(13, 0))
    qtbot.waitUntil(lambda: form.current is not None and "13:00" in form.current.request.start)
    assert form.current.blocking
    assert not form.ui.bookButton.isEnabled()
    assert "outside" in form.ui.reportView.toPlainText()


@pytest.fixture
def autumn(monkeypatch: pytest.MonkeyPatch) -> None:
    """The planner's clock on 1 Sep 2026, so the autumn dates below are still to come."""
    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 9, 1, tzinfo=UTC))


def test_no_common_window_shows_the_reasons(qtbot, demo_store, settings, autumn):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    # London on GMT, Sydney on summer time
    find_times(qtbot, page, ["greenfield", "wattle-creek"], QDate(2026, 11, 16), QDate(2026, 12, 4))
    assert page.slot_list.count() == 0
    assert "No common window" in page.summary.text()
    assert "would have to" in page.summary.text()  # the nearest near-misses


def test_sessions_cancel_and_copy_invitation(qtbot, demo_store, settings):
    from tests.helpers.window import book_demo_calls

    book_demo_calls(demo_store, wanted=1)
    window = open_window(qtbot, demo_store, settings)
    window.show_page(SESSIONS)
    page = window.page(SESSIONS)
    assert isinstance(page, SessionsPage)
    qtbot.waitUntil(lambda: len(page.rows) == 1)
    page.table.selectRow(0)
    page.copy_invitation()
    text = QGuiApplication.clipboard().text()
    assert "Greenfield Primary School (London)" in text and "Perth" in text
    booked_id = page.rows[0].session.id
    assert booked_id is not None
    page.do_cancel(booked_id)
    qtbot.waitUntil(lambda: page.rows and page.rows[0].session.status == CANCELLED)
    assert not page.cancel_button.isEnabled()


def test_today_shows_the_next_call_with_every_clock(qtbot, demo_store, settings):
    from tests.helpers.window import book_demo_calls

    book_demo_calls(demo_store, wanted=1)
    window = open_window(qtbot, demo_store, settings, page=0)
    page = window.page(0)
    assert isinstance(page, TodayPage)
    qtbot.waitUntil(lambda: bool(page.upcoming))
    call = page.upcoming[0]
    assert "Perth" in call.zones[-1]
    joins = [
        b for b in page.calls.findChildren(type(window.sync_bar.sync_button)) if b.text() == "Join"
    ]
    assert joins and joins[0].isEnabled()
    labels = " ".join(w.text() for w in page.calls.findChildren(type(page.date_label)))
    assert "here" in labels and "Perth" in labels and " in " in labels


def test_week_grid_marks_a_clock_change_week(demo_store, autumn):
    from datetime import date

    from kaizen_exchange.gui.planning import find_windows, week_for

    plan = find_windows(
        demo_store, ["greenfield", "wattle-creek"], date(2026, 9, 7), date(2026, 11, 27), 30
    )
    changed = week_for(plan, date(2026, 10, 26))  # UK clocks went back on Sun 25 Oct
    assert any("London" in text for text in changed.changes)
    assert changed.change_columns
    plain = week_for(plan, date(2026, 11, 16))
    assert not plain.changes
    assert {b.kind for b in changed.bands} >= {"day", "calls"}


def test_editing_a_session_saves_it_in_place(qtbot, demo_store, settings):
    from kaizen_exchange.gui.pages.session_edit import EditSessionDialog
    from tests.helpers.window import book_demo_calls

    book_demo_calls(demo_store, wanted=1)
    window = open_window(qtbot, demo_store, settings)
    window.show_page(SESSIONS)
    page = window.page(SESSIONS)
    assert isinstance(page, SessionsPage)
    qtbot.waitUntil(lambda: len(page.rows) == 1)
    before = page.rows[0].session
    dialog = EditSessionDialog(window.context, before, page.rows[0].schools, window)
    dialog.form.ui.titleEdit.setText("Our edited call")
    qtbot.waitUntil(dialog.form.ui.bookButton.isEnabled)
    dialog.form.book()
    qtbot.waitUntil(lambda: page.rows and page.rows[0].session.title == "Our edited call")
    (row,) = page.rows
    assert (row.session.id, row.session.uid) == (before.id, before.uid)
    assert row.session.sequence == before.sequence + 1
