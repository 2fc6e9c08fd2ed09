"""VTIMEZONE components written with yearly RRULEs, the style Outlook maps correctly.

``icalendar``'s ``Timezone.from_tzinfo`` (and ``add_missing_timezones``) write one
RDATE list per kind of change; Outlook mis-maps such zones, so we derive the rule
instead: for each kind of change (to daylight, to standard) we find its instants in
every year the calendar needs, express each as "the n-th (or last) weekday of a
month at a local time", and keep the encoding every year agrees on. When the years
disagree (a zone that changed its law in between) we fall back to an RDATE list for
that kind of change only, which is still correct, just less pretty.
"""

from __future__ import annotations

import calendar as monthcal
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from kaizen_exchange.schedule.timeline import ZoneTimeline, to_datetime

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
Change = tuple[int, int]  # (offset before, offset after) in seconds


def vtimezone(key: str, first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for ``key`` valid for every instant from ``first_year`` to ``last_year``."""
    timeline = ZoneTimeline(key, first_year, last_year)
    start = int(datetime(first_year, 1, 1, tzinfo=ZoneInfo("UTC")).timestamp())
    end = int(datetime(last_year + 1, 1, 1, tzinfo=ZoneInfo("UTC")).timestamp())
    changes: dict[Change, list[int]] = defaultdict(list)
    for instant, before, after in timeline.transitions(start, end):
        changes[(before, after)].append(instant)
    component = Timezone()
    component.add("TZID", key)
    component.add("X-LIC-LOCATION", key)
    if not changes:
        component.add_component(_fixed(key, timeline.offset(start), first_year))
    for (before, after), instants in sorted(changes.items(), key=lambda c: c[1][0]):
        component.add_component(_observance(key, before, after, instants, first_year, last_year))
    return component


def _fixed(key: str, offset: int, year: int) -> TimezoneStandard:
    """A zone without clock changes in the span (Brisbane, Perth): one STANDARD block."""
    part = TimezoneStandard()
    part.add("DTSTART", datetime(year, 1, 1))
    part.add("TZOFFSETFROM", timedelta(seconds=offset))
    part.add("TZOFFSETTO", timedelta(seconds=offset))
    moment = datetime(year, 1, 1, tzinfo=ZoneInfo(key))
    part.add("TZNAME", moment.tzname() or key)
    return part


def _observance(
    key: str, before: int, after: int, instants: list[int], first_year: int, last_year: int
) -> TimezoneStandard | TimezoneDaylight:
    part: TimezoneStandard | TimezoneDaylight
    part = TimezoneDaylight() if after > before else TimezoneStandard()
    onsets = [to_datetime(i + before).replace(tzinfo=None) for i in instants]
    part.add("DTSTART", onsets[0])
    part.add("TZOFFSETFROM", timedelta(seconds=before))
    part.add("TZOFFSETTO", timedelta(seconds=after))
    part.add("TZNAME", to_datetime(instants[0]).astimezone(ZoneInfo(key)).tzname() or key)
    rule = _yearly_rule(onsets, first_year, last_year)
    if rule is not None:
        part.add("RRULE", rule)
    elif len(onsets) > 1:
        part.add("RDATE", onsets[1:])
    return part


def _yearly_rule(
    onsets: list[datetime], first_year: int, last_year: int
) -> dict[str, object] | None:
    """``{"FREQ": "YEARLY", "BYMONTH": m, "BYDAY": "1SU"}`` when every year agrees, else None."""
    years = [o.year for o in onsets]
    if years != list(range(onsets[0].year, onsets[0].year + len(onsets))):
        return None  # a year without this change, or two in one year
    if onsets[0].year > first_year + 1 or onsets[-1].year < last_year - 1:
        return None  # the change starts or stops inside the span
    if len({(o.month, o.weekday(), o.time()) for o in onsets}) != 1:
        return None
    common = set.intersection(*(_positions(o.date()) for o in onsets))
    if not common:
        return None
    position = max(common)  # a positive "n-th" reads better than "last" when both hold
    return {
        "FREQ": "YEARLY",
        "BYMONTH": onsets[0].month,
        "BYDAY": f"{position}{_DAYS[onsets[0].weekday()]}",
    }


def _positions(day: date) -> set[int]:
    """The ways to name ``day`` within its month: n-th weekday (1–4) and -1 for the last."""
    found = set()
    nth = (day.day - 1) // 7 + 1
    if nth <= 4:
        found.add(nth)
    if day.day + 7 > monthcal.monthrange(day.year, day.month)[1]:
        found.add(-1)
    return found


__all__ = ["vtimezone"]
