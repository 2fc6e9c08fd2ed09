"""Helpers for tests that need a small store: two partner schools, and posts put straight in."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, Post

#: An English and a New South Wales school, one feed each.
NETWORK = """
[[schools]]
id = "oak"
name = "Oak Primary"
country = "GB"
timezone = "Europe/London"
feeds = ["https://oak.example/feed/"]

[[schools]]
id = "gum"
name = "Gum Tree School"
country = "AU"
subdivision = "NSW"
timezone = "Australia/Sydney"
feeds = ["https://gum.example/feed/"]
terms = [ { name = "Term 1", start = 2027-02-01, end = 2027-04-09 } ]
"""


def add_post(
    store: Store,
    school: str,
    title: str,
    published: datetime = datetime(2026, 5, 1, tzinfo=UTC),
    fetched: datetime | None = None,
) -> None:
    """A post of ``school``'s first feed, stored as a sync would have (``fetched``: now)."""
    with store.session() as session:
        feed = session.exec(select(Feed).where(Feed.school_id == school)).one()
        assert feed.id is not None
        post = Post(
            school_id=school,
            feed_id=feed.id,
            identity=title,
            title=title,
            text=f"{title} rainfall",
            published=published,
        )
        if fetched is not None:
            post.fetched_at = fetched
        session.add(post)
