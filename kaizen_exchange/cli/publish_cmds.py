"""``share publish|pending|approve|return|takedown``: the class's posts on the school's blog.

Added to h-safeguard's ``share`` command through :data:`share_cmds.ACTIONS`.
"""

from __future__ import annotations

import argparse
from typing import Any

from kaizen_exchange.cli.account_cmds import ask_password
from kaizen_exchange.cli.common import EXIT_FAILED, EXIT_OK, EXIT_PARTIAL, Context, table
from kaizen_exchange.cli.share_cmds import ACTIONS


def _add_publish(actions: Any) -> None:
    publish = actions.add_parser(
        "publish", help="check a draft and publish it on the school's blog"
    )
    publish.add_argument("draft_id", metavar="DRAFT_ID", type=int)
    publish.add_argument(
        "--status",
        choices=("publish", "pending", "draft"),
        default="publish",
        help="live at once (publish), waiting for approval (pending) or a draft on the blog",
    )
    publish.add_argument(
        "--override",
        metavar="KIND",
        action="append",
        default=[],
        help="publish despite a blocking finding of this kind (see 'share check')",
    )
    publish.add_argument("--json", action="store_true")
    publish.set_defaults(func=publish_cmd)


def _add_approval(actions: Any) -> None:
    pending = actions.add_parser("pending", help="posts waiting for approval on the blog")
    pending.add_argument("--json", action="store_true")
    pending.set_defaults(func=pending_cmd)
    approve = actions.add_parser("approve", help="publish a post that waits for approval")
    approve.add_argument("post_id", metavar="ID", type=int, help="as 'share pending' lists it")
    approve.add_argument("--json", action="store_true")
    approve.set_defaults(func=approve_cmd)
    back = actions.add_parser("return", help="send a waiting post back to its writer with a note")
    back.add_argument("post_id", metavar="ID", type=int, help="as 'share pending' lists it")
    back.add_argument("--note", required=True, metavar="TEXT", help="what to change")
    back.set_defaults(func=return_cmd)


def _add_takedown(actions: Any) -> None:
    takedown = actions.add_parser(
        "takedown", help="take a child's marked photos (and posts naming them) off the blog"
    )
    takedown.add_argument("--pupil", required=True, metavar="FIRST_NAME")
    takedown.add_argument("--class", dest="class_name", required=True, metavar="NAME")
    takedown.add_argument("--dry-run", action="store_true", help="only list what would change")
    takedown.add_argument("--json", action="store_true")
    takedown.set_defaults(func=takedown_cmd)


ACTIONS.extend([_add_publish, _add_approval, _add_takedown])


def publish_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.publishing.deliver import publish_draft

    progress = _progress(ctx) if not args.json and ctx.err.isatty() else None
    outcome = publish_draft(
        ctx.store,
        args.draft_id,
        status=args.status,
        overrides=args.override,
        ask=ask_password,
        progress=progress,
    )
    if args.json:
        ctx.print_json(outcome.to_json())
    else:
        ctx.say(outcome.message)
        for note in outcome.notes:
            ctx.say(note)
    if outcome.state == "queued":
        return EXIT_PARTIAL
    return EXIT_OK if outcome.state in ("published", "pending") else EXIT_FAILED


def pending_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.operations.approval import waiting

    posts = waiting(ctx.store, ask_password)
    if args.json:
        ctx.print_json([p.to_json() for p in posts])
    elif not posts:
        ctx.say("No posts are waiting for approval on the blog.")
    else:
        rows = [[str(p.id), p.title, p.author, p.date[:16].replace("T", " ")] for p in posts]
        ctx.say(table(rows, ["ID", "TITLE", "WRITTEN BY", "SENT (UTC)"]))
        ctx.say("\nApprove: kaizen-exchange share approve ID   Send back: share return ID --note …")
    return EXIT_OK


def approve_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.operations.approval import approve

    link = approve(ctx.store, args.post_id, ask_password).result
    if args.json:
        ctx.print_json({"id": args.post_id, "status": "publish", "link": link})
    else:
        ctx.say(f"Published: {link}")
    return EXIT_OK


def return_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.operations.approval import send_back

    send_back(ctx.store, args.post_id, args.note, ask_password)
    ctx.say("Sent back: the post is a draft again, with your note at its top.")
    return EXIT_OK


def takedown_cmd(args: argparse.Namespace, ctx: Context) -> int:
    from kaizen_exchange.operations.roster import take_down
    from kaizen_exchange.publishing.takedown import affected

    if args.dry_run:
        plan = affected(ctx.store, args.pupil, args.class_name)
    else:
        plan = take_down(ctx.store, args.pupil, args.class_name, ask_password).result
    if args.json:
        ctx.print_json({"dry_run": args.dry_run, "posts": [p.to_json() for p in plan]})
        return EXIT_OK
    if not plan:
        ctx.say("No post on the blog shows or names that child: nothing to take down.")
    for entry in plan:
        verb = "Would" if args.dry_run else "Did"
        did = []
        if entry.photos:
            did.append(f"remove {len(entry.photos)} photo(s) from the post and the blog's media")
        if entry.to_draft:
            did.append("switch the post to draft (its words name the child)")
        ctx.say(f"“{entry.title}” ({entry.link or 'no link'}): {verb.lower()} " + "; ".join(did))
    return EXIT_OK


def _progress(ctx: Context) -> Any:
    words = {"prepare": "Preparing files", "upload": "Uploading", "post": "Sending the post"}

    def show(phase: str, done: int, total: int) -> None:
        ctx.err.write(f"\r\033[K{words.get(phase, phase)} {done}/{total}")
        ctx.err.flush()

    return show
