"""The one writer of a sync: every database change a sync makes goes through here.

Each method is one short transaction, so the store is consistent after a crash at
any moment: a feed's posts and its new validators are committed together, and a
media row points at a file only after the file is complete on disk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import httpx
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


class SyncWriter:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add_feed(self, school_id: str, url: str) -> int:
        with self.store.session() as session:
            feed = session.exec(select(Feed).where(Feed.url == url)).first()
            if feed is None:
                feed = Feed(school_id=school_id, url=url)
                session.add(feed)
                session.flush()
            assert feed.id is not None
            return feed.id

    def _touch_feed(
        self, session: Session, feed_id: int, status: str, headers: httpx.Headers, http: int
    ) -> Feed:
        now = utcnow()
        feed = session.get_one(Feed, feed_id)
        feed.status = status
        feed.http_status = http
        feed.last_checked = feed.last_success = now
        feed.failures = 0
        feed.last_error = None
        feed.next_check = fresh_until(headers, now)
        feed.etag = headers.get("etag", feed.etag)
        feed.last_modified = headers.get("last-modified", feed.last_modified)
        return feed

    @staticmethod
    def answer(
        feed_id: int, status: str, http: int, headers: httpx.Headers, moved_to: str | None
    ) -> rows.FeedAnswer:
        """A feed that answered with nothing new (304, or the same bytes as last time)."""
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

    def answered(self, answers: list[rows.FeedAnswer]) -> None:
        """Record a batch of such answers in one transaction (a warm sync is 500 of them).

        Losing a batch to a crash loses nothing: those feeds are simply asked again.
        """
        if answers:
            with self.store.session() as session:
                rows.feeds_answered(session.connection(), answers)

    def feed_page(
        self,
        feed_id: int,
        parsed: ParsedFeed,
        *,
        headers: httpx.Headers | None = None,
        body_hash: str | None = None,
        moved_to: str | None = None,
    ) -> Applied:
        """Store one page of a feed; with ``headers`` it is page 1 and updates the feed row."""
        with self.store.session() as session:
            feed = session.get_one(Feed, feed_id)
            if headers is not None:
                feed = self._touch_feed(
                    session, feed_id, "moved" if moved_to else "ok", headers, 200
                )
                feed.body_hash = body_hash
                feed.title = parsed.title or feed.title
                feed.site_url = parsed.site_url or feed.site_url
                if moved_to:
                    feed.url = moved_to
            return _upsert_posts(session, feed.school_id, feed_id, parsed.entries)

    def history_done(self, feed_id: int) -> None:
        with self.store.session() as session:
            session.get_one(Feed, feed_id).history_done = True

    def gone(self, feed_id: int) -> None:
        with self.store.session() as session:
            feed = session.get_one(Feed, feed_id)
            feed.status = "gone"
            feed.http_status = 410
            feed.last_checked = utcnow()
            feed.last_error = "The blog removed this feed for good (HTTP 410); we stopped asking."

    def failed(
        self, feed_id: int, message: str, http_status: int | None, retry_at: datetime | None
    ) -> None:
        now = utcnow()
        with self.store.session() as session:
            feed = session.get_one(Feed, feed_id)
            feed.failures += 1
            feed.status = "error"
            feed.http_status = http_status
            feed.last_error = message
            feed.last_checked = now
            wait = now + backoff(feed.failures)
            feed.next_check = max(retry_at, wait) if retry_at else (wait if wait > now else None)

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
    session: Session, school_id: str, feed_id: int, entries: list[ParsedEntry]
) -> Applied:
    """Insert new posts and update edited ones (identity: GUID, else link, per school)."""
    unique = list({e.identity: e for e in reversed(entries)}.values())
    connection = session.connection()
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


__all__ = ["Applied", "SyncWriter", "backoff", "fresh_until"]
