"""Settings says the demo's folder is thrown away only when it really is."""

from __future__ import annotations

from pathlib import Path

from kaizen_exchange.demo_folder import throwaway_folder
from kaizen_exchange.gui.main_window import PAGES
from kaizen_exchange.gui.pages.settings_page import SettingsPage
from kaizen_exchange.store.db import Store
from tests.helpers.window import close_windows, open_window

SETTINGS = next(n for n, page in enumerate(PAGES) if page[1] == "SettingsPage")


def _note(qtbot, store: Store, settings) -> str:
    window = open_window(qtbot, store, settings, page=SETTINGS, demo=True)
    page = window.page(SETTINGS)
    assert isinstance(page, SettingsPage)
    text = page.ui.folderNote.text()
    close_windows()
    return text


def test_a_demo_on_a_folder_the_teacher_chose_is_not_called_throw_away(
    qtbot, tmp_path: Path, settings
):
    store = Store(tmp_path / "chosen")
    try:
        note = _note(qtbot, store, settings)
    finally:
        store.close()
    assert "throw-away" not in note
    assert "stay here after it closes" in note


def test_the_demos_own_folder_is_called_throw_away(qtbot, tmp_path: Path, settings):
    with throwaway_folder(tmp_path) as folder:
        store = Store(folder)
        try:
            note = _note(qtbot, store, settings)
        finally:
            store.close()
    assert "throw-away folder" in note
