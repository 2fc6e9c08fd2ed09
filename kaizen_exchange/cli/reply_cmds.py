"""``comments reply`` and ``comments retry``: the class answers a partner, exactly once.

Exit statuses: 0 sent (published, or waiting for the partner's approval); 2 bad input
or a blocking finding not overridden (nothing stored, nothing sent); 3 queued (the
blog could not be reached: it goes at the next sync); 1 the blog refused it (comments
closed, a login required, spam), with the reason, and the reply kept as not sent.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kaizen_exchange.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, Context
from kaizen_exchange.cli.parsers import add_action, add_json
from kaizen_exchange.sharing.findings import KINDS


def register(actions: Any) -> None:
    reply = add_action(
        actions,
        "reply",
        reply_cmd,
        "reply to a post (or a comment under it) as the class; checked, then sent once",
    )
    reply.add_argument("post", type=int, metavar="POST_ID", help="the post (see 'posts list')")
    text = reply.add_mutually_exclusive_group(required=True)
    text.add_argument("--text", metavar="TEXT", help="what the class says")
    text.add_argument("--text-file", metavar="FILE", type=Path, help="… read from a UTF-8 file")
    reply.add_argument(
        "--parent",
        type=int,
        metavar="COMMENT_ID",
        help="answer this comment (an ID shown by 'posts show POST_ID --comments')",
    )
    reply.add_argument(
        "--as", dest="class_name", metavar="CLASS", help='the class it is from ("Willow Class")'
    )
    reply.add_argument(
        "--override",
        metavar="KIND",
        action="append",
        default=[],
        choices=KINDS,
        help="send it with this blocking finding (e.g. surname) on purpose",
    )
    add_json(reply)
    retry = add_action(actions, "retry", retry_cmd, "send the replies waiting to be sent now")
    add_json(retry)


def reply_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.conversations import sending
    from kaizen_exchange.conversations.replies import Blocked, check_reply, write_reply

    text = args.text if args.text_file is None else _read_text(args.text_file)
    try:
        reply = write_reply(
            ctx.store,
            args.post,
            text,
            parent_id=args.parent,
            class_name=args.class_name,
            overrides=args.override,
        )
    except Blocked as exc:
        if args.json:
            ctx.print_json(
                {"ok": False, "message": str(exc), "findings": [f.to_json() for f in exc.findings]}
            )
            return EXIT_USAGE
        raise
    assert reply.id is not None
    warnings = [f for f in check_reply(ctx.store, reply.text) if f.severity == "warn"]
    try:
        with sending.sending(ctx.folder):
            done = sending.deliver(ctx.store, reply.id)
    except sending.Busy:
        done = sending.outcome(
            reply,
            "Another copy of Kaizen Exchange is sending replies now; "
            "this one is queued and goes at the next sync.",
        )
    if args.json:
        ctx.print_json(
            {
                "ok": done.state in ("waiting", "approved"),
                **done.to_json(),
                "author": reply.author,
                "findings": [f.to_json() for f in warnings],
            }
        )
    else:
        for finding in warnings:
            ctx.warn(f"Note: {finding.detail}")
        ctx.say(f"Reply {done.reply_id} from {reply.author}: {done.message}")
    return _status(done.state)


def _status(state: str) -> int:
    if state in ("waiting", "approved"):
        return EXIT_OK
    return EXIT_PARTIAL if state == "queued" else EXIT_FAILED


def retry_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.conversations.reply_outbox import send_waiting

    report = send_waiting(ctx.store, due_only=False)
    if args.json:
        ctx.print_json(report.to_json())
    else:
        print_replies(ctx, report)
    if report.note:
        return EXIT_PARTIAL
    return EXIT_PARTIAL if report.waiting else EXIT_OK


def print_replies(ctx: Context, report: Any) -> None:
    """What a turn at the replies sent, or why it could not (``sync`` says it too)."""
    for done in report.outcomes:
        ctx.say(f"Reply {done.reply_id}: {done.message}")
    if report.approved:
        ctx.say(f"{report.approved} of the class's replies are now published.")
    if report.note:
        ctx.say(report.note)
    elif not report.outcomes and not report.approved:
        ctx.say("No replies are waiting to be sent.")


def _read_text(path: Path) -> str:
    from kaizen_exchange.import_checks import MB, decode_text, read_capped

    return decode_text(read_capped(path, MB, "a text file"), path, "The reply's text")


__all__ = ["print_replies", "register"]
