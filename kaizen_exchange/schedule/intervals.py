"""Sorted, disjoint half-open intervals of UTC epoch seconds, and the set algebra on them.

The slot finder works on plain integers rather than datetimes: a school year is a few
hundred intervals per school, and a linear merge of integer pairs keeps a whole
year's search for a pair of schools in the low milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

#: ``(start, end)`` in seconds since the Unix epoch, UTC; ``start < end``; end excluded.
Interval = tuple[int, int]


def normalize(intervals: Iterable[Interval]) -> list[Interval]:
    """Sort and merge overlapping or touching intervals, dropping empty ones."""
    merged: list[Interval] = []
    for start, end in sorted(i for i in intervals if i[0] < i[1]):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def intersect(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    """The instants in both ``a`` and ``b`` (each already normalized)."""
    result: list[Interval] = []
    i = j = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if start < end:
            result.append((start, end))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return result


def intersect_all(lists: Sequence[Sequence[Interval]]) -> list[Interval]:
    """The instants common to every list; the empty product is empty, not everything."""
    if not lists:
        return []
    result = list(lists[0])
    for other in lists[1:]:
        result = intersect(result, other)
        if not result:
            break
    return result


def subtract(a: Sequence[Interval], b: Sequence[Interval]) -> list[Interval]:
    """The instants of ``a`` not in ``b`` (each already normalized)."""
    result: list[Interval] = []
    j = 0
    for start, end in a:
        cursor = start
        while j < len(b) and b[j][1] <= cursor:
            j += 1
        k = j
        while k < len(b) and b[k][0] < end:
            if b[k][0] > cursor:
                result.append((cursor, b[k][0]))
            cursor = max(cursor, b[k][1])
            k += 1
        if cursor < end:
            result.append((cursor, end))
    return result


def clip(intervals: Sequence[Interval], start: int, end: int) -> list[Interval]:
    """The part of ``intervals`` inside ``[start, end)``."""
    return intersect(intervals, [(start, end)]) if start < end else []


__all__ = ["Interval", "clip", "intersect", "intersect_all", "normalize", "subtract"]
