"""Finding a pupil's name in a post's text: whole words, any case, accents folded.

"Zoë" must be found when a teacher types "Zoe" or "ZOË", and "Sam" must not be found
inside "Samuel" or "same". The text is folded character by character, keeping a map
back to the original positions, so a finding can point at the exact word the
teacher typed (the editor highlights it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

#: Typographic apostrophes and dashes are matched as the plain ones ("O’Brien").
_SAME = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "‐": "-", "‑": "-", "–": "-"})


@lru_cache(maxsize=4096)
def fold_char(char: str) -> str:
    """``char`` without accents, case-folded ("É" → "e", "ß" → "ss")."""
    plain = unicodedata.normalize("NFKD", char.translate(_SAME))
    return "".join(c for c in plain if not unicodedata.combining(c)).casefold()


def fold(text: str) -> str:
    """``text`` as names are compared: no accents, no case, one kind of apostrophe."""
    return "".join(fold_char(c) for c in text)


@dataclass(frozen=True)
class Folded:
    """A text folded for searching, with where each folded character came from."""

    text: str
    origin: tuple[int, ...]  # origin[i]: the original index of folded character i
    length: int  # the original text's length

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the folded span ``start:end``."""
        first = self.origin[start]
        last = self.origin[end] if end < len(self.origin) else self.length
        return first, last


def folded(text: str) -> Folded:
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        plain = fold_char(char)
        chars.append(plain)
        origin.extend([index] * len(plain))
    return Folded("".join(chars), tuple(origin), len(text))


@lru_cache(maxsize=1024)
def _pattern(name: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in fold(name).split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?![\w])")


def find_name(text: Folded, name: str) -> Iterator[tuple[int, int]]:
    """Every whole-word occurrence of ``name`` in ``text``, as original (start, end)."""
    if not name.strip():
        return
    for match in _pattern(name).finditer(text.text):
        yield text.span(match.start(), match.end())


def names_in(text: str, names: Iterable[str]) -> set[str]:
    """Which of ``names`` occur in ``text`` (whole words, folded)."""
    haystack = folded(text)
    return {name for name in names if next(find_name(haystack, name), None) is not None}


__all__ = ["Folded", "find_name", "fold", "fold_char", "folded", "names_in"]
