"""Feeds' health: how each partner blog's feed last synced, and which ones are failing.

"A failing feed" is decided here and nowhere else: the window's Today and Partners
pages colour it, and ``feeds list`` prints it, from the same rows. A feed fails when
its last sync ended in an error or the blog told us it is gone; a feed that moved or
was not modified is fine, and a new one has not been tried yet.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import col, select

from kaizen_exchange.json_rows import as_json
from kaizen_exchange.logs import redact
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed

#: The statuses (see :class:`~kaizen_exchange.store.models.Feed`) of a failing feed.
FAILING = ("error", "gone")


@dataclass(frozen=True)
class FeedHealth:
    """One feed as its last sync left it; ``url`` never shows a password or key."""

    id: int
    school: str
    url: str
    title: str | None
    status: str
    http_status: int | None
    error: str | None
    failures: int
    last_checked: datetime | None
    last_success: datetime | None
    next_check: datetime | None

    @property
    def failing(self) -> bool:
        return self.status in FAILING

    def to_json(self) -> dict[str, Any]:
        return as_json(self) | {"failing": self.failing}


def _health(feed: Feed) -> FeedHealth:
    assert feed.id is not None
    return FeedHealth(
        feed.id,
        feed.school_id,
        redact(feed.url),
        feed.title,
        feed.status,
        feed.http_status,
        feed.last_error,
        feed.failures,
        feed.last_checked,
        feed.last_success,
        feed.next_check,
    )


def feed_health(store: Store) -> list[FeedHealth]:
    """Every feed, school by school, in the order they were added."""
    with store.session() as session:
        feeds = session.exec(select(Feed).order_by(col(Feed.school_id), col(Feed.id))).all()
    return [_health(feed) for feed in feeds]


def school_health(feeds: Sequence[FeedHealth], blog: str | None) -> str:
    """One phrase a teacher can scan for a school: ok, failing, not synced yet, waiting
    (a blog whose feed is looked for at the next sync) or no feed."""
    if not feeds:
        return "waiting" if blog else "no feed"
    if any(feed.failing for feed in feeds):
        return "failing"
    if all(feed.status == "new" for feed in feeds):
        return "not synced yet"
    return "ok"


__all__ = ["FAILING", "FeedHealth", "feed_health", "school_health"]
