"""Settings: how often to sync, how much to keep offline, where the data is, how we connect.

Every change is saved at once (no OK button to forget). The proxy and certificate
lines say what the sync really uses, so IT support can check it from a screenshot.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.demo_folder import is_throwaway
from kaizen_exchange.gui import warmup
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.forms.ui_settings import Ui_SettingsPage
from kaizen_exchange.gui.look import human_size, scaled_font, set_role
from kaizen_exchange.gui.pages.base import EVERYTHING, Page, show_error
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations import posts as posts_ops
from kaizen_exchange.store.media_cache import CacheStats, cache_stats
from kaizen_exchange.wording import plural

GB = 1_000_000_000


def _hide_password(url: str) -> str:
    """A proxy address without any user name or password in it."""
    parts = urlsplit(url)
    if parts.username or parts.password:
        host = parts.hostname or ""
        netloc = f"{host}:{parts.port}" if parts.port else host
        return urlunsplit(parts._replace(netloc=netloc))
    return url


def connection_facts() -> tuple[str, str]:
    """(proxy, certificates) as the sync uses them; reads system settings, so off the GUI thread."""
    proxies = urllib.request.getproxies()
    shown = {k: _hide_password(v) for k, v in proxies.items() if k in ("http", "https")}
    if not shown:
        proxy = "None: the app connects directly."
    else:
        proxy = " · ".join(f"{k} via {v}" for k, v in sorted(shown.items()))
        proxy += " (from this computer's settings)"
    context = warmup.load("kaizen_exchange.feeds.http").ssl_context()
    if type(context).__module__.startswith("truststore"):
        certs = (
            "This computer's own certificate store, so a school's security certificate "
            "installed by IT is trusted."
        )
    else:
        certs = "Python's built-in certificates (this computer's store could not be used)."
    return proxy, certs


class SettingsPage(Page):
    title = "Settings"
    icon_name = "settings"
    shows = frozenset({Kind.MEDIA})  # the cache's size

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.setObjectName("page")
        self.ui.titleLabel.setFont(scaled_font(self.font(), 1.6, bold=True))
        set_role(self.ui.titleLabel, "heading")
        prefs = context.settings
        self.ui.intervalSpin.setValue(prefs.sync_minutes)
        self.ui.atStartCheck.setChecked(prefs.sync_at_start)
        self.ui.quotaSpin.setValue(prefs.quota_bytes / GB)
        self.ui.intervalSpin.valueChanged.connect(self._interval_changed)
        self.ui.atStartCheck.toggled.connect(self._at_start_changed)
        self.ui.quotaSpin.valueChanged.connect(self._quota_changed)
        self.ui.emptyButton.clicked.connect(self.empty_cache)
        self.ui.openFolderButton.clicked.connect(self._open_folder)
        self.ui.changeFolderButton.clicked.connect(self.change_folder)
        self.ui.folderLabel.setText(str(context.launch.folder))
        set_role(self.ui.folderNote, "muted")
        self.ui.folderNote.hide()
        if context.launch.demo:
            self.ui.changeFolderButton.setEnabled(False)
            self._note(_demo_note(context.launch.folder))
        elif prefs.data_folder and prefs.data_folder != str(context.launch.folder):
            self._note_next_start(prefs.data_folder)
        self.stats: CacheStats | None = None

    def activated(self) -> None:
        self.refresh()  # every time: the proxy or certificates may have changed too

    def reload(self, changes: Changes = EVERYTHING) -> None:
        super().reload(changes)
        self.refresh()

    def refresh(self) -> None:
        store, quota = self.context.store, self.context.settings.quota_bytes
        run_task(lambda: cache_stats(store.database, quota), self._show_stats, owner=self)
        run_task(connection_facts, self._show_connection, owner=self)

    def _show_stats(self, stats: CacheStats) -> None:
        self.stats = stats
        text = f"{human_size(stats.bytes)} in {plural(stats.files, 'file')}"
        if stats.pinned_files:
            text += f", of which {human_size(stats.pinned_bytes)} for pinned posts"
        if stats.failed:
            text += f". {stats.failed} pictures or files could not be downloaded."
        self.ui.usageLabel.setText(text)

    def _show_connection(self, facts: tuple[str, str]) -> None:
        self.ui.proxyLabel.setText(facts[0])
        self.ui.certLabel.setText(facts[1])

    # -- changes --------------------------------------------------------------------
    def _interval_changed(self, minutes: int) -> None:
        self.context.settings.sync_minutes = minutes
        self.context.settings_changed.emit()

    def _at_start_changed(self, checked: bool) -> None:
        self.context.settings.sync_at_start = checked

    def _quota_changed(self, gigabytes: float) -> None:
        self.context.settings.quota_bytes = round(gigabytes * GB)
        self.context.settings_changed.emit()

    def empty_cache(self) -> None:
        answer = QMessageBox.question(
            self,
            "Empty the offline cache?",
            "Pictures and attachments will be removed from this computer, except those "
            "of pinned posts. They come back with the next sync when the internet is there.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.do_empty_cache()

    def do_empty_cache(self) -> None:
        store = self.context.store
        self.ui.emptyButton.setEnabled(False)

        def done(result: tuple[int, int]) -> None:
            self.ui.emptyButton.setEnabled(True)
            removed, freed = result
            self.context.say(
                f"Removed {plural(removed, 'file')} ({human_size(freed)}); "
                "pinned posts kept theirs."
            )

        def failed(exc: BaseException) -> None:
            self.ui.emptyButton.setEnabled(True)
            show_error(self, "The cache could not be emptied", exc)

        run_op(self.context, lambda: posts_ops.empty_cache(store), done, failed, owner=self)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.context.launch.folder)))

    def change_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, "Choose the folder for Kaizen Exchange's data", str(self.context.launch.folder)
        )
        if chosen:
            self.set_data_folder(chosen)

    def set_data_folder(self, folder: str) -> None:
        self.context.settings.data_folder = folder
        self._note_next_start(folder)

    def _note(self, text: str) -> None:
        self.ui.folderNote.setText(text)
        self.ui.folderNote.setVisible(bool(text))

    def _note_next_start(self, folder: str) -> None:
        self._note(
            f"From the next start the app uses {folder}. The data here stays where it is; "
            "copy the folder across first if you want to keep it."
        )


def _demo_note(folder: Path) -> str:
    """The demo's folder is only thrown away when the demo made it (not a --data-dir one)."""
    if is_throwaway(folder):
        return "This is the demo's throw-away folder; your own data is elsewhere."
    return "The demo is using this folder; its fictional schools stay here after it closes."


__all__ = ["SettingsPage", "connection_facts"]
