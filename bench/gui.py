"""Window benchmark: 100,000 posts, cold start, memory, search, scrolling, and a 500-feed sync.

Run from the repository root (no display needed; it uses Qt's offscreen platform)::

    .venv/bin/python -m bench.gui                  # the full run, a few minutes
    .venv/bin/python -m bench.gui --feeds 50       # a quicker sync while developing

Figures and the baselines measured in the same run:

- start: process start → first painted window, and → first rows of posts on screen,
  against a bare PySide6 window (the floor any Qt app pays on this machine);
- memory: RSS once the post list shows, against the bare window;
- search: the full-text search updating the list (filter → rows), against the same
  query called directly on the core;
- scrolling: each next page of 200 rows as the list is scrolled down;
- sync: the longest event-loop stall while a sync of 500 feeds on 50 loopback hosts
  runs in the window, against the same 5 ms timer with the window idle.
Targets (issue 4): start < 1.5 s, RSS < 400 MB, search < 100 ms, no stall > 100 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGETS = {"start_s": 1.5, "rss_mb": 400.0, "search_ms": 100.0, "stall_ms": 100.0}
BARE = (
    "import json,time,resource\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "from PySide6.QtCore import QTimer, QObject, QEvent\n"
    "app = QApplication([]); w = QLabel('Kaizen'); w.resize(1366, 768)\n"
    "class F(QObject):\n"
    "    def eventFilter(self, o, e):\n"
    "        if e.type() == QEvent.Type.Paint:\n"
    "            rss = int(open('/proc/self/status').read().split('VmRSS:')[1].split()[0])\n"
    "            print(json.dumps({'paint_epoch': time.time(), 'rss_kb': rss}), flush=True)\n"
    "            QTimer.singleShot(0, app.quit)\n"
    "        return False\n"
    "f = F(); w.installEventFilter(f); w.show(); app.exec()\n"
)
APP = (
    "import sys; from pathlib import Path; from kaizen_exchange.gui.app import open_window\n"
    "sys.exit(open_window(Path(sys.argv[1]), Path(sys.argv[2])))\n"
)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--feeds", type=int, default=500, help="feeds in the sync (0: skip)")
    parser.add_argument("--posts-per-feed", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5, help="cold starts to time")
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "kaizen-bench-gui"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    return parser.parse_args(argv)


def _child(code: str, *args: str) -> dict[str, Any]:
    env = dict(os.environ, KAIZEN_STARTUP_PROBE="1")
    began = time.time()
    run = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = [x for x in run.stdout.splitlines() if x.startswith("{")]
    if run.returncode != 0 or not lines:
        raise RuntimeError(f"start-up run failed ({run.returncode}): {run.stderr[-2000:]}")
    figures = json.loads(lines[-1])
    out = {"paint_s": figures["paint_epoch"] - began, "rss_mb": figures["rss_kb"] / 1024}
    if "rows_epoch" in figures:
        out["rows_s"] = figures["rows_epoch"] - began
    return out


def start_up(folder: Path, work: Path, runs: int) -> dict[str, Any]:
    ini = work / "startup.ini"
    ini.write_text("[window]\npage=1\n[sync]\nat_start=false\ninterval_minutes=0\n")
    bare = [_child(BARE) for _ in range(runs)]
    app = [_child(APP, str(folder), str(ini)) for _ in range(runs)]

    def med(rows: list[dict[str, Any]], key: str) -> float:
        return round(float(statistics.median(r[key] for r in rows)), 3)

    return {
        "runs": runs,
        "bare_paint_s": med(bare, "paint_s"),
        "app_first_run_paint_s": round(app[0]["paint_s"], 3),
        "app_paint_s": med(app, "paint_s"),
        "app_rows_s": med(app, "rows_s"),
        "bare_rss_mb": med(bare, "rss_mb"),
        "app_rss_mb": med(app, "rss_mb"),
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    from bench import _feeds, _posts
    from bench._gui_inprocess import (
        open_bench_window,
        scroll_pages,
        search_times,
        sync_stall,
        wait_until,
    )
    from bench._serve import LoopbackHosts, free_port
    from kaizen_exchange.gui import warmup
    from kaizen_exchange.network.file import read_network_file
    from kaizen_exchange.network.store import import_network

    args.work.mkdir(parents=True, exist_ok=True)
    figures: dict[str, Any] = {"posts": args.posts}
    began = time.perf_counter()
    folder = _posts.build(args.work / f"store-{args.posts}", posts=args.posts)
    figures["store_build_s"] = round(time.perf_counter() - began, 1)
    print(f"store of {args.posts} posts ready in {figures['store_build_s']} s", flush=True)
    figures["start"] = start_up(folder, args.work, args.runs)
    print(json.dumps(figures["start"]), flush=True)
    store, window = open_bench_window(folder, args.work / "inprocess.ini")
    queries = {
        "rare word": _posts.RARE,
        "topical word": _posts.TOPIC,
        "3-letter prefix": _posts.TOPIC[:3],
        "two words": "koala wombat",
        "very common word": "the",
    }
    figures["search"] = search_times(window, store, queries)
    print(json.dumps(figures["search"]), flush=True)
    figures["scroll"] = scroll_pages(window)
    print(json.dumps(figures["scroll"]), flush=True)
    window.close()
    store.close()
    if args.feeds:
        root = args.work / f"network-{args.feeds}-{args.posts_per_feed}"
        hosts = _feeds.host_addresses(min(_feeds.MAX_SCHOOLS, -(-args.feeds // 10)))
        port = free_port(hosts)
        corpus = _feeds.generate(root / "www", port, args.feeds, args.posts_per_feed)
        data = args.work / f"sync-store-{time.time_ns()}"
        sync_store, sync_window = open_bench_window(data, args.work / "sync.ini")
        assert corpus.network_file is not None
        import_network(sync_store, read_network_file(corpus.network_file))
        sync_window.context.reload_schools()
        sync_window.after_first_paint()  # as the app does: preload the sync engine, freeze
        wait_until(lambda: warmup._frozen, 60)
        with LoopbackHosts(root / "www", corpus.hosts, port):
            figures["sync"] = sync_stall(sync_window)
        figures["sync"]["feeds_generated"] = args.feeds
        print(json.dumps(figures["sync"]), flush=True)
        sync_window.close()
        sync_store.close()
    return figures


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "n/a"
    return "ok" if value < target else "OVER TARGET"


def report(figures: dict[str, Any]) -> None:
    start, search = figures["start"], figures["search"]
    print("\n== Kaizen Exchange window benchmark ==")
    print(f"store: {figures['posts']:,} posts")
    print(
        f"start to first paint: {start['app_paint_s']:.2f} s median of {start['runs']} "
        f"(first run {start['app_first_run_paint_s']:.2f} s; bare PySide6 window "
        f"{start['bare_paint_s']:.2f} s) [{verdict(start['app_paint_s'], TARGETS['start_s'])}]"
    )
    print(f"start to first rows of posts: {start['app_rows_s']:.2f} s")
    print(
        f"RSS with the post list shown: {start['app_rss_mb']:.0f} MB (bare window "
        f"{start['bare_rss_mb']:.0f} MB) [{verdict(start['app_rss_mb'], TARGETS['rss_mb'])}]"
    )
    for label, row in search.items():
        print(
            f"search, {label} ('{row['words']}'): list updated in {row['gui_ms']:.0f} ms "
            f"(core query {row['core_query_ms']:.0f} ms, {row['rows_shown']} rows) "
            f"[{verdict(row['gui_ms'], TARGETS['search_ms'])}]"
        )
    scroll = figures["scroll"]
    print(
        f"scrolling: next 200 rows in {scroll['page_median_ms']:.0f} ms median, "
        f"{scroll['page_max_ms']:.0f} ms worst ({scroll['rows_loaded']} rows loaded)"
    )
    sync = figures.get("sync")
    if sync:
        busy, idle = sync["during_sync"], sync["idle"]
        print(
            f"sync of {sync['feeds']} feeds ({sync['new_posts']} posts, {sync['media_fetched']} "
            f"files) in {sync['sync_seconds']} s: longest event-loop stall {busy['max_ms']} ms, "
            f"p99 {busy['p99_ms']} ms, {busy['over_100ms']} stalls over 100 ms (idle window: "
            f"longest {idle['max_ms']} ms) [{verdict(busy['max_ms'], TARGETS['stall_ms'])}]"
        )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    figures = run(args)
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
