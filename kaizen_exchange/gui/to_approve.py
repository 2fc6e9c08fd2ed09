"""Today's "To approve": the comments our own blog holds, each with its findings and
Approve / Spam / Bin in one click, and the count in the card's heading.

Asked of the blog through the school's account (an Editor or Administrator), with the
password kept in the keyring: the window never prompts for it here, and the card
stays hidden when there is no account, no kept password, or a role that may not
moderate. The blog is asked when Today is first shown and then at most every few
minutes (a sync, a moderation here), not at every glance at the page.
"""

from __future__ import annotations

import html
import logging
import time

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kaizen_exchange.conversations.moderation import PendingComment, waiting_on_our_blog
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.pages.base import show_error
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations.conversations import moderate_comment

log = logging.getLogger(__name__)

ASK_EVERY_S = 300
SHOWN = 5
BUTTONS = (("approve", "Approve"), ("spam", "Spam"), ("trash", "Bin"))


#: How a finding is introduced under a partner's comment (words, not symbols: every font has them).
SAID = {"block": "Found", "warn": "Check"}


def comment_html(comment: PendingComment) -> str:
    """The comment with each finding's words highlighted, and what was found under it."""
    text = comment.text
    spans = sorted(
        (int(f.where["start"]), int(f.where["end"]), f.severity)
        for f in comment.findings
        if f.where.get("field") == "text" and isinstance(f.where.get("start"), int)
    )
    parts, at = [], 0
    for start, end, severity in spans:
        if start < at:
            continue
        colour = "#f4c7c3" if severity == "block" else "#fbe8b0"
        parts.append(html.escape(text[at:start]))
        parts.append(f"<span style='background:{colour}'>{html.escape(text[start:end])}</span>")
        at = end
    parts.append(html.escape(text[at:]))
    found = "".join(
        f"<br><span style='color:#8a1c1c'><b>{SAID[f.severity]}:</b> {html.escape(f.detail)}</span>"
        for f in comment.findings
    )
    return (
        f"<b>{html.escape(comment.author)}</b> on “{html.escape(comment.post_title)}”:<br>"
        + "".join(parts)
        + found
    )


class ToApprove:
    """Fills a Today card (``card``: Today's Card) with the blog's waiting comments."""

    def __init__(self, context: AppContext, card: object, owner: QWidget) -> None:
        from kaizen_exchange.gui.pages.today import Card

        assert isinstance(card, Card)
        self.context, self.card, self.owner = context, card, owner
        self.pending: list[PendingComment] = []
        self.buttons: dict[tuple[int, str], QPushButton] = {}  # (comment id, action)
        self._asked_at = 0.0
        self.card.hide()

    def refresh(self, *, force: bool = False) -> None:
        if not force and time.monotonic() - self._asked_at < ASK_EVERY_S:
            return
        self._asked_at = time.monotonic()
        store = self.context.store
        run_task(lambda: waiting_on_our_blog(store), self._show, self._not_asked, owner=self.owner)

    def _not_asked(self, error: BaseException) -> None:
        log.info("the blog's waiting comments could not be asked: %s", error)
        self._asked_at = 0.0  # asked again next time Today is shown

    def _show(self, pending: list[PendingComment] | None) -> None:
        self.pending = pending or []
        self.card.clear()
        self.buttons = {}
        self.card.setVisible(pending is not None and bool(pending))
        self.card.set_title(f"To approve ({len(self.pending)})")
        for comment in self.pending[:SHOWN]:
            self.card.add(self._row(comment))
        if len(self.pending) > SHOWN:
            self.card.add(
                QLabel("… and more in WordPress (Comments in the dashboard).", self.owner)
            )

    def _row(self, comment: PendingComment) -> QWidget:
        row = QWidget(self.owner)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        label = QLabel(comment_html(comment), row)
        label.setWordWrap(True)
        layout.addWidget(label, 1)
        for action, text in BUTTONS:
            button = QPushButton(text, row)
            button.setAccessibleName(f"{text}: comment by {comment.author}")
            button.clicked.connect(lambda _=False, c=comment.id, a=action: self.moderate(c, a))
            layout.addWidget(button)
            self.buttons[(comment.id, action)] = button
        return row

    def moderate(self, comment_id: int, action: str) -> None:
        store = self.context.store
        run_op(
            self.context,
            lambda: moderate_comment(store, comment_id, action),
            lambda said: self._moderated(comment_id, said),
            lambda exc: show_error(self.owner, "The comment could not be changed", exc),
            owner=self.owner,
        )

    def _moderated(self, comment_id: int, said: str) -> None:
        self.context.say(said)
        self._show([c for c in self.pending if c.id != comment_id])


__all__ = ["ToApprove", "comment_html"]
