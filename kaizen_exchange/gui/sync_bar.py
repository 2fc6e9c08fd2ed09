"""The status bar's sync controls: progress, per-feed outcome, cancel, schedule, online state.

A sync runs in a :class:`~kaizen_exchange.gui.workers.SyncWorker` thread; this widget
only counts the feeds as they report and shows the outcome in plain words. It syncs
at start and every N minutes while the window is open (Settings), never two at once.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange import changes
from kaizen_exchange.feeds.report import FeedReport, ItemError, SyncReport
from kaizen_exchange.gui import warmup
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_time
from kaizen_exchange.gui.look import icon
from kaizen_exchange.gui.workers import SyncWorker
from kaizen_exchange.wording import plural

log = logging.getLogger(__name__)


def feed_line(report: FeedReport, names: dict[str, str]) -> str:
    school = names.get(report.school, report.school)
    if report.status == "error":
        return f"✗ {school}: {report.error or 'failed'}"
    if report.status == "gone":
        return f"✗ {school}: the blog removed this feed for good"
    line = f"✓ {school}: nothing new"
    if report.new or report.updated:
        line = f"✓ {school}: {report.new} new, {report.updated} updated"
    if report.items_failed:
        unread = plural(len(report.items_failed), "post")
        line += f" · {unread} could not be read ({report.items_failed[0].error})"
    return line


def media_line(error: ItemError, names: dict[str, str]) -> str:
    """A picture or file that failed: which post uses it, and why (it is asked again later)."""
    where = names.get(error.school or "", error.school or "")
    post = f" in “{error.post}”" if error.post else ""
    school = f" ({where})" if where else ""
    return f"✗ {error.item}{post}{school}: {error.error}. It will be tried again later."


def summary_line(report: SyncReport, when: str) -> str:
    """The sync bar's one line after a sync: what came, and what failed (details list it)."""
    if not report.feeds and not report.skipped:
        return "Nothing to sync yet: add a partner school's blog on the Partners page."
    parts = [f"Synced at {when}", plural(report.new_posts, "new post")]
    if report.errors:
        parts.append(f"{plural(report.errors, 'blog')} failed (see Details)")
    if report.items_failed:
        parts.append(f"{plural(report.items_failed, 'post')} could not be read (see Details)")
    if report.media_errors:
        files = plural(len(report.media_errors), "picture or file", "pictures or files")
        parts.append(f"{files} to try again later (see Details)")
    return " · ".join(parts)


