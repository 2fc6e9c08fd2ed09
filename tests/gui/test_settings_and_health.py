"""Settings persist; "empty cache" keeps pinned posts; Today names failing blogs plainly."""

from __future__ import annotations

from sqlmodel import select

from kaizen_exchange.gui.main_window import MainWindow
from kaizen_exchange.gui.pages.settings_page import SettingsPage, _hide_password
from kaizen_exchange.gui.pages.today import TodayPage
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.reading.posts import get_post, set_pinned
from kaizen_exchange.store.models import Feed
from tests.helpers.window import drain, open_window

SETTINGS = 6


def settings_page(window: MainWindow) -> SettingsPage:
    window.show_page(SETTINGS)
    page = window.page(SETTINGS)
    assert isinstance(page, SettingsPage)
    return page


def test_settings_persist_and_reach_the_sync_timer(qtbot, filled_store, tmp_path):
    path = tmp_path / "prefs.ini"
    prefs = AppSettings(path)
    prefs.sync_at_start = False
    window = open_window(qtbot, filled_store, prefs)
    page = settings_page(window)
    assert page.ui.intervalSpin.value() == 30  # the default: every 30 minutes
    page.ui.intervalSpin.setValue(45)
    page.ui.atStartCheck.setChecked(True)
    page.ui.quotaSpin.setValue(2.5)
    assert window.sync_bar.timer.interval() == 45 * 60_000
    page.set_data_folder(str(tmp_path / "elsewhere"))
    assert "next start" in page.ui.folderNote.text()
    window.close()
    again = AppSettings(path)
    assert again.sync_minutes == 45
    assert again.sync_at_start is True
    assert again.quota_bytes == 2_500_000_000
    assert again.data_folder == str(tmp_path / "elsewhere")


def test_empty_cache_keeps_pinned_posts(qtbot, filled_store, settings):
    pinned, other = 1, 2  # the two newest posts each have a cached picture
    set_pinned(filled_store, pinned, True)
    window = open_window(qtbot, filled_store, settings)
    page = settings_page(window)
    drain(qtbot)
    assert "3 files" in page.ui.usageLabel.text()
    page.do_empty_cache()
    qtbot.waitUntil(lambda: " in 1 file" in page.ui.usageLabel.text())
    assert "1 files" not in page.ui.usageLabel.text()  # issue 10: plurals
    assert get_post(filled_store, pinned).media[0].path.exists()
    assert get_post(filled_store, other).media[0].path is None


def test_connection_facts_hide_proxy_passwords():
    assert _hide_password("http://ann:secret@proxy.school:8080") == "http://proxy.school:8080"
    assert _hide_password("http://proxy.school:3128") == "http://proxy.school:3128"


def test_today_names_a_failing_blog_with_its_reason(qtbot, filled_store, settings):
    with filled_store.session() as session:
        feed = session.exec(select(Feed).where(Feed.school_id == "karri-grove")).one()
        row = session.get(Feed, feed.id)
        row.status = "error"
        row.last_error = "The server at 127.0.0.1 did not answer in time."
    window = open_window(qtbot, filled_store, settings, page=0)
    page = window.page(0)
    assert isinstance(page, TodayPage)
    drain(qtbot)
    texts = " ".join(w.text() for w in page.health.findChildren(type(page.date_label)))
    assert "Karri Grove Primary School" in texts and "did not answer in time" in texts
    news = " ".join(w.text() for w in page.news.findChildren(type(page.date_label)))
    assert "200" in news  # every partner post is new on the first run (100 are our own)
