"""The tables of sharing: the class roster, drafts and their files (migration 0005).

The roster is personal data of children: it is kept in these tables on this PC only,
never exported, logged or sent. A draft's files point at the teacher's original
files, which are never modified: what is uploaded is a cleaned copy made at publish
time (:mod:`kaizen_exchange.sharing.prepare`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from kaizen_exchange.schedule.models import now_utc


class RosterPupil(SQLModel, table=True):
    """One child of one class, with the family's consent per medium (photo, name)."""

    __tablename__ = "roster_pupil"
    __table_args__ = (
        UniqueConstraint("class_name", "first_name", "last_name", name="uq_roster_pupil"),
    )
    id: int | None = Field(default=None, primary_key=True)
    class_name: str = Field(index=True)
    first_name: str
    last_name: str
    photo_consent: bool = False
    name_consent: bool = False
    updated_at: datetime = Field(default_factory=now_utc)


class Draft(SQLModel, table=True):
    """A post about the class's work, from first words to published (see drafts.DraftState)."""

    __tablename__ = "draft"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    text: str = ""
    class_name: str = ""
    tags_json: str = "[]"
    state: str = Field(default="draft", index=True)
    link: str | None = None
    remote_id: int | None = None  # the post's id on the school's WordPress, once sent
    status_wanted: str | None = None  # publish | pending | draft, as asked at publish time
    created_at: datetime = Field(default_factory=now_utc)
    updated_at: datetime = Field(default_factory=now_utc)


class DraftFile(SQLModel, table=True):
    """A photo, video or other file of a draft, in the order the post shows them."""

    __tablename__ = "draft_file"
    id: int | None = Field(default=None, primary_key=True)
    draft_id: int = Field(foreign_key="draft.id", index=True, ondelete="CASCADE")
    position: int = 0
    kind: str  # image | video | file
    original_path: str  # the teacher's file, never modified
    alt: str = ""
    caption: str = ""
    pupils_json: str = "[]"  # roster first names marked in this photo (this PC only)
    pupils_confirmed: bool = False  # the teacher said who is in it (maybe nobody)


__all__ = ["Draft", "DraftFile", "RosterPupil"]
