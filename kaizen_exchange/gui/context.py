"""What every page shares: the open store, the preferences, and one "the store changed" signal.

Pages do not call each other, and they do not announce their own changes: every
write runs through :func:`~kaizen_exchange.gui.workers.run_op` (or the sync
worker), which hands what it changed (:class:`~kaizen_exchange.changes.Changes`)
to :meth:`AppContext.write_ended`. The context re-reads the school list first when
schools changed (most pages show school names), then tells every page through
:attr:`AppContext.changed`; each page re-reads only what it shows, now if it is in
front, or when it is next shown. Writes by another process reach the same signal
through the store watcher.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.reading.schools import SchoolRow, schools
from kaizen_exchange.store.db import Store


@dataclass(frozen=True)
class Launch:
    """How the window was started (the demo runs on a throw-away folder)."""

    folder: Path
    demo: bool = False
    demo_base_url: str | None = None


class AppContext(QObject):
    changed = Signal(object, object)  # Changes, and the widget whose write made them (or None)
    sync_requested = Signal()  # new partners or feeds: fetch their posts now
    settings_changed = Signal()  # sync interval or cache size changed in Settings
    message = Signal(str)  # a short status-bar message
    navigate = Signal(int)  # show the side-bar page with this index

    def __init__(
        self, store: Store, settings: AppSettings, launch: Launch, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.launch = launch
        self.previous_seen = _parse_instant(settings.last_seen)  # for "new since last time"
        self.schools: list[SchoolRow] = []
        self.schools_loaded = False
        self.writes_running = 0  # our own writes under way (the store watcher waits for them)
        self.written = Changes()  # what our own writes changed since the watcher last looked
        self._waiting: list[tuple[Changes, object | None]] = []  # for the school list
        self._schools_asked = 0

    @property
    def partners(self) -> list[SchoolRow]:
        """The partner schools: every school but our own."""
        return [s for s in self.schools if not s.home]

    @property
    def our_schools(self) -> list[SchoolRow]:
        """Our own school (its blog is followed beside the partners')."""
        return [s for s in self.schools if s.home]

    @property
    def school_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.schools}

    def zones_of(self, school_ids: list[str]) -> dict[str, str]:
        """Each school's IANA zone, in the order given."""
        zones = {s.id: s.timezone for s in self.schools}
        return {s: zones[s] for s in school_ids if s in zones}

    def reload_schools(self) -> None:
        """Read the partner schools off the GUI thread, then tell the pages (start-up)."""
        self.apply(Changes.of(Kind.SCHOOLS))

    def write_started(self) -> None:
        self.writes_running += 1

    def write_ended(self, changes: Changes, initiator: object | None) -> None:
        """One of our writes finished: remember it for the store watcher, tell the pages."""
        self.writes_running = max(self.writes_running - 1, 0)
        self.written = self.written | changes
        self.apply(changes, initiator)

    def apply(self, changes: Changes, initiator: object | None = None) -> None:
        """Tell every page what changed; school names first when schools changed."""
        if not changes:
            return
        if not changes.touches(Kind.SCHOOLS):
            self.changed.emit(changes, initiator)
            return
        self._waiting.append((changes, initiator))
        self._schools_asked += 1
        asked, store = self._schools_asked, self.store
        run_task(
            lambda: schools(store), lambda rows: self._schools_arrived(asked, rows), owner=self
        )

    def _schools_arrived(self, asked: int, rows: list[SchoolRow]) -> None:
        if asked != self._schools_asked:
            return  # a later read is on its way and will tell the pages about both
        self.schools = rows
        self.schools_loaded = True
        waiting, self._waiting = self._waiting, []
        for changes, initiator in waiting:
            self.changed.emit(changes, initiator)

    def say(self, text: str) -> None:
        self.message.emit(text)


def _parse_instant(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


__all__ = ["AppContext", "Launch"]
