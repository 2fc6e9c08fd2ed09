"""Drafts of posts about the class's work: saved as the teacher types, in plain states.

The editor saves on every pause, so a crash or a power cut loses nothing: each save
is one transaction that replaces the draft and its list of files whole. Publishing
(h-publish's outbox) moves a draft through its states with :func:`set_state`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, cast, get_args

from sqlmodel import Session, col, select

from kaizen_exchange.errors import NotFound
from kaizen_exchange.schedule.models import as_utc, now_utc
from kaizen_exchange.sharing import models
from kaizen_exchange.store.db import Store

DraftState = Literal["draft", "queued", "sending", "pending", "published", "failed", "taken_down"]
FileKind = Literal["image", "video", "file"]
STATES: tuple[str, ...] = get_args(DraftState)
KINDS: tuple[str, ...] = get_args(FileKind)

#: The states in which the post is on the school's site (live, or waiting for approval).
ON_SITE: frozenset[str] = frozenset({"published", "pending"})

#: Each state in the words the window and ``share list`` show.
STATE_WORDS: dict[str, str] = {
    "draft": "Draft",
    "queued": "Waiting to be sent (the site could not be reached)",
    "sending": "Sending…",
    "pending": "Waiting for approval",
    "published": "Published",
    "failed": "Not sent: see the message",
    "taken_down": "Taken down",
}


@dataclass
class DraftFile:
    """A photo, video or file of a draft; ``path`` is the teacher's original, never modified.

    ``id`` is 0 until the draft is saved. ``pupils`` are the roster first names the
    teacher marked in this photo; ``pupils_confirmed`` says the teacher looked (the
    list may be empty: nobody identifiable in it).
    """

    id: int
    kind: FileKind
    path: Path
    alt: str = ""
    caption: str = ""
    pupils: list[str] = field(default_factory=list)
    pupils_confirmed: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "path": str(self.path),
            "alt": self.alt,
            "caption": self.caption,
            "pupils": list(self.pupils),
            "pupils_confirmed": self.pupils_confirmed,
        }


def new_file(kind: FileKind, path: Path, alt: str = "", caption: str = "") -> DraftFile:
    """A file to add to a draft (not saved yet)."""
    if kind not in KINDS:
        raise ValueError(f"unknown file kind {kind!r}")
    return DraftFile(0, kind, Path(path), alt=alt, caption=caption)


@dataclass
class Draft:
    """A post about the class's work. ``text`` is the Markdown subset render.py knows."""

    id: int
    title: str
    text: str
    class_name: str = ""
    tags: list[str] = field(default_factory=list)
    files: list[DraftFile] = field(default_factory=list)
    state: DraftState = "draft"
    link: str | None = None
    remote_id: int | None = None
    created_at: datetime = field(default_factory=now_utc)
    updated_at: datetime = field(default_factory=now_utc)
    status_wanted: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "class": self.class_name,
            "tags": list(self.tags),
            "state": self.state,
            "state_text": describe_state(self),
            "link": self.link,
            "remote_id": self.remote_id,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "files": [f.to_json() for f in self.files],
        }


def describe_state(draft: Draft) -> str:
    """The draft's state in plain words ("Waiting for approval")."""
    return STATE_WORDS.get(draft.state, draft.state)


def create_draft(
    store: Store,
    *,
    title: str,
    text: str,
    class_name: str = "",
    tags: Iterable[str] = (),
    files: Iterable[DraftFile] = (),
) -> Draft:
    """A new draft, saved at once (its files keep the order given)."""
    draft = Draft(0, title, text, class_name, list(tags), list(files))
    return save_draft(store, draft)


def save_draft(store: Store, draft: Draft) -> Draft:
    """Store ``draft`` as it is now (a new one when its id is 0) and give it back as stored.

    Files missing from ``draft.files`` are dropped from the draft (never from the
    disk); files with id 0 are added. One transaction: all of the save, or none.
    """
    with store.session() as session:
        row = _row(session, draft.id) if draft.id else models.Draft(title=draft.title)
        row.title = draft.title
        row.text = draft.text
        row.class_name = draft.class_name
        row.tags_json = json.dumps(_unique(draft.tags), ensure_ascii=False)
        row.status_wanted = draft.status_wanted
        row.updated_at = now_utc()
        session.add(row)
        session.flush()
        assert row.id is not None
        _save_files(session, row.id, draft.files)
        draft_id = row.id
    return load_draft(store, draft_id)


