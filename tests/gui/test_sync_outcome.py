"""After a sync the bar says, in one line, what came and what failed; Details names each."""

from __future__ import annotations

from kaizen_exchange.feeds.report import SyncReport
from kaizen_exchange.gui.sync_bar import SyncDetails, summary_line
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from tests.helpers.window import close_windows, open_window
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import Item, rss

NETWORK = """[network]
name = "Test"

[[schools]]
id = "wattle"
name = "Wattle Creek"
country = "AU"
timezone = "Australia/Sydney"
feeds = ["{url}"]
"""


def test_a_picture_that_failed_is_named_in_the_bar_and_the_details(qtbot, empty_store, settings):
    with FeedServer() as server:
        missing = server.url("/uploads/gone.jpg")  # nothing served there: 404
        post = Item(
            title="Our frog pond",
            link=server.url("/frog-pond/"),
            guid=server.url("/?p=7"),
            content=f'<p>Look!</p><img src="{missing}" alt="The pond">',
        )
        url = server.feed("/feed/", rss([post]))
        import_network(empty_store, parse_network(NETWORK.format(url=url)))
        window = open_window(qtbot, empty_store, settings)
        bar = window.sync_bar
        with qtbot.waitSignal(bar.finished, timeout=20_000):
            bar.start()
        status = bar.status.text()
        assert "1 new post" in status and "1 new posts" not in status
        assert "1 picture or file to try again later" in status
        dialog = bar.show_details()
        assert isinstance(dialog, SyncDetails)
        lines = [dialog.list.item(row).text() for row in range(dialog.list.count())]
        assert any("Our frog pond" in line and "Wattle Creek" in line for line in lines), lines
        dialog.close()
        close_windows()


def test_before_any_partner_the_bar_says_what_to_do(qtbot, empty_store, settings):
    window = open_window(qtbot, empty_store, settings)
    bar = window.sync_bar
    with qtbot.waitSignal(bar.finished, timeout=20_000):
        bar.start()
    assert bar.status.text() == (
        "Nothing to sync yet: add a partner school's blog on the Partners page."
    )
    assert "Synced" not in summary_line(bar.last_report or _never(), "09:00")
    close_windows()


def _never() -> SyncReport:
    raise AssertionError("the sync should have reported")
