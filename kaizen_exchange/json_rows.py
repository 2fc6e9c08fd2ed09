"""Plain rows (dataclasses) as JSON for ``--json``: one conversion, so every command agrees.

Instants are written in UTC with their offset (the store keeps UTC; a script reading
two commands' output compares like with like), paths as text, and a nested row by
its own ``to_json``. Without this, each row spelled out its fields a second time in a
hand-written dict, and the copies drifted.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import fields, is_dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def utc_iso(value: datetime | None) -> str | None:
    """A stored instant as ISO 8601 in UTC, with its offset (a naive one is UTC already)."""
    if value is None:
        return None
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat()


def plain(value: Any) -> Any:
    """``value`` as something ``json.dump`` writes the same on every machine."""
    if isinstance(value, datetime):
        return utc_iso(value)
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "to_json"):
        return value.to_json()
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


def as_json(row: Any, *, leave_out: Collection[str] = (), **replace: Any) -> dict[str, Any]:
    """A dataclass ``row``'s fields in order, made plain; ``replace`` gives a field another value.

    ``leave_out`` names fields kept for the program but not printed (a content hash).
    """
    assert is_dataclass(row) and not isinstance(row, type)
    return {
        item.name: plain(replace.get(item.name, getattr(row, item.name)))
        for item in fields(row)
        if item.name not in leave_out
    }


__all__ = ["as_json", "plain", "utc_iso"]
