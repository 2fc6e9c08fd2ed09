"""A damaged, newer or busy store: plain words and a documented exit status, nothing lost.

Each test damages a real data folder the way a disk, a crash or another version
would, then runs the real command line on it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kaizen_exchange.cli.common import EXIT_STATUSES
from kaizen_exchange.paths import database_path
from kaizen_exchange.store.backups import list_backups
from kaizen_exchange.store.sync_lock import sync_lock
from tests.integration.cli import (
    REPO,
    CliRun,
    assert_plain_message,
    cli_env,
    import_network,
    network_toml,
    ok,
    run_cli,
    school_toml,
)

EXIT_STORE, EXIT_BUSY = 4, 5


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with a school, its database backed up (the first start of the day)."""
    data = tmp_path / "data"
    import_network(data, network_toml(school_toml("oak", feeds=["http://127.0.0.1:9/feed/"])))
    ok(run_cli(data, "store", "backup"))
    return data


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: 3 * 8192])


def _garbage(path: Path) -> None:
    path.write_bytes(b"This is not a database at all.\n" * 200)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize("damage", [_truncate, _garbage, _empty])
def test_a_damaged_database_is_refused_in_plain_words_and_never_written(
    folder: Path, damage: object
) -> None:
    path = database_path(folder)
    assert callable(damage)
    damage(path)
    before = _digest(path)
    for command in (("posts", "list"), ("feeds", "list"), ("sync", "--json")):
        run = run_cli(folder, *command)
        assert run.returncode == EXIT_STORE, run.describe()
        assert_plain_message(run.stderr.splitlines()[0], "damaged")
        assert "store restore" in run.stderr
    assert _digest(path) == before, "the damaged database was written into"


def test_restore_puts_back_the_newest_backup_and_keeps_the_damaged_file(folder: Path) -> None:
    path = database_path(folder)
    _truncate(path)
    damaged = path.read_bytes()
    listed = ok(run_cli(folder, "store", "restore", "--list")).stdout
    assert "good" in listed and list_backups(folder)[0].name in listed
    checked = run_cli(folder, "store", "check", "--json")
    assert checked.returncode == EXIT_STORE and checked.json()["ok"] is False
    restored = ok(run_cli(folder, "store", "restore"))
    assert "kept in" in restored.stdout
    feeds = ok(run_cli(folder, "feeds", "list", "--json")).json()
    assert [feed["school"] for feed in feeds] == ["oak"]
    kept = [p for p in (folder / "set-aside").iterdir() if p.suffix == ".sqlite3"]
    assert [p.read_bytes() for p in kept] == [damaged]
    assert ok(run_cli(folder, "store", "check", "--json")).json()["ok"] is True


def test_restore_of_a_chosen_backup_by_its_number(folder: Path) -> None:
    ok(run_cli(folder, "network", "remove", "oak"))
    assert ok(run_cli(folder, "feeds", "list", "--json")).json() == []
    ok(run_cli(folder, "store", "restore", "1"))
    assert len(ok(run_cli(folder, "feeds", "list", "--json")).json()) == 1
    refused = run_cli(folder, "store", "restore", "9")
    assert refused.returncode == 2, refused.describe()
    assert_plain_message(refused.stderr.strip(), "no backup")


def test_a_database_from_a_newer_version_is_left_alone(folder: Path) -> None:
    path = database_path(folder)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0999'")
    connection.close()
    before = _digest(path)
    run = run_cli(folder, "posts", "list")
    assert run.returncode == EXIT_STORE, run.describe()
    assert_plain_message(run.stderr.strip(), "newer version")
    assert _digest(path) == before


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root may write anything")
def test_a_read_only_database_is_said_so(folder: Path) -> None:
    path = database_path(folder)
    path.chmod(0o400)
    try:
        run = run_cli(folder, "posts", "list")
        assert run.returncode == EXIT_STORE, run.describe()
        assert_plain_message(run.stderr.strip(), "read-only")
    finally:
        path.chmod(0o600)


def test_a_second_sync_says_one_is_running_and_exits(folder: Path) -> None:
    with sync_lock(folder):
        run = run_cli(folder, "sync", "--json")
    assert run.returncode == EXIT_BUSY, run.describe()
    assert_plain_message(run.stderr.strip(), "already running")
    assert run.stdout == ""
    ok(run_cli(folder, "sync", "--json"), 0, 3)  # free again once the first has ended


