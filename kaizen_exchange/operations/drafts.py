"""Writes about the posts a teacher shares: saving a draft as it is typed."""

from __future__ import annotations

from kaizen_exchange.changes import Changes, Done, Kind
from kaizen_exchange.sharing.drafts import Draft, save_draft
from kaizen_exchange.store.db import Store


def save(store: Store, draft: Draft) -> Done[Draft]:
    """The Share page's save after each pause in typing (``share draft`` on the command line)."""
    return Done(save_draft(store, draft), Changes.of(Kind.DRAFTS))


__all__ = ["save"]
