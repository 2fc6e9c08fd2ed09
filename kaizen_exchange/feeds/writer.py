"""Every database change a sync makes goes through here.

The feed writes run on the one writer thread, many to a transaction
(:class:`~kaizen_exchange.feeds.write_queue.WriteQueue`), each all-or-nothing, so the
store is consistent after a crash at any moment: a feed's posts and its new
validators are committed together, and a media row points at a file only after the
file is complete on disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
from sqlalchemy.engine import Connection
from sqlmodel import Session, select

from kaizen_exchange.feeds import post_rows as rows
from kaizen_exchange.feeds.parse import ParsedEntry, ParsedFeed
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, Media, utcnow

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


def fresh_until(headers: httpx.Headers, now: datetime) -> datetime | None:
    """Cache-Control max-age, capped, so a server can ask us to come back later."""
    match = _MAX_AGE.search(headers.get("cache-control", ""))
    if not match or "no-cache" in headers.get("cache-control", "").lower():
        return None
    return now + min(timedelta(seconds=int(match.group(1))), MAX_AGE_CAP)


def answer(
    feed_id: int, status: str, http: int, headers: httpx.Headers, moved_to: str | None
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


# The sync's writes. Each takes the session of a WriteQueue batch and is one
# all-or-nothing unit of it; all but add_feed are plain SQL (they run by the hundred).


def add_feed(session: Session, school_id: str, url: str) -> int:
    feed = session.exec(select(Feed).where(Feed.url == url)).first()
    if feed is None:
        feed = Feed(school_id=school_id, url=url)
        session.add(feed)
        session.flush()
    assert feed.id is not None
    return feed.id


def answered(session: Session, answers: list[rows.FeedAnswer]) -> None:
    """Feeds that answered with nothing new (304, or the same bytes as last time).

    Losing these to a crash loses nothing: those feeds are simply asked again.
    """
    if answers:
        rows.feeds_answered(session.connection(), answers)


def feed_page(
    session: Session,
    school_id: str,
    parsed: ParsedFeed,
    fetched: rows.FeedAnswer | None,
    feed_id: int,
    body_hash: str | None = None,
) -> Applied:
    """Store one page of a feed; page 1 (``fetched``) also records the feed's answer."""
    connection = session.connection()
    if fetched is not None:
        rows.feeds_answered(connection, [fetched])
        rows.feed_stored(connection, feed_id, body_hash, parsed.title, parsed.site_url)
    return _upsert_posts(connection, school_id, feed_id, parsed.entries)


def history_done(session: Session, feed_id: int) -> None:
    rows.history_done(session.connection(), feed_id)


def gone(session: Session, feed_id: int) -> None:
    feed = session.get_one(Feed, feed_id)
    feed.status = "gone"
    feed.http_status = 410
    feed.last_checked = utcnow()
    feed.last_error = "The blog removed this feed for good (HTTP 410); we stopped asking."


def failed(
    session: Session,
    feed_id: int,
    message: str,
    http_status: int | None,
    retry_at: datetime | None,
) -> None:
    now = utcnow()
    feed = session.get_one(Feed, feed_id)
    feed.failures += 1
    feed.status = "error"
    feed.http_status = http_status
    feed.last_error = message
    feed.last_checked = now
    wait = now + backoff(feed.failures)
    feed.next_check = max(retry_at, wait) if retry_at else (wait if wait > now else None)


class MediaWriter:
    """The media phase's writes, each its own short transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def media_done(self, done: list[rows.MediaDone]) -> None:
        """Record finished downloads in one transaction (their files are already on disk)."""
        if done:
            with self.store.session() as session:
                rows.media_done(session.connection(), done, utcnow())

    def media_failed(self, media_id: int, status: str, message: str) -> None:
        with self.store.session() as session:
            media = session.get_one(Media, media_id)
            media.status, media.error, media.fetched_at = status, message, utcnow()


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
    if fresh:
        rows.insert_posts(connection, school_id, feed_id, fresh, utcnow())
    if edited:
        rows.update_posts(connection, edited)
    ids = rows.known_posts(connection, school_id, [e.identity for e in fresh])
    rows.link_media(connection, [(ids[e.identity][0], e) for e in fresh] + edited)
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
