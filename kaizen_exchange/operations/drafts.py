"""Writes about the posts a teacher shares: saving a draft as it is typed, publishing it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from kaizen_exchange.changes import Changes, Done, Kind
from kaizen_exchange.sharing.drafts import Draft, save_draft
from kaizen_exchange.store.db import Store

if TYPE_CHECKING:  # publishing loads Pillow and PyAV: only when a post is sent
    from kaizen_exchange.publishing.credentials import Ask
    from kaizen_exchange.publishing.deliver import Outcome, Progress


def save(store: Store, draft: Draft) -> Done[Draft]:
    """The Share page's save after each pause in typing (``share draft`` on the command line)."""
    return Done(save_draft(store, draft), Changes.of(Kind.DRAFTS))


def publish(
    store: Store,
    draft_id: int,
    *,
    overrides: Sequence[str] = (),
    ask: Ask | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> Done[Outcome]:
    """``share publish``: checked, queued, then sent; the draft's state changes either way."""
    from kaizen_exchange.publishing.deliver import publish_draft

    outcome = publish_draft(
        store, draft_id, overrides=overrides, ask=ask, progress=progress, cancel=cancel
    )
    return Done(outcome, Changes.of(Kind.DRAFTS))


__all__ = ["publish", "save"]
