"""Upgrading a store made before sharing existed keeps its data and adds the sharing tables."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kaizen_exchange.paths import database_path
from kaizen_exchange.sharing.drafts import create_draft, list_drafts
from kaizen_exchange.store.db import SCHEMA_HEAD, Store, make_engine, migrate


def test_a_0004_store_upgrades_keeps_its_schools_and_can_hold_drafts(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(database_path(folder))
    migrate(engine, "0004")
    engine.dispose()
    with sqlite3.connect(database_path(folder)) as conn:
        conn.execute(
            "INSERT INTO school (id, name, country, timezone, home) "
            "VALUES ('oak', 'Oak Primary', 'GB', 'Europe/London', 1)"
        )
    store = Store(folder)
    try:
        assert store.execute_raw("SELECT version_num FROM alembic_version")[0][0] == SCHEMA_HEAD
        assert store.execute_raw("SELECT name FROM school") == [("Oak Primary",)]
        create_draft(store, title="First post", text="Hello partners")
        assert [d.title for d in list_drafts(store)] == ["First post"]
    finally:
        store.close()
