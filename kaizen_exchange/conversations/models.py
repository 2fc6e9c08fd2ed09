"""The tables of conversations (migration 0007 owns them; these describe the same).

Kept apart from :mod:`kaizen_exchange.store.models` because only conversations use
them; tests/unit/test_schema_owner.py checks both against a migrated database.
"""

from datetime import datetime

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from kaizen_exchange.store.sqlite import utcnow


class CommentFeed(SQLModel, table=True):
    """A blog's site-wide comments feed, asked with its own validators after its posts."""

    __tablename__ = "comment_feed"
    __table_args__ = (UniqueConstraint("feed_id", name="uq_comment_feed_feed"),)
    id: int | None = Field(default=None, primary_key=True)
    feed_id: int = Field(
        sa_column=Column(Integer, ForeignKey("feed.id", ondelete="CASCADE"), nullable=False)
    )
    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    status: str = "new"  # new | ok | not_modified | error
    http_status: int | None = None
    last_error: str | None = None
    failures: int = 0
    last_checked: datetime | None = None
    next_check: datetime | None = None


class Comment(SQLModel, table=True):
    """One comment under a post; ``parent_ref`` is the remote id of the comment it answers."""

    __tablename__ = "comment"
    __table_args__ = (UniqueConstraint("post_id", "identity", name="uq_comment_post_identity"),)
    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("post.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    identity: str  # the comment's id in its feed (WordPress: post GUID + "#comment-N")
    parent_ref: str | None = None
    url: str | None = None
    author: str  # as published
    published: datetime = Field(index=True)
    html: str = ""  # sanitized
    text: str = ""  # plain text, for search and previews
    content_hash: str = ""
    ours: bool = False  # written by our class through the app
    read: bool = False
    fetched_at: datetime = Field(default_factory=utcnow)


class Reply(SQLModel, table=True):
    """One answer of our class on its way to a partner's blog, then its record (0008)."""

    __tablename__ = "reply"
    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("post.id", ondelete="CASCADE"), nullable=False, index=True
        )
    )
    comment_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("comment.id", ondelete="SET NULL")),
    )
    parent_comment_id: int | None = None  # the local comment it answers; None: the post
    author: str  # "Willow Class, Greenfield Primary"
    email: str
    text: str
    overrides: str = "[]"  # JSON list of the finding kinds the teacher let through
    state: str = Field(default="queued", index=True)  # queued|sending|waiting|approved|failed
    body: str | None = None  # the exact form fields, JSON, written before they are sent
    remote_id: int | None = None  # WordPress's comment id, once known
    moderation_url: str | None = None
    attempts: int = 0
    next_try: datetime | None = None
    last_error: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


__all__ = ["Comment", "CommentFeed", "Reply"]
