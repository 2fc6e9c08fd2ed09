"""The partner schools as the Partners and Today pages list them: each with its feeds'
health and how many terms, closures and posts the store holds for it.

Plain dataclasses, never ORM rows, so the rows can cross from the worker thread
that reads them to the window that draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_exchange.reading.feeds import FeedHealth, feed_health, school_health
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Post, School, SchoolPeriod


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
    feeds: list[FeedHealth] = field(default_factory=list)

    @property
    def health(self) -> str:
        """See :func:`~kaizen_exchange.reading.feeds.school_health`."""
        return school_health(self.feeds, self.blog)


def schools(store: Store) -> list[SchoolRow]:
    """Every school with its feeds and counts; our own school first, then by name."""
    with store.session() as session:
        rows = session.exec(select(School)).all()
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
    for feed in feed_health(store):
        if feed.school in result:
            result[feed.school].feeds.append(feed)
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


def periods_of(store: Store, school_id: str) -> list[tuple[str, str, date, date]]:
    """A school's terms and closures, in date order: (kind, name, start, end)."""
    with store.session() as session:
        rows = session.exec(
            select(SchoolPeriod)
            .where(SchoolPeriod.school_id == school_id)
            .order_by(col(SchoolPeriod.start))
        ).all()
    return [(p.kind, p.name, p.start, p.end) for p in rows]


__all__ = ["SchoolRow", "periods_of", "schools"]
