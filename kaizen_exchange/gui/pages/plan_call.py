"""Plan a call: pick schools, dates and a length; see the common windows in a list and on
the week grid; choose one to fill the session form, check it and book it.

The slot finder runs on a worker thread (it reads calendars and public holidays);
the page shows its answer, or, when there is none, the core's reasons and the
nearest near-misses ("Wattle Creek would have to end its calls 25 minutes later").
"""

from __future__ import annotations

import html as htmllib
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_date
from kaizen_exchange.gui.look import icon, muted, set_role
from kaizen_exchange.gui.pages.base import EVERYTHING, Page, plain_message
from kaizen_exchange.gui.pages.session_form import SessionForm
from kaizen_exchange.gui.places import city, short_school_name
from kaizen_exchange.gui.planning import PlanAnswer, find_windows, week_for
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.typed_fields import DateField
from kaizen_exchange.gui.week_grid import WeekGrid, WeekPicture
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.schedule import clock
from kaizen_exchange.schedule.slots import Slot
from kaizen_exchange.wording import plural, sentence


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _label(text: str, buddy: QWidget, parent: QWidget) -> QLabel:
    """A form label sized for its whole text: QFormLayout's own cut "To" to "Tc"."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text.replace("&", "")) + 8)
    return label


class PlanCallPage(Page):
    title = "Plan a call"
    icon_name = "plan-call"
    shows = frozenset({Kind.SCHOOLS})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.plan: PlanAnswer | None = None
        self.week_day: date | None = None
        outer = self.headed_layout()
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self._controls())
        self.splitter.addWidget(self._week())
        self.form = SessionForm(context, self.splitter)
        self.splitter.addWidget(self.form)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 520, 380])
        outer.addWidget(self.splitter, 1)
        self._fill_schools()

    def reload(self, changes: Changes = EVERYTHING) -> None:
        super().reload(changes)
        self._fill_schools()

    def _controls(self) -> QWidget:
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(8)
        column.addWidget(QLabel("Schools taking part", panel))
        self.school_list = QListWidget(panel)
        self.school_list.setAccessibleName("Schools taking part")
        self.school_list.setMaximumHeight(150)
        self.school_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        column.addWidget(self.school_list)
        form = QFormLayout()
        today = clock.now().astimezone().date()  # the planner's clock: the same "now"
        self.from_edit = DateField(panel)
        self.from_edit.setDate(_qdate(today))
        self.from_edit.setAccessibleName("Search from")
        self.to_edit = DateField(panel)
        self.to_edit.setDate(_qdate(today + timedelta(weeks=8)))
        self.to_edit.setAccessibleName("Search until")
        self.length_spin = QSpinBox(panel)
        self.length_spin.setRange(10, 180)
        self.length_spin.setSingleStep(5)
        self.length_spin.setValue(30)
        self.length_spin.setSuffix(" min")
        self.length_spin.setAccessibleName("Length of the call in minutes")
        for text, field in (("&From", self.from_edit), ("&To", self.to_edit)):
            form.addRow(_label(text, field, panel), field)
        form.addRow(_label("Len&gth", self.length_spin, panel), self.length_spin)
        column.addLayout(form)
        self.find_button = QPushButton(icon("search"), "Find times", panel)
        self.find_button.setAccessibleName("Find common times")
        set_role(self.find_button, "primary")
        self.find_button.clicked.connect(self.find_times)
        column.addWidget(self.find_button)
        self.summary = muted("Tick two or more schools and press Find times.", panel)
        column.addWidget(self.summary)
        self.slot_list = QListWidget(panel)
        self.slot_list.setAccessibleName("Common windows")
        self.slot_list.setWordWrap(True)
        self.slot_list.setSpacing(3)
        self.slot_list.setAlternatingRowColors(True)
        self.slot_list.currentRowChanged.connect(self._slot_chosen)
        column.addWidget(self.slot_list, 1)
        return panel

    def _week(self) -> QWidget:
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(6, 0, 6, 0)
        column.setSpacing(6)
        row = QHBoxLayout()
        self.prev_button = QPushButton("◀ Week before", panel)
        self.prev_button.setAccessibleName("Show the week before")
        self.prev_button.clicked.connect(lambda: self._move_week(-7))
        self.next_button = QPushButton("Week after ▶", panel)
        self.next_button.setAccessibleName("Show the week after")
        self.next_button.clicked.connect(lambda: self._move_week(7))
        self.week_label = QLabel("", panel)
        self.week_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row.addWidget(self.prev_button)
        row.addWidget(self.week_label, 1)
        row.addWidget(self.next_button)
        column.addLayout(row)
        self.grid = WeekGrid(panel)
        column.addWidget(self.grid, 1)
        self.changes = QLabel("", panel)
        self.changes.setWordWrap(True)
        set_role(self.changes, "banner")
        self.changes.hide()
        column.addWidget(self.changes)
        self.prev_button.setEnabled(False)
        self.next_button.setEnabled(False)
        return panel

    def _fill_schools(self) -> None:
        ticked = set(self.ticked_schools()) or {s.id for s in self.context.our_schools}
        self.school_list.clear()
        for school in self.context.schools:
            ours = " · our school" if school.home else ""
            item = QListWidgetItem(
                f"{short_school_name(school.name)} ({city(school.timezone)}){ours}"
            )
            item.setToolTip(school.name)
            item.setData(Qt.ItemDataRole.UserRole, school.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = school.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.school_list.addItem(item)
        partners = bool(self.context.partners)
        self.find_button.setEnabled(partners)
        if not partners:
            self.summary.setText(
                "No partner schools yet. Add one under Partners (Add a partner blog), or "
                "import the network file a partner school sent you; then plan a call here."
            )
        elif self.plan is None:
            self.summary.setText("Tick your school and a partner, then press Find times.")

    def ticked_schools(self) -> list[str]:
        items = [self.school_list.item(i) for i in range(self.school_list.count())]
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def tick(self, school_ids: list[str]) -> None:
        for i in range(self.school_list.count()):
            item = self.school_list.item(i)
            if item is not None:
                wanted = item.data(Qt.ItemDataRole.UserRole) in school_ids
                item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    # -- searching ------------------------------------------------------------------
    def find_times(self) -> None:
        schools = self.ticked_schools()
        if len(schools) < 2:
            self.summary.setText("Tick at least two schools: yours and a partner.")
            return
        first, last = _pydate(self.from_edit.date()), _pydate(self.to_edit.date())
        minutes, store = self.length_spin.value(), self.context.store
        self.find_button.setEnabled(False)
        self.summary.setText("Looking for common times…")
        run_task(
            lambda: find_windows(store, schools, first, last, minutes),
            self._found,
            self._failed,
            owner=self,
        )

    def _failed(self, exc: BaseException) -> None:
        self.find_button.setEnabled(True)
        self.summary.setText(plain_message(exc))

    def _found(self, plan: PlanAnswer) -> None:
        self.find_button.setEnabled(True)
        self.plan = plan
        self.slot_list.clear()
        answer, first = plan.answer, plan.schools[0]
        slots = answer.search.slots
        for slot in slots:
            self.slot_list.addItem(self._slot_text(slot, plan))
        if slots:
            self.summary.setText(f"{plural(len(slots), 'common window')}. Choose one to book it.")
        else:
            lines = [htmllib.escape(sentence(r)) for r in answer.reasons]
            lines += [htmllib.escape(sentence(m.describe())) + "." for m in answer.near_misses]
            self.summary.setText("<b>No common window.</b><br>• " + "<br>• ".join(lines))
        if answer.search.warnings:
            self.summary.setText(
                self.summary.text()
                + "<br>"
                + "<br>".join(htmllib.escape(w) for w in answer.search.warnings)
            )
        self._show_week(plan.week)
        self.week_day = slots[0].local[first][0].date() if slots else _pydate(self.from_edit.date())
        if slots:
            self.slot_list.setCurrentRow(0)

    def _slot_text(self, slot: Slot, plan: PlanAnswer) -> str:
        parts = [
            f"{slot.local[school][0]:%H:%M} {city(plan.zones[school])}" for school in plan.schools
        ]
        day = slot.local[plan.schools[0]][0].date()
        flag = "  (different weekdays)" if slot.weekday_differs else ""
        head = f"{format_date(day, year=False)} · {slot.minutes} min free"
        return f"{head}\n" + " · ".join(parts) + flag

    def _slot_chosen(self, row: int) -> None:
        if self.plan is None or not 0 <= row < len(self.plan.answer.search.slots):
            return
        slot = self.plan.answer.search.slots[row]
        plan = self.plan
        self.form.set_window(
            slot.start,
            min(self.length_spin.value(), slot.minutes),
            plan.schools,
            plan.names,
            plan.zones,
        )
        self.grid.set_chosen(slot.start)
        day = slot.local[plan.schools[0]][0].date()
        shown = self.grid.picture
        if shown is None or not shown.days[0] <= day <= shown.days[0] + timedelta(days=6):
            self._load_week(day)
        self.week_day = day

    # -- the week grid --------------------------------------------------------------
    def _move_week(self, days: int) -> None:
        if self.week_day is not None:
            self.week_day += timedelta(days=days)
            self._load_week(self.week_day)

    def _load_week(self, day: date) -> None:
        plan = self.plan
        if plan is None:
            return
        run_task(lambda: week_for(plan, day), self._show_week, owner=self)

    def _show_week(self, picture: WeekPicture | None) -> None:
        self.grid.set_picture(picture)
        self.prev_button.setEnabled(picture is not None)
        self.next_button.setEnabled(picture is not None)
        if picture is None:
            return
        self.week_label.setText(f"Week of {format_date(picture.days[0], weekday=False)}")
        self.changes.setText(" ".join(picture.changes))
        self.changes.setVisible(bool(picture.changes))

    def prepare_screenshot(self) -> None:
        """For the screenshot test: a search that has answers in the demo network."""
        home = [s.id for s in self.context.our_schools]
        partner = [s.id for s in self.context.schools if s.id == "karri-grove"]
        if home and partner:
            self.tick(home + partner)
            self.find_times()

    def save_state(self, settings: AppSettings) -> None:
        settings.set_geometry("plan_splitter", self.splitter.saveState())

    def restore_state(self, settings: AppSettings) -> None:
        state = settings.geometry("plan_splitter")
        if state is not None:
            self.splitter.restoreState(state)


__all__ = ["PlanCallPage"]
