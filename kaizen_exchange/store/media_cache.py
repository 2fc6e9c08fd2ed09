"""The offline media cache: content-addressed files within a quota.

Files are named by their SHA-256, so the same picture used by three posts (or by
two schools) is stored once. A file is written to a temporary name and renamed
into place before any database row points at it, so a crash never leaves a row
pointing at half a file. Over the quota, the least recently used files go first,
except those of posts pinned for a lesson.
"""

from __future__ import annotations

import contextlib
import hashlib
import mimetypes
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from kaizen_exchange.store.sqlite import Database, sql_time, transaction, utcnow

DEFAULT_QUOTA = 5 * 1000**3  # 5 GB, as a teacher reads it
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "application/pdf": ".pdf",
    "video/mp4": ".mp4",
}
#: Extensions no viewer runs as a program, a script or a web page: pictures, sound,
#: video, PDF, plain text and office documents that cannot hold macros. A cached file
#: is opened by the system viewer when a teacher clicks it, so a partner's blog must
#: never be able to choose ``.html``, ``.svg`` (script), ``.sh``, ``.exe``, ``.docm``…
#: Anything else is stored as ``.bin``, which nothing opens by itself.
PASSIVE = frozenset(
    {
        *(".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff"),
        *(".mp4", ".m4v", ".mov", ".webm", ".ogv"),
        *(".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac"),
        *(".pdf", ".txt", ".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp"),
    }
)
INERT = ".bin"


def extension_for(mime: str, url: str) -> str:
    """A file extension the system viewer will recognise, from :data:`PASSIVE` only.

    SVG is among the refused: it can carry scripts, so an SVG is kept as ``.bin`` and
    shown as a placeholder, never opened (rendering it safely needs a bounded process:
    a renderer asked for a 200,000-pixel-wide picture aborts the process it runs in).
    """
    if mime in _EXTENSIONS:
        return _EXTENSIONS[mime]
    guessed = (mimetypes.guess_extension(mime) or "") if mime else ""
    if guessed.lower() in PASSIVE:
        return guessed.lower()
    suffix = Path(url.split("?", 1)[0]).suffix.lower()
    return suffix if suffix in PASSIVE and not is_svg(mime) else INERT


def is_svg(mime: str) -> bool:
    """An SVG can carry scripts: it is stored inert and never shown as itself."""
    return "svg" in mime.lower()


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


#: SHA-256s of files used by pinned posts (kept whatever the quota).
_PINNED = (
    "SELECT DISTINCT media.sha256 FROM media"
    " JOIN post_media ON post_media.media_id = media.id"
    " JOIN post ON post.id = post_media.post_id"
    " WHERE post.pinned AND media.sha256 IS NOT NULL"
)


def cache_stats(database: Database, quota: int = DEFAULT_QUOTA) -> CacheStats:
    ((files, size),) = database.rows("SELECT count(*), coalesce(sum(size), 0) FROM media_blob")
    ((pinned, pinned_bytes),) = database.rows(
        f"SELECT count(*), coalesce(sum(size), 0) FROM media_blob WHERE sha256 IN ({_PINNED})"
    )
    ((urls, failed),) = database.rows(
        "SELECT count(*), coalesce(sum(status IN ('error', 'too_large', 'invalid')), 0) FROM media"
    )
    return CacheStats(
        files, size, quota, pinned, pinned_bytes, urls, failed, str(database.media_dir)
    )


def evict(
    database: Database, quota: int, keep_pinned: bool = True, *, come_back: bool = False
) -> tuple[int, int]:
    """Delete least-recently-used files until the cache fits ``quota``.

    Rows are changed first, in one transaction, then files are removed: a crash in
    between leaves only an orphan file, never a row without its file. Files dropped
    to fit the quota stay out (fetching them again would only push others out);
    with ``come_back`` the next sync fetches them again.
    Returns (files removed, bytes freed).
    """
    status = "pending" if come_back else "evicted"
    connection = database.connect()
    try:
        with transaction(connection):
            victims = _victims(connection, quota, keep_pinned)
            connection.executemany(
                "UPDATE media SET sha256 = NULL, status = ?, failures = 0, next_try = NULL"
                " WHERE sha256 = ?",
                [(status, sha256) for sha256, _, _ in victims],
            )
            connection.executemany(
                "DELETE FROM media_blob WHERE sha256 = ?", [(sha256,) for sha256, _, _ in victims]
            )
    finally:
        connection.close()
    for sha256, ext, _ in victims:
        blob_path(database.media_dir, sha256, ext).unlink(missing_ok=True)
    return len(victims), sum(size for _, _, size in victims)


def empty_cache(database: Database) -> tuple[int, int]:
    """Remove every cached file except pinned posts'; the next sync fetches them again
    (as the window and ``cache empty`` promise), whether their feeds changed or not."""
    return evict(database, 0, come_back=True)


def reclaim_missing(database: Database) -> int:
    """Files the cache lists but the disk no longer has (deleted by hand, a cleaner, a
    restored backup) are fetched again: their rows go back to ``pending``.

    One listing of each cache folder, not a ``stat`` per file, keeps a warm sync quick.
    Returns how many files were missing.
    """
    rows = database.rows("SELECT sha256, ext FROM media_blob")
    if not rows:
        return 0
    on_disk: set[str] = set()
    for folder in {sha256[:2] for sha256, _ in rows}:
        with contextlib.suppress(OSError), os.scandir(database.media_dir / folder) as entries:
            on_disk.update(entry.name for entry in entries)
    missing = [(sha256,) for sha256, ext in rows if f"{sha256}{ext}" not in on_disk]
    if missing:
        with database.writing() as connection:
            connection.executemany(
                "UPDATE media SET sha256 = NULL, status = 'pending', failures = 0,"
                " next_try = NULL WHERE sha256 = ?",
                missing,
            )
            connection.executemany("DELETE FROM media_blob WHERE sha256 = ?", missing)
    return len(missing)


def _victims(
    connection: sqlite3.Connection, quota: int, keep_pinned: bool
) -> list[tuple[str, str, int]]:
    """The files to delete, least recently used first, pinned ones spared."""
    total = connection.execute("SELECT coalesce(sum(size), 0) FROM media_blob").fetchone()[0]
    if total <= quota:
        return []
    pinned = {row[0] for row in connection.execute(_PINNED)} if keep_pinned else set()
    victims = []
    for sha256, ext, size in connection.execute(
        "SELECT sha256, ext, size FROM media_blob ORDER BY last_used, sha256"
    ):
        if total <= quota:
            break
        if sha256 not in pinned:
            victims.append((sha256, ext, size))
            total -= size
    return victims


def touch(database: Database, sha256s: list[str]) -> None:
    """Mark files as just used (shown to the class), so eviction keeps them longest."""
    if not sha256s:
        return
    with database.writing() as connection:
        connection.executemany(
            "UPDATE media_blob SET last_used = ? WHERE sha256 = ?",
            [(sql_time(utcnow()), sha256) for sha256 in sha256s],
        )


__all__ = [
    "DEFAULT_QUOTA",
    "INERT",
    "PASSIVE",
    "BlobWriter",
    "CacheStats",
    "blob_path",
    "cache_stats",
    "empty_cache",
    "evict",
    "extension_for",
    "is_svg",
    "reclaim_missing",
    "touch",
]
