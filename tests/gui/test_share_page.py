"""The Share page: compose and keep a post, the check's findings at their very place, the preview."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from kaizen_exchange.sharing.drafts import list_drafts
from tests.helpers.share import CLASS, photo, saved, share_page, with_roster
from tests.helpers.window import close_windows, drain, open_window


def test_a_post_typed_with_a_photo_is_kept_and_comes_back_after_a_restart(
    qtbot, empty_store, settings, tmp_path
):
    picture = photo(tmp_path, "seedlings.png")
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    qtbot.keyClicks(ui.titleEdit, "Our seed trays")
    ui.textEdit.setFocus()
    qtbot.keyClicks(ui.textEdit, "We planted ")
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(ui.textEdit, "sunflowers")
    page.add_files([picture])
    qtbot.keyClicks(ui.altEdit, "Seed trays on the classroom window sill")
    saved(qtbot, page)

    [draft] = list_drafts(empty_store)
    assert draft.title == "Our seed trays"
    assert draft.text == "We planted **sunflowers**"
    assert [(f.path, f.alt) for f in draft.files] == [
        (picture, "Seed trays on the classroom window sill")
    ]
    assert ui.draftList.count() == 1
    assert "Draft" in ui.draftList.item(0).text()

    close_windows()
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    page.ui.draftList.setCurrentRow(0)
    assert page.ui.titleEdit.text() == "Our seed trays"
    assert page.ui.textEdit.markdown() == "We planted **sunflowers**"
    assert page.ui.filesList.count() == 1
    assert len(list_drafts(empty_store)) == 1  # reading it back added no copy


def test_a_photo_description_typed_key_by_key_keeps_the_keyboard(
    qtbot, empty_store, settings, tmp_path
):
    """Each key saves the description; the form must not lose the keyboard on the way
    (it did: the files list was rebuilt, choosing no file for a moment)."""
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    qtbot.keyClicks(ui.titleEdit, "Pond dipping")
    page.add_files([photo(tmp_path, "pond.png")])
    ui.tabs.setCurrentIndex(1)
    window.activateWindow()
    ui.altEdit.setFocus()
    qtbot.waitUntil(ui.altEdit.hasFocus, timeout=5_000)
    for key in "Nets in the pond":
        qtbot.keyClicks(window.focusWidget(), key)
    assert window.focusWidget() is ui.altEdit
    assert ui.altEdit.text() == "Nets in the pond"
    saved(qtbot, page)
    [draft] = list_drafts(empty_store)
    assert draft.files[0].alt == "Nets in the pond"


def test_a_surname_is_highlighted_where_it_was_typed_and_blocks_publishing(
    qtbot, empty_store, settings, tmp_path
):
    with_roster(empty_store, tmp_path)
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    ui.classCombo.setEditText(CLASS)
    qtbot.keyClicks(ui.titleEdit, "Maths trail")
    ui.textEdit.setFocus()
    qtbot.keyClicks(ui.textEdit, "Olivia ")
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(ui.textEdit, "Brown")
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(ui.textEdit, " measured the hall.")
    qtbot.waitUntil(lambda: bool(ui.textEdit.highlighted()), timeout=3000)

    text = ui.textEdit.plain_text()
    start = text.index("Brown")
    assert (start, start + len("Brown")) in ui.textEdit.highlighted()
    blocking = [f for f in ui.findingsList.findings() if f.severity == "block"]
    assert [f.kind for f in blocking] == ["surname"]
    assert "must change" in ui.checkSummary.text()
    assert not ui.publishButton.isEnabled()

    ui.findingsList.chosen.emit(blocking[0])  # the teacher chooses the line
    assert ui.textEdit.textCursor().selectedText() == "Brown"

    ui.textEdit.go_to(start, start + len("Brown"))
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not ui.textEdit.highlighted(), timeout=3000)
    assert not [f for f in ui.findingsList.findings() if f.severity == "block"]
    saved(qtbot, page)


def test_a_photo_without_a_description_or_of_a_child_without_consent_is_outlined(
    qtbot, empty_store, settings, tmp_path
):
    with_roster(empty_store, tmp_path)
    first, second = photo(tmp_path, "a.png"), photo(tmp_path, "b.png")
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    ui.classCombo.setEditText(CLASS)
    qtbot.keyClicks(ui.titleEdit, "Sports day")
    page.add_files([first, second])
    ui.filesList.setCurrentRow(0)
    qtbot.keyClicks(ui.altEdit, "The relay race on the field")
    saved(qtbot, page)
    qtbot.waitUntil(lambda: 1 in ui.filesList.outlined(), timeout=10_000)
    assert ui.filesList.outlined()[1] == "block"  # no description yet
    missing = [f for f in ui.findingsList.findings() if f.kind == "missing_alt"]
    assert missing

    ui.filesList.setCurrentRow(0)  # Amir (no photo consent) is in the first photo
    amir = next(
        ui.whoList.item(r)
        for r in range(ui.whoList.count())
        if ui.whoList.item(r).data(Qt.ItemDataRole.UserRole) == "Amir"
    )
    amir.setCheckState(Qt.CheckState.Checked)
    saved(qtbot, page)
    qtbot.waitUntil(lambda: ui.filesList.outlined().get(0) == "block", timeout=10_000)
    kinds = {f.kind for f in ui.findingsList.findings()}
    assert "no_photo_consent" in kinds
    assert not ui.publishButton.isEnabled()


def test_a_name_in_the_text_of_a_child_marked_in_a_photo_is_marked_at_the_word_shown(
    qtbot, empty_store, settings, tmp_path
):
    """The whole check reads the Markdown ("**Well done** Olivia"); the mark lands on the
    word the teacher sees, not two characters to its left."""
    with_roster(empty_store, tmp_path)
    picture = photo(tmp_path, "race.png")
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    ui.classCombo.setEditText(CLASS)
    qtbot.keyClicks(ui.titleEdit, "Sports day")
    ui.textEdit.setFocus()
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(ui.textEdit, "Well done")
    qtbot.keyClick(ui.textEdit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(ui.textEdit, " to Olivia and everyone.")
    page.add_files([picture])
    qtbot.keyClicks(ui.altEdit, "Children running a relay race")
    olivia = next(
        ui.whoList.item(r)
        for r in range(ui.whoList.count())
        if ui.whoList.item(r).data(Qt.ItemDataRole.UserRole) == "Olivia"
    )
    olivia.setCheckState(Qt.CheckState.Checked)
    saved(qtbot, page)
    assert page.draft.text.startswith("**Well done**")

    def named() -> list[Any]:
        return [
            f
            for f in ui.findingsList.findings()
            if f.kind == "name_with_photo" and f.where.get("field") == "text"
        ]

    qtbot.waitUntil(lambda: bool(named()), timeout=10_000)
    start = ui.textEdit.plain_text().index("Olivia")
    assert named()[0].where["start"] == start
    assert (start, start + len("Olivia")) in ui.textEdit.highlighted()
    assert not ui.publishButton.isEnabled()


def test_the_preview_shows_the_post_as_the_partners_reader_does(
    qtbot, empty_store, settings, tmp_path
):
    picture = photo(tmp_path, "pond.png")
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    qtbot.keyClicks(ui.titleEdit, "Pond dipping")
    ui.textEdit.setFocus()
    qtbot.keyClicks(ui.textEdit, "We found a newt.")
    page.add_files([picture])
    qtbot.keyClicks(ui.altEdit, "A newt in a white tray")
    saved(qtbot, page)
    ui.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: ui.preview.loaded is not None, timeout=10_000)
    shown = ui.preview.toHtml()
    assert "Pond dipping" in ui.preview.toPlainText()
    assert "We found a newt." in ui.preview.toPlainText()
    assert picture.as_uri() in shown  # the photo drawn from this PC, not a placeholder
    assert ui.preview.refused == []


def test_a_class_list_imported_in_the_window_is_used_by_the_check_at_once(
    qtbot, empty_store, settings, tmp_path
):
    """A surname typed before the class list came is found as soon as it is imported, and
    the class's children can be ticked in a photo; the list stays in this PC's store."""
    from kaizen_exchange.sharing.roster import load_roster

    csv = tmp_path / "willow.csv"
    csv.write_text("first_name,last_name,photo_consent,name_consent\nLeo,Marsh,yes,yes\n")
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    ui.classCombo.setEditText(CLASS)
    qtbot.keyClicks(ui.titleEdit, "Bird count")
    ui.textEdit.setFocus()
    qtbot.keyClicks(ui.textEdit, "Leo Marsh counted twelve robins.")
    page.add_files([photo(tmp_path, "robin.png")])
    saved(qtbot, page)
    assert not [f for f in ui.findingsList.findings() if f.kind == "surname"]

    page.import_class_list(csv, CLASS)
    qtbot.waitUntil(
        lambda: any(f.kind == "surname" for f in ui.findingsList.findings()), timeout=10_000
    )
    start = ui.textEdit.plain_text().index("Marsh")
    assert (start, start + len("Marsh")) in ui.textEdit.highlighted()
    assert [p.last_name for p in load_roster(empty_store, CLASS).pupils] == ["Marsh"]
    ui.tabs.setCurrentIndex(1)
    ui.filesList.setCurrentRow(0)
    names = [ui.whoList.item(r).text() for r in range(ui.whoList.count())]
    assert names == ["Leo"]
