"""Group commit: many writes share a transaction, yet each lands or fails on its own."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence

import pytest

from kaizen_exchange.feeds.write_queue import WriteQueue
from kaizen_exchange.store.db import Store


def add_school(connection: sqlite3.Connection, number: int) -> int:
    connection.execute(
        "INSERT INTO school (id, name, country, timezone, home) VALUES (?, ?, 'GB', 'UTC', 0)",
        (f"s{number}", f"School {number}"),
    )
    return number


def add_then_fail(connection: sqlite3.Connection, number: int) -> int:
    add_school(connection, number)
    raise RuntimeError(f"write {number} went wrong")


def school_ids(store: Store) -> set[str]:
    return {row[0] for row in store.database.rows("SELECT id FROM school")}


class CountingQueue(WriteQueue):
    """Counts the transactions it commits."""

    commits = 0

    def _commit(self, batch: list) -> None:  # type: ignore[type-arg]
        type(self).commits += 1
        super()._commit(batch)


async def write_all(
    queue: WriteQueue, jobs: Sequence[tuple[Callable[[sqlite3.Connection, int], int], int]]
) -> list[object]:
    try:
        tasks = [queue.write(fn, number) for fn, number in jobs]
        return list(await asyncio.gather(*tasks, return_exceptions=True))
    finally:
        queue.close()


def test_many_writes_share_few_transactions_and_each_gets_its_result(store: Store) -> None:
    queue = CountingQueue(store.database)
    results = asyncio.run(write_all(queue, [(add_school, n) for n in range(200)]))
    assert results == list(range(200))
    assert school_ids(store) == {f"s{n}" for n in range(200)}
    assert queue.commits < 20, f"{queue.commits} transactions for 200 writes"


def test_a_failing_write_fails_alone_and_the_rest_of_its_batch_lands(store: Store) -> None:
    jobs = [(add_then_fail if n == 7 else add_school, n) for n in range(30)]
    results = asyncio.run(write_all(WriteQueue(store.database), jobs))
    failure = results[7]
    assert isinstance(failure, RuntimeError) and "write 7" in str(failure)
    assert [r for n, r in enumerate(results) if n != 7] == [n for n in range(30) if n != 7]
    assert school_ids(store) == {f"s{n}" for n in range(30) if n != 7}  # nothing half-done


@pytest.mark.parametrize("batch", [1, 5])
def test_writes_are_committed_in_the_order_they_were_asked(store: Store, batch: int) -> None:
    def record(connection: sqlite3.Connection, number: int) -> int:
        connection.execute(
            "INSERT OR IGNORE INTO school (id, name, country, timezone, home)"
            " VALUES ('log', '', 'GB', 'UTC', 0)"
        )
        connection.execute("UPDATE school SET name = name || ? WHERE id = 'log'", (f"{number},",))
        return number

    queue = WriteQueue(store.database, max_batch=batch)
    asyncio.run(write_all(queue, [(record, n) for n in range(12)]))
    ((name,),) = store.database.rows("SELECT name FROM school WHERE id = 'log'")
    assert name == "".join(f"{n}," for n in range(12))


def test_a_write_that_cannot_even_start_fails_instead_of_hanging(store: Store, tmp_path) -> None:
    database = store.database
    database.path = tmp_path / "missing" / "kaizen.sqlite3"  # cannot be opened
    results = asyncio.run(write_all(WriteQueue(database), [(add_school, 1), (add_school, 2)]))
    assert all(isinstance(r, sqlite3.Error) for r in results), results


def test_a_turn_lock_left_held_by_a_dead_worker_does_not_stop_the_writes(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A parsing worker killed while writing never releases the shared lock; the sync
    goes ahead on SQLite's own locking after a short wait instead of hanging."""
    import threading

    from kaizen_exchange.store import sqlite

    monkeypatch.setattr(sqlite, "TURN_WAIT", 0.2)
    held = threading.Lock()
    held.acquire()  # and never released, as by a process that died
    queue = WriteQueue(store.database, turn=held)
    assert asyncio.run(write_all(queue, [(add_school, 1), (add_school, 2)])) == [1, 2]
    assert school_ids(store) == {"s1", "s2"}
