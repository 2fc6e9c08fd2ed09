"""``network import FILE`` and ``network export FILE``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, Context
from kaizen_exchange.network.file import read_network_file
from kaizen_exchange.network.store import import_network, remove_school, write_network_file


def register(subparsers: Any) -> None:
    network = subparsers.add_parser("network", help="import or export the partner network file")
    actions = network.add_subparsers(dest="action", metavar="ACTION", required=True)
    do_import = actions.add_parser("import", help="merge a network file (safe to repeat)")
    do_import.add_argument("file", type=Path, metavar="FILE")
    do_import.add_argument("--json", action="store_true", help="print what changed as JSON")
    do_import.set_defaults(func=import_cmd)
    do_export = actions.add_parser("export", help="write the network file to send to partners")
    do_export.add_argument("file", type=Path, metavar="FILE")
    do_export.set_defaults(func=export_cmd)
    remove = actions.add_parser(
        "remove", help="remove a partner school with its feeds and posts (not if it has calls)"
    )
    remove.add_argument("school", metavar="ID")
    remove.set_defaults(func=remove_cmd)


def import_cmd(args: argparse.Namespace, ctx: Context) -> int:
    spec = read_network_file(args.file)  # checked before the store is touched
    report = import_network(ctx.store, spec)
    if args.json:
        ctx.print_json(report.to_json())
        return EXIT_OK
    ctx.say(
        f"Imported {spec.name}: {len(report.added)} new, {len(report.updated)} updated, "
        f"{len(report.unchanged)} unchanged schools; {len(report.feeds_added)} new feeds."
    )
    if report.home_ignored:
        ctx.say(
            f"The file marks '{report.home_ignored}' as home, but this computer already has a "
            "home school; that was left as it is."
        )
    return EXIT_OK


def export_cmd(args: argparse.Namespace, ctx: Context) -> int:
    count = write_network_file(ctx.store, args.file)
    ctx.say(f"Wrote {count} schools to {args.file}. Send this file to your partner schools.")
    return EXIT_OK


def remove_cmd(args: argparse.Namespace, ctx: Context) -> int:
    removed = remove_school(ctx.store, args.school)
    ctx.say(
        f"Removed {removed.school} with its {removed.feeds} feeds and {removed.posts} posts. "
        "Import a network file that lists it to bring it back."
    )
    return EXIT_OK
