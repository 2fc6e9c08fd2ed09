"""``cache stats`` and ``cache empty`` (pinned posts keep their files)."""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, Context
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.store.media_cache import DEFAULT_QUOTA, cache_stats, empty_cache
from kaizen_exchange.wording import human_size


def register(subparsers: Any) -> None:
    actions = command_actions(subparsers, "cache", "the offline pictures and attachments")
    add_json(add_action(actions, "stats", stats_cmd, "how much is cached"))
    add_action(actions, "empty", empty_cmd, "remove cached files, except pinned posts'")


def stats_cmd(args: argparse.Namespace, ctx: Context) -> int:
    stats = cache_stats(ctx.database, DEFAULT_QUOTA)
    if args.json:
        ctx.print_json(stats.to_json())
        return EXIT_OK
    ctx.say(
        f"{stats.files} files, {human_size(stats.bytes)} of {human_size(stats.quota_bytes)} quota"
    )
    ctx.say(f"{stats.pinned_files} files kept for pinned posts ({human_size(stats.pinned_bytes)})")
    if stats.failed:
        ctx.say(f"{stats.failed} pictures or attachments could not be downloaded")
    ctx.say(f"Folder: {stats.folder}")
    return EXIT_OK


def empty_cmd(args: argparse.Namespace, ctx: Context) -> int:
    removed, freed = empty_cache(ctx.database)
    ctx.say(
        f"Removed {removed} files ({human_size(freed)}); pinned posts kept theirs. "
        "The next sync downloads the others again."
    )
    return EXIT_OK
