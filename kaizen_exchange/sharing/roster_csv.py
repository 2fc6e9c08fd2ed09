"""Reading a class list from a CSV file: ``first_name,last_name[,photo_consent,name_consent]``.

A teacher exports it from the school's management system or types it in a
spreadsheet, so a header row is optional (columns are then taken in that order), a
header may name the columns in any order, Excel's semicolons are accepted, and
consent is written yes/no in any usual way. A missing consent means *no*: a family
that has not answered has not agreed.

Refusals name the line, never the child: a message may be shown, logged or sent to
IT, and the roster never leaves this PC.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from kaizen_exchange.errors import BadInput
from kaizen_exchange.import_checks import (
    CSV_FILE_CAP,
    all_problems,
    decode_text,
    odd_character,
    quoted,
    read_capped,
)

COLUMNS = ("first_name", "last_name", "photo_consent", "name_consent")
_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔"})
_NO = frozenset({"no", "n", "false", "0", "", "-"})
MAX_NAME = 100


@dataclass(frozen=True)
class RosterRow:
    first_name: str
    last_name: str
    photo_consent: bool
    name_consent: bool
    line: int
    consent_given: bool  # the file had consent columns


def read_roster_csv(path: Path) -> list[RosterRow]:
    """The children listed in ``path``, or one refusal naming every bad line."""
    text = decode_text(read_capped(path, CSV_FILE_CAP, "a class list"), path, "A class list")
    delimiter = ";" if ";" in text.split("\n", 1)[0] and "," not in text.split("\n", 1)[0] else ","
    records = [(n, r) for n, r in enumerate(csv.reader(text.splitlines(), delimiter=delimiter), 1)]
    records = [(n, r) for n, r in records if any(cell.strip() for cell in r)]
    if not records:
        raise BadInput(f"{path} has no children in it; it should list first_name,last_name.")
    order = _header(records[0][1])
    if order is not None:
        records = records[1:]
    problems: list[str] = []
    rows: list[RosterRow] = []
    seen: dict[tuple[str, str], int] = {}
    for number, record in records:
        row = _row(record, order or COLUMNS, number, f"{path}, line {number}", problems)
        if row is None:
            continue
        key = (row.first_name.casefold(), row.last_name.casefold())
        if key in seen:
            problems.append(f"{path}, line {number}: the same child as line {seen[key]}")
            continue
        seen[key] = number
        rows.append(row)
    if problems:
        raise all_problems(str(path), problems)
    if not rows:
        raise BadInput(f"{path} has a header but no children; add one line per child.")
    return rows


def _header(record: list[str]) -> tuple[str, ...] | None:
    """The column order a header row gives, or None when the first row is a child."""
    names = tuple("_".join(cell.strip().casefold().replace("-", " ").split()) for cell in record)
    aliases = {
        "first": "first_name",
        "firstname": "first_name",
        "forename": "first_name",
        "last": "last_name",
        "lastname": "last_name",
        "surname": "last_name",
        "family_name": "last_name",
        "photo": "photo_consent",
        "name": "name_consent",
    }
    names = tuple(aliases.get(n, n) for n in names)
    if "first_name" not in names:
        return None
    return names


def _row(
    record: list[str], order: tuple[str, ...], line: int, where: str, problems: list[str]
) -> RosterRow | None:
    cells = dict(zip(order, (c.strip() for c in record), strict=False))
    first, last = cells.get("first_name", ""), cells.get("last_name", "")
    found: list[str] = []
    for label, value in (("first name", first), ("surname", last)):
        if not value:
            found.append(f"{where}: the {label} is missing")
        elif odd_character(value) or len(value) > MAX_NAME:
            found.append(f"{where}: the {label} has a hidden character or is too long")
    consents = [_consent(cells.get(c, ""), c, where, found) for c in COLUMNS[2:]]
    problems.extend(found)
    if found:
        return None
    given = any(c in cells for c in COLUMNS[2:])
    return RosterRow(
        " ".join(first.split()), " ".join(last.split()), consents[0], consents[1], line, given
    )


def _consent(value: str, column: str, where: str, problems: list[str]) -> bool:
    word = value.strip().casefold()
    if word in _YES:
        return True
    if word not in _NO:
        label = column.replace("_", " ")
        problems.append(f"{where}: {label} is {quoted(value, 12)}; write yes or no")
    return False


__all__ = ["COLUMNS", "RosterRow", "read_roster_csv"]
