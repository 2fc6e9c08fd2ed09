"""Writes about the partner schools: network files, one school, OPML feeds, term dates."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kaizen_exchange import changes
from kaizen_exchange.changes import Done, Kind
from kaizen_exchange.network.file import NetworkSpec, SchoolSpec, read_network_file
from kaizen_exchange.network.opml import OpmlReport
from kaizen_exchange.network.opml import import_opml as _import_opml
from kaizen_exchange.network.store import (
    ImportReport,
    RemovedSchool,
    import_network,
    network_name,
    remove_school,
)
from kaizen_exchange.store.db import Store

if TYPE_CHECKING:
    from kaizen_exchange.schedule.terms_import import TermsResult


def _imported(report: ImportReport) -> Done[ImportReport]:
    return Done(report, changes.schools([*report.added, *report.updated]))


def import_network_file(store: Store, path: Path) -> Done[ImportReport]:
    """``network import FILE``: new and changed schools (their feeds are synced next)."""
    return _imported(import_network(store, read_network_file(path)))


def save_school(store: Store, spec: SchoolSpec) -> Done[ImportReport]:
    """One school added or edited in the window, keeping the network's own name."""
    return _imported(import_network(store, NetworkSpec(name=network_name(store), schools=[spec])))


def remove(store: Store, school_id: str) -> Done[RemovedSchool]:
    """``network remove``: the school goes with its posts; calls it was in lose it too."""
    removed = remove_school(store, school_id)
    return Done(removed, changes.schools([school_id], Kind.POSTS, Kind.SESSIONS))


def import_opml(store: Store, path: Path) -> Done[OpmlReport]:
    """``feeds import-opml``: feeds (and perhaps schools) added; which schools is not reported."""
    report = _import_opml(store, path)
    added = bool(report.feeds_added or report.schools_created)
    return Done(report, changes.schools(report.schools_created, *([Kind.SCHOOLS] if added else [])))


def import_terms(store: Store, path: Path, school_id: str) -> Done[TermsResult]:
    """``terms import``: one school's calendar, which every check of its calls depends on."""
    from kaizen_exchange.schedule.terms_import import import_terms as _import_terms

    result = _import_terms(store, path, school_id)
    checks = [Kind.SESSIONS] if result.added else []  # a call may now fall in a holiday
    return Done(result, changes.schools([school_id], *checks))


__all__ = ["import_network_file", "import_opml", "import_terms", "remove", "save_school"]
