"""``kaizen-exchange`` opens the window, ``kaizen-exchange demo`` the demo; the CLI stays Qt-free."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sqlmodel import select

from kaizen_exchange.gui.app import PROBE_ENV
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School


def run_app(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{PROBE_ENV: "1"})
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # never the developer's own settings
    return subprocess.run(
        [sys.executable, "-m", "kaizen_exchange", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def probe_of(run: subprocess.CompletedProcess[str]) -> dict[str, float]:
    """The start-up figures the app prints under KAIZEN_STARTUP_PROBE (wall-clock epochs)."""
    assert run.returncode == 0, run.stderr
    line = [x for x in run.stdout.splitlines() if x.startswith("{")][-1]
    figures: dict[str, float] = json.loads(line)
    return figures


def test_no_command_opens_the_window(tmp_path: Path):
    run = run_app("--data-dir", str(tmp_path / "data"), tmp_path=tmp_path)
    probe = probe_of(run)
    assert probe["paint_epoch"] > 0 and probe["rss_kb"] > 0


def test_demo_opens_the_window_on_the_demo_network(tmp_path: Path):
    folder = tmp_path / "demo"
    run = run_app("--data-dir", str(folder), "demo", tmp_path=tmp_path)
    probe_of(run)
    assert "5 partner schools" in run.stdout
    store = Store(folder)
    try:
        with store.session() as session:
            assert len(session.exec(select(School)).all()) == 5
    finally:
        store.close()
    assert (folder / "window.ini").exists()  # the demo keeps its own window settings


def test_the_command_line_does_not_load_qt():
    code = (
        "import sys; from kaizen_exchange.cli.main import build_parser; build_parser(); "
        "print('PySide6' in sys.modules)"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "False"
