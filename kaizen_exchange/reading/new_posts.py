"""Posts new from the partners since a moment: Today's "New from your partners" and
``posts new``.

"New" means arrived in this store (fetched) after the moment, not written after it:
a partner who posts a week's work on Friday evening shows up as new on Monday. Our
own school's posts are never news to us, so they are not counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_exchange.errors import BadInput
from kaizen_exchange.json_rows import as_json
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Post, School


@dataclass(frozen=True)
class NewPost:
    id: int
    school: str
    title: str
    published: datetime

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


@dataclass(frozen=True)
class NewPosts:
    """How many posts are new, and the newest ``limit`` of them (by date written)."""

    since: datetime | None
    count: int
    newest: list[NewPost] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


def new_from_partners(store: Store, since: datetime | None, limit: int = 6) -> NewPosts:
    """Posts of partner schools fetched after ``since`` (every one, when None)."""
    ours = select(School.id).where(col(School.home).is_(True))
    where: list[Any] = [col(Post.school_id).not_in(ours)]
    if since is not None:  # the store keeps UTC: compare on that clock
        where.append(col(Post.fetched_at) > since.astimezone(UTC))
    with store.session() as session:
        count = session.exec(select(func.count()).select_from(Post).where(*where)).one()
        rows = session.exec(
            select(Post.id, Post.school_id, Post.title, Post.published)
            .where(*where)
            .order_by(col(Post.published).desc())
            .limit(limit)
        ).all()
    newest = [NewPost(i, s, t, p) for i, s, t, p in rows if i is not None]
    return NewPosts(since, int(count), newest)


def parse_moment(text: str, label: str) -> datetime:
    """``YYYY-MM-DD`` (its midnight) or ``YYYY-MM-DD HH:MM`` on this computer's clock, or
    an ISO 8601 instant with its offset (what ``--json`` prints); in UTC."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError as exc:
        raise BadInput(
            f"{label} '{text}' is not a date and time; write it as YYYY-MM-DD or "
            '"YYYY-MM-DD HH:MM".'
        ) from exc
    return (moment if moment.tzinfo else moment.astimezone()).astimezone(UTC)


__all__ = ["NewPost", "NewPosts", "new_from_partners", "parse_moment"]
