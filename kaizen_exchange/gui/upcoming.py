"""The next video calls labelled with each school's wall-clock time, and reminders before them.

Which calls are next is the planner core's answer
(:func:`kaizen_exchange.schedule.upcoming.next_calls`, also ``sessions next``); this
module only labels them ("Wed 08:15 here · 19:15 Sydney"). Reminders fire 10 minutes
before a call: as a system-tray notification where the desktop has a tray, else as the
window's banner.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui import warmup
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_date, format_time, short_weekday, to_local
from kaizen_exchange.gui.places import city
from kaizen_exchange.gui.workers import run_task

if TYPE_CHECKING:
    from kaizen_exchange.schedule.upcoming import UpcomingCall
    from kaizen_exchange.store.db import Store

REMIND_BEFORE = timedelta(minutes=10)


def upcoming_calls(store: Store, now: datetime | None = None, limit: int = 5) -> list[UpcomingCall]:
    """The core's :func:`~kaizen_exchange.schedule.upcoming.next_calls` (worker thread).

    The planner core is imported here, on the worker, so it never delays the first paint.
    """
    with warmup.IMPORT_LOCK:
        from kaizen_exchange.schedule.upcoming import next_calls

    return next_calls(store, now, limit)


def times_label(call: UpcomingCall) -> str:
    """ "Wed 14 May, 08:15 here · 19:15 Sydney · 17:15 Perth" (other zones only once)."""
    here = to_local(call.start)
    parts = [f"{format_date(here.date(), year=False)}, {format_time(here)} here"]
    seen = {here.utcoffset()}
    for zone in dict.fromkeys(call.zones):
        local = to_local(call.start, zone)
        if local.utcoffset() in seen:
            continue  # the same clock as here: saying it twice is noise
        day = "" if local.date() == here.date() else f"{short_weekday(local.date())} "
        parts.append(f"{day}{format_time(local)} {city(zone)}")
    return " · ".join(parts)


class Reminders(QObject):
    """Checks twice a minute whether a call starts within ten minutes.

    The list of calls is re-read off the GUI thread when sessions or schools change
    (whoever changed them) and every ten minutes; the check itself only compares times.
    """

    due = Signal(object)  # UpcomingCall

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.calls: list[UpcomingCall] = []
        self._reminded: set[tuple[int, datetime]] = set()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(30_000)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.timeout.connect(self.reload)
        self.refresh_timer.start(10 * 60_000)
        context.changed.connect(self._store_changed)

    def _store_changed(self, changes: Changes, _initiator: object | None) -> None:
        if changes.touches(Kind.SESSIONS, Kind.SCHOOLS):
            self.reload()

    def reload(self) -> None:
        store = self.context.store
        run_task(lambda: upcoming_calls(store), self.set_calls, owner=self)

    def set_calls(self, calls: list[UpcomingCall]) -> None:
        self.calls = calls
        self.check()

    def check(self, now: datetime | None = None) -> None:
        moment = now or datetime.now(UTC)
        for call in self.calls:
            key = (call.session_id, call.start)
            if key in self._reminded:
                continue
            if call.start - REMIND_BEFORE <= moment < call.start:
                self._reminded.add(key)
                self.due.emit(call)


__all__ = ["REMIND_BEFORE", "Reminders", "UpcomingCall", "times_label", "upcoming_calls"]
