"""``feeds import-opml``, ``feeds export-opml`` and ``feeds list`` (health of each feed)."""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, Context, shorten, table
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.network.opml import export_opml, import_opml
from kaizen_exchange.reading.feeds import feed_health
from kaizen_exchange.wording import plural


def register(subparsers: Any) -> None:
    actions = command_actions(subparsers, "feeds", "the partner blogs' feeds")
    do_import = add_action(
        actions, "import-opml", import_cmd, "add feeds from an OPML file", file="FILE"
    )
    do_import.add_argument("--school", metavar="ID", help="put every feed under this school")
    add_action(actions, "export-opml", export_cmd, "write the feeds as OPML", file="FILE")
    add_json(add_action(actions, "list", list_cmd, "each feed and how its last sync went"))


def import_cmd(args: argparse.Namespace, ctx: Context) -> int:
    report = import_opml(ctx.store, args.file, args.school)
    ctx.say(
        f"Added {len(report.feeds_added)} feeds; {len(report.already_known)} were already here."
    )
    if report.schools_created:
        ctx.say(
            "New schools were made for feeds that matched none: "
            + ", ".join(report.schools_created)
            + ". Add their country and time zone in the network file to plan calls with them."
        )
    return EXIT_OK


def export_cmd(args: argparse.Namespace, ctx: Context) -> int:
    count = export_opml(ctx.store, args.file)
    ctx.say(f"Wrote {count} feeds to {args.file}.")
    return EXIT_OK


def list_cmd(args: argparse.Namespace, ctx: Context) -> int:
    feeds = feed_health(ctx.store)
    if args.json:
        ctx.print_json([feed.to_json() for feed in feeds])
        return EXIT_OK
    rows = [[f.school, f.status, shorten(f.url, 50), shorten(f.error or "", 60)] for f in feeds]
    ctx.say(table(rows, ["SCHOOL", "STATUS", "FEED", "PROBLEM"]) if rows else "No feeds yet.")
    failing = sum(feed.failing for feed in feeds)
    if failing:
        ctx.say(f"{plural(failing, 'feed')} failing: old posts stay readable; check the address.")
    return EXIT_OK
