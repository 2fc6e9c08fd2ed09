"""Drafts: saved as the teacher types, read back whole, in plain-worded states."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaizen_exchange.errors import NotFound
from kaizen_exchange.sharing.drafts import (
    create_draft,
    describe_state,
    list_drafts,
    load_draft,
    new_file,
    save_draft,
    set_state,
)
from kaizen_exchange.store.db import Store


def _photo(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"not really a photo, the drafts never open it")
    return path


def test_a_draft_comes_back_as_it_was_saved_after_reopening_the_store(
    tmp_path: Path, store: Store
) -> None:
    photo = _photo(tmp_path, "model.jpg")
    made = create_draft(
        store,
        title="Our bridge model",
        text="We built a **bridge**.\n\n- straws\n- tape",
        class_name="Willow Class, Year 4",
        tags=["Resilient", "resilient", " Reflective "],
        files=[new_file("image", photo, alt="A straw bridge"), new_file("video", photo)],
    )
    store.close()
    again = Store(store.folder)
    try:
        draft = load_draft(again, made.id)
    finally:
        again.close()
    assert draft.title == "Our bridge model"
    assert draft.text == "We built a **bridge**.\n\n- straws\n- tape"
    assert draft.tags == ["Resilient", "Reflective"]  # each once, as first typed
    assert [(f.kind, f.path, f.alt) for f in draft.files] == [
        ("image", photo, "A straw bridge"),
        ("video", photo, ""),
    ]
    assert all(f.id > 0 for f in draft.files)
    assert draft.state == "draft" and describe_state(draft) == "Draft"
    assert draft.created_at.tzinfo is not None and draft.updated_at >= draft.created_at


def test_saving_again_edits_reorders_and_drops_files_without_touching_the_disk(
    tmp_path: Path, store: Store
) -> None:
    first, second = _photo(tmp_path, "a.jpg"), _photo(tmp_path, "b.jpg")
    draft = create_draft(
        store,
        title="Draft",
        text="",
        files=[new_file("image", first), new_file("image", second)],
    )
    kept = draft.files[1]
    kept.alt = "Paintings drying"
    kept.pupils = ["Olivia", "olivia", "Sam"]
    kept.pupils_confirmed = True
    draft.files = [kept, new_file("file", first)]
    draft.title = "Art week"
    saved = save_draft(store, draft)
    assert [f.path.name for f in saved.files] == ["b.jpg", "a.jpg"]
    assert saved.files[0].id == kept.id  # the same file, edited in place
    assert saved.files[0].pupils == ["Olivia", "Sam"] and saved.files[0].pupils_confirmed
    assert saved.files[1].kind == "file"
    assert load_draft(store, draft.id).title == "Art week"
    assert first.exists() and second.exists()


def test_drafts_are_listed_newest_first_with_their_state_in_plain_words(store: Store) -> None:
    older = create_draft(store, title="Older", text="")
    newer = create_draft(store, title="Newer", text="")
    set_state(store, older.id, "pending", link="https://oak.example/?p=4", remote_id=4)
    save_draft(store, load_draft(store, older.id))  # typing in an older draft keeps its place
    listed = list_drafts(store)
    assert [d.title for d in listed] == ["Newer", "Older"]
    assert listed[0].id == newer.id
    assert describe_state(listed[1]) == "Waiting for approval"
    assert (listed[1].link, listed[1].remote_id) == ("https://oak.example/?p=4", 4)
    set_state(store, older.id, "published")  # the link is kept unless a new one is given
    assert load_draft(store, older.id).link == "https://oak.example/?p=4"


def test_an_unknown_draft_is_refused_plainly(store: Store) -> None:
    with pytest.raises(NotFound, match="no draft number 42"):
        load_draft(store, 42)
    with pytest.raises(NotFound):
        set_state(store, 42, "queued")
    with pytest.raises(ValueError, match="unknown draft state"):
        set_state(store, create_draft(store, title="x", text="").id, "lost")  # type: ignore[arg-type]
