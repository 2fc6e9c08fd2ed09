"""The window's remembered preferences (QSettings), typed in one place.

Pages never call ``QSettings.value`` with string keys of their own: a typo there
would silently forget a teacher's choice. The ini-file form is used when a path is
given (tests, the throw-away demo folder) so those never touch the user's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from kaizen_exchange import APP_ID
from kaizen_exchange.store.media_cache import DEFAULT_QUOTA

ORGANISATION = "Kaizen Network"
DEFAULT_SYNC_MINUTES = 30


class AppSettings:
    """Typed access to the preferences the window keeps between runs."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            self._qs = QSettings(ORGANISATION, APP_ID)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @staticmethod
    def stored_data_folder() -> str | None:
        """The data folder chosen in Settings, read before any window exists."""
        return AppSettings().data_folder

    @property
    def qsettings(self) -> QSettings:
        return self._qs

    def sync_now(self) -> None:
        self._qs.sync()

    # -- window state ---------------------------------------------------------------
    def geometry(self, name: str) -> QByteArray | None:
        value = self._qs.value(f"window/{name}")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, name: str, value: QByteArray) -> None:
        self._qs.setValue(f"window/{name}", value)

    @property
    def last_page(self) -> int:
        return _int(self._qs.value("window/page", 0), 0)

    @last_page.setter
    def last_page(self, index: int) -> None:
        self._qs.setValue("window/page", index)

    # -- sync -----------------------------------------------------------------------
    @property
    def sync_minutes(self) -> int:
        """Minutes between background syncs while the window is open; 0 means never."""
        return max(0, _int(self._qs.value("sync/interval_minutes"), DEFAULT_SYNC_MINUTES))

    @sync_minutes.setter
    def sync_minutes(self, minutes: int) -> None:
        self._qs.setValue("sync/interval_minutes", int(minutes))

    @property
    def sync_at_start(self) -> bool:
        return _bool(self._qs.value("sync/at_start"), True)

    @sync_at_start.setter
    def sync_at_start(self, value: bool) -> None:
        self._qs.setValue("sync/at_start", bool(value))

    # -- cache and data -------------------------------------------------------------
    @property
    def quota_bytes(self) -> int:
        return max(0, _int(self._qs.value("cache/quota_bytes"), DEFAULT_QUOTA))

    @quota_bytes.setter
    def quota_bytes(self, value: int) -> None:
        self._qs.setValue("cache/quota_bytes", int(value))

    @property
    def data_folder(self) -> str | None:
        """A data folder the teacher chose in Settings (used from the next start)."""
        value = self._qs.value("data/folder")
        return str(value) if value else None

    @data_folder.setter
    def data_folder(self, value: str | None) -> None:
        if value:
            self._qs.setValue("data/folder", value)
        else:
            self._qs.remove("data/folder")

    @property
    def last_seen(self) -> str | None:
        """When the teacher last looked at Today (UTC ISO): "new since last time" counts from it."""
        value = self._qs.value("today/last_seen")
        return str(value) if value else None

    @last_seen.setter
    def last_seen(self, value: str) -> None:
        self._qs.setValue("today/last_seen", value)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value)) if value is not None else default
    except ValueError:
        return default


def _bool(value: object, default: bool) -> bool:
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "yes")


__all__ = ["DEFAULT_SYNC_MINUTES", "AppSettings"]
