"""The sync's one boundary: any failure in one feed or one file becomes that item's error.

A partner's feed can hold any value at all, and a store may hold addresses written
before import checked them. Handling each case where it is met leaves the next one
to crash the whole sync (and, because the bad value is stored, every sync after it).
So every feed's and every file's work runs under :func:`failure`: what we expected
(a :class:`FetchError`, a :class:`FeedParseError`) keeps its own plain message, and
anything else becomes one plain sentence for the teacher, while its traceback goes
to the log file for IT. Only a full disk stops the sync, since it would fail
everything after it the same way (:mod:`kaizen_exchange.disk_full`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from kaizen_exchange.disk_full import DiskFull, is_disk_full
from kaizen_exchange.errors import FeedParseError
from kaizen_exchange.feeds.fetch import FetchError

log = logging.getLogger(__name__)
T = TypeVar("T")

UNEXPECTED_FEED = (
    "Part of this feed held something the app could not handle, so the feed was not "
    "stored this time; the other schools synced. The details are in the log file for IT."
)
UNEXPECTED_FILE = (
    "This file could not be saved because of something the app did not expect; "
    "the details are in the log file for IT."
)


@dataclass(frozen=True)
class Failure:
    """What to report and record for one failed feed or file."""

    message: str
    http_status: int | None = None
    retry_after: datetime | None = None
    permanent: bool = False  # asking again cannot help (a broken address)


def failure(exc: Exception, what: str, *, unexpected: str = UNEXPECTED_FEED) -> Failure:
    """The plain failure of ``what`` (a feed or a file, for the log) that raised ``exc``.

    Raises :class:`DiskFull` instead when the disk is full: that stops the sync.
    """
    if is_disk_full(exc):
        raise DiskFull() from exc
    if isinstance(exc, FetchError):
        when = exc.retry_after.astimezone(UTC) if exc.retry_after else None
        return Failure(str(exc), exc.http_status, when, exc.permanent)
    if isinstance(exc, FeedParseError):
        return Failure(str(exc))
    log.error("%s failed unexpectedly", what, exc_info=exc)  # the log redacts secrets
    return Failure(unexpected)


async def all_or_stop(work: list[Coroutine[Any, Any, T]]) -> list[T]:
    """Run every feed's (or file's) work; when one raises past its boundary (a full
    disk), cancel the others before raising, so none writes after the sync stopped."""
    tasks = [asyncio.ensure_future(job) for job in work]
    try:
        return await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


__all__ = ["UNEXPECTED_FEED", "UNEXPECTED_FILE", "Failure", "all_or_stop", "failure"]
