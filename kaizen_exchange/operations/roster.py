"""Writes about the class list kept on this PC: importing it (``roster import``)."""

from __future__ import annotations

from pathlib import Path

from kaizen_exchange.changes import Changes, Done, Kind
from kaizen_exchange.sharing.roster import import_roster
from kaizen_exchange.store.db import Store


def import_class_list(store: Store, path: Path, class_name: str) -> Done[int]:
    """The Share page's "Class list…": the checks read it, so the drafts' reports change."""
    return Done(import_roster(store, path, class_name), Changes.of(Kind.DRAFTS))


__all__ = ["import_class_list"]
