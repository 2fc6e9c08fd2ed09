"""``feeds import-opml``, ``feeds export-opml`` and ``feeds list`` (health of each feed)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from kaizen_exchange.cli.common import EXIT_OK, Context, shorten, table
from kaizen_exchange.logs import redact
from kaizen_exchange.network.opml import export_opml, import_opml
from kaizen_exchange.reading.posts import utc_iso
from kaizen_exchange.store.models import Feed


def register(subparsers: Any) -> None:
    feeds = subparsers.add_parser("feeds", help="the partner blogs' feeds")
    actions = feeds.add_subparsers(dest="action", metavar="ACTION", required=True)
    do_import = actions.add_parser("import-opml", help="add feeds from an OPML file")
    do_import.add_argument("file", type=Path, metavar="FILE")
    do_import.add_argument("--school", metavar="ID", help="put every feed under this school")
    do_import.set_defaults(func=import_cmd)
    do_export = actions.add_parser("export-opml", help="write the feeds as OPML")
    do_export.add_argument("file", type=Path, metavar="FILE")
    do_export.set_defaults(func=export_cmd)
    do_list = actions.add_parser("list", help="each feed and how its last sync went")
    do_list.add_argument("--json", action="store_true")
    do_list.set_defaults(func=list_cmd)


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
    with ctx.store.session() as session:
        feeds = session.exec(select(Feed).order_by(col(Feed.school_id), col(Feed.id))).all()
    if args.json:
        ctx.print_json(
            [
                {
                    "id": f.id,
                    "school": f.school_id,
                    "url": redact(f.url),  # a password or key in it never shows
                    "title": f.title,
                    "status": f.status,
                    "http_status": f.http_status,
                    "error": f.last_error,
                    "failures": f.failures,
                    "last_checked": utc_iso(f.last_checked),
                    "last_success": utc_iso(f.last_success),
                    "next_check": utc_iso(f.next_check),
                }
                for f in feeds
            ]
        )
        return EXIT_OK
    rows = [
        [f.school_id, f.status, shorten(redact(f.url), 50), shorten(f.last_error or "", 60)]
        for f in feeds
    ]
    ctx.say(table(rows, ["SCHOOL", "STATUS", "FEED", "PROBLEM"]) if rows else "No feeds yet.")
    return EXIT_OK
