"""What the store's safety costs at start: the look at every open, the daily check and backup.

Builds the window benchmark's big store (bench/_posts.py: 100,000 posts by default),
then measures, each the median of a few runs:

- every open: ``prepare`` when today's backup exists (header, schema revision, rights),
  against the baseline of opening the file with sqlite3 and reading its revision;
- the first open of a day: ``prepare`` when a backup is due (SQLite's quick_check,
  the search index's check, the online backup), against the baseline of copying the
  file with ``shutil.copyfile`` (the least any backup costs).

Run: ``.venv/bin/python -m bench.store_open [--posts N]``
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench._posts import build
from kaizen_exchange.paths import database_path
from kaizen_exchange.store import backups
from kaizen_exchange.store.opening import prepare


def _median(run: Callable[[], object], times: int) -> float:
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def _read_revision(path: Path) -> None:
    connection = sqlite3.connect(path)
    connection.execute("SELECT version_num FROM alembic_version").fetchall()
    connection.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kaizen-bench-") as temp:
        folder = build(Path(temp) / "store", posts=args.posts)
        path = database_path(folder)
        size = path.stat().st_size / 1e6
        day = datetime(2026, 12, 1, 12, tzinfo=UTC)
        prepare(folder, now=day)  # today's backup exists from here on
        plain = _median(lambda: prepare(folder, now=day), args.runs * 4)
        baseline_open = _median(lambda: _read_revision(path), args.runs * 4)
        days = iter(range(1, 1000))

        def first_of_day() -> None:
            prepare(folder, now=day + timedelta(days=next(days)))

        daily = _median(first_of_day, args.runs)
        copy = Path(temp) / "copy.sqlite3"
        baseline_copy = _median(lambda: shutil.copyfile(path, copy), args.runs)
        kept = len(backups.list_backups(folder))
    print(f"store: {args.posts} posts, {size:.0f} MB")
    print(
        f"every open:         {plain * 1000:7.1f} ms  (baseline sqlite3 open + read: "
        f"{baseline_open * 1000:.1f} ms)"
    )
    print(
        f"first open of day:  {daily * 1000:7.1f} ms  (baseline file copy: "
        f"{baseline_copy * 1000:.1f} ms)"
    )
    print(f"backups kept: {kept}")


if __name__ == "__main__":
    main()
