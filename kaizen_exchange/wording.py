"""Small helpers for text a teacher reads: "1 week", "3 weeks", never "1 weeks"; "2.5 MB"; a table.

Shared by the window and the command line, so both say a number the same way.
"""

from __future__ import annotations

from collections.abc import Sequence


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "week")`` → "1 week"; ``plural(3, "week")`` → "3 weeks"."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def sentence(text: str) -> str:
    """A message as a sentence: its first letter a capital (the rest as written)."""
    return text[:1].upper() + text[1:]


def human_size(n: int) -> str:
    """Bytes as a teacher reads them (1 GB = 1000 MB, as disks are sold)."""
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{n} bytes"


def city(zone: str) -> str:
    """A time zone as people say it: ``Australia/Lord_Howe`` → ``Lord Howe``."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def table(rows: Sequence[Sequence[str]], headers: Sequence[str]) -> str:
    """Left-aligned columns for people reading a terminal or a plain-text message."""
    widths = [len(h) for h in headers]
    for row in rows:
        widths = [max(w, len(cell)) for w, cell in zip(widths, row, strict=True)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    return "\n".join(lines)


__all__ = ["city", "human_size", "plural", "sentence", "table"]
