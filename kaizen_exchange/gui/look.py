"""Icons, the style sheet and type sizes: the window's look in one place.

Font sizes are never fixed in points: headings and the whiteboard view scale the
system font, so a teacher who set larger text in Windows gets larger text here.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from kaizen_exchange.resources import resource_path
from kaizen_exchange.wording import human_size  # one definition: the command line's too


@cache
def icon(name: str) -> QIcon:
    """A bundled SVG icon by name (``resources/icons/NAME.svg``)."""
    return QIcon(str(resource_path(f"icons/{name}.svg")))


def style_sheet() -> str:
    """kaizen.qss with ``ICONS/`` pointing at the bundled icons, wherever they are installed."""
    text = resource_path("styles/kaizen.qss").read_text(encoding="utf-8")
    return text.replace("url(ICONS/", f"url({resource_path('icons').as_posix()}/")


def scaled_font(base: QFont, scale: float, bold: bool = False) -> QFont:
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * scale)
    else:  # the platform gave pixels
        font.setPixelSize(round(base.pixelSize() * scale))
    font.setBold(bold)
    return font


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget a style role from kaizen.qss (heading, muted, banner, card, primary)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def heading(text: str, scale: float = 1.6, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setFont(scaled_font(QApplication.font(), scale, bold=True))
    label.setAccessibleName(text)
    set_role(label, "heading")
    return label


def muted(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    set_role(label, "muted")
    return label


#: The learner qualities the network tags posts with, and a calm colour for each.
QUALITIES: dict[str, str] = {
    "resilient": "#b5523b",
    "resourceful": "#9a6a00",
    "reflective": "#2f6690",
    "risk-taking": "#6d4c9b",
}


__all__ = [
    "QUALITIES",
    "heading",
    "human_size",
    "icon",
    "muted",
    "scaled_font",
    "set_role",
    "style_sheet",
]
