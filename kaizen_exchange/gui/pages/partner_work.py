"""Partner work: the partner classes' posts, filtered and searched as you type, read offline.

The layout is the Designer form ``ui/partner_work.ui``; this module wires it to the
lazy :class:`PostsModel` and the local-only reader. Opening a post, marking it read
and pinning it all go through worker threads, so a big store never freezes the list.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QItemSelection, QObject, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.conversations.reading import flatten
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.forms.ui_partner_work import Ui_PartnerWorkPage
from kaizen_exchange.gui.look import QUALITIES, icon, scaled_font, set_role
from kaizen_exchange.gui.models.posts import (
    CLASS,
    DATE,
    QUALITY,
    SCHOOL,
    TITLE,
    UNREAD,
    PostFilter,
    PostsModel,
)
from kaizen_exchange.gui.models.quality_dots import QualityDots, quality_icon
from kaizen_exchange.gui.pages.base import EVERYTHING, Page, show_error
from kaizen_exchange.gui.places import short_school_name
from kaizen_exchange.gui.present import PresentWindow
from kaizen_exchange.gui.reader import LoadedPost, load_post
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import run_op, run_task
from kaizen_exchange.operations import posts as ops
from kaizen_exchange.operations.conversations import mark_comments_read
from kaizen_exchange.reading.posts import PostSummary

SEARCH_DELAY_MS = 120  # wait for a pause in typing before asking the index
TITLE_ROOM = 220  # pixels the title column keeps before other columns are dropped
MIN_TYPED = 3  # one or two letters match nearly every post: wait for a third (or Enter)


class PartnerWorkPage(Page):
    title = "Partner work"
    icon_name = "partner-work"
    shows = frozenset({Kind.SCHOOLS, Kind.POSTS, Kind.MEDIA})

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.ui = Ui_PartnerWorkPage()
        self.ui.setupUi(self)
        self.setObjectName("page")
        self.ui.titleLabel.setFont(scaled_font(self.font(), 1.6, bold=True))
        set_role(self.ui.titleLabel, "heading")
        self.model = PostsModel(context.store, self)
        self.present_window: PresentWindow | None = None
        self._opening = 0  # the post the reader is loading, to drop late answers
        self._keep: int | None = None  # the post to choose again once the list is re-read
        self._setup_table()
        self._setup_filters()
        self._setup_reader()
        self._fill_schools()
        self.model.reload()

    # -- setup ----------------------------------------------------------------------
    def _setup_table(self) -> None:
        table = self.ui.postTable
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 14)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(UNREAD, QHeaderView.ResizeMode.Fixed)
        metrics = table.fontMetrics()
        samples = {
            UNREAD: "●●",
            SCHOOL: "Wattle Creek",
            CLASS: "Room 12",
            DATE: "Wed 30 Sept",
            QUALITY: "Qualities",
        }
        self._widths = {c: metrics.horizontalAdvance(t) + 24 for c, t in samples.items()}
        for column, width in self._widths.items():
            table.setColumnWidth(column, width)
        table.viewport().installEventFilter(self)  # its own size: the table's lags behind
        self._dots = QualityDots(table)
        table.setItemDelegateForColumn(QUALITY, self._dots)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self.ui.reader.show_message)

    def _setup_filters(self) -> None:
        self.ui.searchEdit.addAction(
            icon("search"), self.ui.searchEdit.ActionPosition.LeadingPosition
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.ui.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        self.ui.searchEdit.returnPressed.connect(lambda: self._apply_search(force=True))
        self.ui.tagCombo.addItem("All learner qualities", None)
        for quality in QUALITIES:
            self.ui.tagCombo.addItem(quality_icon(quality), quality.capitalize(), quality)
        self.ui.schoolCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.tagCombo.currentIndexChanged.connect(self._filters_changed)
        self.ui.unreadCheck.toggled.connect(self._filters_changed)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.focus_search)

    def _setup_reader(self) -> None:
        self.ui.reader.placeholder = "Choose a post on the left to read it here."
        self.ui.reader.show_post(None)
        self.ui.presentButton.setIcon(icon("present"))
        self.ui.pinButton.setIcon(icon("pin"))
        self.ui.pinButton.setText("Pinned for lesson")  # the longer text: pinning moves nothing
        self.ui.pinButton.setMinimumWidth(self.ui.pinButton.sizeHint().width())
        self.ui.originalButton.setIcon(icon("open"))
        self.ui.presentButton.clicked.connect(self.present)
        self.ui.pinButton.toggled.connect(self._pin_toggled)
        self.ui.unreadButton.clicked.connect(self._mark_unread)
        self.ui.originalButton.clicked.connect(self._open_original)
        # "Reply" links under the post and each comment (a button would widen the bar)
        self.ui.reader.offers_replies = True
        self.ui.reader.reply_requested.connect(self.reply)
        present = QShortcut(QKeySequence("F5"), self)
        present.activated.connect(self.present)
        self._set_reader_buttons(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.ui.postTable.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return False

    def _fit_columns(self) -> None:
        """A narrow list drops the qualities, then the class, so titles stay readable."""
        table = self.ui.postTable
        room = table.viewport().width() - TITLE_ROOM
        for column in (UNREAD, SCHOOL, DATE, CLASS, QUALITY):
            width = self._widths[column]
            if column in (UNREAD, SCHOOL, DATE):
                room -= width
                continue
            fits = room >= width
            if table.isColumnHidden(column) == fits:
                table.setColumnHidden(column, not fits)
                if fits:
                    table.setColumnWidth(column, width)
            if fits:
                room -= width

    # -- filters --------------------------------------------------------------------
    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus()
        self.ui.searchEdit.selectAll()

    def _apply_search(self, force: bool = False) -> None:
        text = self.ui.searchEdit.text().strip()
        if 0 < len(text) < MIN_TYPED and not force:
            self.ui.countLabel.setText("Type a few more letters, or press Enter")
            return
        self._search_timer.stop()
        self.model.update_filter(search=text)

    def _filters_changed(self) -> None:
        self.model.set_filter(
            PostFilter(
                school=self.ui.schoolCombo.currentData(),
                search=self.model.filter.search,
                unread=self.ui.unreadCheck.isChecked(),
                tag=self.ui.tagCombo.currentData(),
            )
        )

    def _fill_schools(self) -> None:
        combo = self.ui.schoolCombo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem("All schools", None)
        partners, ours = self.context.partners, self.context.our_schools
        for school in partners:
            combo.addItem(school.name, school.id)
        if ours and partners:
            combo.insertSeparator(combo.count())
        for school in ours:  # our own blog, apart from the partners'
            combo.addItem(f"{school.name} (our school)", school.id)
        index = combo.findData(chosen)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        self.model.set_school_names(
            {k: short_school_name(v) for k, v in self.context.school_names.items()}
        )

    # -- what changed ---------------------------------------------------------------
    def needs_reload(self, changes: Changes, initiator: object | None) -> bool:
        """Read and pin marks made here are already on the row; anything else is read again."""
        return initiator is not self and super().needs_reload(changes, initiator)

    def reload(self, changes: Changes = EVERYTHING) -> None:
        if changes.touches(Kind.POSTS) and self.presenting():
            self.missed = self.missed | changes  # read after the lesson's post
            return
        super().reload(changes)
        if changes.touches(Kind.SCHOOLS):
            self._fill_schools()
        if changes.touches(Kind.POSTS):
            current = self.current_post()
            self._keep = current.id if current is not None else self._opening or None
            self.model.reload()
        elif changes.touches(Kind.MEDIA):
            self._reopen()

    def _reopen(self) -> None:
        """Show the open post again: its pictures came into the cache or left it."""
        loaded = self.ui.reader.loaded
        row = self.model.row_of(loaded.detail.id) if loaded is not None else None
        post = self.model.post_at(row) if row is not None else None
        if post is not None:
            self.open_post(post)

    def _choose_kept(self) -> None:
        """After a re-read: the same post again, or an empty reader when it has gone."""
        keep, self._keep = self._keep, None
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.ui.postTable.selectRow(row)  # opens it again: its text or pictures may be new
        elif keep is not None and self.model.exhausted:
            self._opening = 0  # it is not in the store any more: drop a late answer too
            self.ui.reader.show_post(None)
            self._set_reader_buttons(None)

    def _page_loaded(self, _generation: int, rows: int, first: bool) -> None:
        more = "" if self.model.exhausted else "+"
        self.ui.countLabel.setText(f"{rows}{more} post{'s' if rows != 1 else ''}")
        if first:
            self._choose_kept()
        if first and rows == 0:
            self.ui.reader.show_message(self._empty_text())
            self._set_reader_buttons(None)

    def _empty_text(self) -> str:
        """What to do when the list is empty: add a partner, sync, or loosen the filters."""
        if self.model.filter != PostFilter():
            return "No posts match. Clear the search box or the filters to see more."
        if not self.context.partners:
            return (
                "No partner schools yet. Add one under Partners (Add a partner blog), or "
                "import the network file a partner school sent you."
            )
        return "No posts yet. Press Sync now to fetch your partners' blogs."

    # -- reading --------------------------------------------------------------------
    def current_post(self) -> PostSummary | None:
        index = self.ui.postTable.currentIndex()
        return self.model.post_at(index.row()) if index.isValid() else None

    def _selection_changed(self, selected: QItemSelection, _old: QItemSelection) -> None:
        rows = {index.row() for index in selected.indexes()}
        post = self.model.post_at(min(rows)) if rows else None
        if post is not None:
            self.open_post(post)

    def open_post(self, post: PostSummary) -> None:
        self._opening = post.id
        store, name = self.context.store, self.context.school_names.get(post.school)
        run_task(
            lambda: load_post(store, post.id, name),
            self._post_loaded,
            lambda exc: show_error(self, "This post could not be opened", exc),
            owner=self,
        )
        if not post.read:
            run_op(self.context, lambda: ops.mark_read(store, [post.id], True), owner=self)
            row = self.model.row_of(post.id)
            if row is not None:
                self.model.set_read(row, True)

    def _post_loaded(self, loaded: LoadedPost) -> None:
        if loaded.detail.id != self._opening:
            return
        self.ui.reader.show_post(loaded)
        self._set_reader_buttons(loaded)
        unread = [c.id for c in flatten(loaded.comments) if not c.read]
        if unread:  # shown under the post: the replies are read (Today stops listing them)
            store, post_id = self.context.store, loaded.detail.id
            run_op(
                self.context,
                lambda: mark_comments_read(store, unread, [post_id]),
                owner=self,
            )

    def _set_reader_buttons(self, loaded: LoadedPost | None) -> None:
        for button in (self.ui.presentButton, self.ui.pinButton, self.ui.unreadButton):
            button.setEnabled(loaded is not None)
        self.ui.originalButton.setEnabled(bool(loaded and loaded.detail.url))
        self.ui.pinButton.blockSignals(True)
        self.ui.pinButton.setChecked(bool(loaded and loaded.detail.pinned))
        self.ui.pinButton.setText(
            "Pinned for lesson" if loaded and loaded.detail.pinned else "Pin for lesson"
        )
        self.ui.pinButton.blockSignals(False)

    def _pin_toggled(self, pinned: bool) -> None:
        loaded = self.ui.reader.loaded
        if loaded is None:
            return
        post_id, store = loaded.detail.id, self.context.store
        loaded.detail.pinned = pinned
        self._set_reader_buttons(loaded)
        row = self.model.row_of(post_id)
        if row is not None:
            self.model.set_pinned(row, pinned)
        done = (
            "Pinned: this post and its pictures stay offline for your lesson."
            if pinned
            else "Unpinned: its pictures may be cleared when the cache is full."
        )
        run_op(
            self.context,
            lambda: ops.pin(store, post_id, pinned),
            lambda _none: self.context.say(done),
            lambda exc: show_error(self, "The post could not be pinned", exc),
            owner=self,
        )

    def _mark_unread(self) -> None:
        loaded = self.ui.reader.loaded
        if loaded is None:
            return
        post_id, store = loaded.detail.id, self.context.store
        run_op(self.context, lambda: ops.mark_read(store, [post_id], False), owner=self)
        row = self.model.row_of(post_id)
        if row is not None:
            self.model.set_read(row, False)

    def reply(self, comment_id: int) -> None:
        """The Reply dialog for the post shown (0) or one of its comments."""
        loaded = self.ui.reader.loaded
        if loaded is None:
            return
        from kaizen_exchange.gui.reply_dialog import ReplyDialog

        answering = f"“{loaded.detail.title}” ({loaded.school_name})"
        for comment in flatten(loaded.comments):
            if comment.id == comment_id:
                answering = f"{comment.author}'s comment on “{loaded.detail.title}”"
        dialog = ReplyDialog(
            self.context, loaded.detail.id, answering, comment_id or None, parent=self
        )
        dialog.accepted.connect(self._reopen)
        self.reply_dialog: ReplyDialog | None = dialog
        dialog.open()

    def _open_original(self) -> None:
        loaded = self.ui.reader.loaded
        if loaded is not None and loaded.detail.url:
            QDesktopServices.openUrl(QUrl(loaded.detail.url))

    def present(self) -> None:
        index = self.ui.postTable.currentIndex()
        if not index.isValid():
            return
        self.present_window = PresentWindow(self.context, self.model, index.row())
        self.present_window.moved.connect(self._present_moved)
        self.present_window.destroyed.connect(self._presented)
        self.present_window.start()

    def presenting(self) -> bool:
        """A post is on the whiteboard: re-reading the list would end the presentation."""
        window = self.present_window
        return window is not None and shiboken6.isValid(window) and window.isVisible()

    def _presented(self) -> None:
        """The presentation ended: catch up with what a sync brought meanwhile."""
        self.present_window = None
        if self.stale and self.isVisible():
            self.reload(self.missed)

    def prepare_screenshot(self) -> None:
        """For the screenshot test: open the newest post that has a picture."""
        for row in range(self.model.rowCount()):
            post = self.model.post_at(row)
            if post is not None and post.media:
                self.ui.postTable.selectRow(row)
                return

    def _present_moved(self, row: int) -> None:
        self.ui.postTable.selectRow(row)

    # -- state ----------------------------------------------------------------------
    def save_state(self, settings: AppSettings) -> None:
        settings.set_geometry("work_splitter", self.ui.splitter.saveState())
        settings.set_geometry("work_header", self.ui.postTable.horizontalHeader().saveState())

    def restore_state(self, settings: AppSettings) -> None:
        splitter = settings.geometry("work_splitter")
        if splitter is not None:
            self.ui.splitter.restoreState(splitter)
        else:
            self.ui.splitter.setSizes([660, 460])
        header = settings.geometry("work_header")
        if header is not None:
            self.ui.postTable.horizontalHeader().restoreState(header)


__all__ = ["PartnerWorkPage"]
