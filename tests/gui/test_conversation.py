"""The conversation under a post: threaded in the reader, read marks set, reply by reply in Present."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlmodel import col, select

from kaizen_exchange.conversations.models import Comment
from kaizen_exchange.conversations.reading import list_comments
from kaizen_exchange.gui.main_window import PARTNER_WORK
from kaizen_exchange.gui.pages.partner_work import PartnerWorkPage
from kaizen_exchange.gui.pages.today import TodayPage
from kaizen_exchange.gui.reader import INDENT_PX
from kaizen_exchange.operations.conversations import mark_comments_read
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Post
from tests.helpers.window import open_window

GUID = "https://wattle.example/?p=7"
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
LONG = "<p>" + "We went outside and measured the puddles again. " * 12 + "</p>"


def _converse(store: Store, post_id: int, replies: int = 6) -> None:
    """A question, an answer to it, a reply to the answer, then more answers to the post."""
    rows = [
        ("Wattle Creek Year 4", None, "<p>What is winter like for you?</p>"),
        ("Greenfield Willow Class", 1, "<p>Cold and wet!</p>" + LONG),
        ("Wattle Creek Year 4", 2, "<p>Brr! It is 30 degrees here.</p>"),
    ] + [(f"Class {n}", None, f"<p>Answer {n}</p>" + LONG) for n in range(4, replies + 1)]
    with store.session() as session:
        for number, (author, parent, html) in enumerate(rows, 1):
            session.add(
                Comment(
                    post_id=post_id,
                    identity=f"{GUID}#comment-{number}",
                    parent_ref=f"{GUID}#comment-{parent}" if parent else None,
                    author=author,
                    published=AT + timedelta(minutes=number),
                    html=html,
                    text=html,
                )
            )


def _open_first(qtbot, store, settings) -> PartnerWorkPage:
    window = open_window(qtbot, store, settings, page=PARTNER_WORK)
    page = window.page(PARTNER_WORK)
    assert isinstance(page, PartnerWorkPage)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.ui.postTable.selectRow(0)
    qtbot.waitUntil(lambda: page.ui.reader.loaded is not None)
    return page


def test_the_thread_is_under_the_post_replies_indented_and_then_read(qtbot, filled_store, settings):
    first = 1  # the newest post of the filled store (row 0)
    _converse(filled_store, first, replies=4)
    assert len(list_comments(filled_store, unread=True)) == 4
    page = _open_first(qtbot, filled_store, settings)
    assert page.ui.reader.loaded.detail.id == first
    text = page.ui.reader.toPlainText()
    assert "Conversation (4)" in text
    order = [text.index(s) for s in ("winter like", "Cold and wet", "30 degrees", "Answer 4")]
    assert order == sorted(order), text
    shown = page.ui.reader.toHtml()
    assert f"margin-left:{2 * INDENT_PX}px" in shown  # the reply to the answer, two levels in
    qtbot.waitUntil(lambda: list_comments(filled_store, unread=True) == [])


def test_present_mode_moves_reply_by_reply_with_the_arrow_keys(qtbot, filled_store, settings):
    _converse(filled_store, 1, replies=8)
    page = _open_first(qtbot, filled_store, settings)
    page.present()
    present = page.present_window
    assert present is not None
    qtbot.waitExposed(present)
    qtbot.waitUntil(lambda: present.browser.loaded is not None and present._reply_tops() != [])
    tops = present._reply_tops()
    assert len(tops) == 8 and tops == sorted(tops)
    bar = present.browser.verticalScrollBar()
    reached = []
    for _ in range(200):
        qtbot.keyClick(present, Qt.Key.Key_Down)
        if bar.value() in tops and bar.value() not in reached:
            reached.append(bar.value())
        if bar.value() >= bar.maximum():
            break
    reachable = [t for t in tops if t <= bar.maximum()]
    assert reached == reachable, (reached, tops, bar.maximum())  # every reply, in order
    qtbot.keyClick(present, Qt.Key.Key_Up)
    assert bar.value() < bar.maximum()
    qtbot.keyClick(present, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not present.isVisible())


def test_today_lists_new_replies_to_our_posts_first_until_they_are_read(
    qtbot, filled_store, settings
):
    with filled_store.session() as session:
        ours = session.exec(
            select(Post).where(Post.school_id == "greenfield").order_by(col(Post.id))
        ).first()
        partners = session.exec(
            select(Post).where(Post.school_id != "greenfield").order_by(col(Post.id))
        ).first()
        assert ours is not None and partners is not None
        our_post, their_post, our_title = ours.id, partners.id, ours.title
    _converse(filled_store, their_post, replies=3)  # newer comments, but on a partner's post
    with filled_store.session() as session:
        session.add(
            Comment(
                post_id=our_post,
                identity="https://greenfield.example/?p=1#comment-99",
                author="Wattle Creek Year 4",
                published=AT,
                html="<p>Our answer: it is hot!</p>",
                text="Our answer: it is hot!",
            )
        )
    window = open_window(qtbot, filled_store, settings, page=0)
    today = window.page(0)
    assert isinstance(today, TodayPage)
    qtbot.waitUntil(lambda: today.replies.isVisible())

    def shown() -> list[str]:  # not the last refresh's lines, hidden and going
        return [
            label.text()
            for label in today.replies.findChildren(QLabel)
            if "<b>" in label.text() and label.isVisibleTo(today)
        ]

    qtbot.waitUntil(lambda: len(shown()) == 4)  # our post's reply and the partner's three
    lines = shown()
    assert "answered your post" in lines[0] and our_title in lines[0], lines
    done = mark_comments_read(filled_store, [c.id for c in list_comments(filled_store)], [our_post])
    today.context.apply(done.changes)  # as run_op does after a write
    qtbot.waitUntil(lambda: not today.replies.isVisible())
