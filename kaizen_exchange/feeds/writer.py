"""Every database change a sync makes goes through here.

Each write is one all-or-nothing unit of a transaction, so the store is consistent
after a crash at any moment: a feed's posts and its new validators are committed
together (by the worker that parsed them, :mod:`kaizen_exchange.feeds.page_store`),
answers and errors in batches on the writer thread
(:class:`~kaizen_exchange.feeds.write_queue.WriteQueue`), and a media row points at a
file only after the file is complete on disk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from sqlite3 import Connection
from typing import TYPE_CHECKING

from kaizen_exchange.feeds import post_rows as rows
from kaizen_exchange.store.sqlite import Database, sql_time, utcnow

if TYPE_CHECKING:  # the parser (and feedparser) loads only where pages are parsed
    from kaizen_exchange.feeds.parse import ParsedEntry, ParsedFeed

MAX_AGE_CAP = timedelta(hours=24)
BACKOFF_START = timedelta(minutes=5)
BACKOFF_CAP = timedelta(hours=24)
_MAX_AGE = re.compile(r"max-age\s*=\s*(\d+)", re.I)


@dataclass
class Applied:
    """What one page of a feed changed."""

    new: int = 0
    updated: int = 0


def backoff(failures: int) -> timedelta:
    """0 after a first failure (the next sync retries), then 5 min doubling up to a day."""
    if failures <= 1:
        return timedelta(0)
    delay: timedelta = BACKOFF_START * (2 ** (failures - 2))
    return min(delay, BACKOFF_CAP)


def fresh_until(headers: Mapping[str, str], now: datetime) -> datetime | None:
    """Cache-Control max-age, capped, so a server can ask us to come back later."""
    match = _MAX_AGE.search(headers.get("cache-control", ""))
    if not match or "no-cache" in headers.get("cache-control", "").lower():
        return None
    return now + min(timedelta(seconds=int(match.group(1))), MAX_AGE_CAP)


def answer(
    feed_id: int, status: str, http: int, headers: Mapping[str, str], moved_to: str | None
) -> rows.FeedAnswer:
    """A feed that answered: its new validators, when to ask again, where it moved."""
    now = utcnow()
    return rows.FeedAnswer(
        feed_id=feed_id,
        status=status,
        http_status=http,
        now=now,
        next_check=fresh_until(headers, now),
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
        url=moved_to,
    )


# The sync's writes. Each takes the connection of a WriteQueue batch (inside its
# transaction) and is one all-or-nothing unit of it.

GONE = "The blog removed this feed for good (HTTP 410); we stopped asking."


def add_feed(connection: Connection, school_id: str, url: str) -> int:
    """The feed with this address (added to the school when new)."""
    connection.execute(
        "INSERT OR IGNORE INTO feed (school_id, url, status, failures, history_done)"
        " VALUES (?, ?, 'new', 0, 0)",
        (school_id, url),
    )
    feed_id: int = connection.execute("SELECT id FROM feed WHERE url = ?", (url,)).fetchone()[0]
    return feed_id


def answered(connection: Connection, answers: list[rows.FeedAnswer]) -> None:
    """Feeds that answered with nothing new (304, or the same bytes as last time).

    Losing these to a crash loses nothing: those feeds are simply asked again.
    """
    if answers:
        rows.feeds_answered(connection, answers)


def feed_page(
    connection: Connection,
    school_id: str,
    parsed: ParsedFeed,
    fetched: rows.FeedAnswer | None,
    feed_id: int,
    body_hash: str | None = None,
) -> Applied:
    """Store one page of a feed; page 1 (``fetched``) also records the feed's answer."""
    if fetched is not None:
        rows.feeds_answered(connection, [fetched])
        rows.feed_stored(connection, feed_id, body_hash, parsed.title, parsed.site_url)
    return _upsert_posts(connection, school_id, feed_id, parsed.entries)


def history_done(connection: Connection, feed_ids: list[int]) -> None:
    rows.history_done(connection, feed_ids)


def gone(connection: Connection, feed_id: int) -> None:
    connection.execute(
        "UPDATE feed SET status = 'gone', http_status = 410, last_checked = ?, last_error = ?"
        " WHERE id = ?",
        (sql_time(utcnow()), GONE, feed_id),
    )


def failed(
    connection: Connection,
    feed_id: int,
    message: str,
    http_status: int | None,
    retry_at: datetime | None,
) -> None:
    """A failed attempt: back off (longer each time in a row), or wait as the server asked."""
    now = utcnow()
    row = connection.execute("SELECT failures FROM feed WHERE id = ?", (feed_id,)).fetchone()
    failures = (row[0] if row else 0) + 1
    wait = now + backoff(failures)
    next_check = max(retry_at, wait) if retry_at else (wait if wait > now else None)
    connection.execute(
        "UPDATE feed SET failures = ?, status = 'error', http_status = ?, last_error = ?,"
        " last_checked = ?, next_check = ? WHERE id = ?",
        (failures, http_status, message, sql_time(now), sql_time(next_check), feed_id),
    )


class MediaWriter:
    """The media phase's writes, each its own short transaction."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def media_done(self, done: list[rows.MediaDone]) -> None:
        """Record finished downloads in one transaction (their files are already on disk)."""
        if done:
            with self.database.writing() as connection:
                rows.media_done(connection, done, utcnow())

    def media_failed(self, media_id: int, status: str, message: str) -> None:
        """A failed download; an ``error`` (server down, 5xx…) is asked again after a
        back-off like a feed's, while ``too_large`` and ``invalid`` are for good."""
        now = utcnow()
        with self.database.writing() as connection:
            row = connection.execute(
                "SELECT failures FROM media WHERE id = ?", (media_id,)
            ).fetchone()
            failures = (row[0] if row else 0) + 1
            next_try = now + backoff(failures) if status == "error" else None
            connection.execute(
                "UPDATE media SET status = ?, error = ?, fetched_at = ?, failures = ?,"
                " next_try = ? WHERE id = ?",
                (status, message, sql_time(now), failures, sql_time(next_try), media_id),
            )


def _upsert_posts(
    connection: Connection, school_id: str, feed_id: int, entries: list[ParsedEntry]
) -> Applied:
    """Insert new posts and update edited ones (identity: GUID, else link, per school)."""
    unique = list({e.identity: e for e in reversed(entries)}.values())
    known = rows.known_posts(connection, school_id, [e.identity for e in unique])
    fresh = [e for e in unique if e.identity not in known]
    edited = [
        (known[e.identity][0], e)
        for e in unique
        if e.identity in known and known[e.identity][1] != e.content_hash
    ]
    ids = rows.insert_posts(connection, school_id, feed_id, fresh, utcnow()) if fresh else []
    if edited:
        rows.update_posts(connection, edited)
    rows.link_media(connection, list(zip(ids, fresh, strict=True)) + edited)
    return Applied(new=len(fresh), updated=len(edited))


__all__ = [
    "Applied",
    "MediaWriter",
    "add_feed",
    "answer",
    "answered",
    "backoff",
    "failed",
    "feed_page",
    "fresh_until",
    "gone",
    "history_done",
]
