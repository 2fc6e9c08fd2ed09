"""Add a partner blog: a blog the network already has is refused by name; Return finds (issue 10).

Seen: the same blog added under a new name showed every post twice, and pressing
Return in the address field left a red "Find the blog's feed first" beside the
success message.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kaizen_exchange.gui.main_window import PARTNERS
from kaizen_exchange.gui.pages.partners import PartnersPage
from kaizen_exchange.network.file import NetworkSpec, SchoolSpec
from kaizen_exchange.network.store import import_network
from kaizen_exchange.store.models import School
from tests.helpers.window import open_window
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import html_page, rss, wordpress_items


def serve_blog(server: FeedServer) -> None:
    head = '<link rel="alternate" type="application/rss+xml" title="Posts" href="/blog/feed/">'
    server.page("/blog/", html_page("Banksia Class blog", head))
    server.feed(
        "/blog/feed/",
        rss(wordpress_items(server.base_url, "Banksia", 4), title="Banksia Primary School"),
    )


def open_dialog(qtbot, store, settings):
    window = open_window(qtbot, store, settings, page=PARTNERS)
    page = window.page(PARTNERS)
    assert isinstance(page, PartnersPage)
    dialog = page.add_partner()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_blog_the_network_has_is_refused_naming_the_school(qtbot, filled_store, settings):
    with FeedServer() as server:
        serve_blog(server)
        banksia = SchoolSpec(
            id="banksia",
            name="Banksia Primary",
            country="AU",
            timezone="Australia/Perth",
            feeds=[server.url("/blog/feed/")],
        )
        import_network(filled_store, NetworkSpec(name="Test", schools=[banksia]))
        dialog = open_dialog(qtbot, filled_store, settings)
        dialog.ui.urlEdit.setText(server.url("/blog/"))
        dialog.find_feed()
        qtbot.waitUntil(dialog.ui.errorLabel.isVisible, timeout=10_000)
    assert "Banksia Primary already has this blog" in dialog.ui.errorLabel.text()
    dialog.ui.nameEdit.setText("Banksia Juniors")
    dialog.save()  # nothing found that may be saved
    assert dialog.isVisible() and dialog.ui.errorLabel.isVisible()
    with filled_store.session() as session:
        assert session.get(School, "banksia-juniors") is None


def test_return_in_the_address_finds_the_feed_without_a_red_error(qtbot, filled_store, settings):
    with FeedServer() as server:
        serve_blog(server)
        dialog = open_dialog(qtbot, filled_store, settings)
        dialog.ui.urlEdit.setFocus()
        dialog.ui.urlEdit.setText(server.url("/blog/"))
        QTest.keyClick(dialog.ui.urlEdit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.discovered is not None, timeout=10_000)
    assert dialog.isVisible()  # Return found the feed; it did not try to save
    assert "4 posts" in dialog.ui.findStatus.text()
    assert not dialog.ui.errorLabel.isVisible(), dialog.ui.errorLabel.text()
