"""The comments' SQL, on the sync's plain sqlite3 connections (as posts' is, in feeds/post_rows).

Comments arrive ten at a time from a feed that mostly repeats itself, so every write
first looks up what is known: an unchanged comment is neither rewritten nor indexed
again, and only the comments whose text changed are updated.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from sqlite3 import Connection

from kaizen_exchange.feeds.post_rows import FeedAnswer
from kaizen_exchange.feeds.writer import backoff
from kaizen_exchange.store.sqlite import sql_time, utcnow

_COLUMNS = "parent_ref, url, author, published, html, text, content_hash"


@dataclass(frozen=True)
class CommentRow:
    """A sanitized comment, ready to store under its post."""

    identity: str
    post_ref: str
    post_link: str | None
    parent_ref: str | None
    url: str | None
    author: str
    published: datetime
    html: str
    text: str
    content_hash: str

    def values(self) -> tuple[object, ...]:
        return (
            self.parent_ref,
            self.url,
            self.author,
            sql_time(self.published),
            self.html,
            self.text,
            self.content_hash,
        )


@dataclass
class Stored:
    new: list[int]
    updated: int = 0
    unmatched: int = 0  # comments on posts we do not keep (older than the history read)


def _marks(count: int) -> str:
    return ",".join("?" * count)


def add_comment_feed(connection: Connection, feed_id: int, url: str) -> tuple[int, str]:
    """The comments feed of a posts' feed (made when first seen): (id, address)."""
    connection.execute(
        "INSERT OR IGNORE INTO comment_feed (feed_id, url, status, failures)"
        " VALUES (?, ?, 'new', 0)",
        (feed_id, url),
    )
    row = connection.execute(
        "SELECT id, url FROM comment_feed WHERE feed_id = ?", (feed_id,)
    ).fetchone()
    return int(row[0]), str(row[1])


def answered(connection: Connection, answer: FeedAnswer, body_hash: str | None) -> None:
    """The comments feed answered (200 or 304): keep its validators for next time."""
    connection.execute(
        "UPDATE comment_feed SET status = ?, http_status = ?, last_checked = ?, failures = 0,"
        " last_error = NULL, next_check = ?, etag = coalesce(?, etag),"
        " last_modified = coalesce(?, last_modified), url = coalesce(?, url),"
        " body_hash = coalesce(?, body_hash) WHERE id = ?",
        (
            answer.status,
            answer.http_status,
            sql_time(answer.now),
            sql_time(answer.next_check),
            answer.etag,
            answer.last_modified,
            answer.url,
            body_hash,
            answer.feed_id,
        ),
    )


def failed(
    connection: Connection,
    comment_feed_id: int,
    message: str,
    http_status: int | None,
    retry_at: datetime | None,
) -> None:
    """A failed attempt, backed off like a posts' feed (its posts are not affected)."""
    now = utcnow()
    row = connection.execute(
        "SELECT failures FROM comment_feed WHERE id = ?", (comment_feed_id,)
    ).fetchone()
    failures = (row[0] if row else 0) + 1
    wait = now + backoff(failures)
    next_check = max(retry_at, wait) if retry_at else (wait if wait > now else None)
    connection.execute(
        "UPDATE comment_feed SET failures = ?, status = 'error', http_status = ?,"
        " last_error = ?, last_checked = ?, next_check = ? WHERE id = ?",
        (failures, http_status, message, sql_time(now), sql_time(next_check), comment_feed_id),
    )


def absent(connection: Connection, comment_feed_id: int, http_status: int, until: datetime) -> None:
    """The blog has no comments feed (404): not an error, asked again after ``until``."""
    connection.execute(
        "UPDATE comment_feed SET status = 'absent', http_status = ?, last_checked = ?,"
        " next_check = ?, failures = 0, last_error = NULL WHERE id = ?",
        (http_status, sql_time(utcnow()), sql_time(until), comment_feed_id),
    )


