"""Date and time fields a teacher can type into: "19 04 2027", "19/4/27", "8:00", "0800".

Qt's QDateEdit and QTimeEdit edit one section at a time: a click leaves the cursor
between digits where typing is refused, and typing over a selection turned
"19 04 2027" into "2 04 2027" and "08:00" into "07:00". These fields are line edits
instead: the whole text is selected on focus, whatever is typed is read as a whole
in the computer's locale (day first in en-GB and en-AU), and the field shows the
date as the rest of the window writes it. The date field keeps a calendar to pick
from. They offer the small part of the QDateEdit/QTimeEdit API the forms use
(``date``/``setDate``/``dateChanged``, ``time``/``setTime``/``timeChanged``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Generic, TypeVar

from PySide6.QtCore import QDate, QLocale, QPoint, QTime, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QLineEdit,
    QMenu,
    QToolTip,
    QWidget,
    QWidgetAction,
)

from kaizen_exchange.gui.dates import day_first, format_date, format_time
from kaizen_exchange.gui.look import icon

_TOKENS = re.compile(r"\d+|[^\W\d_]+")
_TIME = re.compile(r"^\s*(\d{1,2})(?:\s*[:.h ]\s*(\d{2}))?\s*([ap])?\.?\s*m?\.?\s*$", re.I)
_COMPACT_TIME = re.compile(r"^\s*(\d{1,2})(\d{2})\s*$")


def _month_number(word: str, loc: QLocale) -> int | None:
    """A month named in English or the locale's language, by its first three letters."""
    word = word.lower()[:3]
    for month in range(1, 13):
        names = (
            loc.monthName(month, QLocale.FormatType.ShortFormat),
            QLocale.c().monthName(month, QLocale.FormatType.ShortFormat),
        )
        if any(name.lower()[:3] == word for name in names):
            return month
    return None


def _full_year(value: int, digits: int) -> int:
    return 2000 + value if digits <= 2 else value


def parse_date(text: str, loc: QLocale, default_year: int) -> date | None:
    """A typed date, or None: "19 04 2027", "19/4/27", "19-04-2027", "19 Apr 2027", "19/4".

    Numbers are read day first when the locale writes dates that way (en-GB, en-AU),
    month first otherwise; a weekday name ("Mon 19 Apr") is ignored; without a year,
    ``default_year``.
    """
    numbers: list[tuple[int, int]] = []  # value, digits
    month_word: int | None = None
    for token in _TOKENS.findall(text):
        if token.isdigit():
            numbers.append((int(token), len(token)))
        else:
            found = _month_number(token, loc)
            month_word = found if found is not None else month_word
    try:
        if month_word is not None and 1 <= len(numbers) <= 2:
            year = _full_year(*numbers[1]) if len(numbers) == 2 else default_year
            return date(year, month_word, numbers[0][0])
        if month_word is None and 2 <= len(numbers) <= 3:
            first, second = numbers[0][0], numbers[1][0]
            day, month = (first, second) if day_first(loc) else (second, first)
            year = _full_year(*numbers[2]) if len(numbers) == 3 else default_year
            return date(year, month, day)
    except ValueError:
        return None
    return None


def parse_time(text: str) -> QTime | None:
    """A typed time, or None: "08:00", "8:00", "8.30", "0800", "8", "3:15 pm", "3pm"."""
    compact = _COMPACT_TIME.match(text)
    if compact:
        hour, minute, half = int(compact.group(1)), int(compact.group(2)), None
    else:
        match = _TIME.match(text)
        if not match:
            return None
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        half = (match.group(3) or "").lower() or None
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "p" else 0)
    result = QTime(hour, minute)
    return result if result.isValid() else None


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


V = TypeVar("V", QDate, QTime)


