"""``demo-sync``: the bundled demo network, synced through the real sync code, offline.

The demo's blogs are served by an in-process web server on 127.0.0.1, so this
runs with no internet at all and exercises exactly what a real sync does.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path
from typing import Any

from kaizen_exchange.cli.common import Context
from kaizen_exchange.cli.posts_cmds import print_posts
from kaizen_exchange.cli.sync_cmds import print_summary
from kaizen_exchange.feeds.sync import SyncOptions, run_sync
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.paths import DATA_DIR_ENV
from kaizen_exchange.reading.posts import list_posts
from kaizen_exchange.store.sync_lock import sync_lock


def register(subparsers: Any) -> None:
    demo = subparsers.add_parser(
        "demo-sync",
        help="sync the bundled demo network (no internet needed) and list its posts",
        description="Import and sync the bundled demo network from a local server. Without "
        "--data-dir it uses a new throw-away folder, so your own data is never touched.",
    )
    demo.add_argument("--json", action="store_true", help="print the sync report as JSON")
    demo.add_argument("--limit", type=int, default=20, metavar="N", help="posts to list")
    demo.set_defaults(func=demo_sync_cmd)


def demo_sync_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.demo import demo_network_text, serve_demo  # only this command needs it

    if ctx.data_dir_arg is None and not os.environ.get(DATA_DIR_ENV):
        ctx.data_dir_arg = tempfile.mkdtemp(prefix="kaizen-demo-")
    folder = Path(ctx.folder)
    with serve_demo() as base_url:
        spec = parse_network(demo_network_text(base_url), source="the bundled demo network")
        import_network(ctx.store, spec)
        with sync_lock(folder):
            report = run_sync(ctx.store.database, SyncOptions())
    if args.json:
        ctx.print_json(report.to_json())
        return report.exit_code
    ctx.say(f"Demo network: {len(spec.schools)} partner schools, data in {folder}")
    print_summary(ctx, report)
    ctx.say("")
    print_posts(ctx, list_posts(ctx.store, limit=args.limit))
    ctx.say(
        "\nThe demo server has stopped: everything above is stored offline. Try\n"
        f"  kaizen-exchange --data-dir {folder} posts show ID --html"
    )
    return report.exit_code
