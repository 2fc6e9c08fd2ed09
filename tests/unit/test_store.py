"""The store: migrations keep a teacher's data, WAL mode, and the full-text index."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlmodel import select

from kaizen_exchange.paths import database_path
from kaizen_exchange.reading.posts import list_posts
from kaizen_exchange.store.db import MIGRATIONS, SCHEMA_HEAD, Store, make_engine, migrate
from kaizen_exchange.store.models import Feed, Post, School, SchoolPeriod


def test_schema_head_constant_is_alembics_head() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def _old_store(folder: Path, revision: str, *statements: str) -> Path:
    """A data folder whose database an older version made (at ``revision``), with data."""
    folder.mkdir()
    engine = make_engine(database_path(folder))
    migrate(engine, revision)
    with sqlite3.connect(database_path(folder)) as conn:
        for statement in statements:
            conn.execute(statement)
    engine.dispose()
    return folder


def test_database_made_by_first_migration_upgrades_and_keeps_data(tmp_path: Path) -> None:
    folder = _old_store(
        tmp_path / "old",
        "0001",
        "INSERT INTO school (id, name, country, timezone, home) "
        "VALUES ('oak', 'Oak Primary', 'GB', 'Europe/London', 1)",
        'INSERT INTO school_period (school_id, kind, name, start, "end", source) '
        "VALUES ('oak', 'term', 'Autumn', '2026-09-03', '2026-12-18', 'network')",
    )
    store = Store(folder)
    with store.session() as session:
        school = session.get_one(School, "oak")
        assert school.name == "Oak Primary" and school.home
        period = session.exec(select(SchoolPeriod)).one()
        assert period.start == date(2026, 9, 3)
    rows = store.execute_raw("SELECT version_num FROM alembic_version")
    assert rows[0][0] == SCHEMA_HEAD
    assert store.integrity_ok()


def test_store_uses_write_ahead_logging(store: Store) -> None:
    assert store.execute_raw("PRAGMA journal_mode")[0][0] == "wal"


#: raises "database disk image is malformed" unless the index holds exactly the posts'
#: words (rank 1: FTS5 also reads the posts table it indexes)
FTS_MATCHES_POSTS = "INSERT INTO post_fts (post_fts, rank) VALUES ('integrity-check', 1)"


def _write(store: Store, sql: str) -> None:
    with sqlite3.connect(store.path) as connection:
        connection.execute(sql)


def _post(store: Store, title: str, text: str, when: datetime) -> None:
    with store.session() as session:
        if session.get(School, "oak") is None:
            session.add(School(id="oak", name="Oak", country="GB", timezone="Europe/London"))
            session.flush()
            session.add(Feed(id=1, school_id="oak", url="http://oak.test/feed/"))
            session.flush()
        session.add(
            Post(school_id="oak", feed_id=1, identity=title, title=title, text=text, published=when)
        )


def test_full_text_search_follows_inserts_and_edits(store: Store) -> None:
    _post(store, "Rainfall in Perth", "We measured the rain", datetime(2026, 5, 1, tzinfo=UTC))
    _post(store, "Persuasive letters", "Dear partner class", datetime(2026, 5, 2, tzinfo=UTC))
    assert [p.title for p in list_posts(store, search="rain")] == ["Rainfall in Perth"]
    assert [p.title for p in list_posts(store, search="partn")] == ["Persuasive letters"]
    with store.session() as session:
        post = session.exec(select(Post).where(Post.identity == "Persuasive letters")).one()
        post.text = "Dear friends in Adelaide"
    assert list_posts(store, search="partner") == []
    assert [p.title for p in list_posts(store, search="adelaide")] == ["Persuasive letters"]


def test_every_prefix_of_a_word_finds_its_post_while_the_teacher_types(store: Store) -> None:
    """Search is type-ahead: the list must not empty half-way through a word (with a
    stemmer, "learning" was indexed as "learn", so "learni" and "swimm" found nothing)."""
    _post(
        store, "Swimming gala", "We were learning about volcanoes", datetime(2026, 5, 1, tzinfo=UTC)
    )
    for word in ("swimming", "learning", "volcanoes"):
        for end in range(2, len(word) + 1):
            found = [p.title for p in list_posts(store, search=word[:end])]
            assert found == ["Swimming gala"], word[:end]
    assert list_posts(store, search="learnt") == []
    _post(store, "Café visit", "Crème brûlée", datetime(2026, 5, 2, tzinfo=UTC))
    assert [p.title for p in list_posts(store, search="cafe creme")] == ["Café visit"]


def test_fts_index_matches_the_posts_after_inserts_edits_and_deletes(store: Store) -> None:
    _post(store, "Rainfall in Perth", "We measured the rain", datetime(2026, 5, 1, tzinfo=UTC))
    _post(store, "Persuasive letters", "Dear partner class", datetime(2026, 5, 2, tzinfo=UTC))
    with store.session() as session:
        post = session.exec(select(Post).where(Post.identity == "Rainfall in Perth")).one()
        post.title = "Rain in Perth"
    _write(store, "DELETE FROM post WHERE identity = 'Persuasive letters'")
    _write(store, FTS_MATCHES_POSTS)
    assert [p.title for p in list_posts(store, search="rain")] == ["Rain in Perth"]
    assert list_posts(store, search="partner") == []


def test_upgrade_to_0003_reindexes_posts_for_type_ahead(tmp_path: Path) -> None:
    folder = _old_store(
        tmp_path / "old",
        "0002",  # its trigger indexed the post with the Porter stemmer
        "INSERT INTO school (id, name, country, timezone) VALUES ('oak', 'Oak', 'GB', 'UTC')",
        "INSERT INTO feed (id, school_id, url) VALUES (1, 'oak', 'http://oak.test/')",
        "INSERT INTO post (school_id, feed_id, identity, title, text, published, fetched_at)"
        " VALUES ('oak', 1, 'a', 'Learning to swim', 'At the pool', '2026-05-01', '2026-05-01')",
    )
    store = Store(folder)
    try:
        assert store.execute_raw("SELECT version_num FROM alembic_version")[0][0] == SCHEMA_HEAD
        assert [p.title for p in list_posts(store, search="learni")] == ["Learning to swim"]
        _write(store, "UPDATE post SET text = 'At the beach' WHERE identity = 'a'")
        assert [p.title for p in list_posts(store, search="beach")] == ["Learning to swim"]
        assert list_posts(store, search="pool") == []
        _write(store, FTS_MATCHES_POSTS)
    finally:
        store.close()


def test_search_with_only_punctuation_finds_nothing_instead_of_failing(store: Store) -> None:
    _post(store, "Maths", "Fractions", datetime(2026, 5, 1, tzinfo=UTC))
    assert list_posts(store, search='"*)(') == []


def test_a_sync_of_a_current_store_never_loads_the_orm(tmp_path: Path) -> None:
    """The sync is a short process of its own: importing SQLModel/SQLAlchemy cost more than
    a whole sync of feeds with nothing new, so the sync works on plain sqlite3; and a
    sync with nothing to parse never loads the parser (feedparser, nh3) either."""
    Store(tmp_path).close()  # at the newest schema already
    heavy = ("sqlalchemy", "sqlmodel", "alembic", "feedparser", "nh3")
    code = (
        "import sys; from kaizen_exchange.cli.main import main; "
        f"code = main(['--data-dir', {str(tmp_path)!r}, 'sync', '--json']); "
        f"print(code, sorted(m for m in {heavy!r} if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip().splitlines()[-1] == "0 []", run.stdout + run.stderr
