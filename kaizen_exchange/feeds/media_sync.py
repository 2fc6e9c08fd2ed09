"""The media phase of a sync: download every pending image and attachment once.

A URL already cached (status ``ok``) is never asked again; a file identical to one
we have is stored once (content addressing). A failed picture is recorded on the
media row and never fails its post.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from kaizen_exchange.feeds.fetch import FetchError, fetch
from kaizen_exchange.feeds.http import HostClients, HostLimiter, HttpSettings
from kaizen_exchange.feeds.post_rows import MediaDone
from kaizen_exchange.feeds.writer import MediaWriter
from kaizen_exchange.media_cache import BlobWriter, extension_for
from kaizen_exchange.store.sqlite import Database

MEDIA_DEADLINE = 15 * 60.0  # a 100 MB video on a slow school line; stalls still time out


@dataclass(frozen=True)
class MediaOptions:
    cap: int
    school: str | None = None


def _pending(database: Database, school: str | None) -> list[tuple[int, str]]:
    if not school:
        return database.rows("SELECT id, url FROM media WHERE status = 'pending' ORDER BY id")
    return database.rows(
        "SELECT DISTINCT media.id, media.url FROM media"
        " JOIN post_media ON post_media.media_id = media.id"
        " JOIN post ON post.id = post_media.post_id"
        " WHERE media.status = 'pending' AND post.school_id = ? ORDER BY media.id",
        (school,),
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
    except FetchError as exc:
        blob.discard()
        too_large = "limit" in str(exc)
        recorder.writer.media_failed(media_id, "too_large" if too_large else "error", str(exc))
        return False
    except BaseException:
        blob.discard()
        raise
    ext = extension_for(mime, url)
    digest, _path = blob.commit(ext)
    recorder.add(MediaDone(media_id, digest, blob.size, mime, ext))
    return True


async def fetch_pending_media(
    database: Database,
    writer: MediaWriter,
    client: HostClients,
    limiter: HostLimiter,
    settings: HttpSettings,
    options: MediaOptions,
) -> tuple[int, int]:
    """Download all pending media; returns (fetched, failed)."""
    pending = _pending(database, options.school)
    recorder = _Recorder(writer)
    try:
        results = await asyncio.gather(
            *(
                _one(database, recorder, client, limiter, settings, options, media_id, url)
                for media_id, url in pending
            )
        )
    finally:
        recorder.flush()  # what finished is kept, even when the sync is cancelled
    fetched = sum(results)
    return fetched, len(results) - fetched


__all__ = ["MediaOptions", "fetch_pending_media"]
