"""Today: the next calls with every school's clock, what partners posted since last time,
and which partner blogs are failing, with the reason in plain words.

It is the first thing a teacher sees in the morning, so it stays short: three
cards, each with the one action that follows from it.
"""

from __future__ import annotations

import html as htmllib
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.conversations.reading import ListedComment, list_comments
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.dates import format_date, post_date, relative_countdown
from kaizen_exchange.gui.look import heading, icon, muted, scaled_font, set_role
from kaizen_exchange.gui.pages.base import EVERYTHING, Page
from kaizen_exchange.gui.upcoming import times_label, upcoming_calls
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.reading.new_posts import NewPosts, new_from_partners
from kaizen_exchange.reading.schools import SchoolRow

if TYPE_CHECKING:
    from kaizen_exchange.schedule.upcoming import UpcomingCall

PLAN_CALL, PARTNER_WORK, PARTNERS = 2, 1, 4


class Card(QFrame):
    """A white panel with a heading and a body that is rebuilt on refresh."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        set_role(self, "card")
        self.setAccessibleName(title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(10)
        self.title_label = heading(title, 1.25, self)
        outer.addWidget(self.title_label)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer.addLayout(self.body)
        outer.addStretch(1)

    def set_title(self, title: str) -> None:
        self.title_label.setText(title)
        self.setAccessibleName(title)

    def clear(self) -> None:
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of the layout, it would stay drawn until deleted
                widget.deleteLater()
            elif item is not None and item.layout() is not None:
                _clear_layout(item.layout())

    def add(self, widget: QWidget) -> QWidget:
        if isinstance(widget, QPushButton):
            self.body.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        else:
            self.body.addWidget(widget)
        return widget


def _clear_layout(layout: object) -> None:
    from PySide6.QtWidgets import QLayout

    if not isinstance(layout, QLayout):
        return
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.hide()
            widget.deleteLater()


class TodayPage(Page):
    title = "Today"
    icon_name = "today"
    shows = frozenset({Kind.SCHOOLS, Kind.POSTS, Kind.SESSIONS})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(scroll)
        inner.setObjectName("page")
        column = QVBoxLayout(inner)
        column.setContentsMargins(18, 14, 18, 18)
        column.setSpacing(14)
        column.addWidget(heading("Today"))
        self.date_label = muted("", inner)
        column.addWidget(self.date_label)
        self.calls = Card("Next calls", inner)
        self.news = Card("New from your partners", inner)
        self.health = Card("Partner blogs", inner)
        self.replies = Card("New replies", inner)
        self.replies.hide()  # shown when there are some
        self.approve = Card("To approve", inner)  # comments our own blog holds
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(self.news, 3)
        row.addWidget(self.health, 2)
        column.addWidget(self.calls)
        column.addLayout(row)
        column.addWidget(self.approve)
        column.addWidget(self.replies)
        column.addStretch(1)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.upcoming: list[UpcomingCall] = []
        self._generation = 0  # answers for an older refresh are dropped
        self.countdowns: list[tuple[QLabel, UpcomingCall]] = []
        self.tick = QTimer(self)
        self.tick.timeout.connect(self._update_countdowns)
        self.tick.start(30_000)
        from kaizen_exchange.gui.to_approve import ToApprove

        self.to_approve = ToApprove(context, self.approve, self)
        self.refresh()

    def activated(self) -> None:
        self.refresh()  # every time: the date and the countdowns move on too

    def reload(self, changes: Changes = EVERYTHING) -> None:
        super().reload(changes)
        self.refresh()
        if changes.touches(Kind.SCHOOLS):  # a sync (or an account change): ask the blog again
            self.to_approve.refresh(force=True)

    def refresh(self) -> None:
        now = datetime.now(UTC)
        self.date_label.setText(format_date(now.astimezone().date()))
        store, since = self.context.store, self.context.previous_seen
        self._generation += 1
        generation = self._generation
        run_task(
            lambda: upcoming_calls(store, limit=3),
            lambda calls: self._show_calls(calls) if generation == self._generation else None,
            owner=self,
        )
        run_task(
            lambda: new_from_partners(store, since),
            lambda news: self._show_news(news) if generation == self._generation else None,
            owner=self,
        )
        run_task(
            lambda: list_comments(store, unread=True, limit=REPLIES_SHOWN + 1),
            lambda found: self._show_replies(found) if generation == self._generation else None,
            owner=self,
        )
        self._show_health()
        self.to_approve.refresh()

    # -- next calls -----------------------------------------------------------------
    def _show_calls(self, calls: list[UpcomingCall]) -> None:
        self.upcoming = calls
        self.calls.clear()
        self.countdowns = []
        if not calls:
            self.calls.add(muted("No calls booked yet. Find a time that works for both schools:"))
            self.calls.add(self._go_button("plan-call", "Plan a call", PLAN_CALL))
            return
        names = self.context.school_names
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(10)
        for number, call in enumerate(calls):
            title = QLabel(f"<b>{htmllib.escape(call.title)}</b>", self)
            with_whom = ", ".join(names.get(s, s) for s in call.schools)
            title.setToolTip(with_whom)
            when = QLabel(times_label(call), self)
            when.setFont(scaled_font(self.font(), 1.1))
            countdown = QLabel(relative_countdown(call.start), self)
            set_role(countdown, "muted")
            self.countdowns.append((countdown, call))
            join = QPushButton("Join", self)
            join.setAccessibleName(f"Join {call.title}")
            join.setEnabled(bool(call.link))
            join.setToolTip(call.link or "No meeting link: add one under Sessions.")
            join.clicked.connect(lambda _=False, link=call.link: self._join(link))
            if number == 0:
                set_role(join, "primary")
            for column, widget in enumerate((title, when, countdown, join)):
                grid.addWidget(widget, number, column)
        grid.setColumnStretch(1, 1)
        self.calls.body.addLayout(grid)

    def _join(self, link: str | None) -> None:
        if link:
            QDesktopServices.openUrl(QUrl(link))

    def _update_countdowns(self) -> None:
        for label, call in self.countdowns:
            label.setText(relative_countdown(call.start))

    # -- new posts ------------------------------------------------------------------
    def _show_news(self, news: NewPosts) -> None:
        count, newest = news.count, news.newest
        self.news.clear()
        if count == 0:
            self.news.add(muted("Nothing new since you last looked. Sync brings new posts."))
            return
        since = "since you last opened Kaizen Exchange" if self.context.previous_seen else "so far"
        self.news.add(QLabel(f"<b>{count}</b> new post{'s' if count != 1 else ''} {since}:"))
        names = self.context.school_names
        for post in newest:
            line = QLabel(
                f"{htmllib.escape(post.title)} — <span style='color:#5b6b66'>"
                f"{htmllib.escape(names.get(post.school, post.school))}, "
                f"{htmllib.escape(post_date(post.published))}</span>",
                self,
            )
            line.setWordWrap(True)
            self.news.add(line)
        self.news.add(self._go_button("partner-work", "Read them", PARTNER_WORK))

    # -- new replies ----------------------------------------------------------------
    def _show_replies(self, found: list[ListedComment]) -> None:
        """Unread comments, replies to our own posts first: the answers a class waits for."""
        self.replies.clear()
        self.replies.setVisible(bool(found))
        for comment in found[:REPLIES_SHOWN]:
            self.replies.add(wrapped(reply_line(comment), self))
        if len(found) > REPLIES_SHOWN:
            self.replies.add(muted("… and more under the posts."))
        if found:
            self.replies.add(self._go_button("partner-work", "Read them", PARTNER_WORK))

    # -- blog health ----------------------------------------------------------------
    def _show_health(self) -> None:
        self.health.clear()
        partners = self.context.partners
        if not partners:
            self.health.add(muted("No partner schools yet."))
            self.health.add(self._go_button("partners", "Add partners", PARTNERS))
        else:
            self._partner_health(partners)
        for school in self.context.our_schools:
            if school.feeds:
                self.health.add(muted(f"Our own blog ({school.name}): {_state(school)}."))

    def _partner_health(self, partners: list[SchoolRow]) -> None:
        failing = [s for s in partners if s.health == "failing"]
        waiting = [s for s in partners if s.health in ("not synced yet", "waiting")]
        fine = len(partners) - len(failing) - len(waiting)
        if fine and fine == len(partners):
            text = "The partner blog is" if fine == 1 else f"All {fine} partner blogs are"
            self.health.add(wrapped(f"{text} syncing fine.", self))
        elif fine:
            text = "1 partner blog is" if fine == 1 else f"{fine} partner blogs are"
            self.health.add(wrapped(f"{text} syncing fine.", self))
        for school in failing:
            reasons = htmllib.escape(_reasons(school))
            label = QLabel(f"<b>{htmllib.escape(school.name)}</b>: {reasons}", self)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            self.health.add(label)
        if waiting:
            names = ", ".join(s.name for s in waiting)
            self.health.add(muted(f"Not synced yet: {names}. Press Sync now to fetch them."))
        if failing:
            self.health.add(
                muted("Old posts stay readable. If a blog keeps failing, check its address.")
            )

    def _go_button(self, icon_name: str, text: str, page: int) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setAccessibleName(text)
        button.clicked.connect(lambda: self.context.navigate.emit(page))
        return button


REPLIES_SHOWN = 5


def reply_line(comment: ListedComment) -> str:
    """ "Wattle Creek Year 4 answered your post “Our winter”", or where a partner's was."""
    who, title = htmllib.escape(comment.author), htmllib.escape(comment.post_title)
    when = htmllib.escape(post_date(comment.published))
    if comment.on_our_post:
        return f"<b>{who}</b> answered your post \u201c{title}\u201d {_grey(when)}"
    where = f"({htmllib.escape(comment.school)}, {when})"
    return f"<b>{who}</b> on \u201c{title}\u201d {_grey(where)}"


def _grey(html: str) -> str:
    return f"<span style='color:#5b6b66'>{html}</span>"


def _reasons(school: SchoolRow) -> str:
    return "; ".join(sorted({f.error or f.status for f in school.feeds if f.failing}))


def _state(school: SchoolRow) -> str:
    if school.health == "failing":
        return "failing: " + _reasons(school)
    return "not synced yet" if school.health in ("not synced yet", "waiting") else "syncing fine"


def wrapped(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


__all__ = ["TodayPage"]
