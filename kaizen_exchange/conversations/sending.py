"""Sending a queued reply to the partner's blog, exactly once.

The protocol (why a retry after any crash never posts a second copy):

1. **Queue.** :func:`~kaizen_exchange.conversations.replies.write_reply` stores the
   reply (state ``queued``) before anything is sent.
2. **Write down, then send.** The exact form fields are written to the reply with the
   state ``sending`` in their own transaction, *then* posted. A retry sends those same
   bytes, never a re-made version of them.
3. **Record the answer.** WordPress's comment id (and, for a held comment, its
   moderation link) are written as soon as it answers.
4. **Look before sending again.** A reply found ``sending`` may have reached the blog
   before the process died. So the blog's site-wide comments feed is read first: a
   comment on that post, by our class, with our words, is ours, and is recorded
   instead of sent again. A held comment is not in the feed; re-sending the same
   bytes then meets WordPress's duplicate check (which counts held comments), and
   that answer is recorded as "waiting for approval", not as a failure. Two signals,
   so a blog that switched its duplicate check off still gets one copy of a reply
   that was published.
5. **One sender at a time.** An OS file lock in the data folder (``replies.lock``).

On the school's own blog, with its account's password kept, the same steps go
through the REST API instead (:mod:`~kaizen_exchange.conversations.rest_reply`):
the reply is live at once, and the look before sending again asks the account.

What time may cure leaves the reply queued: with no network it goes at the next sync;
when the site is in trouble or says "too quickly", after a back-off the sync respects.
What needs a person (comments closed, a login required, spam) makes it ``failed``
with the plain reason, kept with the reply.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from html import unescape
from pathlib import Path
from typing import Any

import httpx
from sqlmodel import col, select

from kaizen_exchange.conversations import comment_form, rest_reply
from kaizen_exchange.conversations.comment_form import ReplyError, Sent
from kaizen_exchange.conversations.feed_sync import COMMENTS_CAP, blog_home
from kaizen_exchange.conversations.models import Comment, Reply
from kaizen_exchange.conversations.parse import RawComment, read_comments
from kaizen_exchange.conversations.reading import shown_state
from kaizen_exchange.conversations.reply_outbox import words
from kaizen_exchange.errors import BadInput, FeedParseError, SyncRunning
from kaizen_exchange.file_lock import holding
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, Post, School
from kaizen_exchange.store.sqlite import aware, utcnow

FIRST_WAIT = timedelta(minutes=2)
LONGEST_WAIT = timedelta(hours=6)
LOCK_NAME = "replies.lock"
#: WordPress said "published" but the post's page does not show it (spam, or the bin).
NOT_SHOWN = (
    "Sent, but {school}'s blog does not show it: it may be waiting for their approval, or "
    "their blog may have taken it for spam. It shows here as published once it is on "
    "their blog; if it never is, ask {school} to look in their comments' Spam list."
)
_POST_ID = re.compile(r"[?&]p=(\d+)(?:&|$)")
_PAGE_POST_ID = re.compile(
    r"""name=["']comment_post_ID["'][^>]*value=["'](\d+)|value=["'](\d+)["'][^>]*name=["']comment_post_ID""",
)
_COMMENT_ID = re.compile(r"#comment-(\d+)$")


class Busy(SyncRunning):
    """Another process is sending replies from this data folder right now (exit status 5)."""

    def __init__(self) -> None:
        super().__init__(
            "Another Kaizen Exchange on this PC (the window, or a sync) is sending the "
            "class's replies right now. Nothing is sent twice: try again in a minute."
        )


@dataclass(frozen=True)
class Outcome:
    """What became of one reply (``to_json`` is the command line's contract)."""

    reply_id: int
    post_id: int
    comment_id: int | None
    state: str  # queued | sending | waiting | approved | failed
    message: str
    remote_id: int | None = None
    code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "reply": self.reply_id,
            "post": self.post_id,
            "comment": self.comment_id,
            "state": self.state,
            "message": self.message,
            "remote_id": self.remote_id,
            "code": self.code,
        }


@dataclass(frozen=True)
class Target:
    """Where a reply goes: the blog's home, the post there, the comment it answers."""

    school: str
    home: str
    post_guid: str
    post_url: str | None
    wp_post_id: int | None
    parent_remote_id: int | None


@contextmanager
def sending(folder: Path) -> Iterator[None]:
    with holding(folder / LOCK_NAME, Busy):
        yield


