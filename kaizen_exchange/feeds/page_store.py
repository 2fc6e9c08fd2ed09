"""One page of a feed, from its body to stored posts, in a parsing worker.

Parsing and storing used to be two stages: workers parsed, and one writer thread in
the sync's own process stored every page. That writer (SQLite's full-text indexing
above all) then competed for one process's GIL with the event loop, and every parsed
page (a quarter of a megabyte of HTML and text) was pickled back to it. Now the worker
that parsed a page stores it too, in its own transaction on its own connection, while
the other worker parses; only a few counts travel back. SQLite lets one writer in at
a time, so the writers take turns on one lock (:func:`~kaizen_exchange.store.sqlite.taking_turns`),
and the store stays as consistent as before: a page's posts and its feed's new
validators land together.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
import threading
from dataclasses import dataclass

from kaizen_exchange.feeds import writer
from kaizen_exchange.feeds.post_rows import FeedAnswer
from kaizen_exchange.store.sqlite import TurnLock, connect, taking_turns, transaction


@dataclass(frozen=True)
class PageJob:
    """Everything a worker needs to store one fetched page (all picklable)."""

    database: str  # the store's file
    feed_id: int
    school_id: str
    body: bytes
    url: str
    headers: dict[str, str]
    answer: FeedAnswer | None = None  # page 1: the feed's answer, recorded with its posts
    #: the digest of the body seen last (the feed's previous sync, or the page before
    #: this one): a byte-identical body is not parsed again
    same_as: str | None = None


@dataclass(frozen=True)
class PageResult:
    new: int
    updated: int
    entries: int
    is_wordpress: bool
    body_hash: str = ""
    unchanged: bool = False  # the body was byte-identical to ``same_as``: nothing parsed
    #: posts that could not be read, as (name, ref, traceback): plain tuples, so the
    #: sync's process needs no parser to receive them
    failed: tuple[tuple[str, str, str], ...] = ()


_local = threading.local()
#: Taken around each page's transaction. SQLite makes a second writer wait by sleeping
#: and polling (1 ms, 2 ms, 5 ms… up to 100 ms); with two workers writing about half of
#: the time that wasted a third of a core. A lock wakes the waiter as soon as it is free.
_write_lock: TurnLock = threading.Lock()


def write_lock() -> TurnLock:
    """The lock this process's page writes take (a worker's is the pool's)."""
    return _write_lock


def init_worker(lock: TurnLock) -> None:
    """Run in each worker process at start: share the pool's write lock, and leave when
    the sync's process does (killed, or the window closed), instead of lingering."""
    global _write_lock
    _write_lock = lock
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent,), daemon=True).start()


def _exit_with(parent: multiprocessing.process.BaseProcess) -> None:
    parent.join()  # returns when the parent process has ended, however it ended
    os._exit(0)  # a page's transaction cut short here is rolled back by SQLite


def worker_connection(path: str) -> sqlite3.Connection:
    """This thread's connection to the store (a worker keeps one for all its pages)."""
    cached: dict[str, sqlite3.Connection] = _local.__dict__.setdefault("connections", {})
    if path not in cached:
        cached[path] = connect(path)
    return cached[path]


def store_page(job: PageJob) -> PageResult:
    """Parse the page and store its posts; raises FeedParseError for a body that is no feed.

    The body is hashed here, not on the event loop: hashing a feed costs as much CPU as
    fetching it, and the loop's process is the one that fetches for everybody.
    """
    digest = hashlib.sha256(job.body).hexdigest()
    if digest == job.same_as:
        if job.answer is not None:  # nothing new, but the feed did answer
            with (
                taking_turns(_write_lock),
                transaction(worker_connection(job.database)) as connection,
            ):
                writer.answered(connection, [job.answer])
        return PageResult(0, 0, 0, False, digest, unchanged=True)
    from kaizen_exchange.feeds.parse import parse_feed  # not for a sync that parses nothing

    parsed = parse_feed(job.body, job.url, job.headers)
    with taking_turns(_write_lock), transaction(worker_connection(job.database)) as connection:
        applied = writer.feed_page(
            connection, job.school_id, parsed, job.answer, job.feed_id, digest
        )
    failed = tuple((f.name, f.ref, f.details) for f in parsed.failed)
    return PageResult(
        applied.new,
        applied.updated,
        len(parsed.entries),
        parsed.is_wordpress,
        digest,
        failed=failed,
    )


__all__ = [
    "PageJob",
    "PageResult",
    "init_worker",
    "store_page",
    "worker_connection",
    "write_lock",
]
