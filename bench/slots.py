"""Slot-finder benchmark: a school year, a UK home school and 10 partners, 50 booked sessions.

Run from the repository root::

    .venv/bin/python -m bench.slots                 # all pairs, brute force on 2 pairs
    .venv/bin/python -m bench.slots --brute all     # brute force on every pair (slow)

It builds a throw-away store with 11 schools across UK, Irish, Australian and New
Zealand zones (terms, closures and public holidays; two Australian schools lean on
the ``holidays`` package's state school holidays), books 50 sessions, then times the
full slot search (store → calendars → bookings → windows) for the 10 home–partner
pairs and for the 3-school combinations of the 4 partners nearest in time zone. The
baseline, measured in the same run, is a minute-by-minute search of the same year
that converts each minute with zoneinfo; every brute-force answer is checked
against the finder's. Target: under 100 ms per pair for the year on 2 cores.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kaizen_exchange.errors import BadInput
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.schedule.loading import load_calendars
from kaizen_exchange.schedule.planner import busy_intervals, search_slots
from kaizen_exchange.schedule.sessions import NewSession, add_session
from kaizen_exchange.schedule.slots import utc_range
from kaizen_exchange.store.db import Store

TARGET_MS = 100.0
FIRST, LAST = date(2026, 9, 1), date(2027, 8, 31)  # the home school's year
HOME = "home"

UK_TERMS = """terms = [
  { name = "Autumn", start = 2026-09-02, end = 2026-12-18 },
  { name = "Spring", start = 2027-01-05, end = 2027-03-26 },
  { name = "Summer", start = 2027-04-12, end = 2027-07-21 },
]
closures = [
  { name = "Half term", start = 2026-10-26, end = 2026-10-30 },
  { name = "Half term", start = 2027-02-15, end = 2027-02-19 },
  { name = "Half term", start = 2027-05-31, end = 2027-06-04 },
  { name = "INSET", start = 2027-01-04, end = 2027-01-04 },
]"""
AU_TERMS = """terms = [
  { name = "Term 4", start = 2026-10-12, end = 2026-12-17 },
  { name = "Term 1", start = 2027-01-28, end = 2027-04-09 },
  { name = "Term 2", start = 2027-04-27, end = 2027-07-02 },
  { name = "Term 3", start = 2027-07-20, end = 2027-09-24 },
]
closures = [{ name = "Pupil free day", start = 2027-03-12, end = 2027-03-12 }]"""
NZ_TERMS = """terms = [
  { name = "Term 4", start = 2026-10-12, end = 2026-12-18 },
  { name = "Term 1", start = 2027-02-02, end = 2027-04-16 },
  { name = "Term 2", start = 2027-05-03, end = 2027-07-02 },
  { name = "Term 3", start = 2027-07-19, end = 2027-09-24 },
]"""

#: (id, country, subdivision, zone, calls start, calls end, terms block)
SCHOOLS: list[tuple[str, str, str | None, str, str, str, str]] = [
    (HOME, "GB", "ENG", "Europe/London", "07:00", "16:00", UK_TERMS),
    ("leeds", "GB", "ENG", "Europe/London", "08:00", "15:30", UK_TERMS),
    ("cardiff", "GB", "WLS", "Europe/London", "08:15", "15:15", UK_TERMS),
    ("dublin", "IE", None, "Europe/Dublin", "08:30", "14:30", UK_TERMS),
    ("sydney", "AU", "NSW", "Australia/Sydney", "15:00", "18:30", ""),  # holidays package
    ("melbourne", "AU", "VIC", "Australia/Melbourne", "15:30", "18:30", AU_TERMS),
    ("brisbane", "AU", "QLD", "Australia/Brisbane", "15:00", "18:00", ""),  # holidays package
    ("adelaide", "AU", "SA", "Australia/Adelaide", "15:00", "18:30", AU_TERMS),
    ("perth", "AU", "WA", "Australia/Perth", "13:00", "17:30", AU_TERMS),
    ("lordhowe", "AU", "NSW", "Australia/Lord_Howe", "15:00", "19:00", AU_TERMS),
    ("auckland", "NZ", "AUK", "Pacific/Auckland", "16:00", "20:00", NZ_TERMS),
]


def network_toml() -> str:
    parts = ['[network]\nname = "Bench network"\n']
    for school_id, country, subdiv, zone, start, end, terms in SCHOOLS:
        sub = f'subdivision = "{subdiv}"\n' if subdiv else ""
        parts.append(
            f'[[schools]]\nid = "{school_id}"\nname = "{school_id.title()}"\n'
            f'country = "{country}"\n{sub}timezone = "{zone}"\n'
            f'calls = {{ start = "{start}", end = "{end}" }}\n{terms}\n'
        )
    return "\n".join(parts)


def build_store(folder: Path) -> Store:
    """The network, plus 50 sessions spread over the year (one in five a weekly series)."""
    store = Store(folder)
    import_network(store, parse_network(network_toml(), source="bench"))
    partners = [s[0] for s in SCHOOLS[1:]]
    day, booked = FIRST, 0
    while booked < 50:
        day += timedelta(days=6)
        if day > LAST:
            day = FIRST + timedelta(days=booked % 6)
        partner = partners[booked % len(partners)]
        start = f"{day.isoformat()} 0{7 + booked % 2}:{(booked * 15) % 60:02d}"
        weekly = day + timedelta(weeks=5) if booked % 5 == 0 else None
        request = NewSession(
            schools=[HOME, partner],
            start=start,
            zone=HOME,
            minutes=30,
            title=f"Bench call {booked}",
            weekly_until=weekly,
            force=True,
        )
        try:
            add_session(store, request)
        except BadInput:
            continue  # a series wholly in the holidays: try the next week
        booked += 1
    return store


def timed(function, repeat: int):
    """The result, the first (cold) wall time, and the median warm wall and CPU times, in ms.

    The CPU time is what the search itself costs; on a shared machine the wall time
    also counts the waits for a free core, so both are reported.
    """
    began = time.perf_counter()
    result = function()
    cold = (time.perf_counter() - began) * 1000
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    return result, cold, statistics.median(wall), statistics.median(cpu)


def brute_force(store: Store, ids: list[str], minutes: int = 30) -> list[tuple[int, int]]:
    """Every UTC minute of the year, each school's clock read with zoneinfo."""
    with store.session() as session:
        calendars = load_calendars(session, ids)
        start, end, _ = utc_range(calendars[0], FIRST, LAST)
        busy = busy_intervals(session, ids, start, end)
    zones = [ZoneInfo(c.zone) for c in calendars]

    @cache
    def school_day(index: int, day: date) -> bool:
        return calendars[index].day_status(day).school_day

    windows = [(c.hours.start_minutes, c.hours.end_minutes) for c in calendars]
    busy_minutes = [
        {t for a, b in busy[c.school_id] for t in range(a - a % 60, b, 60)} for c in calendars
    ]
    runs, open_at = [], None
    for t in range(start, end, 60):
        free = True
        for i, zone in enumerate(zones):
            local = datetime.fromtimestamp(t, zone)
            minute = local.hour * 60 + local.minute
            if not (windows[i][0] <= minute < windows[i][1]) or t in busy_minutes[i]:
                free = False
                break
            if not school_day(i, local.date()):
                free = False
                break
        if free and open_at is None:
            open_at = t
        elif not free and open_at is not None:
            runs.append((open_at, t))
            open_at = None
    if open_at is not None:
        runs.append((open_at, end))
    return [(a, b) for a, b in runs if b - a >= minutes * 60]


