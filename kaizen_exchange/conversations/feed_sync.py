"""The sync's comments step: one site-wide comments feed per blog, right after its posts.

The cheapest correct route. A blog's Atom comments feed (``/comments/feed/atom/``)
holds its newest comments on every post, each with the post it is on and the comment
it answers, so one request per blog (and a 304 on a warm sync, thanks to the feed's
ETag/Last-Modified) keeps every conversation, where per-post feeds would cost a
request per post. It runs after the blog's posts are stored, so each comment finds
its post, and it fails alone: whatever its feed does (too big, malformed, an entity
bomb, a server error), the blog's posts have synced and are reported as such, and
the comments' failure is named beside them.

WordPress blogs get a comments feed when their posts' feed is first read; a blog
whose comments feed is missing (404 or 410: comments switched off, or not WordPress
after all) is asked again only after a week, and that is not an error.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from sqlite3 import Connection
from typing import Any

import httpx

from kaizen_exchange.conversations import rows
from kaizen_exchange.feeds import writer
from kaizen_exchange.feeds.contain import failure
from kaizen_exchange.feeds.fetch import FEED_ACCEPT, FetchError, fetch
from kaizen_exchange.feeds.http import HostClients, HostLimiter, HttpSettings
from kaizen_exchange.feeds.parsing_pool import ParsingPool
from kaizen_exchange.feeds.post_rows import FeedAnswer
from kaizen_exchange.feeds.report import FeedReport
from kaizen_exchange.store.sqlite import Database, from_sql_time, utcnow

#: A comments feed is ten comments (WordPress's default); a few MB is already hostile.
COMMENTS_CAP = 5_000_000
#: A blog without a comments feed is asked again after this long.
ABSENT_WAIT = timedelta(days=7)
MISSING = (404, 410)

Write = Callable[..., Awaitable[Any]]
Batched = Callable[[Callable[[Connection, list[Any]], None], Any], Awaitable[None]]


@dataclass
class CommentFeedJob:
    id: int
    url: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    due: bool = True


def comments_feed_url(site_url: str | None, feed_url: str) -> str:
    """The blog's Atom comments feed, next to its posts' feed.

    A blog read through ``?feed=rss2`` may have no pretty links, so it is asked as
    ``?feed=comments-atom`` (which every WordPress answers); otherwise the canonical
    ``/comments/feed/atom/``.
    """
    home = blog_home(site_url, feed_url)
    if "feed=" in httpx.URL(feed_url).query.decode(errors="replace"):
        return f"{home}/?feed=comments-atom"
    return f"{home}/comments/feed/atom/"


def blog_home(site_url: str | None, feed_url: str) -> str:
    """The blog's home address (no trailing slash), where WordPress answers comments.

    The posts' feed's site link when that is on the same server (WordPress's home),
    else the feed's own address up to ``/feed``.
    """
    feed = httpx.URL(feed_url)
    site = httpx.URL(site_url) if site_url and site_url.startswith("http") else None
    if site is not None and _host(site) == _host(feed):
        return str(site.copy_with(query=None, fragment=None)).rstrip("/")
    path = feed.path.split("/feed", 1)[0].rstrip("/")
    return str(feed.copy_with(path=path or "/", query=None, fragment=None)).rstrip("/")


def _host(url: httpx.URL) -> str:
    return url.netloc.decode(errors="replace").lower().removeprefix("www.")


def answered_many(connection: Connection, answers: list[FeedAnswer]) -> None:
    """Comments feeds that answered 304, recorded together (losing them loses nothing)."""
    for answer in answers:
        rows.answered(connection, answer, None)


class CommentsStep:
    """The comments of each blog, asked once per sync after its posts."""

    def __init__(
        self,
        database: Database,
        limiter: HostLimiter,
        http: HttpSettings,
        write: Write,
        batched: Batched,
    ) -> None:
        self.database = database
        self.limiter = limiter
        self.http = http
        self._write = write
        self._batched = batched
        self._jobs = self._known()

    def _known(self) -> dict[int, CommentFeedJob]:
        """Every blog's comments feed, read once at the start of the sync."""
        now = utcnow()
        found = {}
        for (
            feed_id,
            comment_feed_id,
            url,
            etag,
            modified,
            body_hash,
            next_check,
        ) in self.database.rows(
            "SELECT feed_id, id, url, etag, last_modified, body_hash, next_check FROM comment_feed"
        ):
            wait_until = from_sql_time(next_check)
            due = not (wait_until and wait_until > now)
            found[feed_id] = CommentFeedJob(comment_feed_id, url, etag, modified, body_hash, due)
        return found

    async def run(
        self,
        client: HostClients,
        pool: ParsingPool,
        feed_id: int,
        school_id: str,
        report: FeedReport,
        wordpress_at: str | None,
    ) -> None:
        """Sync the comments of one blog whose posts just synced; never raises (but a full disk).

        ``wordpress_at``: the address of a posts' feed just read and found to be
        WordPress's (a blog without a comments feed yet gets one), else None.
        """
        job = self._jobs.get(feed_id)
        try:
            if job is None and wordpress_at:
                job = await self._first_time(feed_id, wordpress_at)
            if job is None or not job.due:
                return
            await self._sync(client, pool, job, school_id, report)
        except Exception as exc:  # this blog's comments fail alone; its posts are stored
            failed = failure(exc, f"comments feed of {report.url} (school {school_id})")
            if job is not None and failed.http_status in MISSING:
                until = utcnow() + ABSENT_WAIT
                await self._write(rows.absent, job.id, failed.http_status, until)
                return
            report.comments_error = failed.message
            if job is not None:
                await self._write(
                    rows.failed, job.id, failed.message, failed.http_status, failed.retry_after
                )

    async def _first_time(self, feed_id: int, feed_url: str) -> CommentFeedJob | None:
        found = self.database.rows("SELECT site_url FROM feed WHERE id = ?", (feed_id,))
        if not found:
            return None
        url = comments_feed_url(found[0][0], feed_url)
        comment_feed_id, url = await self._write(rows.add_comment_feed, feed_id, url)
        job = CommentFeedJob(comment_feed_id, url, None, None, None)
        self._jobs[feed_id] = job
        return job

    async def _sync(
        self,
        client: HostClients,
        pool: ParsingPool,
        job: CommentFeedJob,
        school_id: str,
        report: FeedReport,
    ) -> None:
        fetched = await fetch(
            client,
            self.limiter,
            self.http,
            job.url,
            cap=COMMENTS_CAP,
            etag=job.etag,
            last_modified=job.last_modified,
            accept=FEED_ACCEPT,
        )
        if fetched.gone:
            raise FetchError("The comments feed was removed (HTTP 410).", 410)
        status = "not_modified" if fetched.status == 304 else "ok"
        answer = writer.answer(job.id, status, fetched.status, fetched.headers, fetched.moved_to)
        if fetched.status == 304:
            await self._batched(answered_many, answer)
            return
        # here: a sync whose comments feeds all answer 304 never loads the parser
        from kaizen_exchange.conversations.page import CommentsJob, store_comments

        result = await pool.run(
            store_comments,
            CommentsJob(
                str(self.database.path), job.id, school_id, fetched.body, answer, job.body_hash
            ),
        )
        report.comments_new += result.new
        report.comments_updated += result.updated


__all__ = ["ABSENT_WAIT", "COMMENTS_CAP", "CommentsStep", "blog_home", "comments_feed_url"]
