"""``sync``: bring every partner blog up to date, with a progress line on a terminal."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from kaizen_exchange.cli.common import Context, shorten, table
from kaizen_exchange.cli.reply_cmds import print_replies
from kaizen_exchange.conversations.reply_outbox import after_sync as replies_after_sync
from kaizen_exchange.errors import NotFound
from kaizen_exchange.feeds.http import HttpSettings
from kaizen_exchange.feeds.report import FeedReport, SyncReport
from kaizen_exchange.feeds.sync import SyncOptions, run_sync
from kaizen_exchange.logs import redact
from kaizen_exchange.publishing.sync_hook import after_sync
from kaizen_exchange.store.sync_lock import sync_lock
from kaizen_exchange.wording import plural

if TYPE_CHECKING:
    from kaizen_exchange.publishing.retry import RetryReport


def register(subparsers: Any) -> None:
    sync = subparsers.add_parser("sync", help="fetch new posts and their pictures")
    sync.add_argument("--school", metavar="ID", help="only this school's feeds")
    sync.add_argument("--no-media", action="store_true", help="posts only, no pictures or files")
    sync.add_argument("--json", action="store_true", help="print the result as JSON")
    sync.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="give up on a feed that has not answered in full after this long (default 30)",
    )
    sync.add_argument(
        "--history-pages",
        type=int,
        default=5,
        metavar="N",
        help="pages of a WordPress blog's history to read when first subscribing (default 5)",
    )
    sync.set_defaults(func=sync_cmd)


def sync_cmd(args: argparse.Namespace, ctx: Context) -> int:
    database = ctx.database
    if args.school and not database.rows("SELECT 1 FROM school WHERE id = ?", (args.school,)):
        raise NotFound(f"There is no school '{args.school}'.")
    settings = HttpSettings(
        request_deadline=args.timeout,
        read_timeout=min(15.0, args.timeout),
        connect_timeout=min(10.0, args.timeout),
    )
    options = SyncOptions(
        school=args.school,
        media=not args.no_media,
        history_pages=args.history_pages,
        http=settings,
    )
    interactive = not args.json and ctx.err.isatty()
    with sync_lock(database.folder):  # a second sync says so and exits (EXIT_BUSY)
        report = run_sync(database, options, _progress(ctx) if interactive else None)
    if interactive:
        ctx.err.write("\r\033[K")
    sent = after_sync(database)  # posts waiting for the school's blog (issue 13)
    replies = replies_after_sync(database)  # the class's replies to partners (issue 14)
    if args.json:
        ctx.print_json(
            {
                **report.to_json(),
                **({"outbox": sent.to_json()} if sent else {}),
                **({"replies": replies.to_json()} if replies else {}),
            }
        )
    else:
        print_summary(ctx, report)
        print_outbox(ctx, sent)
        if replies:
            print_replies(ctx, replies)
    return report.exit_code


def _progress(ctx: Context) -> Any:
    def show(feed: FeedReport, done: int, total: int) -> None:
        ctx.err.write(f"\r\033[KSyncing {done}/{total}: {shorten(feed.school, 30)} {feed.status}")
        ctx.err.flush()

    return show


def print_outbox(ctx: Context, sent: RetryReport | None) -> None:
    """What the sync's turn at the outbox sent, or why it could not."""
    for outcome in sent.outcomes if sent else []:
        ctx.say(f"Draft {outcome.draft_id}: {outcome.message}")
    if sent and sent.note:
        ctx.say(sent.note)


def print_summary(ctx: Context, report: SyncReport) -> None:
    failed = [f for f in report.feeds if f.status in ("error", "gone")]
    ctx.say(
        f"Synced {len(report.feeds)} feeds in {report.seconds:.1f} s: "
        f"{report.new_posts} new posts, {report.updated_posts} updated, "
        f"{plural(report.new_comments, 'new comment')}, "
        f"{report.media_fetched} pictures and files saved for offline use."
    )
    comments_failed = [f for f in report.feeds if f.comments_error]
    if comments_failed:
        ctx.say(f"\nThe comments of {plural(len(comments_failed), 'blog')} could not be read:")
        for feed in comments_failed:
            ctx.say(f"  {feed.school}: {feed.comments_error}")
    if failed:
        ctx.say(f"\n{len(failed)} feeds had problems (the others synced):")
        rows = [[f.school, f.status, shorten(redact(f.url), 45), f.error or ""] for f in failed]
        ctx.say(table(rows, ["SCHOOL", "STATUS", "FEED", "WHAT HAPPENED"]))
    if report.skipped:
        ctx.say(f"\n{len(report.skipped)} feeds were not asked this time:")
        for skipped in report.skipped:
            url = redact(skipped.url)
            ctx.say(f"  {skipped.school}: {url} (until {skipped.until[:16]} UTC)")
    skipped_posts = [(f.school, item) for f in report.feeds for item in f.items_failed]
    if skipped_posts:
        ctx.say(f"\n{len(skipped_posts)} posts could not be read (the rest of their feeds synced):")
        for school, item in skipped_posts:
            ctx.say(f"  {school}: {item.error}")
    if report.media_errors:
        ctx.say(f"\n{len(report.media_errors)} pictures or files could not be downloaded:")
        for error in report.media_errors:
            where = f"{error.school}, \u201c{error.post}\u201d" if error.post else error.school
            ctx.say(f"  {where or 'no post'}: {shorten(error.item, 60)}: {error.error}")
