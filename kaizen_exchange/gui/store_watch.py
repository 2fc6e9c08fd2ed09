"""Writes by another process reach the window: a ``kaizen-exchange sync`` run by a
scheduled task, or a teacher's script, while the window is open.

Two cheap looks, both off the GUI thread, every :data:`POLL_MS`:

1. ``PRAGMA data_version`` on a connection of our own changes when any *other*
   connection committed. It costs next to nothing, so most looks end here.
2. Only then, a fingerprint of each kind the pages show (a few small aggregate
   queries, never a scan of the posts' text) says *which* kinds changed, so a
   sync from the command line re-reads posts and schools, not sessions.

The window's own writes change data_version too (they use other connections), and
even opening a post does (the media cache notes what was used). The fingerprints
ignore the latter; the former are already told to the pages by
:func:`~kaizen_exchange.gui.workers.run_op`, so the kinds our own writes changed
since the last look are taken as seen, and no look is made while one is under way.
What this cannot see is a read or pin mark made by another process: counting those
would scan every post.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from kaizen_exchange.changes import Changes, Kind
from kaizen_exchange.gui.context import AppContext
from kaizen_exchange.gui.workers import run_task
from kaizen_exchange.store.sqlite import connect

log = logging.getLogger(__name__)

POLL_MS = 1500  # a teacher sees a command-line sync's posts within two seconds

#: Each school's posts: one scan of a small index (~20 ms for 100,000 posts), made once a look.
POSTS_PER_SCHOOL = "SELECT school_id, count(*) FROM post GROUP BY school_id"

#: What each kind's pages draw, as queries that stay cheap on a big store.
FINGERPRINTS: dict[Kind, tuple[str, ...]] = {
    Kind.SCHOOLS: (
        "SELECT * FROM school ORDER BY id",
        "SELECT count(*), max(id) FROM school_period",
        POSTS_PER_SCHOOL,
        "SELECT id, school_id, url, status, last_error, failures, last_success FROM feed"
        " ORDER BY id",
    ),
    Kind.POSTS: (
        POSTS_PER_SCHOOL,
        "SELECT max(id) FROM post",
        "SELECT id, body_hash, etag, last_modified FROM feed ORDER BY id",  # updated posts
    ),
    Kind.SESSIONS: (
        "SELECT id, sequence, status, updated FROM call_session ORDER BY id",
        "SELECT count(*) FROM call_session_school",
    ),
    Kind.MEDIA: (
        "SELECT count(*), total(size) FROM media_blob",
        "SELECT status, count(*) FROM media GROUP BY status ORDER BY status",
    ),
    Kind.DRAFTS: ("SELECT id, title, state, link, updated_at FROM draft ORDER BY id",),
}

Prints = dict[Kind, str]


class Looker:
    """The worker-thread half: one connection of our own, used by one look at a time."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        self.version: int | None = None

    def look(self) -> Prints | None:
        """The fingerprints when another connection committed since the last look, else None."""
        if self.connection is None:
            self.connection = connect(self.path)
        version = int(self.connection.execute("PRAGMA data_version").fetchone()[0])
        if version == self.version:
            return None
        self.version = version
        answers: dict[str, bytes] = {}
        return {kind: self._print(queries, answers) for kind, queries in FINGERPRINTS.items()}

    def _print(self, queries: tuple[str, ...], answers: dict[str, bytes]) -> str:
        """One kind's fingerprint; ``answers`` keeps a query shared by two kinds to one run."""
        digest = hashlib.blake2b(digest_size=16)
        assert self.connection is not None
        for query in queries:
            if query not in answers:
                answers[query] = repr(self.connection.execute(query).fetchall()).encode()
            digest.update(answers[query])
        return digest.hexdigest()

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class StoreWatcher(QObject):
    """Looks for other processes' writes while the window is open, and tells the pages."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.looker = Looker(context.store.path)
        self.prints: Prints | None = None  # what the last look saw
        self._looking = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.look)

    def start(self) -> None:
        self.timer.start()
        self.look()  # the baseline

    def stop(self) -> None:
        """Stop looking (closing the window); a look under way finishes on its own."""
        self.timer.stop()
        if not self._looking:
            self.looker.close()

    def look(self) -> None:
        if self._looking or self.context.writes_running:
            return  # our own write is under way: its changes are told when it ends
        self._looking = True
        ours, self.context.written = self.context.written, Changes()
        run_task(
            self.looker.look,
            lambda prints: self._seen(prints, ours),
            self._failed,
            owner=self,
        )

    def _seen(self, prints: Prints | None, ours: Changes) -> None:
        self._looking = False
        if not self.timer.isActive():
            self.looker.close()
        if prints is None:
            return
        before, self.prints = self.prints, prints
        if before is None:
            return
        kinds = [k for k in prints if prints[k] != before[k] and not ours.touches(k)]
        if kinds:
            log.info("Another program changed the store: %s", ", ".join(kinds))
            self.context.apply(Changes.of(*kinds))

    def _failed(self, error: BaseException) -> None:
        """A locked or busy file: the next look tries again (the pages keep what they show)."""
        self._looking = False
        log.warning("Could not look for changes by other programs: %s", error)


__all__ = ["FINGERPRINTS", "POLL_MS", "StoreWatcher"]
