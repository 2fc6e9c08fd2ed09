"""``outbox list|retry``: posts waiting to reach the school's blog, and sending them now."""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.account_cmds import ask_password
from kaizen_exchange.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, Context, shorten, table


def register(subparsers: Any) -> None:
    box = subparsers.add_parser("outbox", help="posts waiting to be sent to the school's blog")
    actions = box.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="each post's state and last error")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(func=list_cmd)
    retry = actions.add_parser("retry", help="send the waiting posts now")
    retry.add_argument("--json", action="store_true")
    retry.set_defaults(func=retry_cmd)


def list_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.publishing.outbox import items

    found = items(ctx.store)
    if args.json:
        ctx.print_json([i.to_json() for i in found])
        return EXIT_OK
    if not found:
        ctx.say("The outbox is empty.")
        return EXIT_OK
    words = {"queued": "waiting", "sending": "being sent", "sent": "sent", "failed": "failed"}
    rows = [
        [
            str(i.draft_id),
            words.get(i.state, i.state),
            str(i.attempts),
            i.next_try.strftime("%Y-%m-%d %H:%M") if i.next_try else "",
            shorten(i.link or i.last_error or "", 60),
        ]
        for i in found
    ]
    ctx.say(table(rows, ["DRAFT", "STATE", "TRIES", "NEXT TRY (UTC)", "LINK OR LAST ERROR"]))
    return EXIT_OK


def retry_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.publishing.retry import retry_outbox

    report = retry_outbox(ctx.store, due_only=False, ask=ask_password)
    if args.json:
        ctx.print_json(report.to_json())
    else:
        for outcome in report.outcomes:
            ctx.say(f"Draft {outcome.draft_id}: {outcome.message}")
        if report.note:
            ctx.say(report.note)
        if not report.outcomes and not report.note:
            ctx.say("Nothing is waiting to be sent.")
    if report.note and report.waiting:
        return EXIT_FAILED
    if any(o.state == "queued" for o in report.outcomes):
        return EXIT_PARTIAL
    return EXIT_FAILED if any(o.state == "failed" for o in report.outcomes) else EXIT_OK
