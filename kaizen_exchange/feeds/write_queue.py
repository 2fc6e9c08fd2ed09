"""Group commit: the sync's small writes, many to a transaction, on one writer thread.

Feeds that answered with nothing new, failed, went away or were just discovered are
recorded here, off the event loop (the pages themselves are stored by the parsing
workers, :mod:`kaizen_exchange.feeds.page_store`). Every write waiting when the thread
comes round goes into one transaction, so a sync of hundreds of feeds costs a few
commits, not hundreds. Each write is still all-or-nothing, so a crash at any moment
leaves a consistent store.

A write that fails is not allowed to take others down with it: the batch is rolled
back and its writes are retried one per transaction, so only the bad one raises.
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from kaizen_exchange.store.sqlite import Database, TurnLock, taking_turns, transaction

_T = TypeVar("_T")
MAX_BATCH = 64  # writes per transaction: enough to share the cost, short enough to stay fresh


@dataclass
class _Write:
    work: Callable[[sqlite3.Connection], Any]
    future: asyncio.Future[Any]
    loop: asyncio.AbstractEventLoop


class WriteQueue:
    """``await queue.write(fn, *args)`` runs ``fn(connection, *args)`` on the writer thread,
    inside the transaction of its batch."""

    def __init__(
        self,
        database: Database,
        max_batch: int = MAX_BATCH,
        turn: TurnLock | None = None,
    ) -> None:
        self.database = database
        self.max_batch = max_batch
        self._turn = turn  # shared with the parsing workers' page writes
        self._connection: sqlite3.Connection | None = None  # the writer thread's own
        self._pending: deque[_Write] = deque()
        self._lock = threading.Lock()
        self._draining = False
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kaizen-writer")

    async def write(self, fn: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[_T] = loop.create_future()
        with self._lock:
            self._pending.append(_Write(lambda s: fn(s, *args, **kwargs), future, loop))
            if not self._draining:
                self._draining = True
                self._thread.submit(self._drain)
        return await future

    def close(self) -> None:
        """Wait for every queued write to be committed."""
        self._thread.shutdown(wait=True)
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _drain(self) -> None:
        while True:
            with self._lock:
                count = min(len(self._pending), self.max_batch)
                if count == 0:
                    self._draining = False
                    return
                batch = [self._pending.popleft() for _ in range(count)]
            self._commit(batch)

    def _commit(self, batch: list[_Write]) -> None:
        try:
            if self._connection is None:
                self._connection = self.database.connect()
            with taking_turns(self._turn), transaction(self._connection) as connection:
                results = [write.work(connection) for write in batch]
        except Exception as exc:  # deliver it: an awaiting sync must never hang
            if len(batch) == 1:
                _deliver(batch[0], error=exc)
            else:
                for write in batch:  # find the bad one; the others still land
                    self._commit([write])
            return
        for write, result in zip(batch, results, strict=True):
            _deliver(write, result=result)


def _deliver(write: _Write, result: Any = None, error: BaseException | None = None) -> None:
    def settle() -> None:
        if write.future.done():  # the awaiting task was cancelled
            return
        if error is not None:
            write.future.set_exception(error)
        else:
            write.future.set_result(result)

    write.loop.call_soon_threadsafe(settle)


__all__ = ["MAX_BATCH", "WriteQueue"]
