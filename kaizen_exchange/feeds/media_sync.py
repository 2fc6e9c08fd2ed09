"""The media phase of a sync: download every pending image and attachment once.

A URL already cached (status ``ok``) is never asked again; a file identical to one
we have is stored once (content addressing). A failed picture is recorded on the
media row and never fails its post; unless it can never work (too large, a broken
address) it is asked again at a later sync, less often each time.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

import httpx

from kaizen_exchange.feeds.contain import UNEXPECTED_FILE, Failure, all_or_stop, failure
from kaizen_exchange.feeds.fetch import FetchError, fetch
from kaizen_exchange.feeds.http import HostClients, HostLimiter, HttpSettings
from kaizen_exchange.feeds.post_rows import MediaDone
from kaizen_exchange.feeds.report import ItemError
from kaizen_exchange.feeds.writer import MediaWriter
from kaizen_exchange.logs import redact
from kaizen_exchange.store.media_cache import BlobWriter, extension_for
from kaizen_exchange.store.sqlite import Database, sql_time, utcnow

MEDIA_DEADLINE = 15 * 60.0  # a 100 MB video on a slow school line; stalls still time out


@dataclass(frozen=True)
class MediaOptions:
    cap: int
    school: str | None = None


#: Media a sync asks for: new ones, and failed ones whose back-off is over.
_WANTED = "(media.status = 'pending' OR (media.status = 'error' AND media.next_try <= ?))"


def _pending(database: Database, school: str | None) -> list[tuple[int, str]]:
    now = sql_time(utcnow())
    if not school:
        return database.rows(f"SELECT id, url FROM media WHERE {_WANTED} ORDER BY id", (now,))
    return database.rows(
        "SELECT DISTINCT media.id, media.url FROM media"
        " JOIN post_media ON post_media.media_id = media.id"
        " JOIN post ON post.id = post_media.post_id"
        f" WHERE {_WANTED} AND post.school_id = ? ORDER BY media.id",
        (now, school),
    )


def _mime(headers: httpx.Headers) -> str:
    value: str = headers.get("content-type", "application/octet-stream")
    return value.split(";")[0].strip().lower()


class _Recorder:
    """Collects finished downloads and writes them in batches.

    One transaction per picture cost more than its download; the files are already
    in the cache when their rows are written, so a crash between batches only
    means those pictures are fetched again next time.
    """

    BATCH = 200
    SECONDS = 0.5

    def __init__(self, writer: MediaWriter) -> None:
        self.writer = writer
        self.pending: list[MediaDone] = []
        self.errors: list[ItemError] = []
        self.last = time.monotonic()

    def add(self, done: MediaDone) -> None:
        self.pending.append(done)
        if len(self.pending) >= self.BATCH or time.monotonic() - self.last > self.SECONDS:
            self.flush()

    def flush(self) -> None:
        self.writer.media_done(self.pending)
        self.pending = []
        self.last = time.monotonic()


async def _one(
    database: Database,
    recorder: _Recorder,
    client: HostClients,
    limiter: HostLimiter,
    settings: HttpSettings,
    options: MediaOptions,
    media_id: int,
    url: str,
) -> bool:
    blob = BlobWriter(database.media_dir)
    try:
        fetched = await fetch(
            client,
            limiter,
            settings,
            url,
            cap=options.cap,
            sink=blob.write,
            deadline=MEDIA_DEADLINE,
        )
        mime = _mime(fetched.headers)
        if fetched.status != 200 or mime.startswith("text/html"):
            raise FetchError("The address gave a web page instead of the file.")
        ext = extension_for(mime, url)
        digest, _path = blob.commit(ext)
    except Exception as exc:  # the one boundary: this file fails, the others go on
        blob.discard()
        failed = failure(exc, f"file {url}", unexpected=UNEXPECTED_FILE)  # DiskFull stops
        status = _failed_status(exc, failed)
        recorder.writer.media_failed(media_id, status, failed.message)
        school, post = _first_user(database, media_id)
        recorder.errors.append(ItemError(_shown(url), failed.message, school, post))
        return False
    except BaseException:
        blob.discard()
        raise
    recorder.add(MediaDone(media_id, digest, blob.size, mime, ext))
    return True


def _failed_status(exc: Exception, failed: Failure) -> str:
    """``too_large`` and ``invalid`` are for good; an ``error`` is asked again later."""
    if failed.permanent:
        return "invalid"
    return "too_large" if isinstance(exc, FetchError) and "limit" in str(exc) else "error"


def _first_user(database: Database, media_id: int) -> tuple[str | None, str | None]:
    """The school and post a failed file belongs to, so the report can name them."""
    rows = database.rows(
        "SELECT post.school_id, post.title FROM post_media"
        " JOIN post ON post.id = post_media.post_id WHERE post_media.media_id = ?"
        " ORDER BY post.id LIMIT 1",
        (media_id,),
    )
    return (rows[0][0], rows[0][1]) if rows else (None, None)


def _shown(url: str) -> str:
    """A file's address as the report shows it: secrets out, and short."""
    url = redact(url)
    return url if len(url) <= 200 else f"{url[:160]}… ({len(url):,} characters)"


async def fetch_pending_media(
    database: Database,
    writer: MediaWriter,
    client: HostClients,
    limiter: HostLimiter,
    settings: HttpSettings,
    options: MediaOptions,
) -> tuple[int, list[ItemError]]:
    """Download all pending media; returns (fetched, the files that failed and why)."""
    pending = _pending(database, options.school)
    recorder = _Recorder(writer)
    try:
        results = await all_or_stop(
            [
                _one(database, recorder, client, limiter, settings, options, media_id, url)
                for media_id, url in pending
            ]
        )
    finally:
        recorder.flush()  # what finished is kept, even when the sync is cancelled
    return sum(results), recorder.errors


__all__ = ["MediaOptions", "fetch_pending_media"]