def target_of(store: Store, reply: Reply) -> Target:
    with store.session() as session:
        post = session.get(Post, reply.post_id)
        if post is None:
            raise BadInput("The post this reply answers is no longer kept.")
        feed = session.get(Feed, post.feed_id)
        school = session.get(School, post.school_id)
        parent = session.get(Comment, reply.parent_comment_id) if reply.parent_comment_id else None
    home = blog_home(feed.site_url if feed else None, feed.url if feed else post.url or "")
    found = _POST_ID.search(post.guid or "") or _POST_ID.search(post.url or "")
    parent_match = _COMMENT_ID.search(parent.identity) if parent else None
    return Target(
        school=school.name if school else "The partner school",
        home=home,
        post_guid=post.guid or post.identity,
        post_url=post.url,
        wp_post_id=int(found.group(1)) if found else None,
        parent_remote_id=int(parent_match.group(1)) if parent_match else None,
    )


def deliver(store: Store, reply_id: int, http: httpx.Client | None = None) -> Outcome:
    """Sends one reply (or finds it already sent); the caller holds :func:`sending`."""
    own = http is None
    http = http or comment_form.client()
    try:
        return _deliver(store, reply_id, http)
    finally:
        if own:
            http.close()


def _deliver(store: Store, reply_id: int, http: httpx.Client) -> Outcome:
    reply = load(store, reply_id)
    if reply.state in ("waiting", "approved"):
        return outcome(reply, "")
    target = target_of(store, reply)
    route = rest_reply.route_for(store, target.home)  # our own blog: the school's account
    try:
        if reply.state == "sending" and reply.body:
            fields = json.loads(reply.body)
            found = (
                rest_reply.find(route, int(fields["comment_post_ID"]), reply)
                if route
                else _look_in_feed(http, target, reply)
            )
            if found is not None:
                return _record(store, reply_id, target, found)
        else:
            fields = comment_form.form_fields(
                target.wp_post_id or _post_id_from_page(http, target),
                reply.author,
                reply.email,
                reply.text,
                target.parent_remote_id,
            )
            store.update(Reply, reply_id, state="sending", body=json.dumps(fields))
        if route is not None:
            sent = rest_reply.send(route, fields, target.school)
        else:
            sent = comment_form.post_comment(http, target.home, fields, target.school)
            if not sent.held and not comment_form.shown_on_page(http, sent):
                return _record(store, reply_id, target, Sent(sent.remote_id, True), NOT_SHOWN)
    except ReplyError as exc:
        if exc.code == comment_form.DUPLICATE:  # sent before the process died: it is held
            return _record(store, reply_id, target, Sent(reply.remote_id, True))
        return _failed(store, reply_id, exc)
    return _record(store, reply_id, target, sent)


def _unreachable(target: Target) -> ReplyError:
    return ReplyError(
        comment_form.NO_NETWORK,
        f"{target.school}'s blog cannot be reached (no network, or the site is down). "
        "The reply is queued and will be sent at the next sync.",
    )


def _post_id_from_page(http: httpx.Client, target: Target) -> int:
    """The post's WordPress id from its comment form, when its GUID does not say it."""
    try:
        page = http.get(target.post_url or target.home, follow_redirects=True)
    except httpx.TransportError as exc:
        raise _unreachable(target) from exc
    match = _PAGE_POST_ID.search(page.text[:2_000_000])
    if not match:  # WordPress prints no comment form under a post whose comments are closed
        raise comment_form.comments_closed(target.school)
    return int(match.group(1) or match.group(2))


def _look_in_feed(http: httpx.Client, target: Target, reply: Reply) -> int | None:
    """Our reply's WordPress id if the blog's comments feed shows it already published."""
    url = f"{target.home}/?feed=comments-atom"  # answered whatever the permalinks
    try:
        response = http.get(url, follow_redirects=True)
    except httpx.TransportError as exc:
        raise _unreachable(target) from exc
    if response.status_code != 200 or len(response.content) > COMMENTS_CAP:
        return None
    try:
        comments = read_comments(response.content)
    except FeedParseError:
        return None
    return next((n for c in comments if (n := _ours(c, target, reply)) is not None), None)


def _ours(comment: RawComment, target: Target, reply: Reply) -> int | None:
    match = _COMMENT_ID.search(comment.identity)
    if not match or not _same_post(comment.post_ref, target):
        return None
    if unescape(comment.author) != reply.author:
        return None
    said = words(re.sub(r"<[^>]+>", " ", unescape(comment.content)))
    return int(match.group(1)) if said == words(reply.text) else None