def _save_files(session: Session, draft_id: int, files: list[DraftFile]) -> None:
    existing = {
        r.id: r
        for r in session.exec(select(models.DraftFile).where(models.DraftFile.draft_id == draft_id))
    }
    for position, file in enumerate(files):
        row = existing.pop(file.id, None) or models.DraftFile(
            draft_id=draft_id, kind=file.kind, original_path=str(file.path)
        )
        row.position = position
        row.kind = file.kind
        row.original_path = str(file.path)
        row.alt = file.alt
        row.caption = file.caption
        row.pupils_json = json.dumps(_unique(file.pupils), ensure_ascii=False)
        row.pupils_confirmed = file.pupils_confirmed
        session.add(row)
    for gone in existing.values():
        session.delete(gone)


def load_draft(store: Store, draft_id: int) -> Draft:
    """The draft numbered ``draft_id``, or a plain refusal when there is none."""
    with store.session() as session:
        row = _row(session, draft_id)
        return _draft(row, _files(session, [draft_id]).get(draft_id, []))


def list_drafts(store: Store) -> list[Draft]:
    """Every draft, newest first (by when it was started, so typing does not reorder them)."""
    with store.session() as session:
        rows = session.exec(
            select(models.Draft).order_by(
                col(models.Draft.created_at).desc(), col(models.Draft.id).desc()
            )
        ).all()
        files = _files(session, [r.id for r in rows if r.id is not None])
        return [_draft(r, files.get(r.id or 0, [])) for r in rows]


def set_state(
    store: Store,
    draft_id: int,
    state: DraftState,
    *,
    link: str | None = None,
    remote_id: int | None = None,
) -> None:
    """Move a draft to ``state``; ``link`` and ``remote_id`` are kept unless given anew."""
    if state not in STATES:
        raise ValueError(f"unknown draft state {state!r}")
    with store.session() as session:
        row = _row(session, draft_id)
        row.state = state
        if link is not None:
            row.link = link
        if remote_id is not None:
            row.remote_id = remote_id
        row.updated_at = now_utc()
        session.add(row)


def _row(session: Session, draft_id: int) -> models.Draft:
    row = session.get(models.Draft, draft_id)
    if row is None:
        raise NotFound(
            f"There is no draft number {draft_id}. "
            "The list of drafts shows their numbers (kaizen-exchange share list)."
        )
    return row


def _files(session: Session, draft_ids: list[int]) -> dict[int, list[DraftFile]]:
    found: dict[int, list[DraftFile]] = {}
    if not draft_ids:
        return found
    rows = session.exec(
        select(models.DraftFile)
        .where(col(models.DraftFile.draft_id).in_(draft_ids))
        .order_by(col(models.DraftFile.position), col(models.DraftFile.id))
    )
    for row in rows:
        assert row.id is not None
        found.setdefault(row.draft_id, []).append(
            DraftFile(
                row.id,
                _kind(row.kind),
                Path(row.original_path),
                alt=row.alt,
                caption=row.caption,
                pupils=list(json.loads(row.pupils_json)),
                pupils_confirmed=row.pupils_confirmed,
            )
        )
    return found


def _draft(row: models.Draft, files: list[DraftFile]) -> Draft:
    assert row.id is not None
    return Draft(
        row.id,
        row.title,
        row.text,
        row.class_name,
        list(json.loads(row.tags_json)),
        files,
        _state(row.state),
        row.link,
        row.remote_id,
        as_utc(row.created_at),
        as_utc(row.updated_at),
        row.status_wanted,
    )


def _state(value: str) -> DraftState:
    return cast(DraftState, value) if value in STATES else "draft"


def _kind(value: str) -> FileKind:
    return cast(FileKind, value) if value in KINDS else "file"


def _unique(values: Iterable[str]) -> list[str]:
    """Trimmed, non-empty, each once, first spelling kept (tags and names)."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


__all__ = [
    "KINDS",
    "ON_SITE",
    "STATES",
    "Draft",
    "DraftFile",
    "DraftState",
    "FileKind",
    "create_draft",
    "describe_state",
    "list_drafts",
    "load_draft",
    "new_file",
    "save_draft",
    "set_state",
]
