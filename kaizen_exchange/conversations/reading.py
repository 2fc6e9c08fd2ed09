"""What the window and the command line read of conversations: threads, and new replies.

Threads are built when read, from each comment's ``parent_ref``: a reply synced
before its parent, or whose parent left the feed's short window, still finds its
place when the parent arrives, and a reply whose parent we never had is shown as an
answer to the post rather than lost. Replies nest at most MAX_DEPTH deep on screen
(WordPress's own default is 5); deeper ones line up under the last indented level.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import col, select

from kaizen_exchange.conversations.models import Comment, Reply
from kaizen_exchange.errors import NotFound
from kaizen_exchange.json_rows import as_json
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Post, School

MAX_DEPTH = 5
#: Our class's replies, as a thread shows them (the window and the command line).
REPLY_STATES = {
    "queued": "our reply, not sent yet",
    "waiting": "our reply, waiting for approval",
    "approved": "our reply, published",
    "failed": "our reply, not sent",
}


def shown_state(reply: Reply) -> str:
    """A reply's state as the teacher sees it: ``sending`` is a run that died, so queued."""
    return "queued" if reply.state == "sending" else reply.state


@dataclass
class ThreadedComment:
    """A comment and the replies to it, oldest first."""

    id: int
    author: str
    published: datetime
    html: str
    text: str
    url: str | None
    ours: bool
    read: bool
    depth: int = 0
    replies: list[ThreadedComment] = field(default_factory=list)
    #: our class's reply: queued | waiting | approved | failed (None: not sent by us)
    reply_state: str | None = None

    def to_json(self) -> dict[str, Any]:
        return as_json(self, leave_out=("depth",))  # the nesting says it


def thread(
    comments: Iterable[Comment], states: dict[int, str] | None = None
) -> list[ThreadedComment]:
    """Comments as threads: answers to the post first, each reply under its parent.

    ``states``: the sending state of our class's replies, by comment id."""
    ordered = sorted(comments, key=lambda c: (c.published, c.id or 0))
    by_ref = {c.identity: c for c in ordered}
    children: dict[str, list[Comment]] = {}
    roots: list[Comment] = []
    for comment in ordered:
        if (
            comment.parent_ref
            and comment.parent_ref in by_ref
            and comment.parent_ref != comment.identity
        ):
            children.setdefault(comment.parent_ref, []).append(comment)
        else:
            roots.append(comment)
    seen: set[str] = set()
    threads = [_node(c, 0, children, seen) for c in roots]
    # a loop of parents (never WordPress's, but a feed can say anything) has no root:
    # its comments are shown as answers to the post instead of being hidden
    threads += [_node(c, 0, children, seen) for c in ordered if c.identity not in seen]
    for node in flatten(threads) if states else []:
        node.reply_state = states.get(node.id) if states else None
    return threads


def _node(
    comment: Comment, depth: int, children: dict[str, list[Comment]], seen: set[str]
) -> ThreadedComment:
    seen.add(comment.identity)
    node = ThreadedComment(
        id=comment.id or 0,
        author=comment.author,
        published=comment.published,
        html=comment.html,
        text=comment.text,
        url=comment.url,
        ours=comment.ours,
        read=comment.read,
        depth=min(depth, MAX_DEPTH),
    )
    for reply in children.get(comment.identity, []):
        if reply.identity not in seen:
            node.replies.append(_node(reply, depth + 1, children, seen))
    return node


def flatten(threads: list[ThreadedComment]) -> list[ThreadedComment]:
    """Every comment in reading order (a reply right after what it answers)."""
    found: list[ThreadedComment] = []
    for node in threads:
        found.append(node)
        found.extend(flatten(node.replies))
    return found


def conversation(store: Store, post_id: int) -> list[ThreadedComment]:
    """The threaded comments of one post (NotFound when there is no such post)."""
    with store.session() as session:
        if session.get(Post, post_id) is None:
            raise NotFound(
                f"There is no post {post_id}. List posts with 'kaizen-exchange posts list'."
            )
        comments = session.exec(select(Comment).where(Comment.post_id == post_id)).all()
        replies = session.exec(select(Reply).where(Reply.post_id == post_id)).all()
        states = {r.comment_id: shown_state(r) for r in replies if r.comment_id is not None}
        return thread(comments, states)


def comment_counts(store: Store, post_ids: list[int]) -> dict[int, int]:
    """How many comments each post has (posts with none are left out)."""
    if not post_ids:
        return {}
    with store.session() as session:
        rows = session.exec(
            select(Comment.post_id, func.count())
            .where(col(Comment.post_id).in_(post_ids))
            .group_by(col(Comment.post_id))
        ).all()
    return {post_id: int(count) for post_id, count in rows}


@dataclass(frozen=True)
class ListedComment:
    """A comment in a list across posts: which post, which school, whether ours."""

    id: int
    post_id: int
    post_title: str
    school_id: str
    school: str
    on_our_post: bool  # a reply on our own school's blog
    author: str
    published: datetime
    text: str
    read: bool

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


def list_comments(
    store: Store,
    *,
    school: str | None = None,
    since: datetime | None = None,
    unread: bool = False,
    limit: int | None = None,
) -> list[ListedComment]:
    """Comments across posts: those on our own school's posts first, then newest first."""
    query = (
        select(Comment, Post.title, School)
        .join(Post, col(Post.id) == Comment.post_id)
        .join(School, col(School.id) == Post.school_id)
        .where(col(Comment.ours).is_(False))
    )
    if school:
        query = query.where(Post.school_id == school)
    if since:
        query = query.where(Comment.published >= since)
    if unread:
        query = query.where(col(Comment.read).is_(False))
    query = query.order_by(col(School.home).desc(), col(Comment.published).desc())
    if limit is not None:
        query = query.limit(limit)
    with store.session() as session:
        if school and session.get(School, school) is None:
            raise NotFound(f"There is no school '{school}'.")
        found = session.exec(query).all()
    return [
        ListedComment(
            c.id or 0, c.post_id, title, s.id, s.name, s.home, c.author, c.published, c.text, c.read
        )
        for c, title, s in found
    ]


def mark_read(store: Store, comment_ids: list[int], read: bool = True) -> int:
    """Set the read mark of these comments; how many there were."""
    if not comment_ids:
        return 0
    with store.session() as session:
        rows = session.exec(select(Comment).where(col(Comment.id).in_(comment_ids))).all()
        for row in rows:
            row.read = read
            session.add(row)
        session.commit()
    return len(rows)


__all__ = [
    "MAX_DEPTH",
    "REPLY_STATES",
    "ListedComment",
    "ThreadedComment",
    "comment_counts",
    "conversation",
    "flatten",
    "list_comments",
    "mark_read",
    "shown_state",
    "thread",
]
