"""The sync's turn at the outbox (``kaizen-exchange sync`` and the window's sync child).

Light on purpose: a scheduled sync imports this module every time, so it asks the
database with one query whether anything is due, and imports the publishing code
(and opens the ORM store) only when something is.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from kaizen_exchange.store.sqlite import utcnow

if TYPE_CHECKING:
    from kaizen_exchange.publishing.retry import RetryReport
    from kaizen_exchange.store.sqlite import Database

log = logging.getLogger(__name__)


def after_sync(database: Database) -> RetryReport | None:
    """The sync's turn at the outbox: due items only, no questions; None when none waits.

    Never fails the sync: what went wrong is the report's note (and the log's).
    """
    try:
        due = database.rows(
            "SELECT 1 FROM outbox WHERE state IN ('queued', 'sending') "
            "AND (next_try IS NULL OR next_try <= ?) LIMIT 1",
            (utcnow().strftime("%Y-%m-%d %H:%M:%S.%f"),),
        )
    except sqlite3.Error:  # an older store that has no outbox yet
        return None
    if not due:
        return None
    from kaizen_exchange.publishing.retry import RetryReport, retry_outbox
    from kaizen_exchange.store.db import Store

    store = Store(database.folder, daily=False)
    try:
        return retry_outbox(store, due_only=True)
    except Exception as exc:
        log.error("the outbox could not be sent after the sync", exc_info=exc)
        return RetryReport(note="Waiting posts could not be sent this time; they stay queued.")
    finally:
        store.close()


__all__ = ["after_sync"]
