"""The post's pictures, videos and files: dropped in or picked, shown as thumbnails.

Thumbnails are decoded off the GUI thread (a phone photo is 12 megapixels); until one
arrives the file shows its kind's icon. A picture a finding is about is *outlined*
(:class:`OutlineDelegate`), red when it blocks publishing, amber for a warning, so
the teacher sees which photo the report means without reading file names.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QIcon,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kaizen_exchange.gui.look import icon
from kaizen_exchange.gui.workers import run_task

THUMB = 96
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".gif", ".webp", ".tif"})
VIDEO_SUFFIXES = frozenset({".mp4", ".mov", ".m4v"})
OUTLINE_ROLE = Qt.ItemDataRole.UserRole + 1  # "block", "warn" or None
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
_OUTLINE = {"block": QColor("#b5523b"), "warn": QColor("#9a6a00")}


class ShownFile(Protocol):
    """What the list needs of a draft's file (sharing.drafts.DraftFile has it)."""

    @property
    def kind(self) -> str: ...
    @property
    def path(self) -> Path: ...
    @property
    def alt(self) -> str: ...


def kind_of(path: Path) -> str:
    """image, video or file, by the file's name (the checks look inside later)."""
    suffix = path.suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    if suffix in VIDEO_SUFFIXES:
        return "video"
    return "file"


def thumbnail(path: Path) -> QImage | None:
    """A small picture of a photo, upright as the camera meant it; runs off the GUI thread."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(THUMB * 2, THUMB * 2, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


class OutlineDelegate(QStyledItemDelegate):
    """Draws a thick frame around a file a finding points at."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        colour = _OUTLINE.get(index.data(OUTLINE_ROLE) or "")
        if colour is None:
            return
        painter.save()
        painter.setPen(QPen(colour, 3))
        rect: QRect = option.rect.adjusted(2, 2, -2, -2)
        painter.drawRoundedRect(rect, 6, 6)
        painter.restore()


class FilesList(QListWidget):
    """Thumbnails of a draft's files; files dropped on it are offered through :attr:`dropped`."""

    dropped = Signal(list)  # list[Path]: files the teacher dropped here

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setIconSize(QSize(THUMB, THUMB))
        self.setGridSize(QSize(THUMB + 40, THUMB + 44))
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setWordWrap(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setItemDelegate(OutlineDelegate(self))
        self._asked: dict[Path, QImage | None] = {}

    # -- showing --------------------------------------------------------------------
    def show_files(self, files: Sequence[ShownFile]) -> None:
        """Show ``files`` in order, keeping the chosen row where it still exists.

        The same files as shown are updated in place: clearing the list would choose
        "no file" for a moment, which disables the photo's form and takes the keyboard
        away from the description being typed.
        """
        shown_paths = [self.item(row).data(PATH_ROLE) for row in range(self.count())]
        if shown_paths == [str(f.path) for f in files]:
            for row, shown in enumerate(files):
                self.item(row).setToolTip(self._tip(shown))
                self.item(row).setData(Qt.ItemDataRole.AccessibleTextRole, self._tip(shown))
            return
        row = self.currentRow()
        self.clear()
        for shown in files:
            item = QListWidgetItem(self._icon(shown), shown.path.name)
            item.setData(PATH_ROLE, str(shown.path))
            item.setToolTip(self._tip(shown))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self._tip(shown))
            self.addItem(item)
        if self.count():
            self.setCurrentRow(min(max(row, 0), self.count() - 1))

    @staticmethod
    def _tip(shown: ShownFile) -> str:
        if shown.kind != "image":
            return f"{shown.path.name} ({'video' if shown.kind == 'video' else 'file'})"
        return (
            f"{shown.path.name}: {shown.alt}"
            if shown.alt
            else f"{shown.path.name}: no description yet"
        )

    def _icon(self, shown: ShownFile) -> QIcon:
        if shown.kind != "image":
            return icon("attachment")
        if shown.path in self._asked:
            image = self._asked[shown.path]
            return QIcon(QPixmap.fromImage(image)) if image is not None else icon("attachment")
        self._asked[shown.path] = None
        path = shown.path
        run_task(lambda: thumbnail(path), lambda image: self._thumb_ready(path, image), owner=self)
        return icon("attachment")

    def _thumb_ready(self, path: Path, image: QImage | None) -> None:
        self._asked[path] = image
        if image is None:
            return
        for row in range(self.count()):
            item = self.item(row)
            if item.data(PATH_ROLE) == str(path):
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    # -- the checks' places ---------------------------------------------------------
    def outline(self, marks: dict[int, str]) -> None:
        """Outline the rows in ``marks`` ("block" or "warn"); every other row loses its frame."""
        for row in range(self.count()):
            self.item(row).setData(OUTLINE_ROLE, marks.get(row))
        self.viewport().update()

    def outlined(self) -> dict[int, str]:
        """Which rows are outlined now, and how (for tests and the report)."""
        marks = {}
        for row in range(self.count()):
            mark = self.item(row).data(OUTLINE_ROLE)
            if mark:
                marks[row] = mark
        return marks

    # -- dropping -------------------------------------------------------------------
    @staticmethod
    def _paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        return [Path(u.toLocalFile()) for u in urls if u.isLocalFile()]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._paths(event)
        if paths:
            event.acceptProposedAction()
            self.dropped.emit(paths)


def files_only(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(files, folders or missing): a dropped folder is refused with a word, not opened."""
    good: list[Path] = []
    bad: list[Path] = []
    for path in paths:
        (good if path.is_file() else bad).append(path)
    return good, bad


__all__ = ["FilesList", "OutlineDelegate", "files_only", "kind_of", "thumbnail"]
