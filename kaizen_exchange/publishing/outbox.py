"""The outbox: posts on their way to the school's blog, delivered exactly once.

The protocol (why a retry after any crash never makes a second copy):

1. **Queue.** ``enqueue`` writes one row per draft with a random *token* (``kx`` and 12
   hex digits), and one row per file with its own token (``<token>-<n>``), before
   anything is sent. The tokens never change for that draft, however often it is retried.
2. **Mark what is sent.** Each file is uploaded with its token as the media item's
   *slug*; the post is sent with a slug ending in the draft's token
   (:func:`kaizen_exchange.publishing.remote.post_slug`). The slugs are plain ASCII, so
   WordPress keeps them exactly as sent.
3. **Record after each step.** When WordPress answers, the remote id is written to the
   row (``media_id``, then ``post_id``) in its own transaction before the next step.
4. **Look before sending again.** A step whose id is not recorded may still have
   happened: the process may have died after WordPress did the work and before the
   answer was written down. So before sending, the step asks the site for its token
   (``GET /wp/v2/media?slug=…``, ``GET /wp/v2/posts?slug=…&status=any of ours``) and
   records what it finds instead of sending again.
5. **One deliverer at a time.** Delivery holds an OS file lock in the data folder, so a
   sync's retry and ``outbox retry`` never work on the same item at once.

A failure that time may cure (no network, the site down or in trouble) leaves the
item ``queued`` with a back-off (5 minutes, doubling, at most 6 hours) that the sync
respects; ``outbox retry`` tries at once. A failure that needs a person (a wrong
password, a role that may not upload) makes it ``failed`` with the plain reason.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from kaizen_exchange.errors import SyncRunning
from kaizen_exchange.file_lock import holding
from kaizen_exchange.publishing.models import OutboxFile, OutboxItem
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.sqlite import aware, utcnow

FIRST_WAIT = timedelta(minutes=5)
LONGEST_WAIT = timedelta(hours=6)
LOCK_NAME = "outbox.lock"
STATES = ("queued", "sending", "sent", "failed")


@dataclass(frozen=True)
class Item:
    """One outbox row with its files, as the deliverer and ``outbox list`` see it."""

    id: int
    draft_id: int
    token: str
    status_wanted: str
    overrides: list[str]
    state: str
    attempts: int
    next_try: datetime | None
    last_error: str | None
    post_id: int | None
    link: str | None
    files: dict[int, OutboxFile]  # by the draft file's id

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "draft": self.draft_id,
            "state": self.state,
            "status": self.status_wanted,
            "attempts": self.attempts,
            "next_try": self.next_try.isoformat() if self.next_try else None,
            "last_error": self.last_error,
            "post_id": self.post_id,
            "link": self.link,
            "files": len(self.files),
            "files_sent": sum(1 for f in self.files.values() if f.media_id is not None),
        }


def new_token() -> str:
    return "kx" + secrets.token_hex(6)


def enqueue(
    store: Store, draft_id: int, file_ids: Sequence[int], status: str, overrides: Sequence[str]
) -> Item:
    """The draft's outbox item, made (with its tokens) or reused, and its files listed.

    Reused: a draft already queued keeps its token, so what an earlier attempt sent is
    found again. Its status and overrides are the latest asked for.
    """
    with store.session() as session:
        row = session.exec(select(OutboxItem).where(OutboxItem.draft_id == draft_id)).first()
        if row is None:
            row = OutboxItem(draft_id=draft_id, token=new_token())
        if row.state != "sent":
            row.status_wanted, row.overrides = status, json.dumps(list(overrides))
            row.next_try, row.updated_at = None, utcnow()
            if row.state == "failed":
                row.state = "queued"
        session.add(row)
        session.flush()
        assert row.id is not None
        known = {
            f.file_id
            for f in session.exec(select(OutboxFile).where(OutboxFile.outbox_id == row.id))
        }
        for position, file_id in enumerate(file_ids, start=1):
            if file_id not in known:
                token = f"{row.token}-{file_id}"
                session.add(
                    OutboxFile(outbox_id=row.id, file_id=file_id, position=position, token=token)
                )
        item_id = row.id
    return load(store, item_id)


def load(store: Store, item_id: int) -> Item:
    with store.session() as session:
        row = session.get(OutboxItem, item_id)
        assert row is not None and row.id is not None
        files = session.exec(select(OutboxFile).where(OutboxFile.outbox_id == row.id)).all()
        return _item(row, files)


def for_draft(store: Store, draft_id: int) -> Item | None:
    with store.session() as session:
        row = session.exec(select(OutboxItem).where(OutboxItem.draft_id == draft_id)).first()
        item_id = row.id if row else None
    return load(store, item_id) if item_id is not None else None


def items(store: Store, *, states: Sequence[str] = STATES) -> list[Item]:
    with store.session() as session:
        rows = session.exec(
            select(OutboxItem).where(col(OutboxItem.state).in_(states)).order_by(col(OutboxItem.id))
        ).all()
        ids = [r.id for r in rows if r.id is not None]
    return [load(store, i) for i in ids]


def waiting(store: Store, *, due_only: bool, now: datetime | None = None) -> list[Item]:
    """Items still to deliver ("sending" is a run that died): due ones, or all of them."""
    moment = now or utcnow()
    found = items(
        store, states=("queued", "sending") if due_only else ("queued", "sending", "failed")
    )
    return [i for i in found if not due_only or i.next_try is None or i.next_try <= moment]


def mark_sending(store: Store, item_id: int) -> None:
    store.update(OutboxItem, item_id, state="sending")


def record_media(store: Store, item_id: int, file_id: int, media_id: int, url: str) -> None:
    with store.session() as session:
        row = session.exec(
            select(OutboxFile).where(OutboxFile.outbox_id == item_id, OutboxFile.file_id == file_id)
        ).one()
        row.media_id, row.url = media_id, url
        session.add(row)


def record_post(store: Store, item_id: int, post_id: int, link: str) -> None:
    store.update(OutboxItem, item_id, post_id=post_id, link=link, state="sent", last_error=None)


def record_failure(store: Store, item_id: int, message: str, *, retry_later: bool) -> Item:
    """A failed attempt: queued again with a longer wait, or failed until a person acts."""
    with store.session() as session:
        row = session.get(OutboxItem, item_id)
        assert row is not None
        row.attempts += 1
        row.last_error = message
        row.state = "queued" if retry_later else "failed"
        wait = min(FIRST_WAIT * 2 ** (row.attempts - 1), LONGEST_WAIT)
        row.next_try = utcnow() + wait if retry_later else None
        row.updated_at = utcnow()
        session.add(row)
    return load(store, item_id)


def mark_removed(store: Store, item_id: int, file_id: int) -> None:
    with store.session() as session:
        row = session.exec(
            select(OutboxFile).where(OutboxFile.outbox_id == item_id, OutboxFile.file_id == file_id)
        ).one()
        row.removed = True
        session.add(row)


class Busy(SyncRunning):
    """Another process is delivering from this outbox right now (exit status 5)."""

    def __init__(self) -> None:
        super().__init__(
            "Another Kaizen Exchange on this PC (the window, or a sync) is sending posts "
            "from the outbox right now. Nothing is sent twice: try again in a minute, or "
            "see where each post is with: kaizen-exchange outbox list"
        )


@contextmanager
def delivering(folder: Path) -> Iterator[None]:
    """The outbox's lock for this data folder (Busy when another process holds it)."""
    with holding(folder / LOCK_NAME, Busy):
        yield


def _item(row: OutboxItem, files: Sequence[OutboxFile]) -> Item:
    assert row.id is not None
    return Item(
        id=row.id,
        draft_id=row.draft_id,
        token=row.token,
        status_wanted=row.status_wanted,
        overrides=list(json.loads(row.overrides or "[]")),
        state=row.state,
        attempts=row.attempts,
        next_try=aware(row.next_try),
        last_error=row.last_error,
        post_id=row.post_id,
        link=row.link,
        files={f.file_id: f for f in files},
    )


__all__ = [
    "Busy",
    "Item",
    "delivering",
    "enqueue",
    "for_draft",
    "items",
    "load",
    "mark_removed",
    "mark_sending",
    "record_failure",
    "record_media",
    "record_post",
    "waiting",
]
