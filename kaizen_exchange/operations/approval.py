"""A teacher's approval of what a pupil forum (a Contributor account) sent to the school
blog: the posts waiting, approve, or send back with a note.

WordPress keeps the waiting posts, not this PC, so every step asks the site through the
school's account. The window's "Waiting for approval" and ``share pending|approve|return``
do the same steps, so they are here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kaizen_exchange.changes import Changes, Done
from kaizen_exchange.store.db import Store

if TYPE_CHECKING:  # the publishing client is loaded when the blog is asked
    from kaizen_exchange.publishing.approval import PendingPost
    from kaizen_exchange.publishing.client import WordPress
    from kaizen_exchange.publishing.credentials import Ask


def school_blog(store: Store, ask: Ask | None = None) -> WordPress:
    """The school blog through this PC's account (NoAccount, NoPassword when missing)."""
    from kaizen_exchange.publishing.account import require_account
    from kaizen_exchange.publishing.client import WordPress
    from kaizen_exchange.publishing.credentials import password_for

    account = require_account(store)
    return WordPress(account, password_for(account, ask))


def waiting(store: Store, ask: Ask | None = None) -> list[PendingPost]:
    """The posts waiting for a teacher's approval on the school blog."""
    from kaizen_exchange.publishing.approval import pending_posts

    with school_blog(store, ask) as site:
        return pending_posts(site)


def approve(store: Store, post_id: int, ask: Ask | None = None) -> Done[str]:
    """Published on the blog; the answer is its address."""
    from kaizen_exchange.publishing.approval import approve as publish

    with school_blog(store, ask) as site:
        return Done(publish(site, post_id), Changes())


def send_back(store: Store, post_id: int, note: str, ask: Ask | None = None) -> Done[None]:
    """Back to draft on the blog, with the teacher's note at its top."""
    from kaizen_exchange.publishing.approval import send_back as to_draft

    with school_blog(store, ask) as site:
        to_draft(site, post_id, note)
    return Done(None, Changes())


__all__ = ["approve", "school_blog", "send_back", "waiting"]
