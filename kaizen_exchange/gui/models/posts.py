"""The post list as a Qt model that reads the store one page at a time, off the GUI thread.

A class's network can hold 100,000 posts; the view asks for more rows only as the
teacher scrolls (``canFetchMore``/``fetchMore``), each page comes from
:func:`kaizen_exchange.reading.posts.list_posts` on a worker thread, and a page that arrives
for an older filter (the teacher kept typing) is dropped by its generation number.
Labels are formatted once per row when the page arrives, so painting stays cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from kaizen_exchange.gui.dates import post_date
from kaizen_exchange.gui.look import QUALITIES
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.reading.posts import PostSummary, list_posts
from kaizen_exchange.store.db import Store

PAGE = 200
_CLASS = re.compile(
    r"^(year \d+|room \d+|class \d+|\d+/\d+\w*|reception|kindergarten|kindy|foundation|prep)$",
    re.IGNORECASE,
)
Index = QModelIndex | QPersistentModelIndex

UNREAD, TITLE, SCHOOL, CLASS, DATE, QUALITY = range(6)
HEADERS = ("", "Title", "School", "Class", "Date", "Qualities")
PostRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PostFilter:
    school: str | None = None
    search: str = ""
    unread: bool = False
    tag: str | None = None


@dataclass
class _Row:
    post: PostSummary
    labels: tuple[str, ...]


def class_of(post: PostSummary) -> str:
    """The class a post is from: its "Year 4"/"Room 12"/"3/4N" category, else its author."""
    for name in post.categories:
        if _CLASS.match(name.strip()):
            return name
    return post.author or ""


def qualities_of(post: PostSummary) -> list[str]:
    return [c for c in post.categories if c.lower() in QUALITIES]


class PostsModel(QAbstractTableModel):
    """Posts newest first under a :class:`PostFilter`, fetched lazily in pages."""

    #: (generation, rows now loaded, the page was the first of this filter)
    page_loaded = Signal(int, int, bool)
    load_failed = Signal(str)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._rows: list[_Row] = []
        self._filter = PostFilter()
        self._names: dict[str, str] = {}
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filter and loading ---------------------------------------------------------
    @property
    def filter(self) -> PostFilter:
        return self._filter

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return self._exhausted

    def set_school_names(self, names: dict[str, str]) -> None:
        self._names = dict(names)
        if self._rows:
            self._rows = [_Row(r.post, self._labels(r.post)) for r in self._rows]
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, QUALITY))

    def set_filter(self, new: PostFilter) -> None:
        """Show posts matching ``new``; the first page is asked for at once."""
        self._filter = new
        self.reload()

    def update_filter(self, **changes: Any) -> None:
        self.set_filter(replace(self._filter, **changes))

    def reload(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._fetch()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        self._loading = True
        generation, offset, wanted = self._generation, len(self._rows), self._filter
        store = self._store

        def query() -> list[PostSummary]:
            return list_posts(
                store,
                school=wanted.school,
                search=wanted.search.strip() or None,
                unread=wanted.unread,
                tag=wanted.tag,
                limit=PAGE,
                offset=offset,
            )

        run_task(
            query,
            lambda posts: self._arrived(generation, offset, posts),
            lambda exc: self._failed(generation, exc),
            owner=self,
        )

    def _arrived(self, generation: int, offset: int, posts: list[PostSummary]) -> None:
        if generation != self._generation or offset != len(self._rows):
            return  # an answer for a filter the teacher has already changed
        self._loading = False
        self._exhausted = len(posts) < PAGE
        if posts:
            first, last = len(self._rows), len(self._rows) + len(posts) - 1
            self.beginInsertRows(QModelIndex(), first, last)
            self._rows.extend(_Row(p, self._labels(p)) for p in posts)
            self.endInsertRows()
        self.page_loaded.emit(generation, len(self._rows), offset == 0)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._exhausted = True
        self.load_failed.emit(f"The posts could not be read from the store: {exc}")

    def _labels(self, post: PostSummary) -> tuple[str, ...]:
        return (
            "●" if not post.read else "",
            post.title,
            self._names.get(post.school, post.school),
            class_of(post),
            post_date(post.published),
            " · ".join(qualities_of(post)),
        )

    # -- rows -----------------------------------------------------------------------
    def post_at(self, row: int) -> PostSummary | None:
        return self._rows[row].post if 0 <= row < len(self._rows) else None

    def row_of(self, post_id: int) -> int | None:
        for number, item in enumerate(self._rows):
            if item.post.id == post_id:
                return number
        return None

    def set_read(self, row: int, read: bool) -> None:
        item = self._rows[row]
        item.post.read = read
        item.labels = self._labels(item.post)
        self.dataChanged.emit(self.index(row, 0), self.index(row, QUALITY))

    def set_pinned(self, row: int, pinned: bool) -> None:
        self._rows[row].post.pinned = pinned

    # -- Qt model -------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return {UNREAD: "Unread", QUALITY: "Learner qualities"}.get(section, HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return item.labels[column]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == UNREAD:
                return "Unread" if not item.post.read else "Read"
            return item.labels[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (TITLE, QUALITY):
            return item.labels[column]
        if role == Qt.ItemDataRole.FontRole and column == TITLE and not item.post.read:
            return self._bold
        if role == Qt.ItemDataRole.ForegroundRole and column == UNREAD:
            return QColor("#2b7a66")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == UNREAD:
            return Qt.AlignmentFlag.AlignCenter
        if role == PostRole:
            return item.post
        return None


__all__ = ["HEADERS", "PAGE", "PostFilter", "PostRole", "PostsModel", "class_of", "qualities_of"]