class _TypedField(QLineEdit, Generic[V]):
    """A line edit that selects everything on focus and reads its text when editing ends.

    The value is kept apart from the text: it changes only when a whole value is typed
    (:attr:`complete`), read when editing ends, or set; the text is rewritten to the
    window's way of writing it unless the teacher is typing in the field.
    """

    example = ""
    complete: re.Pattern[str]  # text that ends a whole value, taken as it is typed

    def __init__(self, value: V, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._value: V = value
        self.textEdited.connect(self._typed)
        self.editingFinished.connect(self._finished)
        self._show()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Select it all, after a click has placed the cursor, so typing replaces the value."""
        super().focusInEvent(event)
        QTimer.singleShot(0, self.selectAll)

    def _set(self, value: V, show: bool = True) -> None:
        changed = value != self._value
        self._value = type(value)(value)
        if show and not self.hasFocus():
            self._show()
        if changed:
            self._emit(type(value)(value))

    def _typed(self, text: str) -> None:
        """Take a complete value as it is typed, so the form re-checks without waiting."""
        found = self._parse(text) if self.complete.search(text) else None
        if found is not None:
            self._set(found, show=False)

    def _finished(self) -> None:
        """Show the value as the window writes it, or say what to type instead."""
        text = self.text()
        found = self._parse(text)
        if found is None:
            QToolTip.showText(
                self.mapToGlobal(QPoint(0, self.height())),
                f"“{text}” is not {self.example}. The field is back to what it was.",
                self,
            )
        else:
            self._set(found)
        self._show()

    def _parse(self, text: str) -> V | None:
        raise NotImplementedError

    def _emit(self, value: V) -> None:
        raise NotImplementedError

    def _show(self) -> None:
        raise NotImplementedError


class DateField(_TypedField[QDate]):
    """A date typed or picked from a calendar; shows "Mon 19 Apr 2027" in the locale's order."""

    dateChanged = Signal(QDate)
    example = "a date: type it like 19/04/2027, or pick it from the calendar"
    complete = re.compile(r"\d{4}\s*$|[^\W\d_]{3}\w*\s+\d{4}")  # a year typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QDate.currentDate(), parent)
        example = "19/04/2027" if day_first(QLocale()) else "04/19/2027"
        self.setToolTip(f"Type a date (like {example}) or pick one from the calendar.")
        self._calendar = QCalendarWidget(self)
        self._calendar.clicked.connect(self._picked)
        self._menu = QMenu(self)
        holder = QWidgetAction(self._menu)
        holder.setDefaultWidget(self._calendar)
        self._menu.addAction(holder)
        pick = self.addAction(icon("chevron-down"), QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip("Pick from the calendar")
        pick.triggered.connect(self._open_calendar)
        widest = format_date(date(2026, 9, 30))  # "Wed 30 Sept 2026": the longest there is
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest) + 48)

    def date(self) -> QDate:
        return QDate(self._value)

    def setDate(self, value: QDate) -> None:
        self._set(value)

    def _parse(self, text: str) -> QDate | None:
        found = parse_date(text, QLocale(), self._value.year())
        return None if found is None else QDate(found.year, found.month, found.day)

    def _emit(self, value: QDate) -> None:
        self.dateChanged.emit(value)

    def _show(self) -> None:
        self.setText(format_date(_pydate(self._value)))

    def _open_calendar(self) -> None:
        self._calendar.setSelectedDate(self._value)
        self._menu.popup(self.mapToGlobal(QPoint(0, self.height())))

    def _picked(self, value: QDate) -> None:
        self._menu.close()
        self.setDate(value)
        self._show()


class TimeField(_TypedField[QTime]):
    """A clock time typed as "08:00", "8.00", "0800" or "8 am"; shown as the locale writes it."""

    timeChanged = Signal(QTime)
    example = "a time: type it like 08:15"
    complete = re.compile(r"\d{2}\s*$|[ap]\.?m?\.?\s*$", re.I)  # the minutes, or am/pm

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QTime(9, 0), parent)
        self.setMaxLength(12)
        self.setToolTip("Type a time, like 08:15.")
        widest = format_time(datetime(2000, 1, 1, 10, 45))  # "10:45" or "10:45 pm"
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest + "m") + 24)

    def time(self) -> QTime:
        return QTime(self._value)

    def setTime(self, value: QTime) -> None:
        self._set(value)

    def _parse(self, text: str) -> QTime | None:
        return parse_time(text)

    def _emit(self, value: QTime) -> None:
        self.timeChanged.emit(value)

    def _show(self) -> None:
        moment = datetime(2000, 1, 1, self._value.hour(), self._value.minute())
        self.setText(format_time(moment))


__all__ = ["DateField", "TimeField", "parse_date", "parse_time"]
