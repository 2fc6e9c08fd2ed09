"""Small helpers for sentences a teacher reads: "1 week", "3 weeks", never "1 weeks"; "2.5 MB".

Shared by the window and the command line, so both say a number the same way.
"""

from __future__ import annotations


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


__all__ = ["human_size", "plural", "sentence"]
