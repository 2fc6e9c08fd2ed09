"""What a write changed, so whoever shows the store knows what to read again.

After Anki's ``OpChanges``: a write does not tell each view to refresh; it says
what it changed (which schools, posts, sessions, whether cached media came or
went), and each view decides whether that touches what it shows. The value is
plain data, with no Qt, so the command line and tests can use it too.

Ids are listed where the writer knows them cheaply (a session edited, a post
pinned). A writer that cannot say which ids changed (a sync, another process)
names the *kind* instead, which means "any of them may have changed".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from kaizen_exchange.feeds.report import SyncReport

T = TypeVar("T")


class Kind(StrEnum):
    """What a page can show from the store."""

    SCHOOLS = "schools"  # partners, their names, feeds' health and term dates
    POSTS = "posts"  # posts, their read and pinned marks
    SESSIONS = "sessions"  # booked calls
    MEDIA = "media"  # pictures and attachments in the offline cache
    DRAFTS = "drafts"  # the posts we share: drafts, the outbox, their states


@dataclass(frozen=True)
class Changes:
    """Which parts of the store a write changed."""

    schools: frozenset[str] = frozenset()
    posts: frozenset[int] = frozenset()
    sessions: frozenset[int] = frozenset()
    kinds: frozenset[Kind] = frozenset()  # changed beyond the ids above (or without ids)

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        """Any row of these kinds may have changed."""
        return cls(kinds=frozenset(kinds))

    @classmethod
    def everything(cls) -> Changes:
        """An unknown writer: assume every kind changed."""
        return cls.of(*Kind)

    def touches(self, *kinds: Kind) -> bool:
        """True when any of ``kinds`` changed (a view showing them must read again)."""
        listed = {Kind.SCHOOLS: self.schools, Kind.POSTS: self.posts, Kind.SESSIONS: self.sessions}
        return any(kind in self.kinds or listed.get(kind) for kind in kinds)

    def __bool__(self) -> bool:
        return self.touches(*Kind)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.schools | other.schools,
            self.posts | other.posts,
            self.sessions | other.sessions,
            self.kinds | other.kinds,
        )


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's own answer (for the message to the teacher) and what it changed."""

    result: T
    changes: Changes


def schools(ids: Iterable[str], *kinds: Kind) -> Changes:
    return Changes(schools=frozenset(ids), kinds=frozenset(kinds))


def sessions(ids: Iterable[int | None]) -> Changes:
    return Changes(sessions=frozenset(i for i in ids if i is not None))


def posts(ids: Iterable[int], *kinds: Kind) -> Changes:
    return Changes(posts=frozenset(ids), kinds=frozenset(kinds))


def of_sync(report: SyncReport | None) -> Changes:
    """A sync re-checks each feed it ran (health, last synced), and posts and media it brought.

    ``None`` is a sync that stopped early: anything may have been stored before it stopped.
    """
    if report is None:
        return Changes.of(Kind.SCHOOLS, Kind.POSTS, Kind.MEDIA)
    kinds = set()
    if report.new_posts or report.updated_posts or report.new_comments or report.updated_comments:
        kinds.add(Kind.POSTS)  # a post's conversation is part of the post
    if report.media_fetched or report.media_evicted:
        kinds.add(Kind.MEDIA)
    return schools({feed.school for feed in report.feeds}, *kinds)


__all__ = ["Changes", "Done", "Kind", "of_sync", "posts", "schools", "sessions"]
