"""The window tells the truth: after every write, from a page or another process, pages show the store."""

from __future__ import annotations

from kaizen_exchange.gui.main_window import PARTNER_WORK, PARTNERS, MainWindow
from kaizen_exchange.gui.pages.partner_work import PartnerWorkPage
from kaizen_exchange.gui.pages.partners import PartnersPage
from kaizen_exchange.gui.pages.sessions import SessionsPage
from tests.helpers.window import after_first_paint, drain, open_window

SESSIONS = 3


def sessions_page(qtbot, window: MainWindow) -> SessionsPage:
    window.show_page(SESSIONS)
    page = window.page(SESSIONS)
    assert isinstance(page, SessionsPage)
    qtbot.waitUntil(lambda: len(page.rows) >= 1)
    drain(qtbot)
    return page


def details(page: SessionsPage) -> str:
    return page.details.toPlainText()


def test_edited_session_shows_its_new_time_in_the_details(qtbot, demo_store, settings):
    from kaizen_exchange.gui.pages.session_edit import EditSessionDialog
    from tests.helpers.window import book_demo_calls

    book_demo_calls(demo_store, wanted=1)
    window = open_window(qtbot, demo_store, settings)
    page = sessions_page(qtbot, window)
    page.table.selectRow(0)
    drain(qtbot)
    old = page.rows[0].report.reports[0].local
    first = next(iter(old))
    old_text = f"{old[first]:%H:%M}"
    assert old_text in details(page)
    dialog = EditSessionDialog(window.context, page.rows[0].session, page.rows[0].schools, page)
    start = dialog.form.ui.timeEdit.time()
    dialog.form.ui.timeEdit.setTime(start.addSecs(15 * 60))
    new_text = dialog.form.ui.timeEdit.time().toString("HH:mm")
    qtbot.waitUntil(dialog.form.ui.bookButton.isEnabled)
    dialog.form.book()
    qtbot.waitUntil(lambda: new_text in details(page))
    drain(qtbot)
    assert old_text not in details(page).split("\n")[1]
    page.table.clearSelection()
    page.table.selectRow(0)
    assert new_text in details(page)


def test_cancelled_session_says_so_in_the_details(qtbot, demo_store, settings):
    from tests.helpers.window import book_demo_calls

    book_demo_calls(demo_store, wanted=1)
    window = open_window(qtbot, demo_store, settings)
    page = sessions_page(qtbot, window)
    page.table.selectRow(0)
    assert "cancelled" not in details(page)
    booked_id = page.rows[0].session.id
    assert booked_id is not None
    page.do_cancel(booked_id)
    qtbot.waitUntil(lambda: "cancelled" in details(page))
    assert "✓" not in details(page)


def test_removed_partner_leaves_partner_work(qtbot, filled_store, settings):
    window = open_window(qtbot, filled_store, settings, page=PARTNER_WORK)
    work = window.page(PARTNER_WORK)
    assert isinstance(work, PartnerWorkPage)
    qtbot.waitUntil(lambda: work.model.rowCount() > 0)
    drain(qtbot)
    gone = work.model.post_at(0).school
    window.show_page(PARTNERS)
    partners = window.page(PARTNERS)
    assert isinstance(partners, PartnersPage)
    partners.do_remove(gone)
    qtbot.waitUntil(lambda: gone not in window.context.school_names)
    window.show_page(PARTNER_WORK)
    drain(qtbot)
    schools = {work.model.post_at(r).school for r in range(work.model.rowCount())}
    assert schools and gone not in schools


def test_a_command_line_sync_shows_in_the_open_window(qtbot, empty_store, settings, monkeypatch):
    from kaizen_exchange.network.file import parse_network
    from kaizen_exchange.network.store import import_network
    from tests.integration.cli import run_cli
    from tests.servers.feed_server import FeedServer
    from tests.servers.feeds import rss, wordpress_items

    with FeedServer() as server:
        for n in range(2):
            items = rss(wordpress_items(server.base_url, f"S{n}", 5))
            url = server.feed(f"/s{n}/feed/", items)
            network = f'[[schools]]\nid = "s{n}"\nname = "School {n}"\ncountry = "GB"\n'
            network += f'timezone = "Europe/London"\nfeeds = ["{url}"]\n'
            import_network(empty_store, parse_network(network))
        window = open_window(qtbot, empty_store, settings, page=PARTNER_WORK)
        work = window.page(PARTNER_WORK)
        assert isinstance(work, PartnerWorkPage)
        after_first_paint(window, monkeypatch)
        qtbot.wait(500)
        drain(qtbot)
        assert work.model.rowCount() == 0
        assert run_cli(empty_store.folder, "sync").returncode == 0
        qtbot.waitUntil(lambda: work.model.rowCount() == 10, timeout=10_000)
        assert {s.posts for s in window.context.schools} == {5}
        assert all(f.last_success for s in window.context.schools for f in s.feeds)


def test_reading_and_pinning_posts_never_makes_the_list_jump(
    qtbot, filled_store, settings, monkeypatch
):
    """Opening a post writes (read mark, the cache's last use): the list must not be re-read."""
    from kaizen_exchange.gui.store_watch import POLL_MS

    window = open_window(qtbot, filled_store, settings, page=PARTNER_WORK)
    work = window.page(PARTNER_WORK)
    assert isinstance(work, PartnerWorkPage)
    qtbot.waitUntil(lambda: work.model.rowCount() > 0)
    after_first_paint(window, monkeypatch)
    drain(qtbot)
    resets: list[int] = []
    work.model.modelReset.connect(lambda: resets.append(1))
    for row in range(4):
        work.ui.postTable.selectRow(row)
        drain(qtbot)
    work.ui.pinButton.setChecked(True)
    drain(qtbot)
    qtbot.wait(2 * POLL_MS)
    drain(qtbot)
    assert not resets
    assert work.ui.postTable.currentIndex().row() == 3
    assert work.ui.reader.loaded is not None and work.ui.reader.loaded.detail.pinned


def test_new_posts_wait_until_the_presentation_ends(qtbot, filled_store, settings):
    """A scheduled sync during a lesson must not close the post on the whiteboard."""
    from PySide6.QtCore import Qt

    from kaizen_exchange.changes import Changes, Kind

    window = open_window(qtbot, filled_store, settings, page=PARTNER_WORK)
    work = window.page(PARTNER_WORK)
    assert isinstance(work, PartnerWorkPage)
    qtbot.waitUntil(lambda: work.model.rowCount() > 0)
    work.ui.postTable.selectRow(0)
    qtbot.waitUntil(lambda: work.ui.reader.loaded is not None)
    work.present()
    present = work.present_window
    assert present is not None
    qtbot.waitExposed(present)
    resets: list[int] = []
    work.model.modelReset.connect(lambda: resets.append(1))
    window.context.apply(Changes.of(Kind.POSTS))  # what the watcher says after a sync
    drain(qtbot)
    assert present.isVisible() and not resets
    qtbot.keyClick(present, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(resets))  # the list catches up once the lesson's post is gone
