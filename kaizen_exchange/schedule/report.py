"""Plain-text renderings of slots and session checks, for a terminal or a message box.

Kept in the core (not the CLI) so the window can show the same words. Each school's
local times sit side by side, because the question a teacher asks is "what time is
that for them?".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from kaizen_exchange.schedule.checks import OccurrenceReport, day_label
from kaizen_exchange.schedule.localtime import format_offset
from kaizen_exchange.schedule.models import CallSession
from kaizen_exchange.schedule.planner import SlotAnswer
from kaizen_exchange.schedule.upcoming import UpcomingCall
from kaizen_exchange.wording import city, table


def _span(start: datetime, end: datetime) -> str:
    offset = format_offset(start.utcoffset() or timedelta(0))
    return f"{start:%a} {start.day} {start:%b} {start:%H:%M}–{end:%H:%M} ({offset})"


def slots_text(answer: SlotAnswer) -> str:
    """The slot table, or why there is none and what would nearly work."""
    search = answer.search
    schools = [a.calendar for a in search.availability]
    if not search.slots:
        lines = ["No common window found. " + " ".join(answer.reasons)]
        if answer.near_misses:
            lines.append("Nearest near-misses:")
            lines += [f"  - {m.describe()}" for m in answer.near_misses]
        return "\n".join(lines)
    headers = ["UTC", "min", *[f"{c.school_id} ({city(c.zone)})" for c in schools], ""]
    rows = []
    for slot in search.slots:
        local = [_span(*slot.local[c.school_id]) for c in schools]
        flag = "≠ weekday" if slot.weekday_differs else ""
        utc = f"{slot.start:%Y-%m-%d %H:%M}"
        rows.append([utc, str(slot.minutes), *local, flag])
    lines = [table(rows, headers), "", f"{len(search.slots)} window(s)."]
    if any(s.weekday_differs for s in search.slots):
        lines.append("≠ weekday: the schools are on different days of the week for that window.")
    return "\n".join(lines)


def session_text(
    row: CallSession, schools: Sequence[str], reports: Sequence[OccurrenceReport]
) -> str:
    """A session and the check of each of its occurrences, problems indented under each."""
    weekly = f", weekly until {row.weekly_until}" if row.weekly_until else ""
    link = f"\n  link: {row.link}" if row.link else ""
    head = (
        f"Session {row.id}: {row.title} ({row.minutes} min, {row.status}{weekly}), "
        f"on {city(row.zone)} time{link}"
    )
    lines = [head]
    for report in reports:
        local = "  |  ".join(f"{school} {report.local[school]:%a %H:%M}" for school in schools)
        mark = "skipped" if report.skipped else ("OK" if not report.blocking else "PROBLEM")
        lines.append(
            f"  {day_label(report.start.astimezone(ZoneInfo(row.zone)))}: {local}  [{mark}]"
        )
        lines += [f"      - {p.kind}: {p.detail}" for p in report.problems]
    kept = [r for r in reports if not r.skipped]
    bad = [r for r in kept if r.blocking]
    lines.append(
        f"{len(kept)} occurrence(s), {len(bad)} with problems, "
        f"{len(reports) - len(kept)} skipped (not a school day on one side)."
    )
    return "\n".join(lines)


def sessions_table(items: Sequence[tuple[CallSession, list[str]]]) -> str:
    rows = []
    for row, schools in items:
        local = row.start_utc().astimezone(ZoneInfo(row.zone))
        weekly = f"weekly to {row.weekly_until}" if row.weekly_until else "once"
        rows.append(
            [
                str(row.id),
                f"{local:%Y-%m-%d %H:%M} {city(row.zone)}",
                f"{row.minutes}",
                weekly,
                ",".join(schools),
                row.status,
                row.title,
            ]
        )
    return table(rows, ["id", "start (local)", "min", "repeats", "schools", "status", "title"])


def next_calls_table(calls: Sequence[UpcomingCall]) -> str:
    """The next calls, soonest first, each at every school's own time."""
    rows = []
    for call in calls:
        local = "  |  ".join(
            f"{school} {call.start.astimezone(ZoneInfo(zone)):%a %H:%M}"
            for school, zone in zip(call.schools, call.zones, strict=False)
        )
        rows.append([str(call.session_id), f"{call.start:%Y-%m-%d %H:%M}", local, call.title])
    return table(rows, ["id", "start (UTC)", "each school's time", "title"])


__all__ = ["next_calls_table", "session_text", "sessions_table", "slots_text"]
