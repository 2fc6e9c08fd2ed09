"""The demo's throw-away folder goes when the demo ends, and after a crash at the next start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kaizen_exchange.demo_folder import LOCK_NAME, PREFIX, sweep_abandoned, throwaway_folder


@pytest.fixture
def temp(tmp_path: Path) -> Path:
    """The system's temporary folder, as the demo sees it: nothing else in it."""
    folder = tmp_path / "temp"
    folder.mkdir()
    return folder


def test_the_folder_is_removed_when_the_demo_ends(temp: Path):
    with throwaway_folder(temp) as folder:
        (folder / "kaizen.sqlite3").write_bytes(b"data")
        (folder / "media").mkdir()
        assert folder.name.startswith(PREFIX)
    assert not folder.exists()
    assert list(temp.iterdir()) == []


def test_the_folder_is_removed_even_when_the_demo_fails(temp: Path):
    try:
        with throwaway_folder(temp) as folder:
            raise RuntimeError("the window failed")
    except RuntimeError:
        pass
    assert not folder.exists()


def test_a_folder_left_by_a_killed_demo_is_removed_at_the_next_start(temp: Path):
    """A real process takes the folder and is killed: nothing of it is cleaned up by itself."""
    code = (
        "import sys, time; from pathlib import Path; "
        "from kaizen_exchange.demo_folder import throwaway_folder\n"
        "with throwaway_folder(Path(sys.argv[1])) as f:\n"
        "    (f / 'kaizen.sqlite3').write_bytes(b'x'); print(f, flush=True); time.sleep(60)\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", code, str(temp)], stdout=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        crashed = Path(process.stdout.readline().strip())
        assert sweep_abandoned(temp) == []  # still running: its folder is not touched
        process.kill()
    assert (crashed / "kaizen.sqlite3").exists()
    with throwaway_folder(temp) as folder:
        assert not crashed.exists()
        assert [p.name for p in temp.iterdir()] == [folder.name]


def test_only_throw_away_folders_are_swept(temp: Path):
    kept = temp / (PREFIX + "from-demo-sync")  # demo-sync's folder has no lock: kept
    kept.mkdir()
    (kept / "kaizen.sqlite3").write_bytes(b"data")
    other = temp / "someone-else"
    other.mkdir()
    (other / LOCK_NAME).touch()
    with throwaway_folder(temp) as in_use:
        assert sweep_abandoned(temp) == []  # a running demo's folder stays
        assert in_use.exists()
    assert kept.exists() and other.exists()
