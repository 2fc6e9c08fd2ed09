"""The offline cache: one copy per file, within the quota, pinned lessons kept."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from kaizen_exchange.feeds.post_rows import MediaDone
from kaizen_exchange.feeds.writer import MediaWriter
from kaizen_exchange.reading.posts import set_pinned
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.media_cache import (
    INERT,
    PASSIVE,
    BlobWriter,
    blob_path,
    cache_stats,
    evict,
    extension_for,
)
from kaizen_exchange.store.models import Feed, Media, MediaBlob, Post, PostMedia, School


def _cache(store: Store, name: str, data: bytes, *, post: int | None = None) -> str:
    """Put one downloaded file in the cache as the sync does; returns its sha256."""
    writer = MediaWriter(store.database)
    with store.session() as session:
        media = Media(url=f"http://s.test/{name}")
        session.add(media)
        session.flush()
        assert media.id is not None
        media_id = media.id
        if post is not None:
            session.add(PostMedia(post_id=post, media_id=media_id))
    blob = BlobWriter(store.media_dir)
    blob.write(data)
    digest, path = blob.commit(".png")
    assert path.read_bytes() == data
    writer.media_done([MediaDone(media_id, digest, len(data), "image/png", ".png")])
    return digest


def _posts(store: Store, count: int) -> None:
    with store.session() as session:
        session.add(School(id="s", name="S", country="GB", timezone="Europe/London"))
        session.flush()
        session.add(Feed(id=1, school_id="s", url="http://s.test/feed"))
        session.flush()
        for i in range(1, count + 1):
            session.add(
                Post(
                    id=i,
                    school_id="s",
                    feed_id=1,
                    identity=str(i),
                    title=str(i),
                    published=datetime(2026, 1, i, tzinfo=UTC),
                )
            )


def test_identical_files_are_stored_once(store: Store) -> None:
    first = _cache(store, "a.png", b"same picture")
    second = _cache(store, "copy-of-a.png", b"same picture")
    assert first == second
    stats = cache_stats(store.database)
    assert (stats.files, stats.bytes, stats.media_urls) == (1, 12, 2)
    assert len(list(store.media_dir.rglob("*.png"))) == 1


def test_eviction_removes_least_recently_used_but_keeps_pinned(store: Store) -> None:
    _posts(store, 3)
    old = _cache(store, "old.png", b"o" * 100, post=1)
    pinned = _cache(store, "pinned.png", b"p" * 100, post=2)
    recent = _cache(store, "recent.png", b"r" * 100, post=3)
    with store.session() as session:
        for age, digest in ((3, pinned), (2, old), (1, recent)):
            blob = session.get_one(MediaBlob, digest)
            blob.last_used = datetime.now(UTC) - timedelta(days=age)
    set_pinned(store, 2)

    removed, freed = evict(store.database, quota=150)

    assert (removed, freed) == (2, 200)  # old and recent go; the pinned one stays over quota
    with store.session() as session:
        assert set(session.exec(select(MediaBlob.sha256))) == {pinned}
    assert blob_path(store.media_dir, pinned, ".png").exists()
    assert not blob_path(store.media_dir, old, ".png").exists()
    with store.session() as session:
        statuses = {m.url: m.status for m in session.exec(select(Media))}
    assert statuses["http://s.test/old.png"] == "evicted"
    assert statuses["http://s.test/pinned.png"] == "ok"


def test_a_cancelled_download_leaves_nothing_behind(store: Store) -> None:
    blob = BlobWriter(store.media_dir)
    blob.write(b"half a pict")
    blob.discard()
    assert [p for p in store.media_dir.rglob("*") if p.is_file()] == []


@pytest.mark.parametrize(
    ("mime", "url", "expected"),
    [
        ("image/jpeg", "http://s.test/photo", ".jpg"),
        ("audio/mpeg", "http://s.test/song", ".mp3"),
        ("application/octet-stream", "http://s.test/newsletter.PDF?v=2", ".pdf"),
        ("image/svg+xml", "http://s.test/logo.svg", ".bin"),  # SVG can carry scripts
        ("application/octet-stream", "http://s.test/logo.svg", ".bin"),
        ("text/html", "http://s.test/page.html", ".bin"),
        ("application/xhtml+xml", "http://s.test/page.xhtml", ".bin"),
        ("application/octet-stream", "http://s.test/setup.sh", ".bin"),
        ("application/x-msdownload", "http://s.test/game.exe", ".bin"),
        ("", "http://s.test/letter.docm", ".bin"),  # Word with macros
        ("application/javascript", "http://s.test/app.js", ".bin"),
    ],
)
def test_cached_files_get_only_passive_extensions(mime: str, url: str, expected: str) -> None:
    """The system viewer opens a cached file by its extension: never one that runs."""
    assert extension_for(mime, url) == expected
    assert expected in PASSIVE | {INERT}
