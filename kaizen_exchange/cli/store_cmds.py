"""``store check``, ``store backup`` and ``store restore``: the database's health and backups.

These work on the data folder's files directly, never through the opened store:
they are what IT runs when the store cannot be opened.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, EXIT_STORE, Context, table
from kaizen_exchange.errors import StoreError
from kaizen_exchange.paths import database_path
from kaizen_exchange.store import backups, health
from kaizen_exchange.store.opening import SCHEMA_HEAD, prepare
from kaizen_exchange.store.sync_lock import sync_lock


def register(subparsers: Any) -> None:
    store = subparsers.add_parser(
        "store",
        help="check the database, back it up, restore a backup",
        description="The database is checked and backed up at the first start of each day; "
        f"the newest {backups.KEEP} backups are kept in the data folder's "
        f"'{backups.BACKUP_FOLDER}' folder.",
    )
    actions = store.add_subparsers(dest="action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="check the database and list its backups")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(func=check_cmd)
    backup = actions.add_parser("backup", help="back up the database now")
    backup.set_defaults(func=backup_cmd)
    restore = actions.add_parser(
        "restore",
        help="put back a backup (the newest good one unless named)",
        description="Put back a backup of the database. The database it replaces is moved "
        f"into the data folder's '{backups.SET_ASIDE_FOLDER}' folder, never deleted. "
        "Posts synced since the backup come back with the next sync.",
    )
    restore.add_argument("backup", nargs="?", metavar="BACKUP", help="its number or name")
    restore.add_argument("--list", action="store_true", help="list the backups, restore none")
    restore.set_defaults(func=restore_cmd)


def _when(moment: datetime) -> str:
    return moment.astimezone().strftime("%a %d %b %Y %H:%M")


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def check_cmd(args: argparse.Namespace, ctx: Context) -> int:
    path = database_path(ctx.folder)
    found: list[str] = []
    revision: str | None = None
    listed = _list(ctx)
    try:
        revision = health.first_look(path, SCHEMA_HEAD, expect_data=bool(listed))
        found = health.problems(path, limit=100, search_index=True)
    except StoreError as exc:
        found = [str(exc)]
    if args.json:
        ctx.print_json(
            {
                "ok": not found,
                "database": str(path),
                "exists": path.exists(),
                "schema": revision,
                "problems": found,
                "backups": [b.to_json() for b in listed],
            }
        )
    elif found:
        ctx.say(f"The database in {ctx.folder} has problems:")
        for problem in found:
            ctx.say(f"  {problem}")
        if listed:
            ctx.say("To put back the newest good backup: kaizen-exchange store restore")
    else:
        state = f"healthy ({_size(path.stat().st_size)})" if path.exists() else "not made yet"
        ctx.say(f"The database in {ctx.folder} is {state}.")
        if listed:
            newest = _when(listed[0].taken)
            ctx.say(f"{len(listed)} backups; the newest from {newest}.")
        else:
            ctx.say("No backups yet: one is made at the first start of each day.")
    return EXIT_STORE if found else EXIT_OK


def _list(ctx: Context) -> list[backups.Backup]:
    return backups.list_backups(ctx.folder)


def backup_cmd(args: argparse.Namespace, ctx: Context) -> int:
    prepare(ctx.folder, daily=False)  # the check and the backup are this command's own
    made = backups.checked_backup(ctx.folder)
    ctx.say(f"Backed up the database to {made.path}")
    return EXIT_OK


def restore_cmd(args: argparse.Namespace, ctx: Context) -> int:
    if args.list:
        return _print_list(ctx)
    with sync_lock(ctx.folder):  # no sync may write while the file is swapped
        chosen = backups.choose(ctx.folder, args.backup)
        done = backups.restore(ctx.folder, chosen)
    ctx.say(f"Restored the backup from {_when(chosen.taken)}.")
    if done.set_aside:
        ctx.say(f"The database it replaced is kept in {done.set_aside}")
    ctx.say("Posts published since then come back with the next sync.")
    return EXIT_OK


def _print_list(ctx: Context) -> int:
    listed = _list(ctx)
    if not listed:
        ctx.say("No backups yet: one is made at the first start of each day.")
        return EXIT_OK
    rows = []
    for number, backup in enumerate(listed, start=1):
        state = "damaged" if health.problems(backup.path) else "good"
        rows.append([str(number), _when(backup.taken), _size(backup.size), state, backup.name])
    ctx.say(table(rows, ["#", "TAKEN", "SIZE", "STATE", "NAME"]))
    ctx.say("\nTo put one back: kaizen-exchange store restore NUMBER")
    return EXIT_OK


__all__ = ["register"]
