"""``kaizen-exchange demo`` (and "Try the demo", which runs it) leaves no folder behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kaizen_exchange.demo_folder import PREFIX
from kaizen_exchange.gui.app import PROBE_ENV


def test_the_demo_removes_its_throw_away_folder_when_the_window_closes(tmp_path: Path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp), **{PROBE_ENV: "1"})
    env.pop("KAIZEN_EXCHANGE_DATA_DIR", None)
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    run = subprocess.run(
        [sys.executable, "-m", "kaizen_exchange", "demo"],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert run.returncode == 0, run.stderr
    assert f"data in {temp}/{PREFIX}" in run.stdout  # it did use a throw-away folder there
    assert list(temp.iterdir()) == []
