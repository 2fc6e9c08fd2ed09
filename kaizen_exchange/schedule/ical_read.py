"""Reading an .ics file before anything is stored: bounded, and refused in plain words.

``icalendar`` parses leniently: a broken value becomes a note in ``component.errors``
and a broken file a ValueError quoting raw bytes ("b'BEGIN:VCALENDAR\\n…'"). Invitations
come from other schools' calendar programs, and term calendars from councils, so a
bad one must be refused whole with the line or the event and what is wrong, and a
value the planner cannot use later (a year 9999, a SEQUENCE too big for SQLite, a
call of a million minutes) must be refused here rather than break ``slots`` or
``sessions export`` weeks later.
"""

from __future__ import annotations

import re
from pathlib import Path

from icalendar import Calendar, Component

from kaizen_exchange.errors import BadInput
from kaizen_exchange.import_checks import ICS_FILE_CAP, decode_text, quoted, read_capped

_NAME = re.compile(r"^[A-Za-z0-9-]+$")
_MAX_DEPTH = 8  # VCALENDAR > VEVENT > VALARM is 3 deep; more is not a calendar


def read_calendar(path: Path) -> Calendar:
    """Parse a .ics file, or say plainly what is wrong with it and where."""
    what = "a calendar (.ics) file"
    text = decode_text(
        read_capped(path, ICS_FILE_CAP, what),
        path,
        what,
        "export it again from the calendar program",
    )
    _check_structure(text, path)
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError, TypeError) as exc:
        raise BadInput(
            f"{path} is not a valid iCalendar (.ics) file ({_plain(exc)}). Export it again "
            "from the calendar program, as an .ics file."
        ) from None
    if not isinstance(calendar, Calendar) or calendar.name != "VCALENDAR":
        raise BadInput(f"{path} does not start with BEGIN:VCALENDAR; it is not an .ics file.")
    return calendar


def _plain(exc: BaseException) -> str:
    """icalendar's message without the raw bytes or reprs it quotes."""
    text = re.sub(r"b?'[^']{20,}'( \[\.\.\.\])?", "…", str(exc)).strip()
    return text[:120] or type(exc).__name__


def _check_structure(text: str, path: Path) -> None:
    """Every content line has a name and a colon; BEGIN and END pair up (with line numbers).

    Checked on the raw lines, so the refusal can name the line icalendar cannot.
    """
    stack: list[tuple[str, int]] = []
    first = True
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw[0] in " \t":  # blank, or the continuation of a folded line
            continue
        name, colon, value = raw.partition(":")
        key = name.split(";", 1)[0].strip().upper()
        if not colon or not _NAME.match(key):
            raise BadInput(
                f"{path}, line {number}: this line is not a calendar entry "
                f"(expected NAME:value, found {quoted(raw)}). The file is damaged; "
                "export it again from the calendar program."
            )
        component = value.strip().upper()
        if first and (key, component) != ("BEGIN", "VCALENDAR"):
            raise BadInput(
                f"{path}, line {number}: an .ics file starts with BEGIN:VCALENDAR; "
                "this is not a calendar file."
            )
        first = False
        if key == "BEGIN":
            stack.append((component, number))
            if len(stack) > _MAX_DEPTH:
                raise BadInput(f"{path}, line {number}: calendar entries nest too deeply.")
        elif key == "END":
            if not stack or stack[-1][0] != component:
                opened = f"BEGIN:{stack[-1][0]} (line {stack[-1][1]})" if stack else "nothing"
                raise BadInput(
                    f"{path}, line {number}: END:{component[:30]} does not close {opened}; "
                    "the file is damaged or cut short."
                )
            stack.pop()
    if first:
        raise BadInput(f"{path} is empty; it holds no calendar.")
    if stack:
        component, number = stack[-1]
        raise BadInput(
            f"{path}, line {number}: BEGIN:{component[:30]} is never closed; "
            "the file is cut short. Export it again."
        )


def event_label(event: Component) -> str:
    """How a refusal names an event: its title, quoted."""
    title = " ".join(str(event.get("SUMMARY", "") or "").split())
    return f"the event '{title[:60]}'" if title else "an event with no title"


def check_values(event: Component, path: Path, wanted: tuple[str, ...]) -> None:
    """Refuse the file if a property the import uses could not be read."""
    for name, problem in getattr(event, "errors", []):
        if name is None or str(name).upper() in wanted:
            what = f"its {name}" if name else "a line"
            raise BadInput(
                f"{path}, {event_label(event)}: {what} could not be read ({_plain_error(problem)})."
                " Ask the sender to export it again."
            )


def _plain_error(problem: object) -> str:
    return re.sub(r"\s+", " ", str(problem))[:120]


__all__ = ["check_values", "event_label", "read_calendar"]
