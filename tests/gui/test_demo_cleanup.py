"""``kaizen-exchange demo`` (and "Try the demo", which runs it) leaves no folder behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kaizen_exchange.demo_folder import LOCK_NAME, PREFIX
from kaizen_exchange.gui.app import PROBE_ENV


def _app(tmp_path: Path, temp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The app until its first paint (KAIZEN_STARTUP_PROBE), with ``temp`` as its TMPDIR."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp), **{PROBE_ENV: "1"})
    env.pop("KAIZEN_EXCHANGE_DATA_DIR", None)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    run = subprocess.run(
        [sys.executable, "-m", "kaizen_exchange", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert run.returncode == 0, run.stderr
    return run


def test_the_demo_removes_its_throw_away_folder_when_the_window_closes(tmp_path: Path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    run = _app(tmp_path, temp, "demo")
    assert f"data in {temp}/{PREFIX}" in run.stdout  # it did use a throw-away folder there
    assert list(temp.iterdir()) == []


def test_opening_the_window_removes_a_demo_folder_left_by_a_crash(tmp_path: Path):
    """The teacher may never run the demo again: the window's start cleans up too."""
    temp = tmp_path / "tmp"
    crashed = temp / (PREFIX + "crashed")
    crashed.mkdir(parents=True)
    (crashed / LOCK_NAME).touch()  # no process holds its lock any more
    (crashed / "kaizen.sqlite3").write_bytes(b"demo data")
    kept = temp / (PREFIX + "from-demo-sync")  # demo-sync keeps its data on purpose
    kept.mkdir()
    _app(tmp_path, temp, "--data-dir", str(tmp_path / "data"), "window")
    assert not crashed.exists()
    assert kept.exists()
