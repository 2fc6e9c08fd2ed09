"""Waiting for approval: what a pupil forum sent to the school blog, for a teacher to
publish or send back with a note.

A Contributor account (the pupil forum's PC) can only send posts as *pending*; WordPress
keeps them until someone who may publish looks. This dialog is that look, from the app:
each step asks the blog through the school's account, off the GUI thread
(``operations.approval``, the same steps as ``share pending|approve|return``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.look import set_role
from kaizen_exchange.gui.share_publish import ask_blog_password, blog_problem
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.operations import approval as ops
from kaizen_exchange.wording import plural

if TYPE_CHECKING:
    from kaizen_exchange.publishing.approval import PendingPost

POST_ROLE = Qt.ItemDataRole.UserRole + 7  # the post's number on the blog


def pending_label(post: PendingPost) -> str:
    when = post.date[:16].replace("T", " ")
    by = f" by {post.author}" if post.author else ""
    return f"{post.title}{by} · sent {when} (UTC)"


class ApprovalDialog(QDialog):
    """The school blog's posts waiting for approval, with Approve and Send back."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.posts: list[PendingPost] = []
        self._password: str | None = None  # given once when this PC's keyring keeps none
        self._said = ""  # what the last answer did, kept above the refreshed list's count
        self.setWindowTitle("Waiting for approval")
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Posts the pupil forum (or another Contributor) sent to the school blog. They "
            "are not public until a teacher approves them."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.listing = QListWidget()
        self.listing.setAccessibleName("Posts waiting for approval")
        self.listing.currentRowChanged.connect(lambda _row: self._enable())
        layout.addWidget(self.listing, 1)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        set_role(self.status, "muted")
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.approve_button = self._button(buttons, "&Approve and publish", self.approve_chosen)
        self.return_button = self._button(buttons, "&Send back with a note…", self.return_chosen)
        self.open_button = self._button(buttons, "&Open on the blog", self.open_chosen)
        self.refresh_button = self._button(buttons, "&Refresh", self.refresh)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._enable()
        self.refresh()

    def _button(self, box: QDialogButtonBox, text: str, slot: Callable[[], None]) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def _enable(self, busy: bool = False) -> None:
        chosen = self.chosen() is not None
        for button in (self.approve_button, self.return_button, self.open_button):
            button.setEnabled(chosen and not busy)
        self.refresh_button.setEnabled(not busy)

    def chosen(self) -> PendingPost | None:
        row = self.listing.currentRow()
        return self.posts[row] if 0 <= row < len(self.posts) else None

    # -- asking the blog ------------------------------------------------------------
    def _ask(self, work: Callable[[Any], Any], done: Callable[[Any], None], doing: str) -> None:
        """Run ``work(ask)`` off the GUI thread; a missing password is asked for once."""
        self.status.setText(doing)
        self._enable(busy=True)
        given = self._password
        ask = (lambda _prompt: given) if given else None
        run_task(
            lambda: work(ask),
            lambda result: self._answered(done, result),
            lambda exc: self._failed(exc, work, done, doing),
            owner=self,
        )

    def _answered(self, done: Callable[[Any], None], result: Any) -> None:
        self._enable()
        done(result)

    def _failed(
        self,
        error: BaseException,
        work: Callable[[Any], Any],
        done: Callable[[Any], None],
        doing: str,
    ) -> None:
        self._enable()
        if type(error).__name__ == "NoPassword" and self._password is None:
            password = ask_blog_password(self, "to look at the waiting posts")
            if password:
                self._password = password
                self._ask(work, done, doing)
                return
        self.status.setText(blog_problem(error))

    def refresh(self) -> None:
        store = self.context.store
        self._ask(lambda ask: ops.waiting(store, ask), self._show, "Asking the school blog…")

    def _show(self, posts: list[PendingPost]) -> None:
        self.posts = posts
        self.listing.clear()
        for post in posts:
            item = QListWidgetItem(pending_label(post))
            item.setData(POST_ROLE, post.id)
            self.listing.addItem(item)
        if posts:
            self.listing.setCurrentRow(0)
            count = f"{plural(len(posts), 'post')} waiting for approval."
        else:
            count = "Nothing is waiting for approval on the school blog."
        self.status.setText(f"{self._said} {count}".strip())
        self._said = ""
        self._enable()

    # -- the teacher's answers ------------------------------------------------------
    def approve_chosen(self) -> None:
        post = self.chosen()
        if post is None:
            return
        store = self.context.store
        self._ask(
            lambda ask: ops.approve(store, post.id, ask).result,
            lambda link: self._then_refresh(f"Published “{post.title}”: {link}"),
            f"Publishing “{post.title}”…",
        )

    def return_chosen(self, note: str | None = None) -> None:
        post = self.chosen()
        if post is None:
            return
        if note is None:
            note, ok = QInputDialog.getMultiLineText(
                self,
                "Send back",
                f"What should the pupils change in “{post.title}”?\n"
                "Your note goes at the top of their draft on the blog.",
            )
            if not ok:
                return
        if not note.strip():
            self.status.setText("Write a note that says what to change, then send it back.")
            return
        store, text = self.context.store, note
        self._ask(
            lambda ask: ops.send_back(store, post.id, text, ask),
            lambda _none: self._then_refresh(
                f"Sent back “{post.title}”: a draft again on the blog, with your note."
            ),
            f"Sending back “{post.title}”…",
        )

    def open_chosen(self) -> None:
        post = self.chosen()
        if post is not None and post.link:
            QDesktopServices.openUrl(QUrl(post.link))

    def _then_refresh(self, said: str) -> None:
        self._said = said
        self.refresh()


__all__ = ["ApprovalDialog", "pending_label"]
