"""Writes about posts and the offline cache: read marks, pins, emptying the cache."""

from __future__ import annotations

from kaizen_exchange import changes
from kaizen_exchange.changes import Changes, Done, Kind
from kaizen_exchange.reading.posts import set_pinned, set_read
from kaizen_exchange.store import media_cache
from kaizen_exchange.store.db import Store


def mark_read(store: Store, post_ids: list[int], read: bool = True) -> Done[int]:
    """``posts read`` (or ``--unread``)."""
    return Done(set_read(store, post_ids, read), changes.posts(post_ids))


def pin(store: Store, post_id: int, pinned: bool = True) -> Done[None]:
    """``posts pin``: a pinned post's pictures stay in the cache, so its cache figures change."""
    set_pinned(store, post_id, pinned)
    return Done(None, changes.posts([post_id], Kind.MEDIA))


def empty_cache(store: Store) -> Done[tuple[int, int]]:
    """``cache empty``: every picture not kept by a pin leaves the computer (until the
    next sync, which fetches them again)."""
    removed, freed = media_cache.empty_cache(store.database)
    return Done((removed, freed), Changes.of(Kind.MEDIA) if removed else Changes())


__all__ = ["empty_cache", "mark_read", "pin"]
