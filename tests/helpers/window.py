"""Helpers for the window's tests: open the main window on a store, wait for its work.

Fixtures stay in ``tests/gui/conftest.py``; what a test calls lives here, so no test
imports a conftest or another test file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from kaizen_exchange.gui.app import build_window
from kaizen_exchange.gui.context import AppContext, Launch
from kaizen_exchange.gui.main_window import MainWindow
from kaizen_exchange.gui.pages.plan_call import PlanCallPage
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import pending_tasks, wait_for_tasks
from kaizen_exchange.schedule.planner import search_slots
from kaizen_exchange.schedule.sessions import NewSession, add_session
from kaizen_exchange.store.db import Store

SCREEN = (1366, 768)  # a common school laptop


def drain(qtbot, timeout: int = 10_000) -> None:
    """Let every background task deliver its answer to the GUI thread."""
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=timeout)


_OPEN: list[MainWindow] = []


def close_windows() -> None:
    """Close the windows a test opened and let their background work finish."""
    while _OPEN:
        _OPEN.pop().close()
    wait_for_tasks()
    QApplication.processEvents()


def open_window(
    qtbot, store: Store, settings: AppSettings, page: int | None = None, *, demo: bool = False
) -> MainWindow:
    """The main window on ``store`` at 1366x768, shown, with its schools loaded."""
    if page is not None:
        settings.last_page = page
    launch = Launch(store.folder, demo=demo)
    context, window = build_window(store, settings, launch)
    assert isinstance(window, MainWindow) and isinstance(context, AppContext)
    _OPEN.append(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: context.schools_loaded)
    return window


def after_first_paint(window: MainWindow, monkeypatch) -> None:
    """What the app does once the window is on screen (the store watcher starts), without
    freezing the objects of the whole test session out of the collector's sight."""
    from kaizen_exchange.gui import warmup

    monkeypatch.setattr(warmup, "freeze_startup_objects", lambda: None)
    window.after_first_paint()


PLAN = 2  # the side bar's Plan a call


def plan_page(window: MainWindow) -> PlanCallPage:
    """Plan a call, brought to the front."""
    window.show_page(PLAN)
    page = window.page(PLAN)
    assert isinstance(page, PlanCallPage)
    return page


def find_times(
    qtbot, page: PlanCallPage, schools: list[str], first: QDate, last: QDate, timeout: int = 20_000
) -> None:
    """Tick ``schools``, search from ``first`` to ``last`` and wait for the answer."""
    page.tick(schools)
    page.from_edit.setDate(first)
    page.to_edit.setDate(last)
    page.find_times()
    qtbot.waitUntil(page.find_button.isEnabled, timeout=timeout)


PAIRS = (
    ("greenfield", "karri-grove", "Willow Class meets Room 12", "https://meet.example/willow"),
    ("millbrook", "karri-grove", "Science fair questions", None),
    ("greenfield", "wattle-creek", "Letters from 3/4N", "https://meet.example/34n"),
)


def book_demo_calls(store, wanted: int = 2) -> int:
    """Book calls in the next free windows, so Today and Sessions have something to show."""
    now = datetime.now(UTC) + timedelta(hours=1)
    today = now.date()
    booked = 0
    for first, second, title, link in PAIRS:
        answer = search_slots(store, [first, second], today, today + timedelta(days=150))
        future = [s for s in answer.search.slots if s.start > now]
        if not future:
            continue
        start = future[0].local[first][0]
        add_session(
            store,
            NewSession(
                [first, second],
                start.strftime("%Y-%m-%d %H:%M"),
                first,
                30,
                title,
                link=link,
                weekly_until=start.date() + timedelta(weeks=4) if booked == 0 else None,
            ),
        )
        booked += 1
        if booked == wanted:
            break
    assert booked, "no demo pair has a common window in the next 150 days"
    return booked
