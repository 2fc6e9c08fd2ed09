"""Why there is no common window, and what would make one: the nearest near-misses.

UK and Australian school days never overlap, so "no slot" is the usual first answer.
What helps a teacher is the smallest change that would give one: "sydney-ps would
have to end its calls 25 minutes later (19:25 instead of 19:00, on Mon 2 Nov)". For
each school in turn we keep everyone else's common free time fixed and measure how
far that school's window would have to stretch, on one of its own school days and
without leaving that local date.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date
from zoneinfo import ZoneInfo

from kaizen_exchange.schedule.checks import day_label
from kaizen_exchange.schedule.intervals import Interval, intersect_all
from kaizen_exchange.schedule.slots import Availability, SlotSearch
from kaizen_exchange.schedule.timeline import to_datetime

_DAY = 86400


@dataclass(frozen=True)
class NearMiss:
    """One school's window stretched by ``minutes`` at its ``edge`` on local ``day``."""

    school: str
    edge: str  # "start" (earlier) | "end" (later)
    minutes: int
    day: date
    new_time: str  # local HH:MM
    current_time: str
    name: str = ""  # the school's name, for the sentence (``school`` is its id)

    def describe(self) -> str:
        verb = "start" if self.edge == "start" else "end"
        way = "earlier" if self.edge == "start" else "later"
        when = day_label(self.day)
        return (
            f"{self.name or self.school} would have to {verb} its calls "
            f"{_duration(self.minutes)} {way} "
            f"({self.new_time} instead of {self.current_time}, its local time), e.g. on {when}"
        )

    def to_json(self) -> dict[str, object]:
        return {
            "school": self.school,
            "edge": self.edge,
            "minutes": self.minutes,
            "date": self.day.isoformat(),
            "new_time": self.new_time,
            "current_time": self.current_time,
        }


def _duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} minutes"
    return f"{hours} h {rest:02d} min" if rest else f"{hours} h"


#: Stretches longer than this are not worth suggesting, unless nothing shorter exists.
USEFUL_MINUTES = 180


def near_misses(search: SlotSearch, limit: int = 4) -> list[NearMiss]:
    """The smallest stretches that would give a common window, best first."""
    length = search.minutes * 60
    best: dict[tuple[str, str], NearMiss] = {}
    for index, own in enumerate(search.availability):
        others = [a.free for i, a in enumerate(search.availability) if i != index]
        common = [(a, b) for a, b in intersect_all(others) if b - a >= length] if others else []
        for miss in _stretches(own, common, length):
            key = (miss.school, miss.edge)
            if key not in best or miss.minutes < best[key].minutes:
                best[key] = miss
    ranked = sorted(best.values(), key=lambda m: (m.minutes, m.school, m.edge))
    useful = [m for m in ranked if m.minutes <= USEFUL_MINUTES]
    return (useful or ranked[:1])[:limit]


def _stretches(own: Availability, common: list[Interval], length: int) -> list[NearMiss]:
    starts = [a for a, _ in common]
    found: list[NearMiss] = []
    for s, e in own.free:
        day = own.timeline.local_date(s)
        low = bisect_left(starts, s - _DAY)
        for a, b in common[low:]:
            if a > e + _DAY:
                break
            found += _fit(own, day, (s, e), (a, b), length)
    return found


def _fit(
    own: Availability, day: date, window: Interval, other: Interval, length: int
) -> list[NearMiss]:
    (s, e), (a, b) = window, other
    result = []
    high = min(b, e)
    if high - a >= length and s > high - length:
        new_start = high - length
        if own.timeline.local_date(new_start) == day:
            result.append(_miss(own, day, "start", s - new_start, new_start, s))
    low = max(a, s)
    if b - low >= length and low + length > e:
        new_end = low + length
        if own.timeline.local_date(new_end - 1) == day:
            result.append(_miss(own, day, "end", new_end - e, new_end, e))
    return result


def _miss(own: Availability, day: date, edge: str, seconds: int, new: int, old: int) -> NearMiss:
    zone = ZoneInfo(own.calendar.zone)
    return NearMiss(
        school=own.calendar.school_id,
        edge=edge,
        minutes=-(-seconds // 60),
        day=day,
        new_time=f"{to_datetime(new).astimezone(zone):%H:%M}",
        current_time=f"{to_datetime(old).astimezone(zone):%H:%M}",
        name=own.calendar.name,
    )


def reasons(search: SlotSearch) -> list[str]:
    """Plain reasons for an empty answer, before any near-miss."""
    found = []
    for own in search.availability:
        if own.school_days == 0:
            found.append(f"{own.calendar.name} has no school days in the dates asked.")
        elif not own.free:
            found.append(f"{own.calendar.name} has no free call time in the dates asked.")
    if not found:
        found.append(
            "The schools' call windows never overlap by "
            f"{search.minutes} minutes on days that are school days for all of them."
        )
    return found


__all__ = ["NearMiss", "near_misses", "reasons"]
