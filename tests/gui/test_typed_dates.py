"""Dates and times can be typed (issue 10): "19 04 2027" gave "2 04 2027", "08:00" gave "07:00".

Real key events (QTest.keyClicks) into the session form's fields, in en-GB and en-AU.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QLocale, Qt, QTime
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from kaizen_exchange.gui.dates import format_date
from kaizen_exchange.gui.pages.plan_call import _pydate
from kaizen_exchange.gui.typed_fields import parse_date, parse_time
from tests.helpers.window import open_window, plan_page

GB = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
AU = QLocale(QLocale.Language.English, QLocale.Country.Australia)


@pytest.fixture(params=[GB, AU], ids=["en-GB", "en-AU"])
def teacher_locale(request: pytest.FixtureRequest) -> Iterator[QLocale]:
    QLocale.setDefault(request.param)
    yield request.param
    QLocale.setDefault(GB)


def type_into(qtbot, field: QWidget, text: str) -> None:
    """Click into the field as a teacher would, type, then press Tab to move on."""
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())
    qtbot.waitUntil(field.hasFocus)
    qtbot.wait(20)  # the click's own selection has settled
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Tab)


def test_typing_a_date_and_a_time_into_the_session_form(
    qtbot, demo_store, settings, teacher_locale
):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    form = page.form
    form.setEnabled(True)
    form.ui.weeklyCheck.setChecked(True)
    type_into(qtbot, form.ui.dateEdit, "19 04 2027")
    assert form.ui.dateEdit.date() == QDate(2027, 4, 19)
    assert form.ui.dateEdit.text() == "Mon 19 Apr 2027"
    type_into(qtbot, form.ui.timeEdit, "08:00")
    assert form.ui.timeEdit.time() == QTime(8, 0)
    type_into(qtbot, form.ui.untilEdit, "2/7/27")
    assert form.ui.untilEdit.date() == QDate(2027, 7, 2)
    type_into(qtbot, page.from_edit, "19/04/2027")
    assert page.from_edit.date() == QDate(2027, 4, 19)


def test_disabled_fields_show_a_real_date_in_the_windows_format(
    qtbot, demo_store, settings, teacher_locale
):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    until = page.form.ui.untilEdit  # disabled until a window is chosen and Weekly ticked
    assert not until.isEnabled()
    assert until.text() == format_date(_pydate(until.date()))
    assert "2000" not in until.text()


def test_nonsense_keeps_the_value_and_says_how_to_write_it(qtbot, demo_store, settings):
    window = open_window(qtbot, demo_store, settings)
    page = plan_page(window)
    before = page.to_edit.date()
    type_into(qtbot, page.to_edit, "31/02/2027")
    assert page.to_edit.date() == before


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("19 04 2027", (2027, 4, 19)),
        ("19/4/27", (2027, 4, 19)),
        ("19-04-2027", (2027, 4, 19)),
        ("19 Apr 2027", (2027, 4, 19)),
        ("Mon 19 Apr 2027", (2027, 4, 19)),
        ("19 April", (2026, 4, 19)),
        ("19/4", (2026, 4, 19)),
        ("31/02/2027", None),
        ("2027", None),
        ("soon", None),
    ],
)
def test_reading_typed_dates_day_first(typed, day):
    found = parse_date(typed, GB, 2026)
    assert (found and (found.year, found.month, found.day)) == day


def test_reading_typed_dates_month_first_in_the_us():
    found = parse_date(
        "4/19/2027", QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), 2026
    )
    assert found is not None and (found.month, found.day) == (4, 19)


@pytest.mark.parametrize(
    ("typed", "hm"),
    [
        ("08:00", (8, 0)),
        ("8:00", (8, 0)),
        ("8.30", (8, 30)),
        ("0800", (8, 0)),
        ("8", (8, 0)),
        ("3:15 pm", (15, 15)),
        ("3pm", (15, 0)),
        ("12am", (0, 0)),
        ("25:00", None),
        ("8:5", None),
        ("noon", None),
    ],
)
def test_reading_typed_times(typed, hm):
    found = parse_time(typed)
    assert (found and (found.hour(), found.minute())) == hm
