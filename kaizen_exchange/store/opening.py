"""Opening a data folder: the one place every opener goes through before using the database.

In order: the folder exists and is private to the user; the database is looked at
(damaged, newer, read-only: refused before anything writes into it); once a day it
is checked and backed up; it is upgraded to the newest schema. The ORM store
(:class:`~kaizen_exchange.store.db.Store`) and the plain-sqlite3 database used by the
sync (:class:`~kaizen_exchange.store.sqlite.Database`) both call :func:`prepare`, so
neither needs the other to open, and Alembic is imported only when there is an
upgrade to run.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from kaizen_exchange.errors import StoreError
from kaizen_exchange.paths import (
    PRIVATE_FOLDER,
    create_data_folder,
    database_path,
    make_private,
    media_dir,
)
from kaizen_exchange.store import backups, health

log = logging.getLogger(__name__)

#: The newest migration; a test checks it matches Alembic's head.
SCHEMA_HEAD = "0008"


def prepare(folder: Path, now: datetime | None = None, *, daily: bool = True) -> None:
    """Make ``folder``'s database safe to use at the newest schema, or raise StoreError.

    ``daily=False``: the caller runs :func:`daily_check` itself, in the background (the
    window, whose first paint must not wait for a large store's check).
    """
    create_data_folder(folder)
    path = database_path(folder)
    had_backups = bool(backups.list_backups(folder))
    revision = health.first_look(path, SCHEMA_HEAD, expect_data=had_backups)
    if revision is not None and daily:
        backups.backup_if_due(folder, now)
    if revision != SCHEMA_HEAD:
        _upgrade(path, first=revision is None)
    for private in (path, *(path.with_name(path.name + s) for s in backups.COMPANIONS)):
        if private.exists():
            make_private(private)
    media = media_dir(folder)  # made here, private, before the media cache writes into it
    media.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
    make_private(media, PRIVATE_FOLDER)


def daily_check(folder: Path) -> backups.Backup | None:
    """Check and back up the database if not yet done today (StoreDamaged if it is damaged)."""
    return backups.backup_if_due(folder)


def _upgrade(path: Path, *, first: bool) -> None:
    from kaizen_exchange.store.db import make_engine, migrate  # Alembic, only when there is work

    if first:  # SQLite gives its WAL and shared-memory files the database file's rights
        path.touch(mode=0o600, exist_ok=True)
    engine = make_engine(path, atomic_ddl=True)  # all of an upgrade, or none of it
    try:
        migrate(engine)
    except sqlite3.DatabaseError as exc:
        raise _explained(path, exc) from exc
    except Exception as exc:  # any other failure here means the file is unusable as is
        cause = exc.__cause__ if isinstance(exc.__cause__, sqlite3.Error) else None
        if cause is not None:
            raise _explained(path, cause) from exc
        log.exception("Upgrading %s failed", path)
        raise StoreError(
            f"The database in {path.parent} could not be upgraded to this version. "
            "Close other copies of Kaizen Exchange and try again; your data has not "
            "been changed."
        ) from exc
    finally:
        engine.dispose()


def _explained(path: Path, exc: sqlite3.Error) -> StoreError:
    from kaizen_exchange.store.problems import explain

    return explain(exc, path.parent) or StoreError(
        f"The database in {path.parent} could not be upgraded ({exc}). Close other "
        "copies of Kaizen Exchange and try again; your data has not been changed."
    )


__all__ = ["SCHEMA_HEAD", "daily_check", "prepare"]