def _same_post(post_ref: str, target: Target) -> bool:
    if post_ref == target.post_guid:
        return True
    found = _POST_ID.search(post_ref)
    return found is not None and int(found.group(1)) == target.wp_post_id


def _record(
    store: Store, reply_id: int, target: Target, sent: Sent | int, said: str = ""
) -> Outcome:
    if isinstance(sent, int):
        sent = Sent(sent, False)
    state = "waiting" if sent.held else "approved"
    with store.session() as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        reply.state, reply.last_error, reply.next_try = state, None, None
        reply.remote_id = sent.remote_id if sent.remote_id is not None else reply.remote_id
        reply.moderation_url = sent.moderation_url or reply.moderation_url
        reply.updated_at = utcnow()
        if reply.remote_id is not None and reply.comment_id is not None:
            _name_comment(session, reply, f"{target.post_guid}#comment-{reply.remote_id}")
        session.add(reply)
    return outcome(load(store, reply_id), said.format(school=target.school), target.school)


def _name_comment(session: Any, reply: Reply, identity: str) -> None:
    """Our comment row takes WordPress's id, so the sync updates it instead of adding one;
    if the sync already added that comment, it is marked ours and the placeholder goes."""
    mine = session.get(Comment, reply.comment_id)
    synced = session.exec(
        select(Comment).where(Comment.post_id == reply.post_id, Comment.identity == identity)
    ).first()
    if synced is not None and mine is not None and synced.id != mine.id:
        synced.ours = True
        session.add(synced)
        session.delete(mine)
        reply.comment_id = synced.id
    elif mine is not None:
        mine.identity = identity
        session.add(mine)


def _failed(store: Store, reply_id: int, exc: ReplyError) -> Outcome:
    with store.session() as session:
        reply = session.get(Reply, reply_id)
        assert reply is not None
        reply.attempts += 1
        reply.last_error = str(exc)
        if exc.retry_later:
            # "sending" stays "sending" (the bytes may have arrived): looked for first next time
            if reply.state != "sending":
                reply.state = "queued"
            # no network: tried at the next sync whenever that is; a busy blog: backed off
            wait = min(FIRST_WAIT * 2 ** (reply.attempts - 1), LONGEST_WAIT)
            reply.next_try = None if exc.code == comment_form.NO_NETWORK else utcnow() + wait
        else:
            reply.state, reply.next_try = "failed", None
        reply.updated_at = utcnow()
        session.add(reply)
    return outcome(load(store, reply_id), str(exc), code=exc.code)


def outcome(
    reply: Reply, message: str, school: str | None = None, code: str | None = None
) -> Outcome:
    assert reply.id is not None
    return Outcome(
        reply.id,
        reply.post_id,
        reply.comment_id,
        shown_state(reply),
        message or state_message(reply, school),
        reply.remote_id,
        code,
    )


def state_message(reply: Reply, school: str | None = None) -> str:
    who = school or "the partner school"
    return {
        "queued": "Queued: it will be sent at the next sync.",
        "sending": "Queued: it will be sent at the next sync.",
        "waiting": f"Sent, waiting for {who}'s approval.",
        "approved": f"Sent: it is on {who}'s blog.",
        "failed": f"Not sent: {reply.last_error or 'the blog refused it.'}",
    }.get(reply.state, reply.state)


def load(store: Store, reply_id: int) -> Reply:
    with store.session() as session:
        reply = session.get(Reply, reply_id)
        if reply is None:
            raise BadInput(f"There is no reply {reply_id}.")
        session.expunge(reply)
    reply.next_try = aware(reply.next_try)
    return reply


def waiting_replies(store: Store, *, due_only: bool, now: datetime | None = None) -> list[int]:
    """Replies still to send ("sending" is a run that died): due ones, or all of them."""
    moment = now or utcnow()
    with store.session() as session:
        rows = session.exec(
            select(Reply).where(col(Reply.state).in_(("queued", "sending"))).order_by(col(Reply.id))
        ).all()
        return [
            r.id
            for r in rows
            if r.id is not None
            and (not due_only or r.next_try is None or aware(r.next_try) <= moment)
        ]


__all__ = [
    "Busy",
    "Outcome",
    "Target",
    "deliver",
    "load",
    "outcome",
    "sending",
    "state_message",
    "target_of",
    "waiting_replies",
]
