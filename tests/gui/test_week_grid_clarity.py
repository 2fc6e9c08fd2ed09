"""The week grid says whose clock it shows, explains its shading, greys days gone by and
outlines the window chosen in the list (issue 10)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QColor

from kaizen_exchange.gui.planning import find_windows
from kaizen_exchange.gui.week_grid import PAST, WeekGrid
from kaizen_exchange.schedule import clock
from tests.helpers.window import find_times, open_window, plan_page

#: Wed 9 Dec 2026, noon in London: Monday and Tuesday of that week are gone by.
WEDNESDAY = datetime(2026, 12, 9, 12, 0, tzinfo=UTC)


@pytest.fixture
def wednesday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(clock, "now", lambda: WEDNESDAY)


def test_days_gone_by_are_grey_and_the_axis_names_its_clock(qtbot, demo_store, wednesday):
    plan = find_windows(
        demo_store, ["greenfield", "karri-grove"], date(2026, 12, 9), date(2026, 12, 11), 30
    )
    assert plan.week is not None and plan.week.clock == "London time"
    grid = WeekGrid()
    qtbot.addWidget(grid)
    grid.resize(700, 420)
    grid.set_picture(plan.week)
    image = grid.grab().toImage()
    metrics = grid.fontMetrics()
    left = metrics.horizontalAdvance("00:00") + 14.0
    column = (grid.width() - left - 4) / 5
    bottom = grid.height() - 3

    def background(day: int) -> str:
        return QColor(image.pixel(int(left + (day + 0.5) * column), bottom)).name()

    assert background(0) == PAST and background(1) == PAST  # Mon 7, Tue 8
    assert background(3) == "#ffffff"  # Thu 10
    legend = [text for line in grid._legend(plan.week) for _c, text in line]
    assert "times on the left: London time" in legend
    assert "pale: school day, strong: call hours" in legend


def test_the_window_chosen_in_the_list_is_outlined(qtbot, demo_store, settings, wednesday):
    page = plan_page(open_window(qtbot, demo_store, settings))
    find_times(qtbot, page, ["greenfield", "karri-grove"], QDate(2026, 12, 9), QDate(2026, 12, 18))
    assert page.plan is not None
    slots = page.plan.answer.search.slots
    page.slot_list.setCurrentRow(1)
    assert page.grid.chosen == slots[1].start
