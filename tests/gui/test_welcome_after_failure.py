"""After a failed import the welcome page is still there (issue 10)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kaizen_exchange.gui.pages.welcome import WelcomePage
from tests.helpers.window import open_window


def test_a_failed_import_from_the_welcome_page_comes_back_to_it(
    qtbot, empty_store, settings, tmp_path: Path, monkeypatch
):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[schools]]\nid = "b"\nname = "B"\ncountry = "Narnia"\ntimezone = "X"\n')
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    window = open_window(qtbot, empty_store, settings)
    assert isinstance(window.stack.currentWidget(), WelcomePage)
    window.welcome.import_network.emit()

    def boxes() -> list[QMessageBox]:
        return [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ]

    qtbot.waitUntil(lambda: bool(boxes()), timeout=10_000)
    for box in boxes():
        box.close()
    assert isinstance(window.stack.currentWidget(), WelcomePage)
