"""Replies waiting to be sent: sent at each sync (due ones) and by ``comments retry`` (all).

Light on purpose, like :mod:`kaizen_exchange.publishing.sync_hook`: a scheduled sync
imports this module every time, so it asks the database with one query whether a
reply waits, and opens the ORM store (and imports the sending code) only when one does.

It is also where a held reply becomes approved: the sync has just read the blog's
comments feed, and a reply whose comment row now carries a feed's content (the sync
updated our placeholder, found by WordPress's comment id) is published there. A held
reply whose id WordPress never told us (the process died before it heard, and the
retry met "duplicate comment") is found by its post, its author and its words when it
appears in the feed: the synced comment becomes ours and the placeholder goes, so the
thread shows it once.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kaizen_exchange.store.sqlite import sql_time, utcnow

if TYPE_CHECKING:
    from kaizen_exchange.conversations.sending import Outcome
    from kaizen_exchange.store.db import Store
    from kaizen_exchange.store.sqlite import Database

log = logging.getLogger(__name__)

_SEEN_PUBLISHED = (
    "UPDATE reply SET state = 'approved', updated_at = ? WHERE state = 'waiting' AND comment_id"
    " IN (SELECT id FROM comment WHERE content_hash != '')"
)
_UNNAMED = (
    "SELECT id, post_id, comment_id, author, text FROM reply WHERE state = 'waiting'"
    " AND remote_id IS NULL"
)
_COMMENT_ID = re.compile(r"#comment-(\d+)$")
_WORDS = re.compile(r"[^\w]+")
_DUE = (
    "SELECT 1 FROM reply WHERE state IN ('queued', 'sending') "
    "AND (next_try IS NULL OR next_try <= ?) LIMIT 1"
)


@dataclass
class RepliesReport:
    outcomes: list[Outcome] = field(default_factory=list)
    approved: int = 0  # held replies the sync has now seen published
    waiting: int = 0  # replies still queued afterwards
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "sent": [o.to_json() for o in self.outcomes if o.state in ("waiting", "approved")],
            "not_sent": [
                o.to_json() for o in self.outcomes if o.state not in ("waiting", "approved")
            ],
            "approved": self.approved,
            "waiting": self.waiting,
            "note": self.note,
        }


def send_waiting(store: Store, *, due_only: bool) -> RepliesReport:
    """Sends what waits; stops at the first blog that cannot be reached."""
    from kaizen_exchange.conversations import sending

    report = RepliesReport()
    try:
        with sending.sending(store.folder):
            for reply_id in sending.waiting_replies(store, due_only=due_only):
                done = sending.deliver(store, reply_id)
                report.outcomes.append(done)
                if done.code == "no_network":
                    break
    except sending.Busy:
        report.note = "Another copy of Kaizen Exchange is sending replies now."
    report.waiting = len(sending.waiting_replies(store, due_only=False))
    return report


def after_sync(database: Database) -> RepliesReport | None:
    """The sync's turn at the replies; None when nothing changed or waits. Never fails
    the sync: what went wrong is the report's note (and the log's)."""
    now = sql_time(utcnow())
    approved = 0
    try:
        if database.rows("SELECT 1 FROM reply WHERE state = 'waiting' LIMIT 1"):
            with database.writing() as connection:
                approved = adopt_synced(connection, now)
                approved += connection.execute(_SEEN_PUBLISHED, (now,)).rowcount
        due = database.rows(_DUE, (now,))
    except sqlite3.Error:  # an older store that has no replies yet
        return None
    if not due:
        return RepliesReport(approved=approved) if approved else None
    from kaizen_exchange.store.db import Store

    store = Store(database.folder, daily=False)
    try:
        report = send_waiting(store, due_only=True)
    except Exception as exc:
        log.error("replies could not be sent after the sync", exc_info=exc)
        report = RepliesReport(note="Replies could not be sent this time; they stay queued.")
    finally:
        store.close()
    report.approved = approved
    return report


def words(text: str) -> str:
    """Text compared the way WordPress's display filters leave it (quotes curled, etc.)."""
    return " ".join(_WORDS.sub(" ", text.lower()).split())


def adopt_synced(connection: sqlite3.Connection, now: str | None) -> int:
    """Held replies without WordPress's id, found among the synced comments; how many."""
    adopted = 0
    for reply_id, post_id, placeholder, author, text in connection.execute(_UNNAMED).fetchall():
        for comment_id, identity, synced in connection.execute(
            "SELECT id, identity, text FROM comment WHERE post_id = ? AND ours = 0 AND author = ?",
            (post_id, author),
        ).fetchall():
            number = _COMMENT_ID.search(identity)
            if number and words(synced) == words(text):
                connection.execute("UPDATE comment SET ours = 1 WHERE id = ?", (comment_id,))
                connection.execute("DELETE FROM comment WHERE id = ?", (placeholder,))
                connection.execute(
                    "UPDATE reply SET comment_id = ?, remote_id = ?, state = 'approved',"
                    " updated_at = ? WHERE id = ?",
                    (comment_id, int(number.group(1)), now, reply_id),
                )
                adopted += 1
                break
    return adopted


__all__ = ["RepliesReport", "adopt_synced", "after_sync", "send_waiting", "words"]
