"""What the main window needs from a page, and the plain-words error helper pages share."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.errors import KaizenError
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.look import heading, icon
from kaizen_exchange.gui.settings import AppSettings

log = logging.getLogger(__name__)

EVERYTHING = Changes.everything()


class Page(QWidget):
    """A side-bar page. It is built the first time it is shown, to keep start-up fast.

    A page says which kinds of data it :attr:`shows`; when a write changes any of
    them, the page re-reads them (:meth:`reload`) at once if it is in front, or
    when it is next shown, so a hidden page costs nothing until it is looked at.
    """

    title = ""
    icon_name = ""
    shows: frozenset[Kind] = frozenset()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.missed = Changes()  # what changed while the page was hidden
        self.setObjectName("page")
        self.setAccessibleName(self.title)
        context.changed.connect(self._store_changed)

    def _store_changed(self, changes: Changes, initiator: object | None) -> None:
        if not self.needs_reload(changes, initiator):
            return
        if self.isVisible():
            self.reload(changes)
        else:
            self.missed = self.missed | changes

    @property
    def stale(self) -> bool:
        """Whether the page must read again when shown: what it shows changed while hidden."""
        return bool(self.missed)

    def needs_reload(self, changes: Changes, initiator: object | None) -> bool:
        """Whether ``changes`` touch what this page shows (``initiator`` made them)."""
        return changes.touches(*self.shows)

    def reload(self, changes: Changes = EVERYTHING) -> None:
        """Read again what ``changes`` touch of what the page shows, keeping the teacher's place.

        Pages override this and call it first; it marks the page up to date.
        """
        self.missed = Changes()

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
        """The page was brought to the front: catch up with what changed while it was hidden."""
        if self.stale:
            self.reload(self.missed)

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
