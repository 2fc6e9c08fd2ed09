"""A search lists the newest matching posts, whichever way the store finds them.

`list_posts` looks first among the newest posts and falls back to every match when
that window holds too few; these tests compare it with the plain query on a store
where common, rare and absent words, ties in time and filters meet both paths.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kaizen_exchange.reading.posts import list_posts
from kaizen_exchange.store.db import Store

WORDS = ["the", "koala", "rainfall", "tessellation", "volcano", "recorder"]
WEIGHTS = [0.9, 0.3, 0.1, 0.02, 0.005, 0.0]  # share of posts with each word


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("search"))
    rng = random.Random(7)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with store.database.writing() as db:
        db.executemany(
            "INSERT INTO school (id, name, country, timezone) VALUES (?, ?, 'GB', 'UTC')",
            [(s, s.title()) for s in ("oak", "elm", "ash")],
        )
        db.executemany(
            "INSERT INTO feed (id, school_id, url) VALUES (?, ?, ?)",
            [(n, s, f"http://{s}.test/") for n, s in enumerate(("oak", "elm", "ash"), 1)],
        )
        for post_id in range(1, 1201):
            words = [w for w, share in zip(WORDS, WEIGHTS, strict=True) if rng.random() < share]
            school = rng.choice(["oak", "oak", "elm", "ash"])
            # ids do not follow dates (history pages arrive late), and many dates tie
            published = start + timedelta(hours=rng.randrange(600))
            db.execute(
                "INSERT INTO post (id, school_id, feed_id, identity, title, text, published,"
                " fetched_at, read) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
                (
                    post_id,
                    school,
                    f"p{post_id}",
                    f"Post {post_id}",
                    " ".join(words) or "nothing",
                    published.strftime("%Y-%m-%d %H:%M:%S.%f"),
                    published.strftime("%Y-%m-%d %H:%M:%S.%f"),
                    rng.random() < 0.5,
                ),
            )
            db.execute(
                "INSERT INTO post_fts (rowid, title, text) VALUES (?, ?, ?)",
                (post_id, f"Post {post_id}", " ".join(words) or "nothing"),
            )
    return store


def _expected(store: Store, word: str, limit: int, offset: int, **filters: object) -> list[int]:
    where = "".join(
        f" AND {column} = :{column}" for column in ("school_id", "read") if column in filters
    )
    sql = (
        "SELECT id FROM post WHERE id IN"
        " (SELECT rowid FROM post_fts WHERE post_fts MATCH :match)"
        f"{where} ORDER BY published DESC, id DESC LIMIT :limit OFFSET :offset"
    )
    params = {"match": f'"{word}"*', "limit": limit, "offset": offset, **filters}
    return [row[0] for row in store.execute_raw(sql, params)]


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize(("limit", "offset"), [(5, 0), (5, 40), (20, 0), (200, 0), (50, 1100)])
def test_search_lists_the_newest_matches_in_order(
    store: Store, word: str, limit: int, offset: int
) -> None:
    found = [p.id for p in list_posts(store, search=word, limit=limit, offset=offset)]
    assert found == _expected(store, word, limit, offset)


@pytest.mark.parametrize("word", ["the", "rainfall", "tessellation"])
def test_search_with_filters_lists_the_newest_matches(store: Store, word: str) -> None:
    for offset in (0, 10):
        found = [
            p.id for p in list_posts(store, search=word, school="elm", limit=10, offset=offset)
        ]
        assert found == _expected(store, word, 10, offset, school_id="elm")
        found = [p.id for p in list_posts(store, search=word, unread=True, limit=10, offset=offset)]
        assert found == _expected(store, word, 10, offset, read=0)


def test_common_word_needs_only_the_window_and_rare_word_falls_back(store: Store) -> None:
    """Both paths really run here: "the" fills 5 rows from the newest 50 posts, while
    "tessellation" (about 24 posts of 1200) cannot."""
    newest = store.execute_raw("SELECT id FROM post ORDER BY published DESC, id DESC LIMIT 50")
    window = {row[0] for row in newest}
    assert set(_expected(store, "the", 5, 0)) <= window
    assert not set(_expected(store, "tessellation", 5, 0)) <= window


def test_an_empty_path_is_fine(tmp_path: Path) -> None:
    empty = Store(tmp_path)
    assert list_posts(empty, search="the", limit=5) == []
