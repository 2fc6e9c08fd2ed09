"""The offline media cache: content-addressed files within a quota.

Files are named by their SHA-256, so the same picture used by three posts (or by
two schools) is stored once. A file is written to a temporary name and renamed
into place before any database row points at it, so a crash never leaves a row
pointing at half a file. Over the quota, the least recently used files go first,
except those of posts pinned for a lesson.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import func, text
from sqlmodel import col, select

from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Media, MediaBlob, Post, PostMedia, utcnow

DEFAULT_QUOTA = 5 * 1000**3  # 5 GB, as a teacher reads it
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
    "application/pdf": ".pdf",
    "video/mp4": ".mp4",
}


def extension_for(mime: str, url: str) -> str:
    """A file extension the system viewer will recognise."""
    if mime in _EXTENSIONS:
        return _EXTENSIONS[mime]
    guessed = mimetypes.guess_extension(mime) if mime else None
    if guessed:
        return guessed
    suffix = Path(url.split("?", 1)[0]).suffix.lower()
    return suffix if 1 < len(suffix) <= 5 and suffix[1:].isalnum() else ".bin"


class BlobWriter:
    """Streams one download into the cache folder while hashing it.

    The temporary file is opened on the first chunk, so thousands of queued
    downloads hold no file handles while they wait for their turn.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._file: BinaryIO | None = None
        self._temp: Path | None = None
        self._hash = hashlib.sha256()
        self.size = 0

    def _open(self) -> BinaryIO:
        if self._file is None:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=self.folder, prefix=".part-")
            self._file = os.fdopen(handle, "wb")
            self._temp = Path(name)
        return self._file

    def write(self, chunk: bytes) -> None:
        self._hash.update(chunk)
        self._open().write(chunk)
        self.size += len(chunk)

    def commit(self, ext: str) -> tuple[str, Path]:
        """Move the finished file to its content address; returns (sha256, path)."""
        # No fsync: a killed process loses nothing the OS already has, and fsync per
        # picture would make a 10,000-image sync several times slower.
        self._open().close()  # an empty file is still a file
        assert self._temp is not None
        digest = self._hash.hexdigest()
        target = blob_path(self.folder, digest, ext)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            self._temp.unlink()
        else:
            self._temp.replace(target)
        return digest, target

    def discard(self) -> None:
        if self._file is not None:
            self._file.close()
        if self._temp is not None:
            self._temp.unlink(missing_ok=True)


def blob_path(folder: Path, sha256: str, ext: str) -> Path:
    return folder / sha256[:2] / f"{sha256}{ext}"


@dataclass
class CacheStats:
    files: int
    bytes: int
    quota_bytes: int
    pinned_files: int
    pinned_bytes: int
    media_urls: int
    failed: int
    folder: str

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def pinned_blobs_query() -> Any:
    """SHA-256s of files used by pinned posts (kept whatever the quota)."""
    return (
        select(Media.sha256)
        .join(PostMedia, col(PostMedia.media_id) == Media.id)
        .join(Post, col(Post.id) == PostMedia.post_id)
        .where(col(Post.pinned), col(Media.sha256).is_not(None))
    )


def cache_stats(store: Store, quota: int = DEFAULT_QUOTA) -> CacheStats:
    with store.session() as session:
        files, size = session.exec(
            select(func.count(), func.coalesce(func.sum(MediaBlob.size), 0))
        ).one()
        pinned = set(session.exec(pinned_blobs_query()).all())
        pinned_bytes = 0
        if pinned:
            pinned_bytes = session.exec(
                select(func.coalesce(func.sum(MediaBlob.size), 0)).where(
                    col(MediaBlob.sha256).in_(pinned)
                )
            ).one()
        urls = session.exec(select(func.count()).select_from(Media)).one()
        failed = session.exec(
            select(func.count()).where(col(Media.status).in_(("error", "too_large")))
        ).one()
    return CacheStats(
        files, int(size), quota, len(pinned), int(pinned_bytes), urls, failed, str(store.media_dir)
    )


def evict(store: Store, quota: int, keep_pinned: bool = True) -> tuple[int, int]:
    """Delete least-recently-used files until the cache fits ``quota``.

    Rows are changed first, in one transaction, then files are removed: a crash in
    between leaves only an orphan file, never a row without its file.
    Returns (files removed, bytes freed).
    """
    with store.session() as session:
        total = session.exec(select(func.coalesce(func.sum(MediaBlob.size), 0))).one()
        if total <= quota:
            return 0, 0
        pinned = set(session.exec(pinned_blobs_query()).all()) if keep_pinned else set()
        victims: list[MediaBlob] = []
        for blob in session.exec(select(MediaBlob).order_by(col(MediaBlob.last_used))):
            if total <= quota:
                break
            if blob.sha256 in pinned:
                continue
            victims.append(blob)
            total -= blob.size
        for blob in victims:
            session.execute(
                text("UPDATE media SET sha256 = NULL, status = 'evicted' WHERE sha256 = :s"),
                {"s": blob.sha256},
            )
            session.delete(blob)
    for blob in victims:
        blob_path(store.media_dir, blob.sha256, blob.ext).unlink(missing_ok=True)
    return len(victims), sum(b.size for b in victims)


def touch(store: Store, sha256s: list[str]) -> None:
    """Mark files as just used (shown to the class), so eviction keeps them longest."""
    if not sha256s:
        return
    with store.session() as session:
        for blob in session.exec(select(MediaBlob).where(col(MediaBlob.sha256).in_(sha256s))):
            blob.last_used = utcnow()


__all__ = [
    "DEFAULT_QUOTA",
    "BlobWriter",
    "CacheStats",
    "blob_path",
    "cache_stats",
    "evict",
    "extension_for",
    "touch",
]
