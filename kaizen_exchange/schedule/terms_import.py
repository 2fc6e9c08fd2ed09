"""Importing a school's term dates and closures from an .ics file or a CSV.

Councils, academy trusts and state departments publish term dates as iCalendar
feeds; a teacher can also type a CSV of ``name,start,end``. Each entry is a term or
a closure, told apart by its name ("Autumn term" is a term; "Half term", "INSET
day", "Christmas holidays" are closures), or forced with ``kind``. Entries already
stored are not added twice, and the import is one transaction.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlmodel import select

from kaizen_exchange.errors import BadInput, NotFound
from kaizen_exchange.import_checks import (
    CSV_FILE_CAP,
    decode_text,
    plain_name,
    read_capped,
    sane_date,
)
from kaizen_exchange.json_rows import as_json
from kaizen_exchange.network.store import insert_rows
from kaizen_exchange.schedule.ical_read import check_values, event_label, read_calendar
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import School, SchoolPeriod

_CLOSURE = re.compile(
    r"half[\s-]?term|holiday|break|vacation|inset|closed|closure|training|"
    r"staff development|pupil[\s-]?free|bank holiday|occasional day",
    re.IGNORECASE,
)
_TERM = re.compile(r"\bterm\b|semester", re.IGNORECASE)
_OPENS = re.compile(r"\s*[-–:]?\s*\b(starts?|begins?|first day( of)?|opens?)\b\s*", re.IGNORECASE)
_CLOSES = re.compile(r"\s*[-–:]?\s*\b(ends?|finish(es)?|last day( of)?)\b\s*", re.IGNORECASE)
KINDS = ("term", "closure")


@dataclass
class TermsResult:
    """What a terms import stored, and what it could not use."""

    school: str
    added: list[dict[str, str]] = field(default_factory=list)
    already: int = 0
    skipped: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


def classify(name: str) -> str | None:
    """``term``, ``closure`` or None (the name does not say)."""
    if _CLOSURE.search(name):
        return "closure"
    if _TERM.search(name):
        return "term"
    return None


def read_periods(path: Path) -> list[tuple[str, date, date]]:
    """``(name, first day, last day)`` entries of a .ics or .csv file (inclusive dates)."""
    suffix = path.suffix.lower()
    if suffix in (".ics", ".ical", ".ifb"):
        return _from_ics(path)
    if suffix in (".csv", ".txt"):
        return _from_csv(path)
    raise BadInput(f"{path.name}: give an .ics file or a .csv file of name,start,end.")


def _from_ics(path: Path) -> list[tuple[str, date, date]]:
    found = []
    for event in read_calendar(path).events:
        check_values(event, path, ("DTSTART", "DTEND", "SUMMARY"))
        start = event.get("DTSTART")
        if start is None:
            continue
        name = _entry_name(str(event.get("SUMMARY", "")), f"{path}, {event_label(event)}")
        first = sane_date(_as_date(start.dt), f"{path}, {event_label(event)}: its start")
        end = event.get("DTEND")
        if end is not None:
            last = sane_date(_as_date(end.dt), f"{path}, {event_label(event)}: its end")
            # An all-day DTEND is exclusive (RFC 5545); a timed one is the last day itself.
            if not isinstance(end.dt, datetime):
                last -= timedelta(days=1)
        else:
            last = first
        found.append((name, first, max(first, last)))
    return found


def _entry_name(value: str, where: str) -> str:
    try:
        return plain_name(value, "the name")
    except BadInput as exc:
        raise BadInput(f"{where}: {exc}") from None


def pair_boundaries(entries: list[tuple[str, date, date]]) -> list[tuple[str, date, date]]:
    """Join "Autumn term starts" and "Autumn term ends" one-day entries into one term.

    Many council feeds publish a term as two single-day events; read one by one they
    would be two one-day terms.
    """
    opens: dict[str, date] = {}
    result = []
    for name, first, last in sorted(entries, key=lambda e: e[1]):
        if _TERM.search(name) and _OPENS.search(name):
            opens[_label(_OPENS.sub(" ", name))] = first
        elif _TERM.search(name) and _CLOSES.search(name):
            label = _label(_CLOSES.sub(" ", name))
            began = opens.pop(label, None)
            if began is not None:
                result.append((" ".join(_CLOSES.sub(" ", name).split()), began, last))
            else:
                result.append((name, first, last))
        else:
            result.append((name, first, last))
    return result + [(f"{label} starts", day, day) for label, day in opens.items()]


def _label(name: str) -> str:
    return " ".join(name.lower().split())


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _from_csv(path: Path) -> list[tuple[str, date, date]]:
    what = "a CSV file of term dates"
    text = decode_text(read_capped(path, CSV_FILE_CAP, what), path, what, "save it as UTF-8 CSV")
    found = []
    rows = csv.reader(io.StringIO(text))
    number = 0
    try:
        for number, row in enumerate(rows, 1):
            entry = _csv_row(row, number, path)
            if entry is not None:
                found.append(entry)
    except csv.Error as exc:
        raise BadInput(
            f"{path.name}, line {number + 1}: this line is not CSV that can be read ({exc}); "
            "write name,start,end with each name on one line."
        ) from None
    return found


def _csv_row(row: list[str], number: int, path: Path) -> tuple[str, date, date] | None:
    """One ``name,start,end`` line, checked; None for a blank line or the header."""
    cells = [c.strip() for c in row]
    if not any(cells) or (
        number == 1 and [c.lower() for c in cells[:3]] == ["name", "start", "end"]
    ):
        return None
    where = f"{path.name}, line {number}"
    if len(cells) < 3:
        raise BadInput(f"{where}: write name,start,end (three columns).")
    try:
        first, last = date.fromisoformat(cells[1][:20]), date.fromisoformat(cells[2][:20])
    except ValueError:
        raise BadInput(
            f"{where}: dates should look like 2026-09-03 (found {cells[1][:20]!r} and "
            f"{cells[2][:20]!r})."
        ) from None
    name = _entry_name(cells[0], where)
    sane_date(first, f"{where}: the start")
    sane_date(last, f"{where}: the end")
    if last < first:
        raise BadInput(f"{where}: '{name}' ends before it starts.")
    return name, first, last


def import_terms(store: Store, path: Path, school_id: str, kind: str | None = None) -> TermsResult:
    """Store a file's terms and closures for one school; nothing is kept if it is refused."""
    if kind is not None and kind not in KINDS:
        raise BadInput(f"--kind {kind} is not known; use term or closure.")
    entries = pair_boundaries(read_periods(path))
    if not entries:
        raise BadInput(f"{path.name} holds no dated entries; nothing to import.")
    result = TermsResult(school_id)
    with store.session() as session:
        if session.get(School, school_id) is None:
            raise NotFound(f"unknown school id '{school_id}'.")
        existing = {
            (p.kind, p.start, p.end)
            for p in session.exec(select(SchoolPeriod).where(SchoolPeriod.school_id == school_id))
        }
        rows: list[dict[str, Any]] = []
        for name, first, last in entries:
            chosen = kind or classify(name)
            if chosen is None or (kind is None and _OPENS.search(name) and first == last):
                result.skipped.append(f"{name or '(no name)'} {first}–{last}")
                continue
            if (chosen, first, last) in existing:
                result.already += 1
                continue
            existing.add((chosen, first, last))
            rows.append(
                {
                    "school_id": school_id,
                    "kind": chosen,
                    "name": name or chosen.title(),
                    "start": first,
                    "end": last,
                    "source": "import",
                }
            )
            result.added.append(
                {"kind": chosen, "name": name, "start": first.isoformat(), "end": last.isoformat()}
            )
        insert_rows(session, SchoolPeriod, rows)
    return result


__all__ = ["KINDS", "TermsResult", "classify", "import_terms", "pair_boundaries", "read_periods"]
