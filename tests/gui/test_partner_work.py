"""Partner work: the lazy list, filters, search as you type, the offline reader, present mode."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from kaizen_exchange.gui.main_window import PARTNER_WORK
from kaizen_exchange.gui.models.posts import PAGE, TITLE
from kaizen_exchange.gui.pages.partner_work import PartnerWorkPage
from kaizen_exchange.reading.posts import get_post
from tests.helpers.window import drain, open_window


def work_page(qtbot, store, settings) -> PartnerWorkPage:
    window = open_window(qtbot, store, settings, page=PARTNER_WORK)
    page = window.page(PARTNER_WORK)
    assert isinstance(page, PartnerWorkPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def titles(page: PartnerWorkPage) -> list[str]:
    model = page.model
    return [model.index(r, TITLE).data() for r in range(model.rowCount())]


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"the window tried to use the network: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_list_loads_a_page_at_a_time(qtbot, filled_store, settings):
    page = work_page(qtbot, filled_store, settings)
    assert page.model.rowCount() == PAGE
    assert page.model.canFetchMore()
    page.ui.postTable.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 300)
    drain(qtbot)
    assert not page.model.canFetchMore()
    assert page.ui.countLabel.text() == "300 posts"


def test_search_as_you_type_changes_the_list(qtbot, filled_store, settings):
    page = work_page(qtbot, filled_store, settings)
    qtbot.keyClicks(page.ui.searchEdit, "volc")  # a prefix is enough
    qtbot.waitUntil(lambda: page.model.filter.search == "volc" and not page.model.loading)
    found = titles(page)
    assert found and all("volcanoes" in t for t in found)
    assert len(found) == 50
    page.ui.searchEdit.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == PAGE)


def test_filters_by_school_tag_and_unread(qtbot, filled_store, settings):
    page = work_page(qtbot, filled_store, settings)
    combo = page.ui.schoolCombo
    combo.setCurrentIndex(combo.findData("karri-grove"))
    qtbot.waitUntil(lambda: page.model.filter.school == "karri-grove" and not page.model.loading)
    assert {page.model.post_at(r).school for r in range(page.model.rowCount())} == {"karri-grove"}
    page.ui.tagCombo.setCurrentIndex(page.ui.tagCombo.findData("reflective"))
    page.ui.unreadCheck.setChecked(True)
    qtbot.waitUntil(lambda: page.model.filter.unread and not page.model.loading)
    posts = [page.model.post_at(r) for r in range(page.model.rowCount())]
    assert posts
    assert all(p.school == "karri-grove" and "reflective" in p.categories for p in posts)
    assert not any(p.read for p in posts)


def test_reader_shows_cached_pictures_with_the_network_off(
    qtbot, filled_store, settings, no_network
):
    page = work_page(qtbot, filled_store, settings)
    page.ui.postTable.selectRow(0)
    qtbot.waitUntil(lambda: page.ui.reader.loaded is not None)
    reader = page.ui.reader
    loaded = reader.loaded
    assert loaded is not None and len(loaded.images) == 1
    (url,) = loaded.images
    assert url.startswith("file://")
    assert f'src="{url}"' in reader.toHtml()
    image = reader.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(url))
    assert image is not None and not image.isNull()
    assert reader.refused == []
    # A picture never downloaded is described, not fetched, and the web is refused.
    refused = reader.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("https://example.org/a.png")
    )
    assert refused is None and reader.refused == ["https://example.org/a.png"]
    assert get_post(filled_store, loaded.detail.id).read  # opening it marked it read


def test_uncached_picture_becomes_its_description(qtbot, filled_store, settings, no_network):
    from kaizen_exchange.store.models import Post

    with filled_store.session() as session:
        post = session.get_one(Post, 300)  # the oldest: no cached picture
        post.html = '<p>Look:</p><img src="https://example.org/garden.jpg" alt="our garden">'
    page = work_page(qtbot, filled_store, settings)
    page.ui.postTable.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 300)
    page.ui.postTable.selectRow(299)
    qtbot.waitUntil(lambda: page.ui.reader.loaded is not None)
    text = page.ui.reader.toPlainText()
    assert "[our garden — not downloaded yet]" in text
    assert "example.org" not in page.ui.reader.toHtml()


def test_present_mode_moves_with_arrow_keys_and_esc_leaves(qtbot, filled_store, settings):
    page = work_page(qtbot, filled_store, settings)
    page.ui.postTable.selectRow(2)
    qtbot.waitUntil(lambda: page.ui.reader.loaded is not None)
    page.present()
    present = page.present_window
    assert present is not None
    qtbot.waitExposed(present)
    assert present.isFullScreen()
    qtbot.waitUntil(lambda: present.browser.loaded is not None)
    assert present.browser.font().pointSizeF() >= 1.9 * QApplication.font().pointSizeF()
    qtbot.keyClick(present, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: present.browser.loaded.detail.id == page.model.post_at(3).id)
    assert "Post 4 of 200+" in present.footer.text()
    qtbot.keyClick(present, Qt.Key.Key_Left)
    qtbot.keyClick(present, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: present.row == 1)
    assert page.ui.postTable.currentIndex().row() == 1  # the list follows
    qtbot.keyClick(present, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not present.isVisible())


def test_pin_for_lesson_is_stored(qtbot, filled_store, settings):
    page = work_page(qtbot, filled_store, settings)
    page.ui.postTable.selectRow(0)
    qtbot.waitUntil(lambda: page.ui.pinButton.isEnabled())
    post_id = page.ui.reader.loaded.detail.id
    qtbot.mouseClick(page.ui.pinButton, Qt.MouseButton.LeftButton)
    drain(qtbot)
    assert get_post(filled_store, post_id).pinned
    assert page.ui.pinButton.text() == "Pinned for lesson"


def test_controls_have_accessible_names(qtbot, filled_store, settings):
    page = work_page(qtbot, filled_store, settings)
    for widget in (
        page.ui.searchEdit,
        page.ui.schoolCombo,
        page.ui.tagCombo,
        page.ui.unreadCheck,
        page.ui.postTable,
        page.ui.presentButton,
        page.ui.pinButton,
        page.ui.reader,
    ):
        assert widget.accessibleName(), widget.objectName()


def test_one_or_two_letters_wait_for_more_or_enter(qtbot, filled_store, settings):
    page = work_page(qtbot, filled_store, settings)
    qtbot.keyClicks(page.ui.searchEdit, "vo")
    qtbot.wait(300)
    assert page.model.filter.search == ""  # nearly every post matches two letters
    assert "more letters" in page.ui.countLabel.text()
    qtbot.keyClick(page.ui.searchEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.model.filter.search == "vo" and not page.model.loading)
    assert page.model.rowCount() == 50
