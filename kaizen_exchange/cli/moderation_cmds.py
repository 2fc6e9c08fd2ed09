"""``comments pending`` and ``comments approve|spam|trash ID``: our blog's waiting comments.

They use the school's WordPress account (``account set``); it must be an Editor or an
Administrator. Findings are printed beside each comment so the teacher sees at once a
pupil's surname, an e-mail address or a phone number before approving it.
"""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.common import EXIT_OK, Context, shorten
from kaizen_exchange.cli.parsers import add_action, add_json


def register(actions: Any) -> None:
    pending = add_action(
        actions,
        "pending",
        pending_cmd,
        "comments waiting for approval on our own blog, with the safeguarding findings",
    )
    add_json(pending)
    for action, what in (
        ("approve", "publish a waiting comment on our blog"),
        ("spam", "mark a comment on our blog as spam"),
        ("trash", "move a comment on our blog to the bin"),
    ):
        parser = add_action(actions, action, moderate_cmd, what)
        parser.add_argument("comment", type=int, metavar="ID", help="its ID in 'comments pending'")
        add_json(parser)


def _account(ctx: Context) -> tuple[Any, str]:
    from kaizen_exchange.cli.account_cmds import ask_password
    from kaizen_exchange.publishing.account import require_account
    from kaizen_exchange.publishing.credentials import password_for

    account = require_account(ctx.store)
    return account, password_for(account, ask_password)


def pending_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.conversations.moderation import pending_comments
    from kaizen_exchange.sharing.roster import load_roster

    account, password = _account(ctx)
    found = pending_comments(account, password, load_roster(ctx.store))
    if args.json:
        ctx.print_json([c.to_json() for c in found])
        return EXIT_OK
    if not found:
        ctx.say("No comments are waiting for approval on the blog.")
        return EXIT_OK
    for comment in found:
        when = f"{comment.published.astimezone():%d %b %Y %H:%M}" if comment.published else ""
        ctx.say(f"{comment.id}  {comment.author} · {when} · on “{shorten(comment.post_title, 50)}”")
        for line in comment.text.splitlines() or [""]:
            ctx.say(f"      {line}")
        for finding in comment.findings:
            mark = "!!" if finding.severity == "block" else " !"
            ctx.say(f"   {mark} {finding.detail}")
    ctx.say(
        f"{len(found)} waiting. Approve, mark as spam or bin one with: "
        "kaizen-exchange comments approve|spam|trash ID"
    )
    return EXIT_OK


def moderate_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.conversations.moderation import DONE, moderate

    account, password = _account(ctx)
    said = moderate(account, password, args.comment, args.action)
    if args.json:
        ctx.print_json({"comment": args.comment, "status": DONE[args.action][0], "message": said})
    else:
        ctx.say(f"Comment {args.comment}: {said}")
    return EXIT_OK


__all__ = ["register"]
