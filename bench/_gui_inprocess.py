"""The window benchmark's in-process half: search, scrolling and the event loop during a sync.

Everything here drives the real window (offscreen unless a display is asked for)
and times what the teacher waits for: the list showing a search's rows, the next
page of posts arriving while scrolling, and the longest time the GUI thread could
not react while a 500-feed sync ran in its worker thread.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from kaizen_exchange.gui.app import build_window, make_application
from kaizen_exchange.gui.context import Launch
from kaizen_exchange.gui.main_window import PARTNER_WORK, MainWindow
from kaizen_exchange.gui.models.posts import PostFilter, PostsModel
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import wait_for_tasks
from kaizen_exchange.reading.posts import list_posts
from kaizen_exchange.store.db import Store

TICK_MS = 5


def wait_until(condition: Callable[[], bool], timeout: float = 30.0) -> bool:
    app = QApplication.instance()
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            return False
        assert app is not None
        app.processEvents()
        time.sleep(0.0005)
    return True


def open_bench_window(folder: Path, settings_path: Path) -> tuple[Store, MainWindow]:
    make_application(["bench"])
    settings = AppSettings(settings_path)
    settings.sync_at_start = False
    settings.sync_minutes = 0
    settings.last_page = PARTNER_WORK
    store = Store(folder)
    _context, window = build_window(store, settings, Launch(folder))
    assert isinstance(window, MainWindow)
    window.resize(1366, 768)
    window.show()
    return store, window


def _model(window: MainWindow) -> PostsModel:
    page = window.page(PARTNER_WORK)
    model = getattr(page, "model", None)
    assert isinstance(model, PostsModel)
    return model


def search_times(
    window: MainWindow, store: Store, queries: dict[str, str], reps: int = 5
) -> dict[str, Any]:
    """Filter → rows on screen, through the model's worker (median ms), and the bare query."""
    model = _model(window)
    wait_until(lambda: model.rowCount() > 0)
    results: dict[str, Any] = {}
    for label, words in queries.items():
        gui, core, rows = [], [], 0
        for _ in range(reps):
            model.set_filter(PostFilter())
            wait_until(lambda: not model.loading)
            loaded: list[float] = []
            model.page_loaded.connect(lambda *_a, into=loaded: into.append(time.perf_counter()))
            start = time.perf_counter()
            model.set_filter(PostFilter(search=words))
            wait_until(partial(bool, loaded))
            gui.append((loaded[0] - start) * 1000)
            model.page_loaded.disconnect()
            rows = model.rowCount()
            begin = time.perf_counter()
            list_posts(store, search=words, limit=200)
            core.append((time.perf_counter() - begin) * 1000)
        results[label] = {
            "words": words,
            "rows_shown": rows,
            "gui_ms": round(statistics.median(gui), 1),
            "core_query_ms": round(statistics.median(core), 1),
        }
    model.set_filter(PostFilter())
    wait_until(lambda: not model.loading)
    return results


def scroll_pages(window: MainWindow, pages: int = 25) -> dict[str, Any]:
    """Scroll to the bottom again and again: how long each next page of 200 takes to arrive."""
    model = _model(window)
    table = window.page(PARTNER_WORK).ui.postTable  # type: ignore[attr-defined]
    times = []
    for _ in range(pages):
        before = model.rowCount()
        start = time.perf_counter()
        table.scrollToBottom()  # the view asks the model for more, as a teacher's scroll does
        wait_until(partial(_grown, model, before))
        times.append((time.perf_counter() - start) * 1000)
    return {
        "rows_loaded": model.rowCount(),
        "page_median_ms": round(statistics.median(times), 1),
        "page_max_ms": round(max(times), 1),
    }


def _grown(model: PostsModel, before: int) -> bool:
    return model.rowCount() > before or model.exhausted


class StallMeter:
    """A 5 ms timer on the GUI thread; the longest gap between its ticks is the worst stall."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.gaps: list[int] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.gaps.append(self.clock.restart())

    def start(self) -> None:
        self.gaps = []
        self.clock.start()
        self.timer.start()

    def stop(self) -> dict[str, Any]:
        self.timer.stop()
        gaps = sorted(self.gaps) or [0]
        return {
            "max_ms": gaps[-1],
            "p99_ms": gaps[min(len(gaps) - 1, int(len(gaps) * 0.99))],
            "over_100ms": sum(g > 100 for g in gaps),
            "ticks": len(gaps),
        }


def sync_stall(
    window: MainWindow, idle_seconds: float = 2.0, timeout: float = 900.0
) -> dict[str, Any]:
    """The stall while the window's own sync runs, against the same meter left idle."""
    meter = StallMeter()
    meter.start()
    wait_until(lambda: False, idle_seconds)
    idle = meter.stop()
    reports: list[Any] = []
    window.sync_bar.finished.connect(reports.append)
    meter.start()
    start = time.perf_counter()
    window.sync_bar.start()
    finished = wait_until(lambda: bool(reports), timeout)
    seconds = time.perf_counter() - start
    busy = meter.stop()
    report = reports[0] if reports else None
    wait_for_tasks()
    return {
        "finished": finished,
        "sync_seconds": round(seconds, 1),
        "feeds": len(report.feeds) if report else None,
        "feed_errors": report.errors if report else None,
        "new_posts": report.new_posts if report else None,
        "media_fetched": report.media_fetched if report else None,
        "idle": idle,
        "during_sync": busy,
    }


__all__ = [
    "StallMeter",
    "open_bench_window",
    "scroll_pages",
    "search_times",
    "sync_stall",
    "wait_until",
]