class SyncBar(QWidget):
    """Sync now / Cancel, a progress bar while syncing, and the last outcome."""

    finished = Signal(object)  # SyncReport, after a sync that ran to its end

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._worker: SyncWorker | None = None
        self.reports: list[FeedReport] = []
        self.last_report: SyncReport | None = None
        self._online_known = False

        self.online = QLabel(self)
        self.online.setAccessibleName("Connection")
        self.status = QLabel("Not synced yet", self)
        self.status.setAccessibleName("Sync status")
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Sync progress")
        self.progress.setMaximumWidth(220)
        self.progress.hide()
        self.details = QPushButton("Details", self)
        self.details.setAccessibleName("Show how each partner blog synced")
        self.details.clicked.connect(self.show_details)
        self.details.setEnabled(False)
        self.sync_button = QPushButton(icon("sync"), "Sync now", self)
        self.sync_button.setAccessibleName("Sync partner blogs now")
        self.sync_button.setToolTip("Fetch new posts from every partner blog (Ctrl+R)")
        self.sync_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(icon("cancel"), "Cancel", self)
        self.cancel_button.setAccessibleName("Cancel the sync")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(10)
        for widget in (self.online, self.status, self.progress, self.details):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.sync_button)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.start)
        context.settings_changed.connect(self.apply_settings)
        self.apply_settings()
        self.set_online(None)

    # -- schedule -------------------------------------------------------------------
    def apply_settings(self) -> None:
        minutes = self._context.settings.sync_minutes
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self) -> None:
        if self._worker is not None:
            return
        worker = SyncWorker(self._context.store, self._context.settings.quota_bytes, self)
        worker.feed_done.connect(self._feed_done)
        worker.synced.connect(self._synced)
        worker.failed.connect(self._failed)
        worker.cancelled.connect(self._cancelled)
        worker.finished.connect(worker.deleteLater)
        self._worker = worker
        self.reports = []
        self.progress.setRange(0, 0)  # busy until the first feed reports the total
        self.progress.show()
        self.cancel_button.show()
        self.sync_button.setEnabled(False)
        self.status.setText("Syncing partner blogs…")
        warmup.hold_full_collections()
        self._context.write_started()
        worker.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self.status.setText("Stopping the sync…")
            self._worker.cancel()

    def wait(self, ms: int = 30_000) -> bool:
        """Block until the sync thread ends (closing the window, tests)."""
        return self._worker.wait(ms) if self._worker is not None else True

    # -- worker signals -------------------------------------------------------------
    def _feed_done(self, report: FeedReport, done: int, total: int) -> None:
        self.reports.append(report)
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(f"Syncing: {done} of {total} blogs")
        self.details.setEnabled(True)

    def _end(self, text: str, report: SyncReport | None = None) -> None:
        """The sync is over: the bar says how, and the pages learn what it changed."""
        warmup.release_full_collections()
        self._worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self.sync_button.setEnabled(True)
        self.status.setText(text)
        self._context.write_ended(changes.of_sync(report), None)

    def _synced(self, report: SyncReport) -> None:
        self.last_report = report
        when = format_time(datetime.now().astimezone())
        self._end(summary_line(report, when), report)
        self.details.setEnabled(bool(self.reports))
        if not self._online_known:
            self.set_online(_looks_online(report))
        self.finished.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._end(f"The sync stopped: {error}. Your posts are safe; try Sync now again.")

    def _cancelled(self) -> None:
        self._end("Sync cancelled. Everything fetched so far is kept.")

    # -- online indicator -----------------------------------------------------------
    def watch_network(self) -> None:
        """Follow the system's online state where Qt can read it (after the first paint)."""
        try:
            from PySide6.QtNetwork import QNetworkInformation

            if not QNetworkInformation.loadDefaultBackend():
                return
            info: QNetworkInformation | None = QNetworkInformation.instance()
        except Exception:  # no backend on this system: the last sync's outcome is used
            log.info("No network-information backend; using sync results", exc_info=True)
            return
        if info is None:
            return
        online = QNetworkInformation.Reachability.Online

        def changed(reachability: QNetworkInformation.Reachability) -> None:
            if reachability == QNetworkInformation.Reachability.Unknown:
                return
            self._online_known = True
            self.set_online(reachability == online)

        info.reachabilityChanged.connect(changed)
        changed(info.reachability())

    def set_online(self, online: bool | None) -> None:
        if online is None:
            self.online.setText("")
            self.online.setToolTip("")
            return
        word = "Online" if online else "Offline: showing what was synced"
        self.online.setPixmap(icon("online" if online else "offline").pixmap(14, 14))
        self.online.setToolTip(word)
        self.online.setAccessibleName(f"Connection: {word}")

    def show_details(self) -> QDialog:
        media = self.last_report.media_errors if self.last_report else []
        dialog = SyncDetails(self.reports, self._context.school_names, self, media=media)
        dialog.open()
        return dialog


def _looks_online(report: SyncReport) -> bool:
    """Every feed failing without an HTTP answer means we could not reach the internet."""
    return not report.feeds or any(f.http_status is not None for f in report.feeds)


class SyncDetails(QDialog):
    def __init__(
        self,
        reports: list[FeedReport],
        names: dict[str, str],
        parent: QObject | None = None,
        *,
        media: list[ItemError] | None = None,
    ) -> None:
        super().__init__(parent if isinstance(parent, QWidget) else None)
        self.setWindowTitle("How each partner blog synced")
        self.resize(640, 380)
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Partner blogs and their sync outcome")
        failed_first = sorted(reports, key=lambda r: r.status not in ("error", "gone"))
        self.list.addItems([feed_line(r, names) for r in failed_first])
        self.list.addItems([media_line(error, names) for error in media or []])
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


__all__ = ["SyncBar", "SyncDetails", "feed_line", "media_line", "summary_line"]
