"""What every page shares: the open store, the preferences, and "something changed" signals.

Pages do not call each other. When one changes the store (a partner added, a session
booked, a sync finished) it says so here, and the pages that show that data reload
it when they are next looked at. That keeps each page a small, separate module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kaizen_exchange.gui.queries import SchoolRow, schools
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.store.db import Store


@dataclass(frozen=True)
class Launch:
    """How the window was started (the demo runs on a throw-away folder)."""

    folder: Path
    demo: bool = False
    demo_base_url: str | None = None


class AppContext(QObject):
    schools_changed = Signal()  # the partner list (and so names) changed
    posts_changed = Signal()  # a sync or an import brought posts
    sessions_changed = Signal()  # a call was booked, edited or cancelled
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

    @property
    def school_names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.schools}

    def zones_of(self, school_ids: list[str]) -> dict[str, str]:
        """Each school's IANA zone, in the order given."""
        zones = {s.id: s.timezone for s in self.schools}
        return {s: zones[s] for s in school_ids if s in zones}

    def reload_schools(self) -> None:
        """Read the partner schools off the GUI thread, then tell the pages."""
        store = self.store
        run_task(lambda: schools(store), self._schools_arrived, owner=self)

    def _schools_arrived(self, rows: list[SchoolRow]) -> None:
        self.schools = rows
        self.schools_loaded = True
        self.schools_changed.emit()

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
