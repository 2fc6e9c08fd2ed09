"""Is the database usable? A cheap look at every open, a full check once a day and on demand.

A damaged database must never be written into: migrating, syncing or even a
``PRAGMA`` that rewrites the header could make it worse and spoil the chance of
restoring what it holds. So every opener takes :func:`first_look` before anything
writes, and the daily backup takes :func:`problems` (SQLite's ``quick_check`` and the
search index's own check) before it copies the file: a backup of a damaged file
would be worth nothing. Each failure is a :class:`StoreError` in plain words,
without command-line flags, since the window shows the same text.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from kaizen_exchange.errors import StoreDamaged, StoreError

SQLITE_HEADER = b"SQLite format 3\x00"
#: What a damaged database's message ends with; the window and the command line add how.
DAMAGED_TAIL = (
    "Nothing has been written into it. A backup can be restored; the damaged file is "
    "kept aside, never deleted."
)
#: SQLite's result codes (low byte) that mean the file's content cannot be trusted
_CORRUPT, _NOTADB = 11, 26


def damaged(path: Path, what: str) -> StoreDamaged:
    return StoreDamaged(f"The database in {path.parent} is damaged ({what}). {DAMAGED_TAIL}")


def read_only(path: Path) -> StoreError:
    return StoreError(
        f"The database in {path.parent} cannot be written: the file or its folder is "
        "read-only for you. Ask IT to give you write access to that folder, or choose "
        "another data folder."
    )


def is_damage(exc: sqlite3.Error) -> bool:
    """True when SQLite says the file itself is bad (not busy, not full, not read-only)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_CORRUPT, _NOTADB)
    text = str(exc)
    return "malformed" in text or "not a database" in text


#: Beside the database when the daily check found it damaged: the check may run in the
#: background (the window), so its finding must reach every later open.
DAMAGE_MARK = "damaged.txt"


def mark_damaged(path: Path, what: str) -> None:
    with contextlib.suppress(OSError):  # a read-only folder: the next open says so anyway
        (path.parent / DAMAGE_MARK).write_text(what + "\n", encoding="utf-8")


def clear_damage_mark(path: Path) -> None:
    (path.parent / DAMAGE_MARK).unlink(missing_ok=True)


def newer_than_app(revision: str, head: str) -> bool:
    """A revision this version of the app does not know (revisions are numbered 0001…)."""
    if revision == head:
        return False
    if revision.isdigit() and head.isdigit():
        return int(revision) > int(head)
    return True


def first_look(path: Path, head: str, *, expect_data: bool = False) -> str | None:
    """The schema revision of the database at ``path`` (None: new or empty), or a StoreError.

    Cheap enough for every open (the header and two reads). ``expect_data``: backups
    exist, so an empty file is a lost database, not a new one.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(
            f"The database in {path.parent} cannot be read ({exc.strerror}). "
            "Ask IT to check that you may open that folder."
        ) from exc
    mark = path.parent / DAMAGE_MARK
    if mark.exists():
        raise damaged(path, mark.read_text(encoding="utf-8", errors="replace").strip()[:200])
    if not header:
        if expect_data:
            raise damaged(path, "the file is empty")
        return None
    if header != SQLITE_HEADER:
        raise damaged(path, "the file is not a database")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise read_only(path)
    revision = _revision(path)
    if revision is not None and newer_than_app(revision, head):
        raise StoreError(
            f"The database in {path.parent} was made by a newer version of Kaizen "
            f"Exchange (schema {revision}; this version knows up to {head}). Install "
            "the newer version again: this one has not changed your data."
        )
    return revision


def _revision(path: Path) -> str | None:
    connection = sqlite3.connect(path)
    try:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchall()
        if not tables:
            return None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return str(row[0]) if row else None
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise damaged(path, "parts of it cannot be read") from exc
        raise StoreError(f"The database in {path.parent} cannot be opened ({exc}).") from exc
    finally:
        connection.close()


def problems(path: Path, *, limit: int = 10, search_index: bool = False) -> list[str]:
    """What SQLite's own checks find wrong with the file (empty: healthy).

    ``quick_check`` reads every page (0.3 s for 20,000 posts, hence once a day, see
    bench/store_open.py). ``search_index`` also checks the search index against the
    posts it indexes, in a transaction that is rolled back so the file is only read;
    that costs seven times as much, so only ``store check`` asks for it.
    """
    if not path.exists():
        return []
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        found = [str(r[0]) for r in connection.execute(f"PRAGMA quick_check({int(limit)})")]
        found = [] if found == ["ok"] else found
        if search_index and not found and _has_table(connection, "post_fts"):
            connection.execute("BEGIN")
            try:
                connection.execute(
                    "INSERT INTO post_fts (post_fts, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError:
                found.append("the search index does not match the posts")
            finally:
                connection.execute("ROLLBACK")
        return found
    except sqlite3.DatabaseError as exc:
        return [f"it cannot be read: {exc}"]
    finally:
        connection.close()


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE name = ?"
    return bool(connection.execute(query, (name,)).fetchall())


__all__ = [
    "DAMAGED_TAIL",
    "DAMAGE_MARK",
    "SQLITE_HEADER",
    "clear_damage_mark",
    "damaged",
    "first_look",
    "is_damage",
    "mark_damaged",
    "newer_than_app",
    "problems",
    "read_only",
]
