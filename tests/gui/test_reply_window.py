"""The Reply dialog of the reader: findings as the class types, a named override, the state after.

The partner's blog is an address where nothing listens (a closed port on 127.0.0.1),
so sending finds no blog: the reply is queued and the thread says so.
"""

from __future__ import annotations

import socket

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from kaizen_exchange.conversations.models import Reply
from kaizen_exchange.gui.main_window import PARTNER_WORK
from kaizen_exchange.gui.pages.partner_work import PartnerWorkPage
from kaizen_exchange.gui.reply_dialog import ReplyDialog
from kaizen_exchange.sharing.models import RosterPupil
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, Post, School
from tests.helpers.window import open_window


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _partner_nowhere(store: Store, post_id: int) -> None:
    """Our school signs with an e-mail; the post's blog is on a port nothing listens on."""
    blog = f"http://127.0.0.1:{_closed_port()}"
    with store.session() as session:
        for school in session.exec(select(School)).all():
            school.home, school.email = school.id == "greenfield", "office@greenfield.example"
            session.add(school)
        post = session.get(Post, post_id)
        assert post is not None
        post.guid, post.url = f"{blog}/?p=7", f"{blog}/2026/03/winter/"
        feed = session.get(Feed, post.feed_id)
        assert feed is not None
        feed.site_url = blog
        session.add_all([post, feed])
        session.add(
            RosterPupil(
                class_name="Willow Class",
                first_name="Amelia",
                last_name="Hartley",
                photo_consent=True,
                name_consent=True,
            )
        )


def test_reply_shows_a_blocking_finding_until_named_then_says_it_is_queued(
    qtbot, filled_store, settings
):
    _partner_nowhere(filled_store, 1)
    window = open_window(qtbot, filled_store, settings, page=PARTNER_WORK)
    page = window.page(PARTNER_WORK)
    assert isinstance(page, PartnerWorkPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.ui.postTable.selectRow(0)
    qtbot.waitUntil(lambda: page.ui.reader.loaded is not None)
    assert page.ui.reader.loaded.detail.id == 1
    assert "Reply to this post" in page.ui.reader.toPlainText()

    page.ui.reader.anchorClicked.emit(QUrl("kx-reply:0"))  # the "Reply to this post" link
    dialog = page.reply_dialog
    assert isinstance(dialog, ReplyDialog)
    qtbot.waitUntil(lambda: dialog.class_box.currentText() == "Willow Class")
    dialog.editor.setPlainText("Amelia Hartley says it snowed here yesterday!")
    qtbot.waitUntil(lambda: "Hartley" in dialog.findings_label.text())
    assert not dialog.send_button.isEnabled()  # blocked until fixed or named
    (confirm,) = dialog.overrides.values()
    assert "‘Hartley’" in confirm.text() and "surname" in confirm.text()

    dialog.editor.setPlainText("Amelia says it snowed here yesterday!")  # fixed: nothing to name
    qtbot.waitUntil(lambda: dialog.findings_label.text() == "")
    assert dialog.overrides == {} and dialog.send_button.isEnabled()
    dialog.editor.setPlainText("Amelia Hartley says it snowed here yesterday!")
    qtbot.waitUntil(lambda: len(dialog.overrides) == 1)
    next(iter(dialog.overrides.values())).setChecked(True)  # named: "I have checked"
    assert dialog.send_button.isEnabled()

    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    assert "cannot be reached" in dialog.state_label.text()
    assert "queued" in dialog.state_label.text()
    with filled_store.session() as session:
        (reply,) = session.exec(select(Reply)).all()
        assert (
            reply.state == "sending" and reply.author == "Willow Class, Greenfield Primary School"
        )
    qtbot.waitUntil(lambda: "our reply, not sent yet" in page.ui.reader.toPlainText())
    QApplication.processEvents()
