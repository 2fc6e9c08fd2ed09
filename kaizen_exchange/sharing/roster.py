"""The class roster: each child's names and the family's consent, kept on this PC only.

The checks read it to find surnames and children without consent in a post. Consent
is per child and per medium (a family may allow a photo and not a name), and can be
withdrawn: :func:`set_consent` then lists the posts on the school's site that show or
name the child, so the teacher can have them taken down.

Nothing here logs, exports or raises a message holding a child's name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from kaizen_exchange.errors import BadInput, NotFound
from kaizen_exchange.import_checks import plain_name, quoted
from kaizen_exchange.schedule.models import now_utc
from kaizen_exchange.sharing import drafts, models
from kaizen_exchange.sharing.names import fold, names_in
from kaizen_exchange.sharing.roster_csv import read_roster_csv
from kaizen_exchange.store.db import Store


@dataclass(frozen=True)
class Pupil:
    first_name: str
    last_name: str
    class_name: str
    photo_consent: bool
    name_consent: bool


@dataclass(frozen=True)
class Roster:
    """The children of one class (or of every class), as the checks read them."""

    pupils: tuple[Pupil, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.pupils)

    def named(self, first_name: str) -> list[Pupil]:
        """The children called ``first_name`` (accents and case folded)."""
        key = fold(first_name.strip())
        return [p for p in self.pupils if fold(p.first_name) == key]

    def first_names(self) -> set[str]:
        return {p.first_name for p in self.pupils}

    def surnames(self) -> set[str]:
        return {p.last_name for p in self.pupils}

    def classes(self) -> list[str]:
        return sorted({p.class_name for p in self.pupils})


def load_roster(store: Store, class_name: str | None = None) -> Roster:
    """The roster of ``class_name`` (compared without case or accents), or of every class."""
    with store.session() as session:
        rows = session.exec(
            select(models.RosterPupil).order_by(
                col(models.RosterPupil.class_name), col(models.RosterPupil.first_name)
            )
        ).all()
    pupils = tuple(
        Pupil(r.first_name, r.last_name, r.class_name, r.photo_consent, r.name_consent)
        for r in rows
    )
    if class_name is not None:
        key = fold(class_name.strip())
        pupils = tuple(p for p in pupils if fold(p.class_name) == key)
    return Roster(pupils)


def import_roster(store: Store, path: Path, class_name: str) -> int:
    """Add or update the children listed in ``path`` in ``class_name``; how many were listed.

    Children already in the class keep their row (their consent is updated when the
    file has consent columns); nobody is removed, so a consent withdrawn earlier is
    never forgotten by importing an older list.
    """
    name = _class_name(class_name)
    rows = read_roster_csv(path)
    with store.session() as session:
        existing = _class_rows(session, name)
        stored_name = existing[0].class_name if existing else name
        by_key = {(fold(r.first_name), fold(r.last_name)): r for r in existing}
        for row in rows:
            pupil = by_key.get((fold(row.first_name), fold(row.last_name)))
            if pupil is None:
                pupil = models.RosterPupil(
                    class_name=stored_name, first_name=row.first_name, last_name=row.last_name
                )
            if row.consent_given or pupil.id is None:
                pupil.photo_consent = row.photo_consent
                pupil.name_consent = row.name_consent
            pupil.updated_at = now_utc()
            session.add(pupil)
    return len(rows)


def _class_name(value: str) -> str:
    name = plain_name(value, "The class name")
    if not name:
        raise BadInput('Name the class the list is for, for example "Willow Class, Year 4".')
    return name


def _class_rows(session: Session, class_name: str) -> list[models.RosterPupil]:
    key = fold(class_name)
    rows = session.exec(select(models.RosterPupil)).all()
    return [r for r in rows if fold(r.class_name) == key]


@dataclass
class ConsentChange:
    """What ``roster set`` changed, and the posts on the site a withdrawal affects.

    ``affected``: drafts on the school's site (published or waiting for approval)
    with a photo marked with the child (``marked_files`` gives which) or whose words
    name the child (``named_in``). Only computed when a consent was set to *no*.
    """

    pupil: Pupil
    withdrawn: tuple[str, ...]  # "photo", "name"
    affected: list[drafts.Draft] = field(default_factory=list)
    marked_files: dict[int, list[int]] = field(default_factory=dict)
    named_in: set[int] = field(default_factory=set)

    def to_json(self) -> dict[str, Any]:
        """No surname: this may be piped to a file or a script."""
        return {
            "class": self.pupil.class_name,
            "first_name": self.pupil.first_name,
            "photo_consent": self.pupil.photo_consent,
            "name_consent": self.pupil.name_consent,
            "withdrawn": list(self.withdrawn),
            "affected": [
                {
                    "draft": d.id,
                    "title": d.title,
                    "state": d.state,
                    "link": d.link,
                    "photos": self.marked_files.get(d.id, []),
                    "named": d.id in self.named_in,
                }
                for d in self.affected
            ],
        }


def set_consent(
    store: Store,
    first_name: str,
    class_name: str,
    *,
    photo: bool | None = None,
    name: bool | None = None,
    last_name: str | None = None,
) -> ConsentChange:
    """Record a family's consent for one child; a withdrawal lists the posts it affects."""
    with store.session() as session:
        row = _one_child(session, first_name, class_name, last_name)
        if photo is not None:
            row.photo_consent = photo
        if name is not None:
            row.name_consent = name
        row.updated_at = now_utc()
        session.add(row)
        pupil = Pupil(
            row.first_name, row.last_name, row.class_name, row.photo_consent, row.name_consent
        )
    withdrawn = tuple(w for w, v in (("photo", photo), ("name", name)) if v is False)
    change = ConsentChange(pupil, withdrawn)
    if withdrawn:
        _find_affected(store, change)
    return change


def _one_child(
    session: Session, first_name: str, class_name: str, last_name: str | None
) -> models.RosterPupil:
    rows = _class_rows(session, class_name)
    if not rows:
        raise NotFound(
            f"No class list called {quoted(class_name)} is on this PC. "
            "Check the class name, or import the class list first."
        )
    key = fold(first_name.strip())
    found = [r for r in rows if fold(r.first_name) == key]
    if last_name is not None:
        found = [r for r in found if fold(r.last_name) == fold(last_name.strip())]
    if not found:
        raise NotFound(
            "No child of that name is in the class list. "
            "Check the spelling of the first name (as in the class list)."
        )
    if len(found) > 1:
        raise BadInput(
            f"{len(found)} children in the class have that first name; "
            "give the surname as well to say which one."
        )
    return found[0]


def _find_affected(store: Store, change: ConsentChange) -> None:
    pupil = change.pupil
    for draft in drafts.list_drafts(store):
        if draft.state not in drafts.ON_SITE:
            continue
        if draft.class_name and fold(draft.class_name) != fold(pupil.class_name):
            continue
        key = fold(pupil.first_name)
        marked = [f.id for f in draft.files if key in {fold(p) for p in f.pupils}]
        words = [draft.title, draft.text, *(f"{f.alt}\n{f.caption}" for f in draft.files)]
        named = bool(names_in("\n".join(words), [pupil.first_name]))
        if marked:
            change.marked_files[draft.id] = marked
        if named:
            change.named_in.add(draft.id)
        if marked or named:
            change.affected.append(draft)


__all__ = [
    "ConsentChange",
    "Pupil",
    "Roster",
    "import_roster",
    "load_roster",
    "set_consent",
]
