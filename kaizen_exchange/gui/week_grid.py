"""The week grid: each school's day and call window in its own local time, side by side.

Columns are the first school's weekdays; inside each, one lane per school. Bands
sit at their true instants (so an 07:45 London window and a 15:45 Perth window line
up), are labelled in each school's local time, and the common windows are drawn
across all lanes. Weeks in which a school's clocks change are marked. The picture is
computed on a worker thread (:func:`build_week`); the widget only paints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kaizen_exchange.gui.dates import short_weekday
from kaizen_exchange.gui.places import city, short_school_name
from kaizen_exchange.schedule import clock
from kaizen_exchange.schedule.slots import SlotSearch
from kaizen_exchange.schedule.timeline import to_datetime

LANE_COLOURS = ("#3e8e76", "#2f6690", "#9a6a00", "#6d4c9b", "#b5523b")
OVERLAP = QColor("#e9b949")
CLOSED = "#b9c2bd"  # a lane's band on a day that is not a school day there
PAST = "#eef0ee"  # the background of days gone by
DAYS = 5


@dataclass(frozen=True)
class Band:
    lane: int  # -1: across every lane (a common window)
    column: int
    start: float  # minutes after the column's local midnight (first school's clock)
    end: float
    kind: str  # "day" | "calls" | "overlap"
    label: str
    closed: str | None = None  # why it is not a school day there
    short: str = ""  # a common window's start in each zone, drawn inside it
    at: datetime | None = None  # a common window's UTC start: the one chosen is outlined


@dataclass
class WeekPicture:
    days: list[date]
    lanes: list[tuple[str, str]]  # (school name, city)
    bands: list[Band] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)
    change_columns: set[int] = field(default_factory=set)
    top: float = 6 * 60
    bottom: float = 20 * 60
    zone: str = "UTC"  # the first school's: the time axis and the day columns are its

    @property
    def clock(self) -> str:
        """Whose clock the time axis shows: "London time"."""
        return f"{city(self.zone)} time"

    def describe(self) -> str:
        """The picture in words, for screen readers."""
        common = [b for b in self.bands if b.kind == "overlap"]
        return f"Week of {self.days[0]:%d %B}: {len(common)} common windows. " + " ".join(
            self.changes
        )


def _hm(moment: datetime) -> str:
    return f"{moment:%H:%M}"


def build_week(
    search: SlotSearch,
    any_day: date,
    names: dict[str, str],
    day_hours: dict[str, tuple[time, time]] | None = None,
) -> WeekPicture:
    calendars = [a.calendar for a in search.availability]
    axis = ZoneInfo(calendars[0].zone)
    monday = any_day - timedelta(days=any_day.weekday())
    days = [monday + timedelta(days=i) for i in range(DAYS)]
    lanes = [(names.get(c.school_id, c.school_id), city(c.zone)) for c in calendars]
    picture = WeekPicture(days, lanes, zone=calendars[0].zone)
    starts = [datetime.combine(d, time(), axis) for d in [*days, days[-1] + timedelta(days=1)]]

    def place(column: int, begin: datetime, end: datetime) -> tuple[float, float] | None:
        lo, hi = starts[column], starts[column + 1]
        a, b = max(begin, lo), min(end, hi)
        if a >= b:
            return None
        return (a - lo).total_seconds() / 60, (b - lo).total_seconds() / 60

    for lane, calendar in enumerate(calendars):
        zone = ZoneInfo(calendar.zone)
        hours = (day_hours or {}).get(calendar.school_id)
        local_days = {starts[0].astimezone(zone).date() + timedelta(days=i) for i in range(-1, 7)}
        for local in sorted(local_days):
            status = calendar.day_status(local)
            spans = [("calls", calendar.hours.start, calendar.hours.end)]
            if hours:
                spans.insert(0, ("day", hours[0], hours[1]))
            for kind, a, b in spans:
                begin = datetime.combine(local, a, zone)
                end = datetime.combine(local, b, zone)
                label = f"{_hm(begin)}–{_hm(end)}"
                for column in range(DAYS):
                    placed = place(column, begin, end)
                    if placed:
                        picture.bands.append(
                            Band(lane, column, *placed, kind, label, status.detail or None)
                        )
    for slot in search.slots:
        for column in range(DAYS):
            placed = place(column, slot.start, slot.end)
            if placed:
                label = "Common: " + " · ".join(
                    f"{_hm(a)} {city(calendars[i].zone)}"
                    for i, (a, _b) in enumerate(slot.local[c.school_id] for c in calendars)
                )
                short = " / ".join(_hm(slot.local[c.school_id][0]) for c in calendars)
                picture.bands.append(
                    Band(-1, column, *placed, "overlap", label, None, short, slot.start)
                )
    # A change over the weekend shifts the calls of the week that follows it.
    week_start, week_end = starts[0] - timedelta(days=2), starts[-1]
    for availability in search.availability:
        timeline, name = availability.timeline, city(availability.calendar.zone)
        first_second = int(week_start.timestamp())
        for instant, before, after in timeline.transitions(first_second, int(week_end.timestamp())):
            moment = to_datetime(instant).astimezone(axis)
            way = "forward" if after > before else "back"
            hours_ = after / 3600
            picture.changes.append(
                f"Clocks go {way} in {name} on {moment:%a %d %b} (UTC{hours_:+g} from then)."
            )
            picture.change_columns.add(min(max((moment.date() - monday).days, 0), DAYS - 1))
    shown = [b for b in picture.bands if b.kind != "day"] or picture.bands
    if shown:
        picture.top = max(0.0, (min(b.start for b in shown) // 60 - 1) * 60)
        picture.bottom = min(24 * 60.0, (max(b.end for b in shown) // 60 + 2) * 60)
    return picture


class WeekGrid(QWidget):
    """Paints a :class:`WeekPicture`; hover a band for its detail."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picture: WeekPicture | None = None
        self.chosen: datetime | None = None  # the common window chosen in the list
        self.setMinimumSize(420, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Week grid of the schools' call windows")
        self.setMouseTracking(True)
        self._rects: list[tuple[QRectF, str]] = []

    def set_picture(self, picture: WeekPicture | None) -> None:
        self.picture = picture
        self.setAccessibleDescription(picture.describe() if picture else "")
        self.update()

    def set_chosen(self, start: datetime | None) -> None:
        """Outline the common window starting at ``start`` (the one chosen in the list)."""
        self.chosen = start
        self.update()

    def _today(self, picture: WeekPicture) -> date:
        return clock.now().astimezone(ZoneInfo(picture.zone)).date()

    def _legend(self, picture: WeekPicture) -> list[list[tuple[QColor | None, str]]]:
        """The legend's entries, wrapped into lines that fit the widget."""
        pale = QColor(LANE_COLOURS[0])
        pale.setAlpha(55)
        entries = [
            (QColor(LANE_COLOURS[i % len(LANE_COLOURS)]), f"{short_school_name(n)} ({w})")
            for i, (n, w) in enumerate(picture.lanes)
        ] + [
            (QColor(OVERLAP), "common window"),
            (pale, "pale: school day, strong: call hours"),
            (QColor(CLOSED), "no school that day"),
            (QColor(PAST), "days gone by"),
            (None, f"times on the left: {picture.clock}"),
        ]
        metrics, x = self.fontMetrics(), 0.0
        lines: list[list[tuple[QColor | None, str]]] = [[]]
        for colour, text in entries:
            width = metrics.horizontalAdvance(text) + 34
            if x + width > self.width() - 8 and lines[-1]:
                lines.append([])
                x = 0.0
            lines[-1].append((colour, text))
            x += width
        return lines

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#ffffff"))
        picture = self.picture
        if picture is None:
            painter.setPen(QColor("#5b6b66"))
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, "Find times to see the week here."
            )
            return
        self._rects = []
        metrics = self.fontMetrics()
        line_h = metrics.height() + 4
        legend = self._legend(picture)
        for row, entries in enumerate(legend):
            x, top = 8.0, 4.0 + row * line_h
            for colour, text in entries:
                if colour is not None:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(colour)
                    painter.drawRoundedRect(QRectF(x, top + 2, 12, 12), 2, 2)
                painter.setPen(QColor("#1f2d2a"))
                painter.drawText(QPointF(x + (16 if colour else 0), top + metrics.ascent()), text)
                x += metrics.horizontalAdvance(text) + 34
        days_top = 8.0 + len(legend) * line_h
        header = days_top + line_h + 4
        left = metrics.horizontalAdvance("00:00") + 14.0
        col_w = (self.width() - left - 4) / DAYS
        height = self.height() - header - 6
        span = max(picture.bottom - picture.top, 60.0)

        def y(minutes: float) -> float:
            return header + (minutes - picture.top) / span * height

        today = self._today(picture)
        for column, day in enumerate(picture.days):
            if day < today:  # gone by: greyed, so nobody plans a call there
                box = QRectF(left + column * col_w + 1, days_top, col_w - 2, self.height())
                painter.fillRect(box, QColor(PAST))
        self._hours(painter, picture, left, y)
        painter.setPen(QColor("#5b6b66"))
        painter.drawText(QPointF(4, days_top + metrics.ascent()), city(picture.zone))
        for column, day in enumerate(picture.days):
            changed = column in picture.change_columns
            ink = "#8a5a00" if changed else ("#8a948f" if day < today else "#1f2d2a")
            painter.setPen(QColor(ink))
            mark = "  ⟳" if changed else ""
            title = f"{short_weekday(day)} {day.day} {day:%b}{mark}"
            if metrics.horizontalAdvance(title) > col_w - 8:
                title = f"{short_weekday(day)} {day.day}{mark}"
            box = QRectF(left + column * col_w + 4, days_top, col_w - 8, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignHCenter, title)
        lane_w = (col_w - 8) / max(len(picture.lanes), 1)
        for band in sorted(picture.bands, key=lambda b: ("day", "calls", "overlap").index(b.kind)):
            x0 = left + band.column * col_w + 4
            top, bottom = y(max(band.start, picture.top)), y(min(band.end, picture.bottom))
            if bottom - top < 1:
                continue
            if band.kind == "overlap":
                chosen = self.chosen is not None and band.at == self.chosen
                rect = QRectF(x0 - 2, top, col_w - 4, bottom - top)
                self._overlap(painter, band, rect, chosen)
            else:
                rect = QRectF(x0 + band.lane * lane_w + 2, top, lane_w - 4, bottom - top)
                self._band(painter, picture, band, rect)

    def _hours(
        self, painter: QPainter, picture: WeekPicture, left: float, y: Callable[[float], float]
    ) -> None:
        metrics = self.fontMetrics()
        hour = int(picture.top // 60)
        while hour * 60 <= picture.bottom:
            line = y(hour * 60)
            painter.setPen(QPen(QColor("#e6ebe7"), 1))
            painter.drawLine(QPointF(left, line), QPointF(self.width() - 4, line))
            painter.setPen(QColor("#5b6b66"))
            painter.drawText(QPointF(4, line + metrics.ascent() / 2), f"{hour % 24:02d}:00")
            hour += 1

    def _overlap(self, painter: QPainter, band: Band, rect: QRectF, chosen: bool) -> None:
        fill = QColor(OVERLAP)
        fill.setAlpha(200 if chosen else 120)
        painter.setPen(QPen(QColor("#1f2d2a"), 3) if chosen else QPen(QColor("#b7861c"), 2))
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 4, 4)
        self._rects.append((rect, band.label))
        metrics = self.fontMetrics()
        lines = band.short.split(" / ") if band.short else []
        widest = max((metrics.horizontalAdvance(t) for t in lines), default=0)
        if (
            lines
            and rect.height() > metrics.height() * len(lines) + 4
            and widest < rect.width() - 6
        ):
            painter.setPen(QColor("#3d2a00"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "\n".join(lines))

    def _band(self, painter: QPainter, picture: WeekPicture, band: Band, rect: QRectF) -> None:
        colour = (
            QColor(CLOSED) if band.closed else QColor(LANE_COLOURS[band.lane % len(LANE_COLOURS)])
        )
        colour.setAlpha(55 if band.kind == "day" else 200)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 3, 3)
        name, where = picture.lanes[band.lane]
        what = "school day" if band.kind == "day" else "calls"
        tip = f"{name}: {what} {band.label} {where} time"
        if band.closed:
            tip += f" — not a school day ({band.closed})"
        self._rects.append((rect, tip))
        metrics = self.fontMetrics()
        fits = metrics.horizontalAdvance(band.label) < rect.width() - 4
        if band.kind == "calls" and fits and rect.height() > metrics.height() + 4:
            painter.setPen(QColor("#ffffff") if not band.closed else QColor("#3e4e49"))
            painter.drawText(rect.adjusted(2, 2, -2, -2), Qt.AlignmentFlag.AlignHCenter, band.label)

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QHelpEvent):
            for rect, tip in reversed(self._rects):
                if rect.contains(QPointF(event.pos())):
                    QToolTip.showText(event.globalPos(), tip, self)
                    return True
            QToolTip.hideText()
            return True
        return super().event(event)


__all__ = ["Band", "WeekGrid", "WeekPicture", "build_week"]
