"""Present mode: one post full screen in large type, for the class whiteboard.

The keys are the ones a presentation clicker sends and a teacher already knows:
→ / Page Down next post, ← / Page Up previous, ↑ ↓ scroll, Home / End first and
last, Esc leaves. Once the conversation under the post is on screen, ↓ and ↑ move
from reply to reply (each brought to the top), so a class reads the answers one at
a time. Everything shown comes from the local cache, like the reader.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.look import scaled_font, set_role
from kaizen_exchange.gui.models.posts import PostsModel
from kaizen_exchange.gui.pages.base import plain_message
from kaizen_exchange.gui.reader import LoadedPost, LocalOnlyBrowser, load_post
from kaizen_exchange.gui.workers import run_task

TYPE_SCALE = 2.0  # readable from the back of a classroom
READABLE_CHARS = 70  # a comfortable line length, even on a wide whiteboard


class PresentWindow(QWidget):
    moved = Signal(int)  # the row now shown, so the list can follow

    def __init__(self, context: AppContext, model: PostsModel, row: int) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("present")
        self.setWindowTitle("Presenting")  # Qt adds " — Kaizen Exchange"
        self.setAccessibleName("Post shown full screen")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._context = context
        self._model = model
        self.row = row
        self._want_next = False
        self.browser = LocalOnlyBrowser(self)
        self.browser.setFont(scaled_font(self.font(), TYPE_SCALE))
        self.browser.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.browser.setAccessibleName("Post")
        self.footer = QLabel(self)
        self.footer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.footer.setFont(scaled_font(self.font(), 1.1))
        set_role(self.footer, "muted")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.footer)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        model.rowsInserted.connect(self._rows_arrived)
        model.modelReset.connect(self.close)

    def start(self) -> None:
        """Full screen on the teacher's screen, with or without a window manager: a
        whiteboard PC may run a kiosk session with none, and full screen is then only
        the window's own size, so it takes the whole screen's geometry itself first."""
        screen = (QApplication.activeWindow() or self).screen()
        self.setGeometry(screen.geometry())
        self.showFullScreen()
        self.activateWindow()
        self.setFocus()
        self.show_row(self.row)

    def show_row(self, row: int) -> None:
        post = self._model.post_at(row)
        if post is None:
            return
        self.row = row
        self._update_footer()
        store, name = self._context.store, self._context.school_names.get(post.school)
        run_task(
            lambda: load_post(store, post.id, name),
            self._loaded,
            lambda exc: self.browser.show_message(plain_message(exc)),
            owner=self,
        )
        self.moved.emit(row)

    def _loaded(self, loaded: LoadedPost) -> None:
        current = self._model.post_at(self.row)
        if current is not None and current.id == loaded.detail.id:
            self.browser.show_post(loaded)

    def _update_footer(self) -> None:
        total = self._model.rowCount()
        more = "" if self._model.exhausted else "+"
        self.footer.setText(
            f"Post {self.row + 1} of {total}{more}   ·   → next   ← previous   ·   Esc to leave"
        )

    def next(self) -> None:
        if self.row + 1 < self._model.rowCount():
            self.show_row(self.row + 1)
        elif self._model.canFetchMore(QModelIndex()):
            self._want_next = True
            self._model.fetchMore(QModelIndex())

    def previous(self) -> None:
        if self.row > 0:
            self.show_row(self.row - 1)

    def _rows_arrived(self) -> None:
        self._update_footer()
        if self._want_next:
            self._want_next = False
            self.next()

    def _scroll(self, steps: int) -> None:
        bar = self.browser.verticalScrollBar()
        bar.setValue(bar.value() + steps * bar.singleStep() * 3)

    def _reply_tops(self) -> list[int]:
        """Where each reply of the conversation starts in the document, top to bottom."""
        document = self.browser.document()
        layout = document.documentLayout()
        tops = []
        block = document.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                names = fragments.fragment().charFormat().anchorNames()
                if any(name.startswith("comment-") for name in names):
                    tops.append(round(layout.blockBoundingRect(block).top()))
                    break
                fragments += 1
            block = block.next()
        return tops

    def _step(self, down: bool) -> None:
        """↓/↑: to the next (previous) reply when it is on screen, else scroll."""
        bar = self.browser.verticalScrollBar()
        here, page = bar.value(), bar.pageStep()
        tops = self._reply_tops()
        if down:
            target = next((t for t in tops if here + 4 < t <= here + page), None)
        else:
            target = next((t for t in reversed(tops) if here - page <= t < here - 4), None)
        if target is None or (down and here >= bar.maximum()):
            self._scroll(1 if down else -1)
        else:
            bar.setValue(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.previous()
        elif key == Qt.Key.Key_Down:
            self._step(down=True)
        elif key == Qt.Key.Key_Up:
            self._step(down=False)
        elif key == Qt.Key.Key_Space:
            bar = self.browser.verticalScrollBar()
            bar.setValue(bar.value() + bar.pageStep())
        elif key == Qt.Key.Key_Home:
            self.show_row(0)
        elif key == Qt.Key.Key_End:
            self.show_row(self._model.rowCount() - 1)
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a wide whiteboard the text keeps a readable line length, centred."""
        super().resizeEvent(event)
        column = round(self.browser.fontMetrics().averageCharWidth() * READABLE_CHARS)
        side = max(24, (self.width() - column) // 2)
        self.browser.setViewportMargins(side, 0, side, 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._model.rowsInserted.disconnect(self._rows_arrived)
        self._model.modelReset.disconnect(self.close)
        super().closeEvent(event)


__all__ = ["PresentWindow"]
