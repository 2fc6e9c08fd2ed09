"""The tags a post can carry: the four learner qualities, then the ones our blog already uses.

Why our blog's own tags: a school that tags its posts "Year 4" or "Science week" wants
new posts to reuse the same spelling, so its blog's tag pages stay whole. They come
from our own school's synced posts (the sync keeps each post's categories), most used
first; runs off the GUI thread.
"""

from __future__ import annotations

import json
from collections import Counter

from sqlmodel import col, select

from kaizen_exchange.gui.look import QUALITIES
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Post, School

MAX_OWN_TAGS = 24  # a long tail of one-off tags would bury the qualities


def quality_tags() -> list[str]:
    """Resilient, Resourceful, Reflective, Risk-taking: as the network spells them on a blog."""
    return [q.capitalize() for q in QUALITIES]


def our_blog_tags(store: Store) -> list[str]:
    """The tags our own school's posts use, most used first (qualities left out)."""
    with store.session() as session:
        rows = session.exec(
            select(Post.categories)
            .join(School, col(School.id) == col(Post.school_id))
            .where(col(School.home).is_(True))
        ).all()
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    qualities = {q.casefold() for q in QUALITIES}
    for text in rows:
        for tag in json.loads(text or "[]"):
            tag = " ".join(str(tag).split())
            key = tag.casefold()
            if tag and key not in qualities:
                counts[key] += 1
                spelling.setdefault(key, tag)
    return [spelling[key] for key, _n in counts.most_common(MAX_OWN_TAGS)]


def tag_choices(store: Store, chosen: list[str]) -> list[str]:
    """Every tag to offer: the qualities, our blog's, and any a draft already has."""
    offered = quality_tags() + our_blog_tags(store)
    known = {t.casefold() for t in offered}
    return offered + [t for t in chosen if t.casefold() not in known]


__all__ = ["our_blog_tags", "quality_tags", "tag_choices"]
