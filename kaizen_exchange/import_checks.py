"""Checks every imported file shares: size caps, plain text, sane dates, real zones.

Every import path (network file, OPML, invitations, term dates) refuses a bad file
whole, before the store is touched. The checks here are the ones they have in
common, so that "what is a sane date" or "how big may a file be" has one answer.
Each cap is documented where it is defined, and each refusal says what to do.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path
from zoneinfo import available_timezones

from kaizen_exchange.errors import BadInput

MB = 1_000_000

#: The largest file each import reads. Real files are far smaller (a network of 50
#: schools is about 30 KB, an invitation a few KB, a council's term calendar under
#: 100 KB); the caps stop a wrong or hostile file before it costs minutes or memory.
NETWORK_FILE_CAP = 10 * MB
OPML_FILE_CAP = 10 * MB
ICS_FILE_CAP = 1 * MB
CSV_FILE_CAP = 1 * MB

#: Dates a school calendar may hold. Outside this the file is wrong (a year typed as
#: 0026 or 9999), and far dates make weekly series and DST arithmetic overflow.
FIRST_YEAR = 1900
LAST_YEAR = 2200

#: The longest name (school, network, term, call title) kept.
MAX_NAME = 200

#: Zone names the zone database lists that are not places: a school must name its city.
_NOT_PLACES = frozenset({"localtime", "Factory", "posixrules"})


def read_capped(path: Path, cap: int, what: str) -> bytes:
    """The bytes of ``path``, refused plainly when unreadable or larger than ``cap``.

    ``what`` names the kind of file with its article ("an OPML file").
    """
    try:
        with path.open("rb") as stream:
            data = stream.read(cap + 1)
    except IsADirectoryError:
        raise BadInput(f"{path} is a folder; choose {what} instead.") from None
    except OSError as exc:
        raise BadInput(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if len(data) > cap:
        raise BadInput(
            f"{path} is larger than {cap // MB} MB, too large for {what}; "
            "check that it is the right file."
        )
    return data


def decode_text(data: bytes, path: Path, what: str, fix: str = "save it again as UTF-8") -> str:
    """UTF-8 text (a byte-order mark is allowed), or a refusal naming the line and ``fix``."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadInput(f"{path}, line {line}: {what} must be UTF-8 text; {fix}.") from None


def odd_character(text: str) -> str | None:
    """A plain name for the first control or invisible (bidi, zero-width) character."""
    if text.isprintable():  # the usual case, checked in C
        return None
    for char in text:
        if char in "\t":
            continue
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            if char in "\r\n":
                return "a line break"
            return f"an invisible or control character (U+{ord(char):04X})"
    return None


def quoted(text: str, limit: int = 40) -> str:
    """``text`` as a refusal quotes it: 'one line', hidden characters shown as ?, cut short.

    Not ``repr``, whose escapes and switched quotes a teacher cannot read.
    """
    text = "".join(c if c.isprintable() else "?" for c in text.strip())
    return f"'{text if len(text) <= limit else text[: limit - 1] + '…'}'"


def plain_name(value: str, label: str) -> str:
    """A name to store and show: one line, no hidden characters, not too long.

    Bidi and zero-width characters can make a name display as something else
    ("Greenfield" that reads backwards, or two names that look identical), so they
    are refused rather than stored.
    """
    text = " ".join(value.split())
    problem = odd_character(text)
    if problem:
        raise BadInput(f"{label} has {problem} in it; type the name again without it.")
    if len(text) > MAX_NAME:
        raise BadInput(f"{label} is longer than {MAX_NAME} characters; shorten it.")
    return text


def sane_date(value: date, label: str) -> date:
    """``value`` if it lies between 1900 and 2200, else a refusal."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise BadInput(
            f"{label} is {value.isoformat()}, outside {FIRST_YEAR}–{LAST_YEAR}; check the year."
        )
    return value


#: At most this many problems are listed in one refusal (the count says how many more).
MAX_LISTED = 8


def all_problems(source: str, problems: list[str]) -> BadInput:
    """One refusal naming every problem found in a file, on one line.

    A teacher fixing a file wants every mistake at once, not one per attempt; one
    line, because the window and scripts show the message whole.
    """
    if len(problems) == 1:
        return BadInput(problems[0])
    listed = [
        p.removeprefix(f"{source}, ").removeprefix(f"{source}: ") for p in problems[:MAX_LISTED]
    ]
    more = len(problems) - MAX_LISTED
    tail = f" … and {more} more." if more > 0 else ""
    numbered = " ".join(f"({n}) {text}" for n, text in enumerate(listed, 1))
    return BadInput(f"{source} has {len(problems)} problems to fix: {numbered}{tail}")


@lru_cache(maxsize=1)
def place_zones() -> frozenset[str]:
    """IANA zone names of places (no ``localtime``, ``right/…`` or ``posix/…`` copies)."""
    return frozenset(
        zone
        for zone in available_timezones()
        if zone not in _NOT_PLACES and not zone.startswith(("right/", "posix/"))
    )


def is_place_zone(zone: str) -> bool:
    return zone in place_zones()


__all__ = [
    "CSV_FILE_CAP",
    "FIRST_YEAR",
    "ICS_FILE_CAP",
    "LAST_YEAR",
    "MAX_LISTED",
    "MAX_NAME",
    "NETWORK_FILE_CAP",
    "OPML_FILE_CAP",
    "all_problems",
    "decode_text",
    "is_place_zone",
    "odd_character",
    "place_zones",
    "plain_name",
    "quoted",
    "read_capped",
    "sane_date",
]
