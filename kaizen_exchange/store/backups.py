"""Rolling backups of the database, and putting one back when the database is damaged.

At the first start of each day (the window, a scheduled sync, any command) the
database is checked and copied with SQLite's online backup API, which copies a
consistent state even while another process writes. The newest :data:`KEEP` copies
stay in ``backups/`` inside the data folder. Media are not backed up: they are a
cache that the next sync fetches again.

Restoring never deletes anything: the database it replaces (damaged or not) is moved
into ``set-aside/`` first, with its WAL and shared-memory files, so IT support can
still look at it.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from kaizen_exchange.errors import BadInput, StoreDamaged, StoreError
from kaizen_exchange.paths import database_path, make_private, make_private_folder
from kaizen_exchange.store import health

log = logging.getLogger(__name__)

KEEP = 7
BACKUP_FOLDER = "backups"
SET_ASIDE_FOLDER = "set-aside"
_PREFIX, _SUFFIX = "kaizen-", ".sqlite3"
_STAMP = "%Y%m%dT%H%M%SZ"
#: The database's companions: moved with it, so a set-aside copy is complete.
COMPANIONS = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # UTC

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size(self) -> int:
        return self.path.stat().st_size

    def to_json(self) -> dict[str, object]:
        return {"name": self.name, "taken": self.taken.isoformat(), "size": self.size}


def backup_folder(folder: Path) -> Path:
    return folder / BACKUP_FOLDER


def list_backups(folder: Path) -> list[Backup]:
    """The backups in ``folder``, newest first."""
    found = []
    for path in backup_folder(folder).glob(f"{_PREFIX}*{_SUFFIX}"):
        stamp = path.name[len(_PREFIX) : -len(_SUFFIX)]
        try:
            taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue  # not one of ours
        found.append(Backup(path, taken))
    return sorted(found, key=lambda b: b.taken, reverse=True)


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def backup_if_due(folder: Path, now: datetime | None = None) -> Backup | None:
    """Check and back up the database once per local day; StoreDamaged if the check fails."""
    now = now or datetime.now(UTC)
    path = database_path(folder)
    if not path.exists() or path.stat().st_size == 0:
        return None
    newest = list_backups(folder)
    if newest and _local_day(newest[0].taken) == _local_day(now):
        return None
    return checked_backup(folder, now)


def checked_backup(folder: Path, now: datetime | None = None) -> Backup:
    """Check the database, then back it up (a copy of a damaged file would be worth
    nothing); StoreDamaged if the check fails."""
    path = database_path(folder)
    found = health.problems(path)
    if found:
        log.error("The check before backing up %s found: %s", path, "; ".join(found))
        what = "SQLite's own check found errors in it"
        health.mark_damaged(path, what)  # every later open refuses it, until a restore
        raise health.damaged(path, what)
    return take_backup(folder, now)


def take_backup(folder: Path, now: datetime | None = None) -> Backup:
    """Copy the database now (online: other processes may keep working) and drop old copies."""
    now = now or datetime.now(UTC)
    target_folder = make_private_folder(backup_folder(folder), ours=True)
    final = target_folder / f"{_PREFIX}{now.strftime(_STAMP)}{_SUFFIX}"
    partial = target_folder / f".{final.name}.{os.getpid()}.part"
    source = sqlite3.connect(database_path(folder))
    try:
        copy = sqlite3.connect(partial)
        try:  # a partial copy is thrown away, so no journal; flushed once, before its rename
            copy.execute("PRAGMA journal_mode=OFF")
            copy.execute("PRAGMA synchronous=OFF")
            source.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    with partial.open("rb+") as written:
        os.fsync(written.fileno())
    make_private(partial)
    partial.replace(final)
    for old in list_backups(folder)[KEEP:]:
        old.path.unlink(missing_ok=True)
    log.info("Backed up the database to %s", final)
    return Backup(final, now)


def choose(folder: Path, name: str | None) -> Backup:
    """The backup named ``name`` (or its number in the list, 1 = newest), or the newest good one."""
    backups = list_backups(folder)
    if not backups:
        raise StoreDamaged(f"There are no backups in {backup_folder(folder)} to restore.")
    if name is None:
        for backup in backups:
            if not health.problems(backup.path):
                return backup
        raise StoreDamaged("Every backup is damaged too, so none was restored.")
    for number, backup in enumerate(backups, start=1):
        if name in (backup.name, str(number)):
            return backup
    raise BadInput(
        f"There is no backup '{name}'. Give its number or name from the list of backups."
    )


@dataclass(frozen=True)
class Restored:
    backup: Backup
    set_aside: Path | None  # where the replaced database went (None: there was none)


def restore(folder: Path, backup: Backup, now: datetime | None = None) -> Restored:
    """Put ``backup`` in place of the database; the replaced one goes to ``set-aside/``.

    The caller holds the sync lock: no sync may write while the file is swapped. The
    window must be closed (it is, when the window itself offers this at start).
    """
    now = now or datetime.now(UTC)
    path = database_path(folder)
    partial = folder / f".restore.{os.getpid()}.part"
    shutil.copyfile(backup.path, partial)
    make_private(partial)
    try:
        set_aside = _set_aside(path, now)
    except PermissionError as exc:  # Windows: the window still has the file open
        partial.unlink(missing_ok=True)
        raise StoreError(
            "The database is in use: close the Kaizen Exchange window, then try again."
        ) from exc
    partial.replace(path)
    health.clear_damage_mark(path)
    log.warning("Restored the database from %s (replaced one: %s)", backup.path, set_aside)
    return Restored(backup, set_aside)


def _set_aside(path: Path, now: datetime) -> Path | None:
    if not path.exists():
        return None
    target = make_private_folder(path.parent / SET_ASIDE_FOLDER, ours=True)
    moved = target / f"{_PREFIX}{now.strftime(_STAMP)}{_SUFFIX}"
    path.replace(moved)
    for suffix in COMPANIONS:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.replace(moved.with_name(moved.name + suffix))
    return moved


__all__ = [
    "BACKUP_FOLDER",
    "KEEP",
    "SET_ASIDE_FOLDER",
    "Backup",
    "Restored",
    "backup_folder",
    "backup_if_due",
    "checked_backup",
    "choose",
    "list_backups",
    "restore",
    "take_backup",
]
