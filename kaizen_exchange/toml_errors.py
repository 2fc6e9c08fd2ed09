"""Reading TOML with refusals a teacher can act on.

``tomllib`` reports "Illegal character '\\n' (at line 3, column 24)": true, but it
does not tell a teacher that a closing quote is missing. This module turns its
messages into the line, the text of that line, and what to change; and a file
nested deeper than Python's recursion allows is refused, not a crash.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from kaizen_exchange.errors import BadInput

_WHERE = re.compile(r"^(?P<what>.*?) \(at (?:line (?P<line>\d+), column \d+|end of document)\)$")

#: tomllib's messages (their beginnings) and what a person should do about each.
_ADVICE = (
    ("Illegal character '\\n'", 'a text in quotes is not closed; add the closing " on it'),
    ("Illegal character", "it has a character that is not allowed there; retype the line"),
    ("Unclosed array", "a list [ … ] is not closed; add the closing ]"),
    ("Unclosed inline table", "a { … } table is not closed; add the closing }"),
    ("Cannot overwrite a value", "a setting is written twice; keep one of them"),
    ("Cannot declare", "a table is written twice; keep one of them"),
    ("Invalid value", 'the value after = is not valid; put text in quotes, e.g. name = "…"'),
    ("Invalid date or datetime", "a date is not valid; write dates like 2026-09-03"),
    ("Expected '=' after a key", 'each line should be a setting like name = "…"'),
    ("Expected ']' at the end of a table", "a [table] name is not closed; add the ]"),
    ("Expected newline or end of document", "put each setting on its own line"),
    ("Unescaped '\\'", "a backslash \\ inside quotes must be written \\\\ (or use '…' quotes)"),
)


def _advice(what: str) -> str:
    for start, advice in _ADVICE:
        if what.startswith(start):
            return advice
    return f"it is not valid TOML ({what.lower()}); check quotes, brackets and = signs"


def load_toml(text: str, source: str) -> dict[str, Any]:
    """The parsed file, or a BadInput naming the line and what to fix."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = _WHERE.match(str(exc))
        what = found.group("what") if found else str(exc)
        line = found.group("line") if found else None
        if line is None:
            place = "at the end of the file"
        else:
            shown = text.splitlines()[int(line) - 1] if text.splitlines() else ""
            shown = shown.strip()
            shown = shown if len(shown) <= 60 else shown[:59] + "…"
            place = f"line {line} ({shown!r})" if shown else f"line {line}"
        raise BadInput(f"{source}, {place}: {_advice(what)}.") from None
    except RecursionError:
        raise BadInput(
            f"{source}: lists or tables are nested too deeply to be a network file; "
            "check that it is the right file."
        ) from None


__all__ = ["load_toml"]
