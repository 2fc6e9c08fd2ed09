"""The sync: fetch → parse → sanitize → store every due feed, then fetch their media.

All feeds run concurrently under per-host and overall limits, so a slow or dead
school server only delays itself. The event loop only fetches: a fetched page is
parsed and stored by a worker (:mod:`kaizen_exchange.feeds.parsing_pool`), and the
feed's other outcomes (nothing new, an error, gone) are written in batches by one
writer thread (:mod:`kaizen_exchange.feeds.write_queue`). One feed's failure never
stops the others.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from sqlite3 import Connection
from typing import Any

import httpx

from kaizen_exchange.conversations.feed_sync import CommentsStep
from kaizen_exchange.disk_full import stop_when_full
from kaizen_exchange.feeds import writer
from kaizen_exchange.feeds.contain import all_or_stop, failure
from kaizen_exchange.feeds.fetch import FEED_ACCEPT, Fetched, fetch
from kaizen_exchange.feeds.find_feed import feed_in_page
from kaizen_exchange.feeds.http import HostClients, HostLimiter, HttpSettings, make_client
from kaizen_exchange.feeds.media_sync import MediaOptions, fetch_pending_media
from kaizen_exchange.feeds.page_store import PageJob, PageResult
from kaizen_exchange.feeds.parsing_pool import ParsingPool
from kaizen_exchange.feeds.post_rows import FeedAnswer
from kaizen_exchange.feeds.report import FeedReport, ItemError, SkippedFeed, SyncReport
from kaizen_exchange.feeds.write_queue import WriteQueue
from kaizen_exchange.feeds.writer import Applied, MediaWriter
from kaizen_exchange.store.media_cache import DEFAULT_QUOTA, evict, reclaim_missing
from kaizen_exchange.store.sqlite import Database, from_sql_time, utcnow

log = logging.getLogger(__name__)  # ids, URLs, statuses and timings only: never post text

MB = 1_000_000
ANSWER_BATCH = 100  # 304 answers (and history marks) recorded per statement
IN_PROGRESS = 24  # feeds between "asked" and "stored" at once (bounds memory, not speed)

Progress = Callable[[FeedReport, int, int], None]
POST_SKIPPED = "The post {name} could not be read, so it was skipped; the rest of the feed synced."


@dataclass
class SyncOptions:
    school: str | None = None
    media: bool = True
    history_pages: int = 5
    feed_cap: int = 20 * MB
    media_cap: int = 100 * MB
    quota: int = DEFAULT_QUOTA
    http: HttpSettings = field(default_factory=HttpSettings)
    workers: int | None = None


@dataclass
class _FeedJob:
    id: int
    url: str
    school: str
    etag: str | None
    last_modified: str | None
    body_hash: str | None
    history_done: bool
    prefetched: Fetched | None = None  # discovery's GET, reused as the first fetch
    is_wordpress: bool = False  # its page read this time says so (it gets a comments feed)
    answered_at: str | None = None  # the address that answered (after redirects)


class Syncer:
    """One run of the sync; use :func:`run_sync` or :func:`sync_async`."""

    _db: WriteQueue  # opened by run(): it takes turns with that run's parsing pool

    def __init__(self, database: Database, options: SyncOptions, progress: Progress | None) -> None:
        self.database = database
        self.options = options
        self.progress = progress
        self.report = SyncReport()
        self.limiter = HostLimiter(options.http.per_host, options.http.total)
        self._done = 0
        self._total = 0
        # Feeds fetched but not yet stored hold their bodies in memory; fetching runs
        # far ahead of parsing, so only this many feeds are in progress at once.
        self._in_progress = asyncio.Semaphore(IN_PROGRESS)
        self._batches: dict[Callable[[Connection, list[Any]], None], list[Any]] = {}

    async def _batched(self, write: Callable[[Connection, list[Any]], None], item: Any) -> None:
        """Writes nothing waits for (a feed with nothing new, a history paged back) go
        ANSWER_BATCH to a statement. Losing a batch to a crash loses nothing: those
        feeds are simply asked again next time."""
        batch = self._batches.setdefault(write, [])
        batch.append(item)
        if len(batch) >= ANSWER_BATCH:
            self._batches[write] = []
            await self._db.write(write, batch)

    async def _flush_batches(self) -> None:
        batches, self._batches = self._batches, {}
        for write, batch in batches.items():
            if batch:
                await self._db.write(write, batch)

    async def _not_modified(self, feed_id: int, status: str, fetched: Fetched) -> None:
        """A 304: the page's other answer, the same bytes again, is the worker's to record."""
        answer = writer.answer(feed_id, status, 304, fetched.headers, fetched.moved_to)
        await self._batched(writer.answered, answer)

    async def run(self, client: HostClients) -> SyncReport:
        started = time.perf_counter()
        jobs = self._due_feeds()
        discoveries = self._schools_to_discover()
        self._total = len(jobs) + len(discoveries)
        pool = ParsingPool(self._total, self.options.workers)
        # Small writes (a 304, an error) go to a writer thread in batches, off the loop,
        # taking turns with the workers' page writes.
        self._db = WriteQueue(self.database, turn=pool.write_lock)
        self._comments = CommentsStep(
            self.database, self.limiter, self.options.http, self._db.write, self._batched
        )
        log.info("sync: %d feeds due, %d blogs to discover", len(jobs), len(discoveries))
        try:
            work = [self._feed(client, pool, job) for job in jobs]
            work += [self._discover(client, pool, school, blog) for school, blog in discoveries]
            with stop_when_full():  # whichever write meets it first: stop, keep what is stored
                await all_or_stop(work)
                await self._flush_batches()
        finally:
            pool.close()
            self._db.close()
        self.report.phases["feeds"] = time.perf_counter() - started
        if self.options.media:
            with stop_when_full():
                await self._media(client)
        self.report.seconds = time.perf_counter() - started
        log.info("sync done in %.2f s, phases %s", self.report.seconds, self.report.phases)
        return self.report

    def _due_feeds(self) -> list[_FeedJob]:
        now = utcnow()
        jobs = []
        sql = (
            "SELECT id, url, school_id, etag, last_modified, body_hash, history_done,"
            " next_check, last_error FROM feed WHERE status != 'gone'"
        )
        school = (self.options.school,) if self.options.school else ()
        sql += " AND school_id = ? ORDER BY id" if school else " ORDER BY id"
        for row in self.database.rows(sql, school):
            feed_id, url, school_id, etag, modified, body_hash, history, next_check, error = row
            wait_until = from_sql_time(next_check)
            if wait_until and wait_until > now:
                reason = error or "The server asked us to wait before asking again."
                until = wait_until.isoformat()
                self.report.skipped.append(SkippedFeed(url, school_id, until, reason))
                continue
            jobs.append(_FeedJob(feed_id, url, school_id, etag, modified, body_hash, bool(history)))
        return jobs

    def _schools_to_discover(self) -> list[tuple[str, str]]:
        """Schools that name a blog but have no feed yet."""
        sql = (
            "SELECT id, blog FROM school WHERE blog IS NOT NULL AND blog != ''"
            " AND id NOT IN (SELECT school_id FROM feed)"
        )
        school = (self.options.school,) if self.options.school else ()
        rows = self.database.rows(sql + (" AND id = ?" if school else "") + " ORDER BY id", school)
        return [(school_id, blog) for school_id, blog in rows]

    def _finish(self, report: FeedReport, started: float) -> None:
        report.seconds = time.perf_counter() - started
        log.info(
            "feed %s (school %s): %s, HTTP %s, %d new, %.2f s %s",
            report.url,
            report.school,
            report.status,
            report.http_status,
            report.new,
            report.seconds,
            report.error or "",
        )
        self.report.feeds.append(report)
        self._done += 1
        if self.progress:
            self.progress(report, self._done, self._total)

    async def _feed(self, client: HostClients, pool: ParsingPool, job: _FeedJob) -> None:
        started = time.perf_counter()
        report = FeedReport(job.url, job.school, "error")
        try:
            async with self._in_progress:
                await self._feed_steps(client, pool, job, report)
        except Exception as exc:  # the one boundary: this feed fails, the sync goes on
            await self._failed(report, exc, job.id)
        if report.status in ("ok", "not_modified", "moved"):  # its comments fail alone
            async with self._in_progress:
                where = (job.answered_at or job.url) if job.is_wordpress else None
                await self._comments.run(client, pool, job.id, job.school, report, where)
        self._finish(report, started)

    async def _failed(self, report: FeedReport, exc: Exception, feed_id: int | None) -> None:
        """Report and record a feed's failure (a full disk stops the sync instead)."""
        failed = failure(exc, f"feed {report.url} (school {report.school})")
        report.status, report.error = "error", failed.message
        report.http_status = failed.http_status or report.http_status
        if feed_id is not None:
            when = failed.retry_after
            await self._db.write(writer.failed, feed_id, failed.message, report.http_status, when)

    async def _feed_steps(
        self, client: HostClients, pool: ParsingPool, job: _FeedJob, report: FeedReport
    ) -> None:
        fetched = job.prefetched or await fetch(
            client,
            self.limiter,
            self.options.http,
            job.url,
            cap=self.options.feed_cap,
            etag=job.etag,
            last_modified=job.last_modified,
            accept=FEED_ACCEPT,
        )
        report.http_status = fetched.status
        if fetched.moved_to:
            report.url = fetched.moved_to
        if fetched.gone:
            report.status, report.error = "gone", "The feed was removed for good (HTTP 410)."
            await self._db.write(writer.gone, job.id)
            return
        if fetched.status == 304:
            report.status = "moved" if fetched.moved_to else "not_modified"
            await self._not_modified(job.id, report.status, fetched)
            return
        report.status = "moved" if fetched.moved_to else "ok"
        answer = writer.answer(job.id, report.status, 200, fetched.headers, fetched.moved_to)
        stored = await pool.store(self._page(job, fetched, answer, job.body_hash))
        report.new, report.updated = stored.new, stored.updated
        job.is_wordpress, job.answered_at = stored.is_wordpress, fetched.url
        self._items_failed(report, stored)
        if not job.history_done and not stored.unchanged:
            more = await self._history(client, pool, job, fetched.url, stored, report)
            report.new += more.new
            report.updated += more.updated

    def _page(
        self,
        job: _FeedJob,
        fetched: Fetched,
        answer: FeedAnswer | None = None,
        same_as: str | None = None,
    ) -> PageJob:
        headers = dict(fetched.headers)
        return PageJob(
            str(self.database.path),
            job.id,
            job.school,
            fetched.body,
            fetched.url,
            headers,
            answer,
            same_as,
        )

    def _items_failed(self, report: FeedReport, stored: PageResult) -> None:
        """Posts a worker could not read: named in the report, their tracebacks logged here
        (the worker that met them has no log file)."""
        for name, ref, details in stored.failed:
            log.error(
                "feed %s (school %s): post %s skipped\n%s", report.url, report.school, ref, details
            )
            message = POST_SKIPPED.format(name=name)
            report.items_failed.append(ItemError(name, message, report.school))

    async def _history(
        self,
        client: HostClients,
        pool: ParsingPool,
        job: _FeedJob,
        url: str,
        first: PageResult,
        report: FeedReport,
    ) -> Applied:
        """On first subscription, page back through a WordPress blog's history (?paged=N)."""
        total = Applied()
        previous = first.body_hash  # a blog that ignores ?paged= sends page 1 again
        pages = self.options.history_pages if first.is_wordpress and first.entries else 1
        for page in range(2, pages + 1):
            page_url = str(httpx.URL(url).copy_merge_params({"paged": str(page)}))
            try:
                fetched = await fetch(
                    client,
                    self.limiter,
                    self.options.http,
                    page_url,
                    cap=self.options.feed_cap,
                    accept=FEED_ACCEPT,
                )
                if fetched.status != 200:
                    break
                stored = await pool.store(self._page(job, fetched, same_as=previous))
            except Exception as exc:  # older pages are a bonus; the feed itself synced
                failure(exc, f"page {page} of feed {url}")  # logged; a full disk stops
                break
            total.new += stored.new
            total.updated += stored.updated
            self._items_failed(report, stored)
            if stored.unchanged or not stored.entries or stored.new == 0:
                break
            previous = stored.body_hash
        await self._batched(writer.history_done, job.id)
        return total

    async def _discover(
        self, client: HostClients, pool: ParsingPool, school: str, blog: str
    ) -> None:
        """Find a school's feed from its blog page; the page's GET is reused when it is a feed."""
        started = time.perf_counter()
        try:
            page = await fetch(
                client, self.limiter, self.options.http, blog, cap=5 * MB, accept=FEED_ACCEPT
            )
            choice = feed_in_page(page)
            feed_id = await self._db.write(writer.add_feed, school, choice.url)
        except Exception as exc:  # the same boundary as a feed's: this blog fails alone
            report = FeedReport(blog, school, "error")
            await self._failed(report, exc, None)
            self._finish(report, started)
            return
        job = _FeedJob(feed_id, choice.url, school, None, None, None, False, choice.prefetched)
        await self._feed(client, pool, job)

    async def _media(self, client: HostClients) -> None:
        started = time.perf_counter()
        reclaim_missing(self.database)  # files gone from the disk are fetched again
        options = MediaOptions(self.options.media_cap, self.options.school)
        fetched, errors = await fetch_pending_media(
            self.database,
            MediaWriter(self.database),
            client,
            self.limiter,
            self.options.http,
            options,
        )
        self.report.media_fetched, self.report.media_errors = fetched, errors
        self.report.media_failed = len(errors)
        self.report.media_evicted, _ = evict(self.database, self.options.quota)
        self.report.phases["media"] = time.perf_counter() - started


async def sync_async(
    database: Database, options: SyncOptions | None = None, progress: Progress | None = None
) -> SyncReport:
    """Sync the feeds of ``database`` (a :class:`~kaizen_exchange.store.db.Store` has one
    as ``store.database``)."""
    options = options or SyncOptions()
    async with make_client(options.http) as client:
        return await Syncer(database, options, progress).run(client)


def run_sync(
    database: Database, options: SyncOptions | None = None, progress: Progress | None = None
) -> SyncReport:
    """Run a whole sync from synchronous code (the CLI, a scheduled task)."""
    return asyncio.run(sync_async(database, options, progress))


__all__ = ["SyncOptions", "Syncer", "run_sync", "sync_async"]
