"""The window's sync, run in a child process: ``python -m kaizen_exchange.gui.sync_child``.

Why a process and not only a thread: Python threads share one interpreter lock and
one garbage collector. bench/gui.py measured a 500-feed sync in a thread stalling
the window for 130–230 ms at a time (full collections of the sync's objects, C
calls that keep the lock). In its own process the sync cannot stall the window at
all, a crash in a parser cannot take the window with it, and its memory goes back
to the system when it ends. It runs exactly the core's ``sync_async``.

Protocol (one JSON object per line on stdout): ``{"feed": FeedReport, "done": n,
"total": t}`` as each feed finishes, then ``{"report": SyncReport}``, or
``{"error": "plain words"}``, or ``{"cancelled": true}``. A line ``cancel`` on
stdin cancels the sync's asyncio task, which leaves the store consistent.
No Qt is imported here.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import threading
from pathlib import Path
from typing import Any

from kaizen_exchange.feeds.report import FeedReport

log = logging.getLogger(__name__)
UNEXPECTED = (
    "The sync stopped because of something Kaizen Exchange did not expect. Your posts "
    "are safe; try Sync now again. If it happens again, send the log file to IT support."
)


def _say(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def _watch_stdin(loop: asyncio.AbstractEventLoop, task: asyncio.Task[Any]) -> None:
    for line in sys.stdin:
        if line.strip() == "cancel":
            loop.call_soon_threadsafe(task.cancel)
            return
    loop.call_soon_threadsafe(task.cancel)  # the window went away: stop cleanly


async def _run(folder: Path, quota: int | None) -> int:
    from kaizen_exchange.errors import KaizenError
    from kaizen_exchange.store.problems import explain
    from kaizen_exchange.store.sqlite import Database
    from kaizen_exchange.store.sync_lock import sync_lock

    try:
        with sync_lock(folder):  # not beside a scheduled sync of the same folder
            database = Database(folder)
            try:
                return await _sync(database, quota)
            finally:
                database.close()
    except KaizenError as exc:
        _say({"error": str(exc)})
        return 1
    except Exception as exc:  # a fault: its traceback goes to the log, plain words to the window
        explained = explain(exc, folder)
        log.error("The sync stopped", exc_info=exc)
        _say({"error": str(explained) if explained else UNEXPECTED})
        return 1


async def _sync(database: Any, quota: int | None) -> int:
    from kaizen_exchange.feeds.sync import SyncOptions, sync_async

    def progress(feed: FeedReport, done: int, total: int) -> None:
        _say({"feed": feed.to_json(), "done": done, "total": total})

    options = SyncOptions() if quota is None else SyncOptions(quota=quota)
    task = asyncio.ensure_future(sync_async(database, options, progress))
    loop = asyncio.get_running_loop()
    threading.Thread(target=_watch_stdin, args=(loop, task), daemon=True).start()
    try:
        report = await task
    except asyncio.CancelledError:
        _say({"cancelled": True})
        return 130
    from kaizen_exchange.publishing.sync_hook import after_sync

    after_sync(database)  # posts waiting for the school's blog, before the window stops us
    from kaizen_exchange.conversations.reply_outbox import after_sync as replies_after_sync

    replies_after_sync(database)  # the class's replies to partners' blogs
    _say({"report": report.to_json()})
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kaizen_exchange.gui.sync_child")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--quota", type=int)
    args = parser.parse_args(argv)
    if argv is None:  # started by the window: a crash must leave its traceback in the log
        from kaizen_exchange.logs import configure_logging

        configure_logging()
    return asyncio.run(_run(args.data_dir, args.quota))


if __name__ == "__main__":  # guarded: the parsing pool's worker processes re-import this
    sys.exit(main())
