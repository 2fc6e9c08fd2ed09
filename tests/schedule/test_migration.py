"""Migration 0002 adds the session tables to an existing store and keeps its data."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import Session, select

from kaizen_exchange.schedule.models import CallSession, CallSessionSchool
from kaizen_exchange.store.db import SCHEMA_HEAD, Store, current_revision, make_engine, migrate
from kaizen_exchange.store.models import School


def test_upgrade_from_0001_keeps_schools_and_adds_sessions(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    engine = make_engine(folder / "kaizen.sqlite3")
    migrate(engine, "0001")
    with Session(engine) as session:
        session.add(School(id="uk", name="UK", country="GB", timezone="Europe/London"))
        session.commit()
    engine.dispose()
    assert current_revision(folder / "kaizen.sqlite3") == "0001"

    store = Store(folder)
    try:
        assert current_revision(store.path) == SCHEMA_HEAD
        with store.session() as session:
            assert session.get(School, "uk") is not None
            row = CallSession(
                uid="u@x",
                title="T",
                start=datetime(2026, 6, 2, 7, tzinfo=UTC),
                zone="Europe/London",
                minutes=30,
            )
            session.add(row)
            session.flush()
            session.add(CallSessionSchool(session_id=row.id or 0, school_id="uk"))
        with store.session() as session:
            [back] = session.exec(select(CallSession)).all()
        assert back.start_utc() == datetime(2026, 6, 2, 7, tzinfo=UTC)
        assert store.integrity_ok()
    finally:
        store.close()


def test_downgrade_to_0001_drops_only_the_session_tables(tmp_path):
    from alembic import command
    from alembic.config import Config

    from kaizen_exchange.store.db import MIGRATIONS

    Store(tmp_path / "data").close()
    engine = make_engine(tmp_path / "data" / "kaizen.sqlite3")
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
        names = {row[0] for row in rows}
    engine.dispose()
    assert "call_session" not in names and "call_session_school" not in names
    assert "school" in names
