"""``posts list``, ``posts new``, ``posts show``, ``posts read`` and ``posts pin``."""

from __future__ import annotations

import argparse
import html
from typing import Any

from kaizen_exchange.cli.comments_cmds import print_thread
from kaizen_exchange.cli.common import EXIT_OK, Context, shorten, table
from kaizen_exchange.cli.parsers import add_action, add_json, command_actions
from kaizen_exchange.conversations.reading import ThreadedComment, conversation, flatten
from kaizen_exchange.feeds.sanitize import plain_text
from kaizen_exchange.reading.new_posts import new_from_partners, parse_moment
from kaizen_exchange.reading.posts import PostSummary, get_post, list_posts, set_pinned, set_read
from kaizen_exchange.wording import plural


def register(subparsers: Any) -> None:
    actions = command_actions(subparsers, "posts", "read the partner schools' posts")
    do_list = add_action(actions, "list", list_cmd, "posts, newest first")
    do_list.add_argument("--school", metavar="ID")
    do_list.add_argument("--search", metavar="TEXT", help="words in the title or text")
    do_list.add_argument("--tag", metavar="TAG", help="e.g. resilient, resourceful")
    do_list.add_argument("--unread", action="store_true")
    do_list.add_argument("--limit", type=int, default=50, metavar="N")
    add_json(do_list)
    new = add_action(actions, "new", new_cmd, "how many partner posts arrived since a moment")
    new.add_argument(
        "--since",
        metavar="WHEN",
        help='"YYYY-MM-DD" or "YYYY-MM-DD HH:MM" on this computer\'s clock (default: ever)',
    )
    new.add_argument("--limit", type=int, default=6, metavar="N", help="newest N listed")
    add_json(new)
    show = add_action(actions, "show", show_cmd, "one post, from the offline store")
    show.add_argument("post_id", type=int, metavar="POST_ID")
    form = show.add_mutually_exclusive_group()
    form.add_argument("--html", action="store_true", help="HTML with local file:// pictures")
    form.add_argument("--json", action="store_true")
    show.add_argument(
        "--comments", action="store_true", help="with its comments, replies under what they answer"
    )
    read = add_action(actions, "read", read_cmd, "mark posts as read")
    read.add_argument("post_ids", type=int, nargs="+", metavar="POST_ID")
    read.add_argument("--unread", action="store_true", help="mark them unread instead")
    pin = add_action(actions, "pin", pin_cmd, "keep a post's pictures whatever the cache quota")
    pin.add_argument("post_id", type=int, metavar="POST_ID")
    pin.add_argument("--off", action="store_true", help="unpin")


def list_cmd(args: argparse.Namespace, ctx: Context) -> int:
    posts = list_posts(
        ctx.store,
        school=args.school,
        search=args.search,
        unread=args.unread,
        tag=args.tag,
        limit=max(args.limit, 0),
    )
    if args.json:
        ctx.print_json([p.to_json() for p in posts])
    else:
        print_posts(ctx, posts)
    return EXIT_OK


def print_posts(ctx: Context, posts: list[PostSummary]) -> None:
    """A table of posts for people; a bullet marks unread ones."""
    if not posts:
        ctx.say("No posts match. Run 'kaizen-exchange sync' to fetch new ones.")
        return
    rows = [
        [
            str(p.id),
            p.published.strftime("%d %b %Y"),
            shorten(p.school, 16),
            ("  " if p.read else "• ") + shorten(p.title, 56),
        ]
        for p in posts
    ]
    ctx.say(table(rows, ["ID", "DATE", "SCHOOL", "TITLE"]))


def new_cmd(args: argparse.Namespace, ctx: Context) -> int:
    since = parse_moment(args.since, "--since") if args.since else None
    news = new_from_partners(ctx.store, since, max(args.limit, 0))
    if args.json:
        ctx.print_json(news.to_json())
        return EXIT_OK
    when = f"since {since.astimezone():%d %b %Y %H:%M}" if since else "so far"
    ctx.say(f"{plural(news.count, 'new post')} from partner schools {when}.")
    rows = [[str(p.id), p.published.strftime("%d %b %Y"), p.school, p.title] for p in news.newest]
    if rows:
        ctx.say(table(rows, ["ID", "DATE", "SCHOOL", "TITLE"]))
    return EXIT_OK


def show_cmd(args: argparse.Namespace, ctx: Context) -> int:
    post = get_post(ctx.store, args.post_id)
    threads = conversation(ctx.store, args.post_id) if args.comments else None
    if args.json:
        shown = post.to_json()
        if threads is not None:
            shown["comments"] = [c.to_json() for c in threads]
        ctx.print_json(shown)
    elif args.html:
        ctx.say(post.local_html() + (thread_html(threads) if threads else ""))
    else:
        ctx.say(post.title)
        ctx.say(f"{post.school} · {post.author or 'unknown author'} · {post.published:%d %b %Y}")
        if post.categories:
            ctx.say("Tags: " + ", ".join(post.categories))
        ctx.say("")
        ctx.say(plain_text(post.html))
        for media in post.media:
            where = str(media.path) if media.path else f"not saved ({media.status})"
            ctx.say(f"  [{media.kind}] {where}")
        if threads is not None:
            print_thread(ctx, threads)
    return EXIT_OK


def thread_html(threads: list[ThreadedComment]) -> str:
    """The conversation under the post's HTML, each reply indented under what it answers
    (the comments' HTML was cleaned by the sync like the posts')."""
    shown = flatten(threads)
    parts = [f"<h2>Conversation ({len(shown)})</h2>"]
    for comment in shown:
        who = html.escape(f"{comment.author} · {comment.published.astimezone():%d %b %Y %H:%M}")
        parts.append(
            f'<div style="margin-left:{comment.depth * 2}em"><p><b>{who}</b></p>'
            f"{comment.html}</div>"
        )
    return "\n".join(parts)


def read_cmd(args: argparse.Namespace, ctx: Context) -> int:
    count = set_read(ctx.store, args.post_ids, not args.unread)
    ctx.say(f"Marked {count} posts {'unread' if args.unread else 'read'}.")
    return EXIT_OK


def pin_cmd(args: argparse.Namespace, ctx: Context) -> int:
    set_pinned(ctx.store, args.post_id, not args.off)
    ctx.say("Unpinned." if args.off else "Pinned: its pictures stay offline whatever the quota.")
    return EXIT_OK
