"""The tables of the local store.

Instants are aware UTC datetimes in Python; SQLModel stores them as UTC (SQLite has
no zone type) and gives them back in UTC. A school's IANA zone is stored beside
them, and local times are derived, never stored.
The schema itself is owned by the Alembic migrations in ``migrations/versions``
(applied on open by :mod:`kaizen_exchange.store.opening`); these classes describe
the same tables, which tests/unit/test_schema_owner.py checks against a freshly
migrated database.
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import UniqueConstraint, event, text
from sqlmodel import Field, SQLModel

from kaizen_exchange.store.sqlite import utcnow


class NetworkInfo(SQLModel, table=True):
    """Key/value facts about the network as a whole (its name, where it came from)."""

    __tablename__ = "network_info"
    key: str = Field(primary_key=True)
    value: str


class School(SQLModel, table=True):
    """A partner school (or our own, when ``home``), keyed by the network file's slug."""

    __tablename__ = "school"
    id: str = Field(primary_key=True)
    name: str
    country: str
    subdivision: str | None = None
    timezone: str
    home: bool = False
    blog: str | None = None
    email: str | None = None
    day_start: str | None = None  # "HH:MM", school-local
    day_end: str | None = None
    calls_start: str | None = None
    calls_end: str | None = None
    calls_weekdays: str | None = None  # "Mon,Tue,Wed,Thu,Fri"


class SchoolPeriod(SQLModel, table=True):
    """A term or a closure of one school, inclusive local dates."""

    __tablename__ = "school_period"
    id: int | None = Field(default=None, primary_key=True)
    school_id: str = Field(foreign_key="school.id", index=True)
    kind: str  # "term" | "closure"
    name: str
    start: date
    end: date
    source: str = "network"  # "network" | "import"


class Feed(SQLModel, table=True):
    """One feed URL of one school, with what we need to ask for it politely next time."""

    __tablename__ = "feed"
    id: int | None = Field(default=None, primary_key=True)
    school_id: str = Field(foreign_key="school.id", index=True)
    url: str = Field(unique=True)
    title: str | None = None
    site_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None
    status: str = "new"  # new | ok | not_modified | moved | gone | error
    http_status: int | None = None
    last_error: str | None = None
    failures: int = 0
    last_checked: datetime | None = None
    last_success: datetime | None = None
    next_check: datetime | None = None  # not before: Retry-After, max-age or back-off
    history_done: bool = False


class Post(SQLModel, table=True):
    """A blog post, the same row across syncs (identity: GUID, else link, per school)."""

    __tablename__ = "post"
    __table_args__ = (UniqueConstraint("school_id", "identity", name="uq_post_school_identity"),)
    id: int | None = Field(default=None, primary_key=True)
    school_id: str = Field(foreign_key="school.id", index=True)
    feed_id: int = Field(foreign_key="feed.id", index=True)
    identity: str
    guid: str | None = None
    url: str | None = None
    title: str
    author: str | None = None
    categories: str = "[]"  # JSON list of strings
    published: datetime = Field(index=True)
    updated: datetime | None = None
    html: str = ""  # sanitized
    text: str = ""  # plain text, for search and previews
    content_hash: str = ""
    read: bool = False
    pinned: bool = False
    fetched_at: datetime = Field(default_factory=utcnow)


@event.listens_for(Post, "after_insert")
def _index_new_post(_mapper: Any, connection: Any, post: Post) -> None:
    """Make a post inserted through the ORM searchable, in the same transaction.

    The sync inserts posts with plain SQL and indexes them itself; since migration 0003
    no trigger does it (see there why), so this is the ORM's half of that rule.
    """
    connection.execute(
        text("INSERT INTO post_fts (rowid, title, text) VALUES (:id, :title, :text)"),
        {"id": post.id, "title": post.title, "text": post.text},
    )


class MediaBlob(SQLModel, table=True):
    """A file in the content-addressed cache; identical files are stored once."""

    __tablename__ = "media_blob"
    sha256: str = Field(primary_key=True)
    size: int
    mime: str
    ext: str
    last_used: datetime = Field(default_factory=utcnow, index=True)


class Media(SQLModel, table=True):
    """A URL seen in a post (an image or an enclosure) and what we got for it."""

    __tablename__ = "media"
    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(unique=True)
    sha256: str | None = Field(default=None, foreign_key="media_blob.sha256", index=True)
    mime: str | None = None
    status: str = "pending"  # pending | ok | error | too_large | invalid | evicted
    error: str | None = None
    fetched_at: datetime | None = None
    failures: int = 0  # failed attempts in a row (an ``error`` is asked again later)
    next_try: datetime | None = None


class PostMedia(SQLModel, table=True):
    """Which media a post uses, and how (inline image or enclosure/attachment)."""

    __tablename__ = "post_media"
    post_id: int = Field(foreign_key="post.id", primary_key=True)
    media_id: int = Field(foreign_key="media.id", primary_key=True, index=True)
    kind: str = "image"  # image | enclosure


__all__ = [
    "Feed",
    "Media",
    "MediaBlob",
    "NetworkInfo",
    "Post",
    "PostMedia",
    "School",
    "SchoolPeriod",
    "utcnow",
]
