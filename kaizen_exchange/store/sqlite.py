"""The store's database through the standard library's sqlite3 alone.

The sync runs as a short process of its own (the command line, a scheduled task, the
window's sync child). Importing SQLModel and SQLAlchemy took half a second, longer
than a whole sync of feeds that have nothing new, so the sync, the offline media
cache and the connection settings every opener shares live here, on plain sqlite3.
The ORM (:mod:`kaizen_exchange.store.db`) is for the window and the other commands.
Both open through :func:`kaizen_exchange.store.opening.prepare`, which checks, backs
up and upgrades the database (importing Alembic only when there is an upgrade to run).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol, overload

from kaizen_exchange.paths import absolute, database_path, media_dir
from kaizen_exchange.store.opening import SCHEMA_HEAD, prepare


def configure(connection: sqlite3.Connection) -> None:
    """What every connection to the store uses, whoever opens it."""
    # Posts are ~10 KB rows (HTML and text): 8 KB pages store them with fewer overflow
    # pages, and a cold sync writes 15% faster. Only a new, empty file takes this.
    connection.execute("PRAGMA page_size=8192")
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; safe with WAL
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA busy_timeout=10000")


def current_revision(path: Path) -> str | None:
    """The Alembic revision a database file is at, or None when it has no schema yet."""
    if not path.exists():
        return None
    with sqlite3.connect(path) as conn:
        try:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            return None
    return str(row[0]) if row else None


def utcnow() -> datetime:
    """Now, as an aware UTC datetime (what the store keeps)."""
    return datetime.now(UTC)


@overload
def aware(moment: datetime) -> datetime: ...
@overload
def aware(moment: None) -> None: ...
def aware(moment: datetime | None) -> datetime | None:
    """A time read back through SQLModel (SQLite gives naive datetimes) as aware UTC."""
    return moment.replace(tzinfo=UTC) if moment and moment.tzinfo is None else moment


def sql_time(value: datetime | None) -> str | None:
    """An instant in the text form the ORM stores (UTC, no offset; tested both ways)."""
    if value is None:
        return None
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def from_sql_time(value: str | None) -> datetime | None:
    """The aware UTC instant stored as :func:`sql_time` text."""
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection to the store's file in autocommit mode: use :func:`transaction` to write.

    Not tied to the thread that opened it; share one between threads only in turns."""
    connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    configure(connection)
    return connection


class Database:
    """One data folder's database file, opened with plain sqlite3 connections."""

    def __init__(self, folder: Path, *, upgrade: bool = True) -> None:
        self.folder = absolute(folder)
        self.path = database_path(self.folder)
        self.media_dir = media_dir(self.folder)
        if upgrade:
            prepare(self.folder)
        self._reader: sqlite3.Connection | None = None

    def connect(self) -> sqlite3.Connection:
        """A new connection to this store (see :func:`connect`)."""
        return connect(self.path)

    def rows(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> list[Any]:
        """The rows of one read (on a connection kept for reads)."""
        if self._reader is None:
            self._reader = self.connect()
        return self._reader.execute(sql, params).fetchall()

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """A short-lived connection with one transaction: committed, or rolled back on error."""
        connection = self.connect()
        try:
            with transaction(connection):
                yield connection
        finally:
            connection.close()

    def close(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None


#: How long a writer waits for its turn before going ahead on SQLite's own locking.
TURN_WAIT = 10.0


class TurnLock(Protocol):
    """A threading or multiprocessing lock."""

    def acquire(self, block: bool = ..., timeout: float = ...) -> bool: ...

    def release(self) -> None: ...


@contextmanager
def taking_turns(lock: TurnLock | None) -> Iterator[None]:
    """Hold ``lock`` (shared by the processes writing one store) while writing.

    Waiting on a lock wakes the moment it is free, where SQLite's own wait sleeps and
    polls. If the lock cannot be had in TURN_WAIT (a worker died holding it), go ahead
    anyway: SQLite still keeps the writes apart, and the sync must not hang.
    """
    acquired = lock.acquire(True, TURN_WAIT) if lock is not None else False
    try:
        yield
    finally:
        if acquired and lock is not None:
            lock.release()


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``: the write lock is taken up front, so a
    transaction never fails half-way for want of it."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


__all__ = [
    "SCHEMA_HEAD",
    "Database",
    "configure",
    "connect",
    "current_revision",
    "from_sql_time",
    "sql_time",
    "taking_turns",
    "transaction",
    "utcnow",
]