def nearest_partners(count: int) -> list[str]:
    """The partners whose UTC offset in January is closest to the home school's."""
    moment = datetime(2027, 1, 15, 12, tzinfo=UTC)
    home = moment.astimezone(ZoneInfo(SCHOOLS[0][3])).utcoffset() or timedelta(0)

    def distance(row: tuple[str, str, str | None, str, str, str, str]) -> float:
        offset = moment.astimezone(ZoneInfo(row[3])).utcoffset() or timedelta(0)
        return abs((offset - home).total_seconds())

    ranked = sorted(SCHOOLS[1:], key=distance)
    return [row[0] for row in ranked[:count]]


def run(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="kaizen-slots-bench-") as folder:
        began = time.perf_counter()
        store = build_store(Path(folder) / "data")
        setup_s = time.perf_counter() - began
        try:
            return measure(store, args, setup_s)
        finally:
            store.close()


def _search_rows(store: Store, combos: list[list[str]], repeat: int) -> list[dict[str, Any]]:
    rows = []
    for ids in combos:
        answer, cold, wall, cpu = timed(lambda i=ids: search_slots(store, i, FIRST, LAST), repeat)
        rows.append(
            {
                "schools": ids,
                "windows": len(answer.search.slots),
                "cold_ms": cold,
                "warm_ms": wall,
                "cpu_ms": cpu,
            }
        )
    return rows


