"""Group commit: many writes share a transaction, yet each lands or fails on its own."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import event
from sqlmodel import Session, select

from kaizen_exchange.feeds.write_queue import WriteQueue
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School


def add_school(session: Session, number: int) -> int:
    session.add(School(id=f"s{number}", name=f"School {number}", country="GB", timezone="UTC"))
    session.flush()
    return number


def add_then_fail(session: Session, number: int) -> int:
    add_school(session, number)
    raise RuntimeError(f"write {number} went wrong")


def school_ids(store: Store) -> set[str]:
    with store.session() as session:
        return set(session.exec(select(School.id)).all())


def count_commits(store: Store) -> list[int]:
    commits: list[int] = []
    event.listen(store.engine, "commit", lambda _conn: commits.append(1))
    return commits


async def write_all(queue: WriteQueue, jobs: list[tuple[object, int]]) -> list[object]:
    try:
        tasks = [queue.write(fn, number) for fn, number in jobs]  # type: ignore[arg-type]
        return await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        queue.close()


def test_many_writes_share_few_transactions_and_each_gets_its_result(store: Store) -> None:
    commits = count_commits(store)
    results = asyncio.run(write_all(WriteQueue(store), [(add_school, n) for n in range(200)]))
    assert results == list(range(200))
    assert school_ids(store) == {f"s{n}" for n in range(200)}
    assert len(commits) < 20, f"{len(commits)} transactions for 200 writes"


def test_a_failing_write_fails_alone_and_the_rest_of_its_batch_lands(store: Store) -> None:
    jobs = [(add_then_fail if n == 7 else add_school, n) for n in range(30)]
    results = asyncio.run(write_all(WriteQueue(store), jobs))
    failure = results[7]
    assert isinstance(failure, RuntimeError) and "write 7" in str(failure)
    assert [r for n, r in enumerate(results) if n != 7] == [n for n in range(30) if n != 7]
    assert school_ids(store) == {f"s{n}" for n in range(30) if n != 7}  # nothing half-done


@pytest.mark.parametrize("batch", [1, 5])
def test_writes_are_committed_in_the_order_they_were_asked(store: Store, batch: int) -> None:
    def record(session: Session, number: int) -> int:
        school = session.get(School, "log")
        if school is None:
            school = School(id="log", name="", country="GB", timezone="UTC")
            session.add(school)
        school.name += f"{number},"
        return number

    asyncio.run(write_all(WriteQueue(store, max_batch=batch), [(record, n) for n in range(12)]))
    with store.session() as session:
        assert session.get_one(School, "log").name == "".join(f"{n}," for n in range(12))
