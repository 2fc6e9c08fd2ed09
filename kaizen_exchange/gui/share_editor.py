"""The post's text box: simple formatting kept as the draft's Markdown subset.

A teacher writes in a word-processor-like box (bold, italic, lists, links) while the
draft keeps Markdown (``toMarkdown``/``setMarkdown``), the text the checks read and
WordPress gets. Pasting brings plain text only: formatting copied from Word or a web
page (fonts, colours, tables) has no place in the subset and would be lost silently.

The safeguarding findings are shown *in* the text: each one is a highlighted span
(:class:`QTextEdit.ExtraSelection`), at offsets of :meth:`ComposeEditor.plain_text`,
which are the document's own cursor positions, so the word highlighted is exactly the
word the check found.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtGui import (
    QColor,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

BLOCK_COLOUR = QColor("#f6c9bf")  # a calm red behind a word that must change
WARN_COLOUR = QColor("#f7e3a1")  # amber behind a word to look at again
_MARKDOWN = QTextDocument.MarkdownFeature.MarkdownNoHTML  # the subset: no raw HTML


@dataclass(frozen=True)
class Span:
    """A stretch of the text to highlight: [start, end) in :meth:`plain_text` offsets."""

    start: int
    end: int
    blocking: bool


def safe_link(url: str) -> str | None:
    """The address as a link may carry it, or None: only web addresses go out in a post."""
    url = url.strip()
    if url.startswith("www."):
        url = "https://" + url
    if url.startswith(("https://", "http://")) and " " not in url and len(url) > 10:
        return url
    return None


class ComposeEditor(QTextEdit):
    """The text of a post, with bold, italic, lists and links, and the checks' highlights."""

    text_edited = Signal()  # the teacher changed the text (not a load of a saved draft)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(False)  # paste as plain text: see the module's docstring
        self.setTabChangesFocus(True)  # Tab leaves the box, for a keyboard-only teacher
        self._loading = False
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self.text_edited.emit()

    # -- the draft's text -----------------------------------------------------------
    def markdown(self) -> str:
        """The text as the draft keeps it."""
        return self.document().toMarkdown(_MARKDOWN).strip()

    def set_markdown(self, text: str) -> None:
        """Show a saved draft's text (not an edit: nothing is saved again)."""
        self._loading = True
        try:
            self.document().setMarkdown(text, _MARKDOWN)
        finally:
            self._loading = False
        self.setExtraSelections([])

    def plain_text(self) -> str:
        """The words as shown, one character per cursor position (what the live check reads)."""
        return self.document().toPlainText()

    # -- formatting -----------------------------------------------------------------
    def toggle_bold(self) -> None:
        bold = self.fontWeight() <= 400
        char = QTextCharFormat()
        char.setFontWeight(700 if bold else 400)
        self._apply(char)

    def toggle_italic(self) -> None:
        char = QTextCharFormat()
        char.setFontItalic(not self.fontItalic())
        self._apply(char)

    def _apply(self, char: QTextCharFormat) -> None:
        """Format the chosen words; with none chosen, what is typed next (as word processors
        do: Ctrl+B, type, Ctrl+B leaves the word typed bold and what follows plain)."""
        cursor = self.textCursor()
        if cursor.hasSelection():
            cursor.mergeCharFormat(char)
        self.mergeCurrentCharFormat(char)

    def toggle_list(self) -> None:
        """Turn the paragraph(s) into a bulleted list, or back into plain paragraphs."""
        cursor = self.textCursor()
        current: QTextList | None = cursor.currentList()  # None outside a list
        if current is None:
            cursor.createList(QTextListFormat.Style.ListDisc)
            return
        block = cursor.block()
        current.remove(block)
        block_format = block.blockFormat()
        block_format.setIndent(0)
        cursor.setBlockFormat(block_format)

    def insert_link(self, url: str, text: str = "") -> bool:
        """Link the selection (or ``text``) to ``url``; False when it is not a web address."""
        address = safe_link(url)
        if address is None:
            return False
        cursor = self.textCursor()
        label = cursor.selectedText() or text.strip() or address
        char = QTextCharFormat()
        char.setAnchor(True)
        char.setAnchorHref(address)
        char.setForeground(QColor("#2f6690"))
        char.setFontUnderline(True)
        cursor.insertText(label, char)
        self.setCurrentCharFormat(QTextCharFormat())  # typing after the link is plain again
        return True

    # -- the checks' places ---------------------------------------------------------
    def highlight(self, spans: Iterable[Span]) -> None:
        """Mark each span (blocking in red, warnings in amber); earlier marks are cleared."""
        length = self.document().characterCount() - 1
        selections = []
        for span in spans:
            start, end = max(0, span.start), min(span.end, length)
            if start >= end:
                continue
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            char = QTextCharFormat()
            char.setBackground(BLOCK_COLOUR if span.blocking else WARN_COLOUR)
            char.setFontUnderline(True)
            char.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            char.setUnderlineColor(QColor("#b5523b" if span.blocking else "#9a6a00"))
            selection.format = char
            selections.append(selection)
        self.setExtraSelections(selections)

    def highlighted(self) -> list[tuple[int, int]]:
        """The spans marked now, as (start, end) cursor positions (for tests and reports)."""
        return [
            (s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in self.extraSelections()
        ]

    def go_to(self, start: int, end: int) -> None:
        """Select [start, end) and bring it into view, so the teacher can type over it."""
        length = self.document().characterCount() - 1
        cursor = self.textCursor()
        cursor.setPosition(min(max(start, 0), length))
        cursor.setPosition(min(max(end, 0), length), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.setFocus()


__all__ = ["ComposeEditor", "Span", "safe_link"]
