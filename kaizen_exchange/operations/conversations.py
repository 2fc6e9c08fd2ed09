"""Writes about conversations: the read marks of comments."""

from __future__ import annotations

from kaizen_exchange import changes
from kaizen_exchange.changes import Done
from kaizen_exchange.conversations import reading
from kaizen_exchange.store.db import Store


def mark_comments_read(
    store: Store, comment_ids: list[int], post_ids: list[int] | None = None
) -> Done[int]:
    """Comments seen (in the reader, or ``comments list --mark-read``): Today's "New
    replies" and the unread counts change with them."""
    return Done(reading.mark_read(store, comment_ids), changes.posts(post_ids or []))


__all__ = ["mark_comments_read"]
