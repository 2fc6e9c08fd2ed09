"""``network import FILE`` and ``network export FILE``."""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, Context
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.network.file import read_network_file
from kaizen_exchange.network.store import import_network, remove_school, write_network_file


def register(subparsers: Any) -> None:
    actions = command_actions(subparsers, "network", "import or export the partner network file")
    do_import = add_action(
        actions, "import", import_cmd, "merge a network file (safe to repeat)", file="FILE"
    )
    add_json(do_import, "print what changed as JSON")
    add_action(
        actions, "export", export_cmd, "write the network file to send to partners", file="FILE"
    )
    remove = add_action(
        actions,
        "remove",
        remove_cmd,
        "remove a partner school with its feeds and posts (not if it has calls)",
    )
    remove.add_argument("school", metavar="ID")


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
