"""The shell: pages and shortcuts, remembered window state, first run, sync and cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kaizen_exchange.feeds.report import SyncReport
from kaizen_exchange.gui.main_window import PAGES
from kaizen_exchange.gui.pages.partner_work import PartnerWorkPage
from kaizen_exchange.gui.pages.welcome import WelcomePage
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.sync_bar import SyncDetails
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.reading.posts import count_posts
from tests.helpers.window import close_windows, drain, open_window
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import rss, wordpress_items


def test_ctrl_number_shows_each_page(qtbot, filled_store, settings):
    window = open_window(qtbot, filled_store, settings, page=0)
    for number, (_module, class_name, _label, _icon) in enumerate(PAGES, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert type(window.stack.currentWidget()).__name__ == class_name
        assert window.sidebar.currentRow() == number - 1
    drain(qtbot)


def test_window_state_is_remembered(qtbot, filled_store, tmp_path):
    path = tmp_path / "prefs.ini"
    first = AppSettings(path)
    first.sync_at_start = False
    window = open_window(qtbot, filled_store, first, page=4)
    window.resize(1200, 700)
    work = window.page(1)
    assert isinstance(work, PartnerWorkPage)
    work.ui.splitter.setSizes([500, 500])
    drain(qtbot)
    window.close()
    drain(qtbot)
    again = open_window(qtbot, filled_store, AppSettings(path))
    assert again.current_index() == 4
    again.show_page(1)
    again_work = again.page(1)
    assert isinstance(again_work, PartnerWorkPage)
    sizes = again_work.ui.splitter.sizes()
    assert abs(sizes[0] - sizes[1]) <= 2


def test_empty_store_offers_the_three_ways_in(qtbot, empty_store, settings):
    window = open_window(qtbot, empty_store, settings)
    assert isinstance(window.stack.currentWidget(), WelcomePage)
    texts = {b.text() for b in window.welcome.findChildren(type(window.sync_bar.sync_button))}
    assert {"Import a network file", "Add a partner blog", "Try the demo"} <= texts


def _network(server: FeedServer, schools: int = 3) -> str:
    lines = ['[network]\nname = "Test"\n']
    for n in range(schools):
        url = server.feed(f"/s{n}/feed/", rss(wordpress_items(server.base_url, f"S{n}", 5)))
        lines.append(
            f'[[schools]]\nid = "s{n}"\nname = "School {n}"\ncountry = "GB"\n'
            f'timezone = "Europe/London"\nfeeds = ["{url}"]\n'
        )
    return "\n".join(lines)


def test_sync_runs_off_the_gui_thread_and_reports_each_feed(qtbot, empty_store, settings):
    with FeedServer() as server:
        import_network(empty_store, parse_network(_network(server)))
        window = open_window(qtbot, empty_store, settings, page=1)
        bar = window.sync_bar
        done: list[tuple[int, int]] = []
        bar._worker = None
        main = threading.main_thread()
        seen_threads = []
        original = bar._feed_done

        def spy(report, number, total):
            done.append((number, total))
            seen_threads.append(threading.current_thread() is main)
            original(report, number, total)

        bar._feed_done = spy  # type: ignore[method-assign]  # the connection is made at start(), so the spy is used
        with qtbot.waitSignal(bar.finished, timeout=20_000) as finished:
            bar.start()
            assert bar.progress.isVisible() and bar.cancel_button.isVisible()
        report = finished.args[0]
        assert isinstance(report, SyncReport) and report.errors == 0
        assert sorted(done) == [(1, 3), (2, 3), (3, 3)]
        assert all(seen_threads)  # progress is delivered on the GUI thread
        assert "15 new posts" in bar.status.text()
        assert count_posts(empty_store) == 15
        page = window.page(1)
        assert isinstance(page, PartnerWorkPage)
        qtbot.waitUntil(lambda: page.model.rowCount() == 15)
        dialog = bar.show_details()
        assert isinstance(dialog, SyncDetails)
        assert dialog.list.count() == 3
        dialog.close()
        close_windows()


def test_a_running_sync_can_be_cancelled(qtbot, empty_store, settings):
    with FeedServer() as server:
        import_network(empty_store, parse_network(_network(server, 1)))
        server.hang("/s0/feed/", seconds=60)
        window = open_window(qtbot, empty_store, settings)
        bar = window.sync_bar
        bar.start()
        qtbot.wait(300)
        with qtbot.waitSignal(bar._worker.cancelled, timeout=10_000):
            qtbot.mouseClick(bar.cancel_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not bar.running)
        assert "cancelled" in bar.status.text().lower()
        assert bar.sync_button.isEnabled()
        QApplication.processEvents()
        close_windows()


def test_sync_on_a_thread_as_well(qtbot, empty_store, settings):
    """The in-thread mode (used by frozen bundles) reports the same way."""
    from kaizen_exchange.gui.sync_worker import SyncWorker

    with FeedServer() as server:
        import_network(empty_store, parse_network(_network(server, 2)))
        worker = SyncWorker(empty_store, mode="thread")
        seen = []
        worker.feed_done.connect(lambda report, done, total: seen.append((done, total)))
        with qtbot.waitSignal(worker.synced, timeout=20_000) as synced:
            worker.start()
        worker.wait(5000)
    assert synced.args[0].new_posts == 10
    assert sorted(seen) == [(1, 2), (2, 2)]


def test_f1_opens_about_with_the_data_folder(qtbot, filled_store, settings):
    from kaizen_exchange.gui.about import AboutDialog

    window = open_window(qtbot, filled_store, settings)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog)]
    assert dialogs and dialogs[0].isVisible()
    assert dialogs[0].data_label.text() == str(filled_store.folder)
    dialogs[0].close()
