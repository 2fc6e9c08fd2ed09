"""The ORM's models and the migrated database describe the same tables, and agree on times.

The window reads through SQLModel; the sync writes through plain sqlite3 with
:func:`sql_time`. Nothing but these tests keeps the two in step with the migrations.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel, col, select

import kaizen_exchange.conversations.models
import kaizen_exchange.publishing.models
import kaizen_exchange.schedule.models
import kaizen_exchange.sharing.models
import kaizen_exchange.store.models
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, School
from kaizen_exchange.store.sqlite import from_sql_time, sql_time

#: Tables SQLite makes for the full-text index (a virtual table the ORM does not model).
FTS_TABLES = {
    f"{table}_fts{part}"
    for table in ("post", "comment")
    for part in ("", "_data", "_idx", "_config", "_docsize")
}
MODEL_MODULES = (
    kaizen_exchange.store.models,
    kaizen_exchange.schedule.models,
    kaizen_exchange.sharing.models,
    kaizen_exchange.publishing.models,
    kaizen_exchange.conversations.models,
)


def _differences(store: Store) -> list[object]:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "compare_server_default": False}
        )
        found = compare_metadata(context, SQLModel.metadata)
    return [
        d
        for d in found
        if not (isinstance(d, tuple) and d[0] == "remove_table" and d[1].name in FTS_TABLES)
    ]


def test_models_match_a_freshly_migrated_database(tmp_path: Path) -> None:
    """Tables, columns, types, nullability, indexes and unique constraints."""
    assert MODEL_MODULES
    store = Store(tmp_path / "data")
    try:
        assert _differences(store) == []
    finally:
        store.close()


def test_times_round_trip_through_both_paths(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    moments = [
        datetime(2026, 3, 29, 0, 59, 59, 999999, tzinfo=UTC),
        datetime(2026, 10, 4, 2, 30, tzinfo=timezone(timedelta(hours=10, minutes=30))),
        datetime(1999, 12, 31, 23, 0, tzinfo=UTC),
    ]
    try:
        with store.session() as session:
            session.add(School(id="oak", name="Oak", country="GB", timezone="Europe/London"))
            session.flush()
            for number in range(len(moments)):
                session.add(Feed(id=number + 1, school_id="oak", url=f"http://o/{number}"))
                session.flush()
        with store.database.writing() as connection:  # written by the sync's path
            for number, moment in enumerate(moments):
                connection.execute(
                    "UPDATE feed SET last_success = ? WHERE id = ?", (sql_time(moment), number + 1)
                )
        with store.session() as session:  # read by the ORM
            read = [f.last_success for f in session.exec(select(Feed).order_by(col(Feed.id)))]
            assert [r.replace(tzinfo=UTC) if r else None for r in read] == [
                m.astimezone(UTC) for m in moments
            ]
            ordered = session.exec(select(Feed).order_by(col(Feed.id)))
            for feed, moment in zip(ordered, moments, strict=True):
                feed.last_success = moment  # written by the ORM
        rows = store.execute_raw("SELECT last_success FROM feed ORDER BY id")
        assert [from_sql_time(r[0]) for r in rows] == [m.astimezone(UTC) for m in moments]
    finally:
        store.close()
