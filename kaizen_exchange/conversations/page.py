"""One fetched comments feed, from its body to stored comments, in a parsing worker.

The same path as a posts' page (:mod:`kaizen_exchange.feeds.page_store`): the worker
that parses also stores, on its own connection, taking turns with the other writers;
a byte-identical body is not parsed again, and the feed's new validators land in the
same transaction as its comments.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from kaizen_exchange.conversations import rows
from kaizen_exchange.conversations.parse import RawComment, read_comments
from kaizen_exchange.feeds import page_store
from kaizen_exchange.feeds.post_rows import FeedAnswer
from kaizen_exchange.feeds.sanitize import plain_text, sanitize_html, text_of_clean_html
from kaizen_exchange.store.sqlite import taking_turns, transaction, utcnow

#: A comment's name as shown; WordPress lets a visitor type any, even an empty one.
ANONYMOUS = "A visitor"
MAX_AUTHOR = 100


@dataclass(frozen=True)
class CommentsJob:
    """Everything a worker needs to store one fetched comments feed (all picklable)."""

    database: str
    comment_feed_id: int
    school_id: str
    body: bytes
    answer: FeedAnswer  # its ``feed_id`` is the comments feed's id
    same_as: str | None  # the digest of the body stored last time


@dataclass(frozen=True)
class CommentsResult:
    new: int
    updated: int
    entries: int = 0
    unmatched: int = 0
    unchanged: bool = False
    new_ids: tuple[int, ...] = ()


def store_comments(job: CommentsJob) -> CommentsResult:
    """Parse the comments feed and store its comments; FeedParseError when it is none."""
    digest = hashlib.sha256(job.body).hexdigest()
    connection = page_store.worker_connection(job.database)
    lock = page_store.write_lock()
    if digest == job.same_as:
        with taking_turns(lock), transaction(connection):
            rows.answered(connection, job.answer, None)
        return CommentsResult(0, 0, unchanged=True)
    comments = [comment_row(raw) for raw in read_comments(job.body)]
    with taking_turns(lock), transaction(connection):
        stored = rows.store_comments(connection, job.school_id, comments)
        rows.answered(connection, job.answer, digest)
    return CommentsResult(
        len(stored.new), stored.updated, len(comments), stored.unmatched, new_ids=tuple(stored.new)
    )


def comment_row(raw: RawComment) -> rows.CommentRow:
    """Sanitized like a post (the same cleaner), with a name and a date always set."""
    html = sanitize_html(raw.content, raw.base or raw.url)
    text = text_of_clean_html(html)
    author = plain_text(raw.author)[:MAX_AUTHOR].strip() or ANONYMOUS
    published = raw.published or utcnow()
    digest = hashlib.sha1(json.dumps([author, html, raw.parent_ref]).encode()).hexdigest()
    return rows.CommentRow(
        identity=raw.identity,
        post_ref=raw.post_ref,
        post_link=raw.post_link,
        parent_ref=raw.parent_ref,
        url=raw.url,
        author=author,
        published=published,
        html=html,
        text=text,
        content_hash=digest,
    )


__all__ = ["CommentsJob", "CommentsResult", "comment_row", "store_comments"]
