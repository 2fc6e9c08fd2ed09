"""``comments list`` (and ``posts show --comments``): partner classes' replies, offline.

"Unread" is a mark on each comment, set when the comment is shown under its post in
the window's reader, or here by ``comments list --mark-read``: listing alone does not
set it, so a script that looks does not hide new replies from the teacher.
"""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli import moderation_cmds, reply_cmds
from kaizen_exchange.cli.common import EXIT_OK, Context, shorten, table
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.conversations.reading import (
    REPLY_STATES,
    ListedComment,
    ThreadedComment,
    flatten,
    list_comments,
)
from kaizen_exchange.operations.conversations import mark_comments_read
from kaizen_exchange.reading.new_posts import parse_moment
from kaizen_exchange.wording import plural

INDENT = "    "


def register(subparsers: Any) -> None:
    actions = command_actions(subparsers, "comments", "partner classes' replies to posts")
    do_list = add_action(
        actions, "list", list_cmd, "comments, those on our own school's posts first, then newest"
    )
    do_list.add_argument("--school", metavar="ID", help="only comments on this school's posts")
    do_list.add_argument(
        "--since",
        metavar="WHEN",
        help='only comments from then on: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" (this computer)',
    )
    do_list.add_argument("--unread", action="store_true", help="only comments not yet read")
    do_list.add_argument(
        "--mark-read", action="store_true", help="mark the comments listed as read"
    )
    add_json(do_list)
    reply_cmds.register(actions)  # reply, retry (issue 14)
    moderation_cmds.register(actions)  # pending, approve, spam, trash


def list_cmd(args: argparse.Namespace, ctx: Context) -> int:
    since = parse_moment(args.since, "--since") if args.since else None
    found = list_comments(ctx.store, school=args.school, since=since, unread=args.unread)
    if args.mark_read and found:
        mark_comments_read(ctx.store, [c.id for c in found])
    if args.json:
        ctx.print_json([c.to_json() for c in found])
    else:
        print_comments(ctx, found)
    return EXIT_OK


def print_comments(ctx: Context, found: list[ListedComment]) -> None:
    if not found:
        ctx.say("No comments match. Run 'kaizen-exchange sync' to fetch new ones.")
        return
    rows = [
        [
            str(c.id),
            c.published.astimezone().strftime("%d %b %Y"),
            shorten(c.school + (" (ours)" if c.on_our_post else ""), 22),
            ("  " if c.read else "• ") + shorten(c.author, 22),
            shorten(c.text, 50),
            f"{c.post_id}",
        ]
        for c in found
    ]
    ctx.say(table(rows, ["ID", "DATE", "ON THE BLOG OF", "BY", "SAYS", "POST"]))
    ctx.say(
        f"{plural(len(found), 'comment')}; "
        "'kaizen-exchange posts show POST --comments' shows a thread."
    )


def print_thread(ctx: Context, threads: list[ThreadedComment]) -> None:
    """The conversation under a post, replies indented under what they answer."""
    ctx.say("")
    if not threads:
        ctx.say("No comments yet.")
        return
    shown = flatten(threads)
    ctx.say(f"Comments ({len(shown)}):")
    for comment in shown:
        pad = INDENT * (comment.depth + 1)
        when = comment.published.astimezone().strftime("%d %b %Y %H:%M")
        state = f" · {REPLY_STATES.get(comment.reply_state, '')}" if comment.reply_state else ""
        ctx.say(f"{pad}[{comment.id}] {comment.author} · {when}{state}")
        for line in comment.text.splitlines() or [""]:
            ctx.say(f"{pad}  {line}")
