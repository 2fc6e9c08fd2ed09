"""Parsing and storing off the event loop: worker processes for big syncs, threads for small.

Turning a feed page into stored posts is CPU work (parsing, sanitizing, full-text
indexing), so with hundreds of feeds we use every core through a process pool; for a
handful of feeds starting processes would cost more than it saves, so threads keep the
loop (and the window) responsive. Each worker stores what it parsed
(:mod:`kaizen_exchange.feeds.page_store`).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from kaizen_exchange.feeds.page_store import (
    PageJob,
    PageResult,
    init_worker,
    store_page,
    write_lock,
)
from kaizen_exchange.store.sqlite import TurnLock

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

POOL_THRESHOLD = 16
J = TypeVar("J")
R = TypeVar("R")


class ParsingPool:
    def __init__(self, expected_feeds: int, workers: int | None = None) -> None:
        count = workers if workers is not None else min(os.cpu_count() or 1, 4)
        self._pool: ProcessPoolExecutor | None = None
        #: taken by every page write, here or in a worker: writers take turns on it
        self.write_lock: TurnLock = write_lock()
        if count > 1 and expected_feeds >= POOL_THRESHOLD:
            import multiprocessing  # here: a sync with nothing to parse never pays for it
            from concurrent.futures import ProcessPoolExecutor

            # spawn, not fork: safe beside Qt and other threads, and the same on every OS
            context = multiprocessing.get_context("spawn")
            self.write_lock = context.Lock()
            self._pool = ProcessPoolExecutor(
                max_workers=count,
                mp_context=context,
                initializer=init_worker,
                initargs=(self.write_lock,),
            )
            # The workers start with the first page to parse (a sync where every feed
            # answers 304 never starts them: that saves the warm sync a third of its time).

    async def store(self, job: PageJob) -> PageResult:
        """Parse and store one page (FeedParseError when the body is not a feed)."""
        return await self.run(store_page, job)

    async def run(self, work: Callable[[J], R], job: J) -> R:
        """Run ``work(job)`` on a worker (``work`` a module-level function, ``job`` and
        its result picklable): a comments feed is parsed and stored like a page."""
        if self._pool is None:
            return await asyncio.to_thread(work, job)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, work, job)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


__all__ = ["POOL_THRESHOLD", "ParsingPool"]
