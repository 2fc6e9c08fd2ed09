"""Writes about conversations: the read marks of comments, and the class's replies."""

from __future__ import annotations

from kaizen_exchange import changes
from kaizen_exchange.changes import Done
from kaizen_exchange.conversations import reading
from kaizen_exchange.conversations.sending import Outcome
from kaizen_exchange.store.db import Store


def mark_comments_read(
    store: Store, comment_ids: list[int], post_ids: list[int] | None = None
) -> Done[int]:
    """Comments seen (in the reader, or ``comments list --mark-read``): Today's "New
    replies" and the unread counts change with them."""
    return Done(reading.mark_read(store, comment_ids), changes.posts(post_ids or []))


def send_reply(
    store: Store,
    post_id: int,
    text: str,
    *,
    parent_id: int | None,
    class_name: str | None,
    overrides: list[str],
) -> Done[Outcome]:
    """The class's reply checked, queued and sent (or left queued): the thread under the
    post changes with it. Network work: run it off the GUI thread."""
    from kaizen_exchange.conversations import sending
    from kaizen_exchange.conversations.replies import write_reply

    reply = write_reply(
        store, post_id, text, parent_id=parent_id, class_name=class_name, overrides=overrides
    )
    assert reply.id is not None
    try:
        with sending.sending(store.folder):
            done = sending.deliver(store, reply.id)
    except sending.Busy:
        done = sending.outcome(reply, "Queued: it will be sent at the next sync.")
    return Done(done, changes.posts([post_id]))


def moderate_comment(store: Store, comment_id: int, action: str) -> Done[str]:
    """Approve, spam or bin a comment on our own blog (the school's account, its kept
    password). Nothing in the store changes: the comment is the blog's until the sync."""
    from kaizen_exchange.conversations.moderation import moderate_with_kept_password

    return Done(moderate_with_kept_password(store, comment_id, action), changes.Changes())


__all__ = ["mark_comments_read", "moderate_comment", "send_reply"]
