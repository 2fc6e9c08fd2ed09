"""Import benchmark: every import path at the sizes issue 11 names, and at its size cap.

Run from the repository root::

    .venv/bin/python -m bench.imports            # every case
    .venv/bin/python -m bench.imports --json out.json

Each case writes a file into a temp folder, then runs the real command
(``kaizen-exchange --data-dir … network import FILE`` and so on) as a child process,
timed as a whole (start-up included) with its peak memory from ``wait4``. The
baseline, measured in the same run on the same file, is a child Python that only
reads and parses the file with the plain library the import builds on (``tomllib``,
``ElementTree``, ``icalendar``, ``csv``): the floor no import can beat. Targets (2
cores, issue 11): 10,000 schools or OPML outlines under 5 s; any file the size caps
allow under 10 s and 300 MB. It checks the result too (how many schools, feeds,
sessions or terms were stored) and exits 1 when a result is wrong, not when a target
is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from kaizen_exchange.import_checks import (
    CSV_FILE_CAP,
    ICS_FILE_CAP,
    NETWORK_FILE_CAP,
    OPML_FILE_CAP,
)

MEMORY_TARGET_MB = 300.0
START = date(date.today().year + 1, 1, 4)  # a Monday next year: no call is in the past


@dataclass
class Figure:
    case: str
    size_mb: float
    app_s: float
    app_peak_mb: float
    baseline_s: float
    baseline_peak_mb: float
    target_s: float
    stored: int
    expected: int

    @property
    def passed(self) -> bool:
        return self.app_s < self.target_s and self.app_peak_mb < MEMORY_TARGET_MB


def measured(command: list[str]) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """Run ``command`` under a fresh helper so its peak memory is its own."""
    helper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "s = time.perf_counter() - t\n"
        "m = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "sys.stderr.buffer.write(p.stderr)\n"
        "sys.stdout.buffer.write(p.stdout)\n"
        "print(json.dumps([s, m, p.returncode]), file=sys.stderr)\n"
    )
    child = subprocess.run([sys.executable, "-c", helper, *command], capture_output=True)
    *rest, last = child.stderr.decode().strip().splitlines() or ["[0, 0, 1]"]
    seconds, peak, code = json.loads(last)
    done = subprocess.CompletedProcess(command, code, child.stdout, "\n".join(rest).encode("utf-8"))
    return float(seconds), float(peak), done


def app(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "kaizen_exchange", "--data-dir", str(data), *args]


def baseline(kind: str, path: Path) -> list[str]:
    code = {
        "toml": "import tomllib,sys; tomllib.loads(open(sys.argv[1], encoding='utf-8').read())",
        "opml": "import xml.etree.ElementTree as E,sys; E.parse(sys.argv[1])",
        "ics": "import icalendar,sys; icalendar.Calendar.from_ical(open(sys.argv[1],'rb').read())",
        "csv": "import csv,sys; list(csv.reader(open(sys.argv[1], encoding='utf-8')))",
    }[kind]
    return [sys.executable, "-c", code, str(path)]


# -- the files ----------------------------------------------------------------------------


def school_block(number: int, terms: int = 0) -> str:
    lines = [
        "[[schools]]",
        f'id = "school-{number}"',
        f'name = "School number {number}"',
        'country = "GB"',
        'timezone = "Europe/London"',
        f'email = "office@school-{number}.example"',
        f'blog = "https://school-{number}.example/"',
        f'feeds = ["https://school-{number}.example/feed/"]',
        'calls = { start = "07:00", end = "09:00", weekdays = ["Mon", "Tue", "Wed"] }',
    ]
    if terms:
        rows = [
            f'  {{ name = "Term {t}", start = {START + timedelta(days=7 * t)}, '
            f"end = {START + timedelta(days=7 * t + 4)} }},"
            for t in range(terms)
        ]
        lines += ["terms = [", *rows, "]"]
    return "\n".join(lines) + "\n"


def network_file(path: Path, schools: int, terms: int = 0) -> int:
    with path.open("w", encoding="utf-8") as out:
        out.write('[network]\nname = "Bench network"\n\n')
        for number in range(schools):
            out.write(school_block(number, terms))
    return schools


def network_at_cap(path: Path) -> int:
    """As many schools (each with a year of weekly terms) as the cap allows."""
    block = len(school_block(0, terms=40).encode())
    count = int(NETWORK_FILE_CAP * 0.98 // block)
    return network_file(path, count, terms=40)


def opml_file(path: Path, outlines: int) -> int:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="1.0">\n')
        out.write("<head><title>Bench</title></head>\n<body>\n")
        for number in range(outlines):
            out.write(
                f'  <outline type="rss" text="Class blog {number}" title="Class blog {number}" '
                f'xmlUrl="https://blog-{number}.example/feed/" '
                f'htmlUrl="https://blog-{number}.example/"/>\n'
            )
        out.write("</body>\n</opml>\n")
    return outlines


def opml_at_cap(path: Path) -> int:
    line = 170
    return opml_file(path, int(OPML_FILE_CAP * 0.98 // line))


EVENT = """BEGIN:VEVENT
UID:bench-{n}@example
SUMMARY:Reading buddies {n}
DTSTART;TZID=Europe/London:{day}T{hour:02d}{minute:02d}00
DTEND;TZID=Europe/London:{day}T{hour:02d}{minute2:02d}00
ORGANIZER:mailto:office@school-0.example
ATTENDEE:mailto:office@school-1.example
SEQUENCE:0
END:VEVENT
"""


def ics_file(path: Path, events: int) -> int:
    with path.open("w", encoding="utf-8", newline="\r\n") as out:
        out.write("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//bench//EN\nMETHOD:PUBLISH\n")
        for n in range(events):
            day = START + timedelta(days=n // 8)
            out.write(
                EVENT.format(
                    n=n, day=day.strftime("%Y%m%d"), hour=7 + (n % 8), minute=0, minute2=30
                )
            )
        out.write("END:VCALENDAR\n")
    return events


def ics_at_cap(path: Path) -> int:
    size = len(EVENT.format(n=99999, day="20270101", hour=7, minute=0, minute2=30)) + 10
    return ics_file(path, int(ICS_FILE_CAP * 0.97 // size))


def csv_at_cap(path: Path) -> int:
    rows = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("name,start,end\n")
        written = 15
        while written < CSV_FILE_CAP * 0.97:
            day = START + timedelta(days=rows % 60_000)
            line = f"Closed for training {rows},{day},{day}\n"
            out.write(line)
            written += len(line)
            rows += 1
    return rows


# -- the cases ----------------------------------------------------------------------------


def count(data: Path, sql: str) -> int:
    import sqlite3

    from kaizen_exchange.paths import database_path

    with sqlite3.connect(database_path(data)) as db:
        return int(db.execute(sql).fetchone()[0])


@dataclass
class Case:
    name: str
    kind: str  # toml | opml | ics | csv
    make: Callable[[Path], int]
    command: Callable[[Path, Path], list[str]]
    stored: str  # SQL counting what the import stored
    target_s: float
    needs_schools: bool = False


CASES = [
    Case(
        "network file, 10,000 schools",
        "toml",
        lambda p: network_file(p, 10_000),
        lambda d, f: app(d, "network", "import", str(f)),
        "SELECT count(*) FROM school",
        5.0,
    ),
    Case(
        "network file at the cap (10 MB)",
        "toml",
        network_at_cap,
        lambda d, f: app(d, "network", "import", str(f)),
        "SELECT count(*) FROM school",
        10.0,
    ),
    Case(
        "OPML, 10,000 outlines",
        "opml",
        lambda p: opml_file(p, 10_000),
        lambda d, f: app(d, "feeds", "import-opml", str(f)),
        "SELECT count(*) FROM feed",
        5.0,
    ),
    Case(
        "OPML at the cap (10 MB)",
        "opml",
        opml_at_cap,
        lambda d, f: app(d, "feeds", "import-opml", str(f)),
        "SELECT count(*) FROM feed",
        10.0,
    ),
    Case(
        f"invitation at the cap ({ICS_FILE_CAP // 1_000_000} MB)",
        "ics",
        ics_at_cap,
        lambda d, f: app(d, "sessions", "import", str(f)),
        "SELECT count(*) FROM call_session",
        10.0,
        needs_schools=True,
    ),
    Case(
        f"term dates CSV at the cap ({CSV_FILE_CAP // 1_000_000} MB)",
        "csv",
        csv_at_cap,
        lambda d, f: app(d, "terms", "import", str(f), "--school", "school-0", "--kind", "closure"),
        "SELECT count(*) FROM school_period",
        10.0,
        needs_schools=True,
    ),
]


def measure(case: Case, folder: Path) -> Figure:
    path = folder / f"input.{case.kind}"
    expected = case.make(path)
    data = folder / "data"
    if case.needs_schools:
        schools = folder / "two.toml"
        network_file(schools, 2)
        done = subprocess.run(app(data, "network", "import", str(schools)), capture_output=True)
        assert done.returncode == 0, done.stderr.decode()
    base_s, base_mb, _ = measured(baseline(case.kind, path))
    app_s, app_mb, done = measured(case.command(data, path))
    if done.returncode != 0:
        print(f"{case.name}: exit {done.returncode}: {done.stderr.decode()[-500:]}")
    return Figure(
        case=case.name,
        size_mb=path.stat().st_size / 1_000_000,
        app_s=app_s,
        app_peak_mb=app_mb,
        baseline_s=base_s,
        baseline_peak_mb=base_mb,
        target_s=case.target_s,
        stored=count(data, case.stored) if done.returncode == 0 else -1,
        expected=expected,
    )


def table(figures: list[Figure]) -> str:
    head = (
        f"{'case':<34} {'MB':>5} {'app s':>7} {'peak MB':>8} {'baseline s':>10} "
        f"{'base MB':>8} {'target':>7}  result"
    )
    rows = [head, "-" * len(head)]
    for f in figures:
        verdict = "PASS" if f.passed else "MISS"
        if f.stored != f.expected:
            verdict = f"WRONG ({f.stored:,} stored of {f.expected:,})"
        rows.append(
            f"{f.case:<34} {f.size_mb:>5.1f} {f.app_s:>7.2f} {f.app_peak_mb:>8.0f} "
            f"{f.baseline_s:>10.2f} {f.baseline_peak_mb:>8.0f} {f'<{f.target_s:g} s':>7}  "
            f"{verdict}"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, metavar="FILE", help="write every figure here")
    parser.add_argument("--only", metavar="TEXT", help="run the cases whose name contains TEXT")
    args = parser.parse_args(argv)
    os.environ.pop("KAIZEN_EXCHANGE_DATA_DIR", None)
    os.environ["KAIZEN_EXCHANGE_MACHINE_NETWORK"] = os.devnull + "-none"
    subprocess.run([sys.executable, "-m", "compileall", "-q", "kaizen_exchange"], check=False)
    figures = []
    for case in CASES:
        if args.only and args.only not in case.name:
            continue
        with tempfile.TemporaryDirectory(prefix="kaizen-bench-imports-") as folder:
            figure = measure(case, Path(folder))
        figures.append(figure)
        print(table([figure]).splitlines()[-1], flush=True)
    print()
    print(table(figures))
    print(
        f"\nTargets: 10,000 schools/outlines < 5 s; any file the caps allow < 10 s and "
        f"< {MEMORY_TARGET_MB:g} MB (caps: network {NETWORK_FILE_CAP // 1_000_000} MB, OPML "
        f"{OPML_FILE_CAP // 1_000_000} MB, .ics {ICS_FILE_CAP // 1_000_000} MB, CSV "
        f"{CSV_FILE_CAP // 1_000_000} MB). Baseline: the plain library parsing the same file."
    )
    if args.json:
        args.json.write_text(json.dumps([asdict(f) for f in figures], indent=2))
    return 1 if any(f.stored != f.expected for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
