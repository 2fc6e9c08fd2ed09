"""The sync's SQL, run straight on a sqlite3 connection, by the hundred with ``executemany``.

A cold sync writes ten thousand posts and their media links; building an
SQLAlchemy statement per row cost more than parsing the feeds. These statements
are the same every time, so they are written out here once, next to the table
layout of migration 0001, and only :mod:`kaizen_exchange.feeds.writer` calls them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from sqlite3 import Connection
from typing import TYPE_CHECKING, Any

from kaizen_exchange.store.sqlite import sql_time

if TYPE_CHECKING:
    from kaizen_exchange.feeds.parse import ParsedEntry

_POST_COLUMNS = "identity, guid, url, title, author, categories, updated, html, text, content_hash"
_INSERT_POST = (
    "INSERT INTO post (id, school_id, feed_id, published, fetched_at, read, pinned,"
    f" {_POST_COLUMNS}) VALUES (?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPDATE_POST = (
    "UPDATE post SET identity = ?, guid = ?, url = ?, title = ?, author = ?, categories = ?,"
    " updated = ?, html = ?, text = ?, content_hash = ?, published = coalesce(?, published)"
    " WHERE id = ?"
)


@dataclass(frozen=True)
class MediaDone:
    """A finished download, ready to be recorded (its file is already in the cache)."""

    media_id: int
    sha256: str
    size: int
    mime: str
    ext: str


@dataclass(frozen=True)
class FeedAnswer:
    """A feed that answered without new content (304, or the same bytes again)."""

    feed_id: int
    status: str
    http_status: int
    now: datetime
    next_check: datetime | None
    etag: str | None
    last_modified: str | None
    url: str | None  # the new address after a permanent redirect


def feeds_answered(connection: Connection, answers: list[FeedAnswer]) -> None:
    """Record feeds that answered with nothing new, all in one statement."""
    connection.executemany(
        "UPDATE feed SET status = ?, http_status = ?, last_checked = ?, last_success = ?,"
        " failures = 0, last_error = NULL, next_check = ?, etag = coalesce(?, etag),"
        " last_modified = coalesce(?, last_modified), url = coalesce(?, url) WHERE id = ?",
        [
            (
                a.status,
                a.http_status,
                sql_time(a.now),
                sql_time(a.now),
                sql_time(a.next_check),
                a.etag,
                a.last_modified,
                a.url,
                a.feed_id,
            )
            for a in answers
        ],
    )


def feed_stored(
    connection: Connection,
    feed_id: int,
    body_hash: str | None,
    title: str | None,
    site_url: str | None,
) -> None:
    """What a newly read feed body tells us about the feed; missing titles keep the old one."""
    connection.execute(
        "UPDATE feed SET body_hash = ?, title = coalesce(?, title),"
        " site_url = coalesce(?, site_url) WHERE id = ?",
        (body_hash, title, site_url, feed_id),
    )


def history_done(connection: Connection, feed_ids: list[int]) -> None:
    """Feeds whose history has been paged back (on first subscription)."""
    connection.executemany(
        "UPDATE feed SET history_done = 1 WHERE id = ?", [(feed_id,) for feed_id in feed_ids]
    )


def _marks(count: int) -> str:
    return ",".join("?" * count)


def _rows(connection: Connection, sql: str, params: Sequence[Any]) -> list[Any]:
    return connection.execute(sql, tuple(params)).fetchall()


def known_posts(
    connection: Connection, school_id: str, identities: list[str]
) -> dict[str, tuple[int, str]]:
    """Existing posts of a school by identity: (id, content hash)."""
    if not identities:
        return {}
    rows = _rows(
        connection,
        "SELECT identity, id, content_hash FROM post"
        f" WHERE school_id = ? AND identity IN ({_marks(len(identities))})",
        [school_id, *identities],
    )
    return {identity: (post_id, digest) for identity, post_id, digest in rows}


def _values(entry: ParsedEntry) -> tuple[Any, ...]:
    return (
        entry.identity,
        entry.guid,
        entry.url,
        entry.title,
        entry.author,
        json.dumps(entry.categories, ensure_ascii=False),
        sql_time(entry.updated),
        entry.html,
        entry.text,
        entry.content_hash,
    )


def insert_posts(
    connection: Connection, school_id: str, feed_id: int, entries: list[ParsedEntry], now: datetime
) -> list[int]:
    """New posts, made searchable in the same transaction; returns their ids, in order.

    An undated post gets the time we first saw it. The ids are the next free ones
    (what SQLite would choose): the caller holds the write transaction, and knowing
    them lets the posts' words go to the index in one statement (migration 0003 says
    why that is not a trigger).
    """
    (last,) = connection.execute("SELECT coalesce(max(id), 0) FROM post").fetchone()
    ids = list(range(last + 1, last + 1 + len(entries)))
    connection.executemany(
        _INSERT_POST,
        [
            (post_id, school_id, feed_id, sql_time(e.published or now), sql_time(now), *_values(e))
            for post_id, e in zip(ids, entries, strict=True)
        ],
    )
    connection.executemany(
        "INSERT INTO post_fts (rowid, title, text) VALUES (?, ?, ?)",
        [(post_id, e.title, e.text) for post_id, e in zip(ids, entries, strict=True)],
    )
    return ids


def update_posts(connection: Connection, edits: list[tuple[int, ParsedEntry]]) -> None:
    """Edited posts, in place; an undated one keeps its first-seen time."""
    connection.executemany(
        _UPDATE_POST,
        [(*_values(e), sql_time(e.published), post_id) for post_id, e in edits],
    )


def link_media(connection: Connection, changed: list[tuple[int, ParsedEntry]]) -> None:
    """Which media each new or edited post uses; URLs never seen before start as pending."""
    if not changed:
        return
    post_ids = [post_id for post_id, _ in changed]
    connection.execute(
        f"DELETE FROM post_media WHERE post_id IN ({_marks(len(post_ids))})", tuple(post_ids)
    )
    uses: dict[tuple[int, str], str] = {}
    for post_id, entry in changed:
        for url in entry.images:
            uses.setdefault((post_id, url), "image")
        for enclosure in entry.enclosures:
            uses.setdefault((post_id, enclosure.url), "enclosure")
    if not uses:
        return
    urls = list(dict.fromkeys(url for _, url in uses))
    connection.executemany(
        "INSERT OR IGNORE INTO media (url, status) VALUES (?, 'pending')", [(u,) for u in urls]
    )
    ids = dict(
        _rows(connection, f"SELECT url, id FROM media WHERE url IN ({_marks(len(urls))})", urls)
    )
    connection.executemany(
        "INSERT OR IGNORE INTO post_media (post_id, media_id, kind) VALUES (?, ?, ?)",
        [(post_id, ids[url], kind) for (post_id, url), kind in uses.items()],
    )


def media_done(connection: Connection, done: list[MediaDone], now: datetime) -> None:
    """Record a batch of finished downloads: the blob (once per content) and its URLs."""
    when = sql_time(now)
    connection.executemany(
        "INSERT OR IGNORE INTO media_blob (sha256, size, mime, ext, last_used)"
        " VALUES (?, ?, ?, ?, ?)",
        [(d.sha256, d.size, d.mime, d.ext, when) for d in done],
    )
    connection.executemany(
        "UPDATE media SET sha256 = ?, mime = ?, status = 'ok', error = NULL, fetched_at = ?,"
        " failures = 0, next_try = NULL WHERE id = ?",
        [(d.sha256, d.mime, when, d.media_id) for d in done],
    )


__all__ = [
    "FeedAnswer",
    "MediaDone",
    "feed_stored",
    "feeds_answered",
    "history_done",
    "insert_posts",
    "known_posts",
    "link_media",
    "media_done",
    "sql_time",
    "update_posts",
]
