"""Fixtures for the window's tests: offscreen Qt, en-GB, a demo store built once, strict Qt logs.

Qt warnings fail a test (after qutebrowser's ``qt_log_level_fail``), except the
few the offscreen platform always prints, each listed with its reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QLocale, QtMsgType
from PySide6.QtWidgets import QApplication

from kaizen_exchange.gui.app import make_application
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.store.db import Store
from tests.helpers.window import close_windows

#: Qt messages that say nothing about our code.
HARMLESS = (
    "This plugin does not support propagateSizeHints()",  # offscreen platform, any window
    "This plugin does not support raise()",  # offscreen platform
    "This plugin does not support grabbing the keyboard",  # offscreen platform, popups
    "QFont::setPointSizeF: Point size <= 0",  # fonts of an unpainted offscreen widget
)


@pytest.fixture(scope="session")
def qapp() -> QApplication:
    """The app as the user gets it (our style sheet and names), in en-GB."""
    from kaizen_exchange.gui.qtcompat import binding_problem

    problem = binding_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    return make_application(["kaizen-exchange-tests"])


@pytest.fixture(autouse=True)
def _qt_warnings_fail(request: pytest.FixtureRequest) -> Iterator[None]:
    if "qtlog" not in request.fixturenames:
        request.getfixturevalue("qtlog")
    qtlog = request.getfixturevalue("qtlog")
    yield
    bad = [
        r.message
        for r in qtlog.records
        if r.type in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg)
        and not r.message.startswith(HARMLESS)
    ]
    assert not bad, f"Qt warned: {bad}"


@pytest.fixture
def settings(tmp_path: Path) -> AppSettings:
    prefs = AppSettings(tmp_path / "settings.ini")
    prefs.sync_at_start = False
    prefs.sync_minutes = 0
    return prefs


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled demo network synced once, from its in-process server, for every test."""
    from kaizen_exchange.demo import demo_network_text, serve_demo
    from kaizen_exchange.feeds.sync import SyncOptions, run_sync
    from kaizen_exchange.network.file import parse_network
    from kaizen_exchange.network.store import import_network

    folder = tmp_path_factory.mktemp("demo") / "data"
    store = Store(folder)
    try:
        with serve_demo(port=None) as base_url:
            import_network(store, parse_network(demo_network_text(base_url), "demo"))
            report = run_sync(store.database, SyncOptions(workers=1))
        assert report.errors == 0, report.to_json()
        store.execute_raw("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return folder


@pytest.fixture
def demo_store(demo_template: Path, tmp_path: Path) -> Iterator[Store]:
    """A private copy of the synced demo store (tests may change it)."""
    folder = tmp_path / "demo-data"
    shutil.copytree(demo_template, folder)
    opened = Store(folder)
    yield opened
    close_windows()
    opened.close()


@pytest.fixture(scope="session")
def filled_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.gui.fakedata import fill

    folder = tmp_path_factory.mktemp("filled") / "data"
    store = Store(folder)
    try:
        fill(store, 300)
        store.execute_raw("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()
    return folder


@pytest.fixture
def filled_store(filled_template: Path, tmp_path: Path) -> Iterator[Store]:
    """Three made-up schools with 300 posts, three of them with a cached picture."""
    folder = tmp_path / "filled-data"
    shutil.copytree(filled_template, folder)
    opened = Store(folder)
    yield opened
    close_windows()
    opened.close()


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "empty")
    yield opened
    close_windows()
    opened.close()
