"""Learner qualities drawn as coloured dots: four words would crowd out the post titles.

The colours are the ones the tag filter and the reader use, so a teacher learns them
once; the words stay in the model (tooltips, screen readers, copying).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kaizen_exchange.gui.look import QUALITIES

DOT = 12
GAP = 5


def quality_icon(name: str) -> QIcon:
    """A dot in the quality's colour, for the tag filter's items."""
    pixmap = QPixmap(DOT + 2, DOT + 2)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(QUALITIES.get(name, "#999999")))
    painter.drawEllipse(QRectF(1, 1, DOT, DOT))
    painter.end()
    return QIcon(pixmap)


class QualityDots(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        names = [n.strip().lower() for n in text.split("·") if n.strip()]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = option.rect
        x = rect.left() + 8
        top = rect.top() + (rect.height() - DOT) / 2
        for name in names:
            painter.setBrush(QColor(QUALITIES.get(name, "#999999")))
            painter.drawEllipse(QRectF(x, top, DOT, DOT))
            x += DOT + GAP
        painter.restore()


__all__ = ["QualityDots", "quality_icon"]
