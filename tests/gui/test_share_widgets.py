"""The Share page's parts on their own: the formatting kept as Markdown, highlights at the
exact words, pictures outlined, files dropped from a folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage, QTextCursor

from kaizen_exchange.gui.share_editor import ComposeEditor, Span, safe_link
from kaizen_exchange.gui.share_files import FilesList, kind_of
from kaizen_exchange.gui.share_findings import file_marks, summary, text_spans


def _select(editor: ComposeEditor, word: str) -> None:
    start = editor.plain_text().index(word)
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(word), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_formatting_is_kept_as_the_markdown_subset_and_comes_back(qtbot):
    editor = ComposeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("We planted seeds in the garden")
    _select(editor, "planted")
    editor.toggle_bold()
    _select(editor, "garden")
    editor.toggle_italic()
    _select(editor, "seeds")
    assert editor.insert_link("https://www.rhs.org.uk/seeds")
    text = editor.markdown()
    assert "**planted**" in text
    assert "*garden*" in text and "**garden**" not in text
    assert "[seeds](https://www.rhs.org.uk/seeds)" in text

    again = ComposeEditor()
    qtbot.addWidget(again)
    again.set_markdown(text)
    assert again.plain_text() == "We planted seeds in the garden"
    assert again.markdown() == text


def test_a_list_and_a_pasted_web_page_stay_in_the_subset(qtbot):
    editor = ComposeEditor()
    qtbot.addWidget(editor)
    editor.setPlainText("Seeds\nSoil")
    editor.selectAll()
    editor.toggle_list()
    assert editor.markdown().splitlines() == ["- Seeds", "- Soil"]
    editor.clear()
    data = QMimeData()
    data.setHtml(
        '<p style="font-family:Comic Sans MS;color:red"><b>Big</b> <font size=7>words</font></p>'
    )
    data.setText("Big words")
    editor.insertFromMimeData(data)
    assert editor.markdown() == "Big words"  # no font, colour or size comes with a paste


def test_a_link_must_be_a_web_address():
    assert safe_link("www.example.org/page") == "https://www.example.org/page"
    assert safe_link("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", "file:///C:/pupils.xlsx", "example", "https://a b.org"):
        assert safe_link(bad) is None


def test_the_highlight_covers_exactly_the_word_even_inside_formatting(qtbot):
    editor = ComposeEditor()
    qtbot.addWidget(editor)
    editor.set_markdown("**Our trip**\n\n- *Ava Smith* planted a tree\n- Leo watered it")
    text = editor.plain_text()
    start = text.index("Smith")
    editor.highlight(
        [Span(start, start + 5, True), Span(text.index("Leo"), text.index("Leo") + 3, False)]
    )
    marked = editor.highlighted()
    assert len(marked) == 2
    for (first, last), word in zip(marked, ("Smith", "Leo"), strict=True):
        cursor = editor.textCursor()
        cursor.setPosition(first)
        cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == word
    colours = [s.format.background().color() for s in editor.extraSelections()]
    assert colours[0] != colours[1]  # blocking and warning look different
    editor.go_to(start, start + 5)
    assert editor.textCursor().selectedText() == "Smith"


@dataclass
class _File:
    kind: str
    path: Path
    alt: str = ""
    id: int = 0


def _photo(path: Path, colour: str) -> Path:
    image = QImage(320, 240, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path))
    return path


def test_a_picture_a_finding_points_at_is_outlined_in_red(qtbot, tmp_path):
    files = [
        _File("image", _photo(tmp_path / "one.png", "#3a7d44"), "Seedlings", 11),
        _File("image", _photo(tmp_path / "two.png", "#3a7d44"), "", 12),
    ]
    listing = FilesList()
    qtbot.addWidget(listing)
    listing.resize(400, 200)
    listing.show()
    qtbot.waitExposed(listing)
    listing.show_files(files)
    listing.clearSelection()
    listing.setCurrentRow(-1)

    @dataclass
    class F:
        kind: str
        severity: str
        where: dict[str, object]
        detail: str

    findings = [F("missing_alt", "block", {"file": 12}, "The second photo has no description.")]
    marks = file_marks(findings, [11, 12])
    assert marks == {1: "block"}
    listing.outline(marks)
    assert listing.outlined() == {1: "block"}

    def edge_colour(row: int) -> QColor:
        rect = listing.visualItemRect(listing.item(row))
        shot = listing.viewport().grab().toImage()
        return shot.pixelColor(rect.center().x(), rect.top() + 3)

    outlined, plain = edge_colour(1), edge_colour(0)
    assert outlined.red() > 150 and outlined.green() < 120, outlined.name()
    assert plain.name() != outlined.name()
    assert text_spans(findings) == []
    assert summary(findings, frozenset()).startswith("1 thing must change")
    assert summary(findings, frozenset({"missing_alt"})) == "Nothing found: ready to publish."
    assert summary([], frozenset(), empty=True).startswith("Nothing to check yet")


def test_files_dropped_from_a_folder_are_offered_folders_are_not(qtbot, tmp_path):
    listing = FilesList()
    qtbot.addWidget(listing)
    listing.show()
    photo = _photo(tmp_path / "pond.jpg", "#2f6690")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(photo)), QUrl("https://example.org/x.jpg")])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(listing.dropped) as dropped:
        listing.dropEvent(event)
    assert dropped.args == [[photo]]
    assert kind_of(Path("IMG_0001.HEIC")) == "image"
    assert kind_of(Path("clip.MOV")) == "video"
    assert kind_of(Path("letter.pdf")) == "file"
