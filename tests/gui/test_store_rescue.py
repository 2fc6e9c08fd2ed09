"""At start, a damaged store is offered back from its newest good backup, in plain words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kaizen_exchange.gui.store_rescue import open_store_or_rescue, restore_question
from kaizen_exchange.gui.workers import pending_tasks
from kaizen_exchange.paths import database_path
from kaizen_exchange.store import backups
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School
from kaizen_exchange.store.opening import prepare

pytestmark = pytest.mark.usefixtures("qapp")


def _backed_up(tmp_path: Path) -> Path:
    """A data folder with a school and yesterday's backup of it."""
    folder = tmp_path / "data"
    store = Store(folder)
    with store.session() as session:
        session.add(School(id="oak", name="Oak Primary", country="GB", timezone="Europe/London"))
    store.close()
    prepare(folder, now=datetime.now(UTC) - timedelta(days=1))
    return folder


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A backed-up data folder whose database is then cut short."""
    folder = _backed_up(tmp_path)
    path = database_path(folder)
    path.write_bytes(path.read_bytes()[: 2 * 8192])
    return folder


def _answer(button_text: str, seen: list[str]) -> Callable[[], None]:
    """Click ``button_text`` on the dialog once it is up, remembering what it said."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        for button in box.buttons():
            if button.text() == button_text:
                button.click()
                return
        box.reject()

    return click


def _settle(qtbot: QtBot) -> None:
    """The daily check runs in the background: wait until it has delivered."""
    qtbot.waitUntil(lambda: pending_tasks() == 0, timeout=20_000)


def test_restoring_at_start_opens_the_store_from_the_backup(damaged: Path, qtbot: QtBot) -> None:
    seen: list[str] = []
    QTimer.singleShot(0, _answer("Restore the backup", seen))
    store = open_store_or_rescue(damaged)
    assert store is not None
    _settle(qtbot)
    try:
        with store.session() as session:
            assert session.get_one(School, "oak").name == "Oak Primary"
    finally:
        store.close()
    assert "damaged" in seen[0] and "kept aside" in seen[0]
    assert list((damaged / backups.SET_ASIDE_FOLDER).glob("*.sqlite3"))


def test_quitting_leaves_the_damaged_file_as_it_was(damaged: Path) -> None:
    before = database_path(damaged).read_bytes()
    seen: list[str] = []
    QTimer.singleShot(0, _answer("Quit", seen))
    assert open_store_or_rescue(damaged) is None
    assert database_path(damaged).read_bytes() == before
    assert seen


def test_the_question_says_when_the_backup_was_made_without_ids_or_flags(damaged: Path) -> None:
    newest = backups.list_backups(damaged)[0]
    box = restore_question(damaged, newest)
    words = f"{box.text()} {box.informativeText()}"
    local = newest.taken.astimezone()
    assert f"{local:%A} {local.day} {local:%B %Y}" in words
    for smell in ("--", "sqlite3", "kaizen-exchange store", "Traceback"):
        assert smell not in words
    assert [b.text() for b in box.buttons()] == ["Restore the backup", "Quit"]


def test_damage_found_by_the_background_check_is_offered_at_the_next_start(
    tmp_path: Path, qtbot: QtBot
) -> None:
    from tests.unit.test_backups import _damage_a_page_deep_inside

    folder = _backed_up(tmp_path)
    _damage_a_page_deep_inside(folder)
    warned: list[str] = []
    QTimer.singleShot(0, _answer("OK", warned))
    opened = open_store_or_rescue(folder)  # the quick look passes: the window starts
    assert opened is not None
    _settle(qtbot)
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    opened.close()
    assert "start it again" in warned[0]
    offered: list[str] = []
    QTimer.singleShot(0, _answer("Restore the backup", offered))
    again = open_store_or_rescue(folder)
    assert again is not None and offered
    _settle(qtbot)
    again.close()
