"""Opening the local SQLite store: WAL mode, foreign keys, and migrations to the newest schema.

A teacher upgrading the app keeps their data: every schema change is an Alembic
migration, applied here on open. When the database is already at the newest
revision we skip importing Alembic at all, which keeps the window's cold start fast.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool
from sqlmodel import Session, create_engine

from kaizen_exchange.paths import absolute, create_data_folder, database_path, media_dir
from kaizen_exchange.store.opening import SCHEMA_HEAD, prepare
from kaizen_exchange.store.sqlite import Database, configure, current_revision, utcnow

MIGRATIONS = Path(__file__).with_name("migrations")


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    configure(dbapi_connection)


def make_engine(path: Path, *, atomic_ddl: bool = False) -> Engine:
    """An engine on the file at ``path``, opened by sqlite3 itself.

    Not ``sqlite:///{path}``: SQLAlchemy reads that as a URL, so a folder named with
    ``?`` or ``%20`` put the database somewhere else. ``atomic_ddl`` (for migrations):
    sqlite3 runs CREATE and ALTER outside any transaction, so a migration stopped half
    way (a full disk) left tables without the revision that says they exist, and every
    later start failed on them; with it each migration is one ``BEGIN IMMEDIATE``
    transaction, as SQLAlchemy's documentation recommends for pysqlite.
    """

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(path, check_same_thread=False, isolation_level=None)

    creator = connect if atomic_ddl else _legacy(path)
    engine = create_engine("sqlite://", creator=creator, poolclass=QueuePool)  # a file's pool
    event.listen(engine, "connect", _on_connect)
    if atomic_ddl:
        event.listen(engine, "begin", _begin_immediate)
    return engine


def _legacy(path: Path) -> Callable[[], sqlite3.Connection]:
    """sqlite3's own transaction handling, which the ORM's sessions are used to."""
    return lambda: sqlite3.connect(path, check_same_thread=False)


def _begin_immediate(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the schema to ``revision`` (normally the newest)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


class Store:
    """The open store of one data folder: the database and the media cache beside it."""

    def __init__(self, folder: Path, *, upgrade: bool = True, daily: bool = True) -> None:
        self.folder = absolute(folder)
        if upgrade:  # checked, backed up once a day (see prepare), at the newest schema
            prepare(self.folder, daily=daily)
        else:
            create_data_folder(self.folder)
        self.path = database_path(self.folder)
        self.media_dir = media_dir(self.folder)
        self.engine = make_engine(self.path)
        #: the same file through plain sqlite3, for the sync and the media cache
        self.database = Database(self.folder, upgrade=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose work is one transaction: committed on success, rolled back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def update(self, model: type[Any], row_id: int, **values: Any) -> None:
        """Set ``values`` on one row (and its ``updated_at`` to now), in a transaction of
        its own: the outboxes record each step this way, so a crash keeps every step done."""
        with self.session() as session:
            row = session.get(model, row_id)
            assert row is not None, f"{model.__name__} {row_id} is gone"
            for key, value in values.items():
                setattr(row, key, value)
            row.updated_at = utcnow()
            session.add(row)

    def execute_raw(self, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
        """Run one read-only SQL statement (used for FTS and pragmas) and return its rows."""
        return self.database.rows(sql, params or {})

    def integrity_ok(self) -> bool:
        """SQLite's own check, and that the search index holds exactly the posts' words."""
        rows = self.execute_raw("PRAGMA integrity_check")
        if not rows or rows[0][0] != "ok":
            return False
        try:  # rank 1: FTS5 also reads the posts table it indexes
            with self.database.writing() as connection:
                connection.execute(
                    "INSERT INTO post_fts (post_fts, rank) VALUES ('integrity-check', 1)"
                )
        except sqlite3.DatabaseError:
            return False
        return True

    def close(self) -> None:
        self.database.close()
        self.engine.dispose()


def open_store(folder: Path) -> Store:
    return Store(folder)


__all__ = ["SCHEMA_HEAD", "Store", "current_revision", "make_engine", "migrate", "open_store"]
