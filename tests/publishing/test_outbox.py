"""The outbox's bookkeeping: tokens that never change for a draft, back-off, what is due."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kaizen_exchange.errors import SyncRunning
from kaizen_exchange.publishing import outbox
from kaizen_exchange.publishing.account import Account
from kaizen_exchange.publishing.deliver import deliver
from kaizen_exchange.sharing.drafts import create_draft, save_draft
from kaizen_exchange.sharing.roster import import_roster
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.sqlite import utcnow
from tests.helpers.cli import write


def test_a_draft_keeps_its_tokens_however_often_it_is_queued(store: Store) -> None:
    first = outbox.enqueue(store, 7, [11, 12], "publish", [])
    again = outbox.enqueue(store, 7, [11, 12, 13], "pending", ["surname"])
    assert again.id == first.id and again.token == first.token
    assert {f: again.files[f].token for f in (11, 12)} == {
        f: first.files[f].token for f in (11, 12)
    }
    assert len({f.token for f in again.files.values()}) == 3
    assert again.status_wanted == "pending" and again.overrides == ["surname"]
    other = outbox.enqueue(store, 8, [21], "publish", [])
    assert other.token != first.token


def test_recorded_steps_survive_a_new_queueing(store: Store) -> None:
    item = outbox.enqueue(store, 1, [5, 6], "publish", [])
    outbox.record_media(store, item.id, 5, 901, "https://blog.example/a.jpg")
    again = outbox.enqueue(store, 1, [5, 6], "publish", [])
    assert again.files[5].media_id == 901 and again.files[6].media_id is None


def test_back_off_doubles_and_only_due_items_are_sent_after_a_sync(store: Store) -> None:
    item = outbox.enqueue(store, 1, [], "publish", [])
    assert [i.id for i in outbox.waiting(store, due_only=True)] == [item.id]
    first = outbox.record_failure(store, item.id, "down", retry_later=True)
    second = outbox.record_failure(store, item.id, "down", retry_later=True)
    assert first.next_try is not None and second.next_try is not None
    assert second.next_try - utcnow() > timedelta(minutes=9)
    assert outbox.waiting(store, due_only=True) == []
    assert [i.id for i in outbox.waiting(store, due_only=False)] == [item.id]
    later = utcnow() + timedelta(hours=1)
    assert [i.id for i in outbox.waiting(store, due_only=True, now=later)] == [item.id]


def test_a_failure_that_needs_a_person_is_not_retried_by_the_sync(store: Store) -> None:
    item = outbox.enqueue(store, 1, [], "publish", [])
    failed = outbox.record_failure(store, item.id, "wrong password", retry_later=False)
    assert failed.state == "failed" and failed.last_error == "wrong password"
    assert outbox.waiting(store, due_only=True) == []
    assert [i.id for i in outbox.waiting(store, due_only=False)] == [item.id]
    assert outbox.enqueue(store, 1, [], "publish", []).state == "queued"


def test_sent_items_are_never_waiting(store: Store) -> None:
    item = outbox.enqueue(store, 1, [], "publish", [])
    outbox.record_post(store, item.id, 44, "https://blog.example/?p=44")
    assert outbox.waiting(store, due_only=False) == []
    assert outbox.for_draft(store, 1).link == "https://blog.example/?p=44"


def test_a_post_blocked_after_queueing_keeps_no_finding_in_the_outbox(
    store: Store, tmp_path: Path
) -> None:
    """The outbox's last error is printed by every scheduled sync: it must not quote the
    word the check found (a pupil's surname)."""
    import_roster(store, write(tmp_path, "c.csv", "first_name,last_name\nMia,Fairweather\n"), "Oak")
    draft = create_draft(store, title="Kites", text="We flew kites.", class_name="Oak")
    item = outbox.enqueue(store, draft.id, [], "publish", [])
    draft.text = "Mia Fairweather flew the red kite."
    save_draft(store, draft)
    outcome = deliver(store, item.id, Account("http://127.0.0.1:9", "teacher"), "not-used")
    assert outcome.state == "failed"
    kept = outbox.load(store, item.id)
    assert "Fairweather" not in (kept.last_error or "") and "Fairweather" not in outcome.message
    assert f"share check {draft.id}" in (kept.last_error or "")


def test_another_process_sending_is_told_plainly(store: Store) -> None:
    with (
        outbox.delivering(store.folder),
        pytest.raises(SyncRunning) as busy,
        outbox.delivering(store.folder),
    ):
        pass  # pragma: no cover - the lock is held
    assert "outbox list" in str(busy.value)
