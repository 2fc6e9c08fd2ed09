"""Small read-only questions the pages ask the store that the core has no function for yet.

Each returns plain dataclasses (never ORM rows, which must not cross threads) and
runs on a worker thread. They are candidates to move into the core beside
``posts.py`` so that the command line can answer them too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, Post, School, SchoolPeriod

FAILING = ("error", "gone")


@dataclass(frozen=True)
class FeedRow:
    id: int
    school: str
    url: str
    title: str | None
    status: str
    error: str | None
    failures: int
    last_success: datetime | None

    @property
    def failing(self) -> bool:
        return self.status in FAILING


@dataclass
class SchoolRow:
    id: str
    name: str
    country: str
    subdivision: str | None
    timezone: str
    home: bool
    blog: str | None
    email: str | None
    terms: int = 0
    closures: int = 0
    posts: int = 0
    feeds: list[FeedRow] = field(default_factory=list)

    @property
    def health(self) -> str:
        """One word a teacher can scan: ok, failing, new (never synced) or none (no feed)."""
        if not self.feeds:
            return "waiting" if self.blog else "no feed"
        if any(f.failing for f in self.feeds):
            return "failing"
        if all(f.status == "new" for f in self.feeds):
            return "not synced yet"
        return "ok"


def _feed_row(feed: Feed) -> FeedRow:
    assert feed.id is not None
    return FeedRow(
        feed.id,
        feed.school_id,
        feed.url,
        feed.title,
        feed.status,
        feed.last_error,
        feed.failures,
        feed.last_success,
    )


def schools(store: Store) -> list[SchoolRow]:
    """Every school with its feeds and counts; our own school first, then by name."""
    with store.session() as session:
        rows = session.exec(select(School)).all()
        feeds = session.exec(select(Feed).order_by(col(Feed.id))).all()
        periods = session.exec(
            select(SchoolPeriod.school_id, SchoolPeriod.kind, func.count()).group_by(
                col(SchoolPeriod.school_id), col(SchoolPeriod.kind)
            )
        ).all()
        posts = session.exec(
            select(Post.school_id, func.count()).group_by(col(Post.school_id))
        ).all()
    result = {
        s.id: SchoolRow(s.id, s.name, s.country, s.subdivision, s.timezone, s.home, s.blog, s.email)
        for s in rows
    }
    for feed in feeds:
        if feed.school_id in result:
            result[feed.school_id].feeds.append(_feed_row(feed))
    for school_id, kind, count in periods:
        if school_id in result:
            if kind == "term":
                result[school_id].terms = count
            else:
                result[school_id].closures = count
    for school_id, count in posts:
        if school_id in result:
            result[school_id].posts = count
    return sorted(result.values(), key=lambda s: (not s.home, s.name.lower()))


@dataclass(frozen=True)
class NewPost:
    id: int
    school: str
    title: str
    published: datetime


def posts_since(
    store: Store, since: datetime | None, limit: int = 6, leave_out: Sequence[str] = ()
) -> tuple[int, list[NewPost]]:
    """How many posts arrived after ``since`` (all, when None), and the newest of them.

    ``leave_out``: schools not counted (our own, on Today's "New from your partners").
    """
    with store.session() as session:
        where = [col(Post.fetched_at) > since] if since else []
        if leave_out:
            where.append(col(Post.school_id).not_in(leave_out))
        count = session.exec(select(func.count()).select_from(Post).where(*where)).one()
        rows = session.exec(
            select(Post.id, Post.school_id, Post.title, Post.published)
            .where(*where)
            .order_by(col(Post.published).desc())
            .limit(limit)
        ).all()
    return int(count), [NewPost(i, s, t, p) for i, s, t, p in rows if i is not None]


def periods_of(store: Store, school_id: str) -> list[tuple[str, str, date, date]]:
    """A school's terms and closures, in date order: (kind, name, start, end)."""
    with store.session() as session:
        rows = session.exec(
            select(SchoolPeriod)
            .where(SchoolPeriod.school_id == school_id)
            .order_by(col(SchoolPeriod.start))
        ).all()
    return [(p.kind, p.name, p.start, p.end) for p in rows]


__all__ = ["FeedRow", "NewPost", "SchoolRow", "periods_of", "posts_since", "schools"]
