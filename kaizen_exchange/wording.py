"""Small helpers for sentences a teacher reads: "1 week", "3 weeks", never "1 weeks"."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``plural(1, "week")`` → "1 week"; ``plural(3, "week")`` → "3 weeks"."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def sentence(text: str) -> str:
    """A message as a sentence: its first letter a capital (the rest as written)."""
    return text[:1].upper() + text[1:]


__all__ = ["plural", "sentence"]
