"""Starting the window: the QApplication, the store, the main window, first paint.

Only the page the teacher last had open is built before the first paint; the
network-state watch and the start-up sync wait until after it. ``KAIZEN_STARTUP_PROBE``
makes the app print its start-up figures as JSON and quit (used by bench/gui.py).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kaizen_exchange import APP_ID, APP_NAME, __version__
from kaizen_exchange.cli.common import EXIT_STORE
from kaizen_exchange.gui.context import AppContext, Launch
from kaizen_exchange.gui.look import icon, style_sheet
from kaizen_exchange.gui.settings import ORGANISATION, AppSettings
from kaizen_exchange.gui.store_rescue import open_store_or_rescue
from kaizen_exchange.store.db import Store

PROBE_ENV = "KAIZEN_STARTUP_PROBE"
FONT_SCALE = 1.1


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication, with our names (QSettings uses them) and our look."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(list(argv if argv is not None else sys.argv[:1]))
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setStyle("Fusion")  # the same calm look on Windows, macOS and Linux
    font = app.font()  # the system's size, a little larger: read across a classroom
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * FONT_SCALE)
        app.setFont(font)
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(icon("app"))
    return app


class _FirstPaint(QObject):
    """Calls back once the window has really been drawn (the paint event has run)."""

    def __init__(self, on_painted: Callable[[], None]) -> None:
        super().__init__()
        self._on_painted = on_painted
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            QTimer.singleShot(0, self._on_painted)
        return False


def build_window(store: Store, settings: AppSettings, launch: Launch) -> tuple[AppContext, object]:
    """The context and the main window, restored but not yet shown."""
    from kaizen_exchange.gui.main_window import MainWindow

    context = AppContext(store, settings, launch)
    window = MainWindow(context)
    window.restore()
    context.reload_schools()
    return context, window


def open_window(
    folder: Path, settings_path: Path | None = None, demo_base_url: str | None = None
) -> int:
    """Run the window on the store in ``folder`` until the teacher closes it."""
    from kaizen_exchange.gui.main_window import MainWindow
    from kaizen_exchange.gui.qtcompat import check_binding

    check_binding()  # a broken Qt binding is refused now, not discovered mid-lesson
    app = make_application()
    store = open_store_or_rescue(folder)  # a damaged store: offer to restore a backup
    if store is None:
        return EXIT_STORE
    settings = AppSettings(settings_path)
    launch = Launch(folder, demo=demo_base_url is not None, demo_base_url=demo_base_url)
    _context, window = build_window(store, settings, launch)
    assert isinstance(window, MainWindow)
    probe = Probe(window) if os.environ.get(PROBE_ENV) else None
    painted = _FirstPaint(probe.painted if probe else window.after_first_paint)
    window.installEventFilter(painted)
    window.show()
    window.activateWindow()  # the keyboard too, also in a kiosk session with no window manager
    try:
        return app.exec()
    finally:
        store.close()


class Probe(QObject):
    """Start-up figures for bench/gui.py: first paint, first rows of posts, memory; then quit.

    Times are wall-clock epochs, so the benchmark can measure from the moment it
    started the process (imports included).
    """

    def __init__(self, window: object) -> None:
        super().__init__()
        from kaizen_exchange.gui.main_window import PARTNER_WORK, MainWindow

        assert isinstance(window, MainWindow)
        self.window = window
        self.figures: dict[str, float | int | None] = {}
        self._work_page = PARTNER_WORK

    def painted(self) -> None:
        self.figures["paint_epoch"] = time.time()
        page = self.window.pages.get(self._work_page)
        model = getattr(page, "model", None)
        if model is not None and model.rowCount() == 0 and not model.exhausted:
            model.page_loaded.connect(self._rows)
            QTimer.singleShot(10_000, self._finish)
        else:
            if model is not None and model.rowCount():
                self.figures["rows_epoch"] = self.figures["paint_epoch"]  # there at first paint
            self._finish()

    def _rows(self) -> None:
        self.figures["rows_epoch"] = time.time()
        QTimer.singleShot(0, self._finish)

    def _finish(self) -> None:
        if "done" in self.figures:
            return
        self.figures["done"] = 1
        self.figures["rss_kb"] = _rss_kb()
        print(json.dumps(self.figures), flush=True)
        self.window.close()


def _rss_kb() -> int | None:
    try:
        with Path("/proc/self/status").open() as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


__all__ = ["PROBE_ENV", "Probe", "build_window", "make_application", "open_window"]