def test_a_killed_sync_leaves_no_lock_behind(folder: Path) -> None:
    code = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from kaizen_exchange.store.sync_lock import sync_lock
        with sync_lock(Path({str(folder)!r})):
            print("holding", flush=True)
            time.sleep(120)
        """
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=REPO
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        assert run_cli(folder, "sync", "--json").returncode == EXIT_BUSY
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    ok(run_cli(folder, "sync", "--json"), 0, 3)


def test_the_windows_sync_child_also_waits_its_turn(folder: Path) -> None:
    command = [sys.executable, "-m", "kaizen_exchange.gui.sync_child", "--data-dir", str(folder)]
    with sync_lock(folder):
        run = subprocess.run(
            command, capture_output=True, text=True, cwd=REPO, env=cli_env(), timeout=60
        )
    message = json.loads(run.stdout.splitlines()[-1])
    assert_plain_message(message.get("error"), "already running")


def _private(path: Path, mode: int) -> None:
    assert stat.S_IMODE(path.stat().st_mode) == mode, f"{path} is {oct(path.stat().st_mode)}"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_data_folder_database_backups_and_log_are_private(tmp_path: Path) -> None:
    data, logs = tmp_path / "data", tmp_path / "logs"
    code = (
        "import sys; from kaizen_exchange.cli.main import main; "
        f"sys.argv = ['kaizen-exchange', '--data-dir', {str(data)!r}, 'demo-sync', '--json']; "
        "sys.exit(main())"
    )
    env = dict(cli_env(), KAIZEN_EXCHANGE_LOG_DIR=str(logs))
    synced = subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True)
    assert synced.returncode == 0, synced.stderr
    ok(run_cli(data, "store", "backup"))
    _private(data, 0o700)
    _private(data / "media", 0o700)
    _private(data / "backups", 0o700)
    for path in [database_path(data), *data.glob("kaizen.sqlite3-*"), *data.glob("backups/*")]:
        _private(path, 0o600)
    pictures = [p for p in (data / "media").rglob("*") if p.is_file()]
    assert pictures
    for path in pictures:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
    _private(logs, 0o700)
    _private(logs / "kaizen-exchange.log", 0o600)


def test_an_unexpected_fault_is_one_plain_line_and_a_traceback_in_the_log(tmp_path: Path) -> None:
    """Any fault (here, printing fails) stands for a bug: exit 1, the log has the traceback."""
    logs = tmp_path / "logs"
    code = (
        "import sys; from kaizen_exchange.cli import common; from kaizen_exchange.cli.main "
        "import main\n"
        "def broken(self, text=''): raise ZeroDivisionError('a fault in the app')\n"
        "common.Context.say = broken\n"
        f"sys.argv = ['kaizen-exchange', '--data-dir', {str(tmp_path / 'data')!r}, "
        "'feeds', 'list']\n"
        "sys.exit(main())"
    )
    env = dict(cli_env(), KAIZEN_EXCHANGE_LOG_DIR=str(logs))
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True
    )
    assert run.returncode == 1, run.stderr
    assert_plain_message(run.stderr.strip(), "did not expect")
    assert str(logs) in run.stderr
    log = (logs / "kaizen-exchange.log").read_text()
    assert "Traceback" in log and "ZeroDivisionError: a fault in the app" in log


def test_a_crashed_sync_in_the_window_leaves_its_traceback_in_the_log(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    code = (
        "import sys; import kaizen_exchange.feeds.sync as sync\n"
        "async def broken(*args, **kwargs): raise ZeroDivisionError('a fault in the sync')\n"
        "sync.sync_async = broken\n"
        "from kaizen_exchange.gui.sync_child import main\n"
        f"sys.argv = ['sync_child', '--data-dir', {str(tmp_path / 'data')!r}]\n"
        "sys.exit(main())"
    )
    env = dict(cli_env(), KAIZEN_EXCHANGE_LOG_DIR=str(logs))
    run = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True
    )
    assert_plain_message(json.loads(run.stdout.splitlines()[-1]).get("error"), "did not expect")
    log = (logs / "kaizen-exchange.log").read_text()
    assert "ZeroDivisionError: a fault in the sync" in log


def test_help_documents_every_exit_status(tmp_path: Path) -> None:
    shown = ok(run_cli(tmp_path, "--help")).stdout
    for code, meaning in EXIT_STATUSES.items():
        assert f"{code}" in shown and meaning.split(":")[0] in " ".join(shown.split())


def test_a_full_copy_of_the_data_folder_is_still_usable_after_restore(folder: Path) -> None:
    """Backups are whole databases: copied elsewhere, one opens on its own."""
    elsewhere = folder.parent / "copy"
    elsewhere.mkdir()
    shutil.copyfile(list_backups(folder)[0].path, database_path(elsewhere))
    assert [f["school"] for f in ok(run_cli(elsewhere, "feeds", "list", "--json")).json()] == [
        "oak"
    ]


def _with_file_size_limit(data: Path, limit: int, *args: str) -> CliRun:
    """Run the command with writes capped at ``limit`` bytes per file: a disk that fills up."""
    logs = {"KAIZEN_EXCHANGE_LOG_DIR": str(data.parent / "logs")}
    return run_cli(data, *args, env=logs, file_size_limit=limit, timeout=120)


def _first_line(run: CliRun) -> str:
    """The app's one line (under coverage, its data writer also fails at the size cap after)."""
    return run.stderr.splitlines()[0] if run.stderr else ""


@pytest.mark.skipif(sys.platform != "linux", reason="needs RLIMIT_FSIZE")
@pytest.mark.parametrize("limit", [20_000, 60_000, 150_000])
def test_a_disk_full_while_the_store_is_made_leaves_nothing_half_made(
    tmp_path: Path, limit: int
) -> None:
    """The first migration is all or nothing: the next start (with space) just works."""
    data = tmp_path / "data"
    run = _with_file_size_limit(data, limit, "feeds", "list")
    assert run.returncode == EXIT_STORE, run.stderr
    assert_plain_message(_first_line(run), "not full")
    assert ok(run_cli(data, "feeds", "list", "--json")).json() == []


@pytest.mark.skipif(sys.platform != "linux", reason="needs RLIMIT_FSIZE")
def test_a_disk_full_during_a_sync_stops_it_and_keeps_what_was_synced(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ok(run_cli(data, "feeds", "list"))
    # an empty store is ~520 KB (its tables and indexes, 8 KB pages): the cap leaves room
    # for some of the demo's posts, not all of them
    run = _with_file_size_limit(data, 600_000, "demo-sync", "--json")
    assert run.returncode == EXIT_STORE, run.stderr
    assert_plain_message(_first_line(run), "full")
    assert ok(run_cli(data, "store", "check", "--json")).json()["ok"] is True
    assert ok(run_cli(data, "posts", "list", "--json")).json()
