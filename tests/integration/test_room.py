"""Tests stay in their room: a command run with no folders given writes only into tmp.

tests/conftest.py points every test's home, data, log and machine-network-file
settings into its temporary folder and fails the session if anything was written
outside the rooms. These tests check the room itself, with the real command line.
"""

from __future__ import annotations

import os
from pathlib import Path

from kaizen_exchange.logs import LOG_FILE
from kaizen_exchange.paths import database_path
from tests.helpers.hermetic import REAL_HOME, changes, is_inside, snapshot
from tests.integration.cli import cli_env, ok, run_cli

NETWORK = """
[network]
name = "Room test"

[[schools]]
id = "oakfield"
name = "Oakfield Primary"
country = "GB"
timezone = "Europe/London"
feeds = ["http://127.0.0.1:9/feed/"]
"""


def test_every_folder_the_app_uses_is_inside_the_test_s_tmp_folder(tmp_path: Path) -> None:
    env = cli_env()
    for key in (
        "HOME",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_STATE_HOME",
        "XDG_CONFIG_DIRS",
        "KAIZEN_EXCHANGE_DATA_DIR",
        "KAIZEN_EXCHANGE_LOG_DIR",
        "KAIZEN_EXCHANGE_MACHINE_NETWORK",
    ):
        assert is_inside(Path(env[key]), tmp_path), f"{key}={env[key]} is outside {tmp_path}"
    assert not is_inside(Path(env["HOME"]), REAL_HOME)
    assert not [k for k in env if k.lower().endswith("_proxy") and k.lower() != "no_proxy"]


def test_a_command_without_folders_writes_its_data_and_log_into_the_room(tmp_path: Path) -> None:
    network = tmp_path / "network.toml"
    network.write_text(NETWORK, encoding="utf-8")
    ok(run_cli(None, "network", "import", str(network)))  # no --data-dir: the room's
    data = Path(os.environ["KAIZEN_EXCHANGE_DATA_DIR"])
    assert database_path(data).is_file()
    assert (Path(os.environ["KAIZEN_EXCHANGE_LOG_DIR"]) / LOG_FILE).is_file()
    assert is_inside(data, tmp_path)


def test_the_session_check_sees_a_file_written_into_a_watched_folder(tmp_path: Path) -> None:
    watched = tmp_path / "watched"
    (watched / "logs").mkdir(parents=True)
    (watched / "logs" / "old.log").write_text("kept", encoding="utf-8")
    absent = tmp_path / "absent"
    before = snapshot([watched, absent])
    assert changes(before, snapshot([watched, absent])) == []

    (watched / "kaizen.sqlite3").write_bytes(b"x")
    (watched / "logs" / "old.log").write_text("changed!", encoding="utf-8")
    absent.mkdir()
    found = changes(before, snapshot([watched, absent]))
    assert f"{absent} was created (0 files)" in found
    assert any("kaizen.sqlite3" in line for line in found)
    assert any("old.log" in line for line in found)
