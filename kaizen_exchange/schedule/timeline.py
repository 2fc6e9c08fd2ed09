"""A zone's UTC offsets as a list of transitions, so window arithmetic is exact and fast.

``zoneinfo`` answers one instant at a time. The slot finder needs, for hundreds of
local dates, the exact UTC instants in which a wall-clock window is open, including
the days when the clocks change inside the window (a gap loses instants, a repeated
hour gains them). We sample each zone's offset every few hours, bisect to the second
wherever it changes, and keep the result per zone and year. No modern zone changes
its offset twice within the sampling step, which is what makes the sampling safe.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from kaizen_exchange.schedule.intervals import Interval

_STEP = 3 * 3600  # sampling step in seconds
_MAX_OFFSET = 26 * 3600  # larger than any UTC offset, either sign
_EPOCH_DAY = date(1970, 1, 1).toordinal()


def offset_at(zone: ZoneInfo, instant: int) -> int:
    """The zone's UTC offset in seconds at a UTC epoch second, straight from zoneinfo."""
    offset = datetime.fromtimestamp(instant, zone).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0


def _year_start(year: int) -> int:
    return int(datetime(year, 1, 1, tzinfo=UTC).timestamp())


@lru_cache(maxsize=512)
def _transitions_in_year(key: str, year: int) -> tuple[tuple[int, int], ...]:
    """``(utc second, offset after)`` for every offset change in one UTC year."""
    zone = ZoneInfo(key)
    start, end = _year_start(year), _year_start(year + 1)
    found: list[tuple[int, int]] = []
    previous = offset_at(zone, start)
    t = start
    while t < end:
        nxt = min(t + _STEP, end)
        current = offset_at(zone, nxt)
        if current != previous:
            found.append((_bisect_change(zone, t, nxt, previous), current))
            previous = current
        t = nxt
    return tuple(found)


def _bisect_change(zone: ZoneInfo, low: int, high: int, before: int) -> int:
    """The first second in ``(low, high]`` whose offset is no longer ``before``."""
    while high - low > 1:
        middle = (low + high) // 2
        if offset_at(zone, middle) == before:
            low = middle
        else:
            high = middle
    return high


class ZoneTimeline:
    """The offsets of one zone over a span of UTC years, as constant-offset segments."""

    def __init__(self, key: str, first_year: int, last_year: int) -> None:
        self.key = key
        self.zone = ZoneInfo(key)
        self.first = _year_start(first_year)
        self.last = _year_start(last_year + 1)
        self.starts: list[int] = [-(2**62)]
        self.offsets: list[int] = [offset_at(self.zone, self.first)]
        for year in range(first_year, last_year + 1):
            for instant, offset in _transitions_in_year(key, year):
                self.starts.append(instant)
                self.offsets.append(offset)

    @classmethod
    def covering(cls, key: str, first: date, last: date) -> ZoneTimeline:
        """A timeline wide enough for every local date from ``first`` to ``last``."""
        return cls(key, first.year - 1, last.year + 1)

    def offset(self, instant: int) -> int:
        """The offset at a UTC epoch second inside the covered years."""
        return self.offsets[bisect_right(self.starts, instant) - 1]

    def transitions(self, start: int, end: int) -> list[tuple[int, int, int]]:
        """``(instant, offset before, offset after)`` for every change in ``[start, end)``."""
        i = bisect_right(self.starts, start)
        result = []
        while i < len(self.starts) and self.starts[i] < end:
            result.append((self.starts[i], self.offsets[i - 1], self.offsets[i]))
            i += 1
        return result

    def local_span(self, local_start: int, local_end: int) -> list[Interval]:
        """The UTC instants whose local wall-clock reading lies in ``[local_start, local_end)``.

        Local readings are seconds since the epoch as if the wall clock were UTC. A
        reading skipped by a spring-forward gap has no instant; a reading repeated by
        a fall-back has two, so the answer can be two intervals.
        """
        result: list[Interval] = []
        i = max(bisect_right(self.starts, local_start - _MAX_OFFSET) - 1, 0)
        while i < len(self.starts) and self.starts[i] < local_end + _MAX_OFFSET:
            seg_end = self.starts[i + 1] if i + 1 < len(self.starts) else 2**62
            offset = self.offsets[i]
            start = max(self.starts[i], local_start - offset)
            end = min(seg_end, local_end - offset)
            if start < end:
                if result and start <= result[-1][1]:
                    result[-1] = (result[-1][0], max(end, result[-1][1]))
                else:
                    result.append((start, end))
            i += 1
        return result

    def local_date(self, instant: int) -> date:
        """The local calendar date at a UTC epoch second."""
        return date.fromordinal(_EPOCH_DAY + (instant + self.offset(instant)) // 86400)


def local_seconds(day: date, minutes: int = 0) -> int:
    """A wall-clock reading (``day`` at ``minutes`` past midnight) as pseudo-epoch seconds."""
    return (day.toordinal() - _EPOCH_DAY) * 86400 + minutes * 60


def to_datetime(instant: int) -> datetime:
    """An epoch second as an aware UTC datetime."""
    return datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=instant)


def to_epoch(moment: datetime) -> int:
    """An aware datetime (or a naive one meaning UTC, as the store keeps) as epoch seconds."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


__all__ = [
    "ZoneTimeline",
    "local_seconds",
    "offset_at",
    "to_datetime",
    "to_epoch",
]
