"""The tables of publishing: the WordPress account (never its password) and the outbox.

The outbox is what makes a post reach the school's blog exactly once: each row is one
draft on its way, with the token that marks its uploads and its post on the site, and
each file's remote id once WordPress has it (see :mod:`kaizen_exchange.publishing.outbox`).
The schema is owned by migration 0006; tests/unit/test_schema_owner.py keeps the two equal.
"""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from kaizen_exchange.store.sqlite import utcnow


class PublishAccount(SQLModel, table=True):
    """The one WordPress account of this data folder: the site and the user name only."""

    __tablename__ = "publish_account"
    id: int = Field(default=1, primary_key=True)
    site: str
    user: str
    updated_at: datetime = Field(default_factory=utcnow)


class OutboxItem(SQLModel, table=True):
    """One draft on its way to the site; the row stays as the record once it is there."""

    __tablename__ = "outbox"
    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(unique=True)
    token: str = Field(unique=True)  # marks this draft's uploads and post on the site
    status_wanted: str = "publish"  # publish | pending | draft (pending for a Contributor)
    overrides: str = "[]"  # JSON list of the finding kinds the teacher let through
    state: str = "queued"  # queued | sending | sent | failed
    attempts: int = 0
    next_try: datetime | None = None
    last_error: str | None = None
    post_id: int | None = None
    link: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class OutboxFile(SQLModel, table=True):
    """One file of an outbox item: its token on the site and, once uploaded, its media id."""

    __tablename__ = "outbox_file"
    __table_args__ = (UniqueConstraint("outbox_id", "file_id", name="uq_outbox_file"),)
    id: int | None = Field(default=None, primary_key=True)
    outbox_id: int = Field(foreign_key="outbox.id", index=True)
    file_id: int
    position: int
    token: str = Field(unique=True)
    media_id: int | None = None
    url: str | None = None
    removed: bool = False  # taken down from the site (consent withdrawn)


__all__ = ["OutboxFile", "OutboxItem", "PublishAccount"]
