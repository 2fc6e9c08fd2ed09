"""Rolling backups: one at the first start of each day, the newest seven kept, each usable."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kaizen_exchange.errors import StoreDamaged
from kaizen_exchange.paths import database_path
from kaizen_exchange.store import backups
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School
from kaizen_exchange.store.opening import prepare

NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


def _school_names(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT name FROM school ORDER BY id")]
    finally:
        connection.close()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    store = Store(tmp_path / "data")
    with store.session() as session:
        session.add(School(id="oak", name="Oak Primary", country="GB", timezone="Europe/London"))
    store.close()
    return tmp_path / "data"


def test_the_first_open_of_each_day_backs_up_and_later_opens_do_not(folder: Path) -> None:
    prepare(folder, now=NOON)
    prepare(folder, now=NOON + timedelta(minutes=30))
    assert len(backups.list_backups(folder)) == 1
    prepare(folder, now=NOON + timedelta(days=1))
    listed = backups.list_backups(folder)
    assert [b.taken for b in listed] == [NOON + timedelta(days=1), NOON]
    assert _school_names(listed[0].path) == ["Oak Primary"]


def test_only_the_newest_seven_are_kept(folder: Path) -> None:
    for day in range(10):
        prepare(folder, now=NOON + timedelta(days=day))
    taken = [b.taken for b in backups.list_backups(folder)]
    assert taken == [NOON + timedelta(days=day) for day in range(9, 2, -1)]


def test_a_damaged_database_is_not_backed_up_and_the_good_copies_stay(folder: Path) -> None:
    prepare(folder, now=NOON)
    path = database_path(folder)
    path.write_bytes(path.read_bytes()[: 2 * 8192])  # cut short: pages are missing
    with pytest.raises(StoreDamaged):
        prepare(folder, now=NOON + timedelta(days=1))
    assert [b.taken for b in backups.list_backups(folder)] == [NOON]


def test_restore_chooses_the_newest_good_backup(folder: Path) -> None:
    prepare(folder, now=NOON)
    prepare(folder, now=NOON + timedelta(days=1))
    newest = backups.list_backups(folder)[0]
    newest.path.write_bytes(b"garbage" * 1000)
    chosen = backups.choose(folder, None)
    assert chosen.taken == NOON
    done = backups.restore(folder, chosen)
    assert done.set_aside is not None and done.set_aside.exists()
    assert _school_names(database_path(folder)) == ["Oak Primary"]


def _damage_a_page_deep_inside(folder: Path) -> None:
    """Rows enough for many pages, then one page in the middle overwritten: the header,
    the schema and the revision still read fine, only a full check finds it."""
    store = Store(folder, daily=False)
    with store.database.writing() as connection:
        connection.execute("CREATE TABLE filler (x TEXT)")
        connection.executemany(
            "INSERT INTO filler VALUES (?)", [("x" * 200 + str(i),) for i in range(3000)]
        )
    store.close()
    path = database_path(folder)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    page = len(data) // 8192 - 3
    data[page * 8192 + 100 : page * 8192 + 400] = b"\xff" * 300
    path.write_bytes(bytes(data))


def test_damage_found_by_a_daily_check_refuses_every_later_open_until_restored(
    folder: Path,
) -> None:
    prepare(folder, now=NOON)
    _damage_a_page_deep_inside(folder)
    Store(folder, daily=False).close()  # the quick look at each open cannot see it
    with pytest.raises(StoreDamaged) as found:
        prepare(folder, now=NOON + timedelta(days=1))
    assert "\n" not in str(found.value) and "page" not in str(found.value)
    with pytest.raises(StoreDamaged):
        Store(folder, daily=False)
    backups.restore(folder, backups.choose(folder, None))
    Store(folder).close()
    assert _school_names(database_path(folder)) == ["Oak Primary"]
