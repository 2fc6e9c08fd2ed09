"""Writes about booked calls: book, change, cancel, import an invitation."""

from __future__ import annotations

from pathlib import Path

from kaizen_exchange import changes
from kaizen_exchange.changes import Done
from kaizen_exchange.schedule.ical_import import ImportResult, import_sessions
from kaizen_exchange.schedule.models import CallSession
from kaizen_exchange.schedule.sessions import (
    NewSession,
    SessionReport,
    add_session,
    cancel_session,
    update_session,
)
from kaizen_exchange.store.db import Store


def book(store: Store, new: NewSession, editing: int | None = None) -> Done[SessionReport]:
    """``sessions add`` (or, with ``editing``, ``sessions update``: same UID, SEQUENCE raised)."""
    report = add_session(store, new) if editing is None else update_session(store, editing, new)
    return Done(report, changes.sessions([report.session.id]))


def cancel(store: Store, session_id: int) -> Done[tuple[CallSession, bool]]:
    """``sessions cancel``: nothing changes when it already was cancelled."""
    row, changed = cancel_session(store, session_id)
    return Done((row, changed), changes.sessions([session_id] if changed else []))


def import_invitation(store: Store, path: Path) -> Done[ImportResult]:
    """``sessions import``: calls added, updated or cancelled by a partner's .ics file."""
    result = import_sessions(store, path)
    return Done(result, changes.sessions([*result.added, *result.updated, *result.cancelled]))


__all__ = ["book", "cancel", "import_invitation"]