def measure(store: Store, args: argparse.Namespace, setup_s: float) -> dict[str, Any]:
    pairs = [[HOME, s[0]] for s in SCHOOLS[1:]]
    rows = _search_rows(store, pairs, args.repeat)
    triples = [[HOME, *c] for c in itertools.combinations(nearest_partners(4), 2)]
    triple_rows = _search_rows(store, triples, args.repeat)
    brute_pairs = pairs if args.brute == "all" else [pairs[0], pairs[5]]
    brute_rows = []
    for ids in brute_pairs:
        began, began_cpu = time.perf_counter(), time.process_time()
        expected = brute_force(store, ids)
        brute_ms = (time.perf_counter() - began) * 1000
        brute_cpu = (time.process_time() - began_cpu) * 1000
        found = search_slots(store, ids, FIRST, LAST).search.slots
        same = [(int(s.start.timestamp()), int(s.end.timestamp())) for s in found] == expected
        finder = next(r for r in rows if r["schools"] == ids)
        brute_rows.append(
            {
                "schools": ids,
                "brute_ms": brute_ms,
                "brute_cpu_ms": brute_cpu,
                "finder_ms": finder["warm_ms"],
                "finder_cpu_ms": finder["cpu_ms"],
                "ratio_cpu": brute_cpu / finder["cpu_ms"],
                "same_answer": same,
            }
        )
    return {"setup_s": setup_s, "pairs": rows, "triples": triple_rows, "brute": brute_rows}


def report(figures: dict[str, Any]) -> int:
    pairs, triples, brute = figures["pairs"], figures["triples"], figures["brute"]
    print(
        f"School year {FIRST} – {LAST}, 11 schools, 50 booked sessions "
        f"(store built in {figures['setup_s']:.1f} s). Times in ms; warm = median of repeats."
    )
    print(f"\n{'pair / combination':<34}{'windows':>8}{'cold':>9}{'warm':>9}{'warm CPU':>10}")
    for row in [*pairs, *triples]:
        print(
            f"{' + '.join(row['schools']):<34}{row['windows']:>8}"
            f"{row['cold_ms']:>9.1f}{row['warm_ms']:>9.1f}{row['cpu_ms']:>10.1f}"
        )
    cpu_mean = statistics.mean(r["cpu_ms"] for r in pairs)
    cpu_worst = max(r["cpu_ms"] for r in pairs)
    wall_mean = statistics.mean(r["warm_ms"] for r in pairs)
    print(
        f"\nper pair: CPU mean {cpu_mean:.1f}, worst {cpu_worst:.1f}; wall mean {wall_mean:.1f}"
        f" (target < {TARGET_MS:.0f} per pair)"
    )
    print(
        "per 3-school combination: CPU mean "
        f"{statistics.mean(r['cpu_ms'] for r in triples):.1f}, wall mean "
        f"{statistics.mean(r['warm_ms'] for r in triples):.1f}"
    )
    print(f"\n{'brute force (baseline)':<34}{'brute CPU':>10}{'finder CPU':>11}{'ratio':>9}  same")
    for row in brute:
        print(
            f"{' + '.join(row['schools']):<34}{row['brute_cpu_ms']:>10.0f}"
            f"{row['finder_cpu_ms']:>11.1f}{row['ratio_cpu']:>8.0f}x  "
            f"{'yes' if row['same_answer'] else 'NO'}"
        )
    ok = cpu_worst < TARGET_MS and all(r["same_answer"] for r in brute)
    print("\nresult:", "within target" if ok else "OUTSIDE target or answers differ")
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.slots", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--repeat", type=int, default=5, help="warm runs per search (5)")
    parser.add_argument(
        "--brute",
        choices=("some", "all"),
        default="some",
        help="brute-force baseline on 2 pairs (some) or on all 10",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE")
    args = parser.parse_args(argv)
    figures = run(args)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, default=str))
    return report(figures)


if __name__ == "__main__":
    sys.exit(main())
