"""``cache stats`` and ``cache empty`` (pinned posts keep their files)."""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, Context
from kaizen_exchange.store.media_cache import DEFAULT_QUOTA, cache_stats, empty_cache


def _size(n: int) -> str:
    value = float(n)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{n} bytes"


def register(subparsers: Any) -> None:
    cache = subparsers.add_parser("cache", help="the offline pictures and attachments")
    actions = cache.add_subparsers(dest="action", metavar="ACTION", required=True)
    stats = actions.add_parser("stats", help="how much is cached")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(func=stats_cmd)
    empty = actions.add_parser("empty", help="remove cached files, except pinned posts'")
    empty.set_defaults(func=empty_cmd)


def stats_cmd(args: argparse.Namespace, ctx: Context) -> int:
    stats = cache_stats(ctx.database, DEFAULT_QUOTA)
    if args.json:
        ctx.print_json(stats.to_json())
        return EXIT_OK
    ctx.say(f"{stats.files} files, {_size(stats.bytes)} of {_size(stats.quota_bytes)} quota")
    ctx.say(f"{stats.pinned_files} files kept for pinned posts ({_size(stats.pinned_bytes)})")
    if stats.failed:
        ctx.say(f"{stats.failed} pictures or attachments could not be downloaded")
    ctx.say(f"Folder: {stats.folder}")
    return EXIT_OK


def empty_cmd(args: argparse.Namespace, ctx: Context) -> int:
    removed, freed = empty_cache(ctx.database)
    ctx.say(
        f"Removed {removed} files ({_size(freed)}); pinned posts kept theirs. "
        "The next sync downloads the others again."
    )
    return EXIT_OK
