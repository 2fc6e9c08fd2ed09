"""What the main window needs from a page, and the plain-words error helper pages share."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from kaizen_exchange.errors import KaizenError
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.look import heading, icon
from kaizen_exchange.gui.settings import AppSettings

log = logging.getLogger(__name__)


class Page(QWidget):
    """A side-bar page. It is built the first time it is shown, to keep start-up fast."""

    title = ""
    icon_name = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("page")
        self.setAccessibleName(self.title)

    def headed_layout(self) -> QVBoxLayout:
        """The page's layout, with the page's title as its heading."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(heading(self.title))
        return layout

    def tool_button(
        self, row: QHBoxLayout, icon_name: str, text: str, slot: Callable[[], Any]
    ) -> QPushButton:
        """A tool-bar button with an icon, an accessible name and its action."""
        button = QPushButton(icon(icon_name), text, self)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def activated(self) -> None:
        """The page was brought to the front; refresh what may have changed."""

    def save_state(self, settings: AppSettings) -> None:
        """Remember splitter positions and the like."""

    def restore_state(self, settings: AppSettings) -> None:
        """Put splitters back where the teacher left them."""


def plain_message(error: BaseException) -> str:
    """Our own errors are already written for a teacher; anything else gets a next step."""
    if isinstance(error, KaizenError):
        return str(error)
    if isinstance(error, OSError):
        return f"The file could not be used ({error.strerror or error}). Check it and try again."
    log.error("Unexpected failure", exc_info=error)
    return (
        f"Something unexpected went wrong ({type(error).__name__}: {error}). "
        "Nothing was changed; try again, and tell your IT support if it keeps happening."
    )


def show_error(parent: QWidget, title: str, error: BaseException) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, plain_message(error), parent=parent)
    box.setAccessibleName(title)
    box.open()


__all__ = ["Page", "plain_message", "show_error"]