def posts_of(
    connection: Connection, school_id: str, comments: Iterable[CommentRow]
) -> dict[str, int]:
    """Stored posts of the school by each comment's post ref (GUID) or post address."""
    refs = {c.post_ref for c in comments} | {c.post_link for c in comments if c.post_link}
    if not refs:
        return {}
    marks = _marks(len(refs))
    found: dict[str, int] = {}
    for post_id, identity, guid, url in connection.execute(
        "SELECT id, identity, guid, url FROM post WHERE school_id = ? AND"
        f" (identity IN ({marks}) OR guid IN ({marks}) OR url IN ({marks}))",
        (school_id, *refs, *refs, *refs),
    ):
        for key in (identity, guid, url):
            if key:
                found.setdefault(key, post_id)
    return found


def store_comments(connection: Connection, school_id: str, comments: list[CommentRow]) -> Stored:
    """Insert new comments (indexed in the same transaction) and update edited ones."""
    posts = posts_of(connection, school_id, comments)
    placed: dict[tuple[int, str], CommentRow] = {}
    unmatched = 0
    for comment in comments:
        post_id = posts.get(comment.post_ref) or posts.get(comment.post_link or "")
        if post_id is None:
            unmatched += 1
        else:
            placed.setdefault((post_id, comment.identity), comment)
    known = _known(connection, list(placed))
    fresh = [(key, c) for key, c in placed.items() if key not in known]
    edited = [
        (known[key][0], c)
        for key, c in placed.items()
        if key in known and known[key][1] != c.content_hash
    ]
    ids = _insert(connection, fresh)
    connection.executemany(
        f"UPDATE comment SET ({_COLUMNS}) = (?, ?, ?, ?, ?, ?, ?) WHERE id = ?",
        [(*c.values(), comment_id) for comment_id, c in edited],
    )
    return Stored(ids, len(edited), unmatched)


def _known(
    connection: Connection, keys: list[tuple[int, str]]
) -> dict[tuple[int, str], tuple[int, str]]:
    if not keys:
        return {}
    # by post first: the unique index (post_id, identity) finds them; by identity
    # alone every feed's page scanned the whole table (quadratic in a cold sync)
    post_ids = list({post_id for post_id, _ in keys})
    identities = list({identity for _, identity in keys})
    rows = connection.execute(
        "SELECT post_id, identity, id, content_hash FROM comment"
        f" WHERE post_id IN ({_marks(len(post_ids))})"
        f" AND identity IN ({_marks(len(identities))})",
        [*post_ids, *identities],
    ).fetchall()
    return {(post_id, identity): (row_id, digest) for post_id, identity, row_id, digest in rows}


def _insert(connection: Connection, fresh: list[tuple[tuple[int, str], CommentRow]]) -> list[int]:
    """New comments and their words in the index; ids chosen as SQLite would (see
    post_rows.insert_posts: the caller holds the write transaction)."""
    if not fresh:
        return []
    (last,) = connection.execute("SELECT coalesce(max(id), 0) FROM comment").fetchone()
    ids = list(range(last + 1, last + 1 + len(fresh)))
    now = sql_time(utcnow())
    connection.executemany(
        f"INSERT INTO comment (id, post_id, identity, ours, read, fetched_at, {_COLUMNS})"
        " VALUES (?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (comment_id, post_id, identity, now, *c.values())
            for comment_id, ((post_id, identity), c) in zip(ids, fresh, strict=True)
        ],
    )
    connection.executemany(
        "INSERT INTO comment_fts (rowid, author, text) VALUES (?, ?, ?)",
        [(comment_id, c.author, c.text) for comment_id, (_, c) in zip(ids, fresh, strict=True)],
    )
    return ids


__all__ = [
    "CommentRow",
    "Stored",
    "absent",
    "add_comment_feed",
    "answered",
    "failed",
    "posts_of",
    "store_comments",
]
