"""What a sync did, in the shape the command line promises (``sync --json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from kaizen_exchange.logs import redact

STATUSES = ("ok", "not_modified", "moved", "gone", "error")


@dataclass
class FeedReport:
    url: str
    school: str
    status: str  # one of STATUSES
    http_status: int | None = None
    new: int = 0
    updated: int = 0
    error: str | None = None
    seconds: float = 0.0
    #: posts of this feed that could not be read (the rest were stored)
    items_failed: list[ItemError] = field(default_factory=list)
    #: comments stored from the blog's comments feed (new ones; edited ones)
    comments_new: int = 0
    comments_updated: int = 0
    #: the comments feed failed (alone: the posts above synced): why, in plain words
    comments_error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "url": redact(self.url),
            "school": self.school,
            "status": self.status,
            "http_status": self.http_status,
            "new": self.new,
            "updated": self.updated,
            "error": self.error,
            "items_failed": [i.to_json() for i in self.items_failed],
            "comments_new": self.comments_new,
            "comments_updated": self.comments_updated,
            "comments_error": self.comments_error,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> FeedReport:
        """The report again from :meth:`to_json` (the window's sync child sends it as JSON)."""
        return cls(
            url=data["url"],
            school=data["school"],
            status=data["status"],
            http_status=data.get("http_status"),
            new=int(data.get("new", 0)),
            updated=int(data.get("updated", 0)),
            error=data.get("error"),
            items_failed=[ItemError(**i) for i in data.get("items_failed", [])],
            comments_new=int(data.get("comments_new", 0)),
            comments_updated=int(data.get("comments_updated", 0)),
            comments_error=data.get("comments_error"),
        )


@dataclass
class ItemError:
    """A post, picture or file that failed alone: what it is, and why, in plain words."""

    item: str
    error: str
    school: str | None = None
    post: str | None = None  # the title of a post that uses the picture or file

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class SkippedFeed:
    """A feed not asked this time: the server said when to come back, or it keeps failing."""

    url: str
    school: str
    until: str  # ISO 8601 UTC
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {**self.__dict__, "url": redact(self.url)}


@dataclass
class SyncReport:
    feeds: list[FeedReport] = field(default_factory=list)
    skipped: list[SkippedFeed] = field(default_factory=list)
    media_fetched: int = 0
    media_failed: int = 0
    media_evicted: int = 0
    #: pictures and files that failed this time, each named (they are asked again later)
    media_errors: list[ItemError] = field(default_factory=list)
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    @property
    def new_posts(self) -> int:
        return sum(f.new for f in self.feeds)

    @property
    def updated_posts(self) -> int:
        return sum(f.updated for f in self.feeds)

    @property
    def new_comments(self) -> int:
        return sum(f.comments_new for f in self.feeds)

    @property
    def updated_comments(self) -> int:
        return sum(f.comments_updated for f in self.feeds)

    @property
    def errors(self) -> int:
        return sum(f.status == "error" for f in self.feeds)

    @property
    def items_failed(self) -> int:
        return sum(len(f.items_failed) for f in self.feeds)

    @property
    def comments_errors(self) -> int:
        return sum(f.comments_error is not None for f in self.feeds)

    @property
    def exit_code(self) -> int:
        """0 when every feed synced, 3 when some feeds, posts or comments feeds failed
        (the rest are stored)."""
        return 3 if self.errors or self.items_failed or self.comments_errors else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "feeds": [f.to_json() for f in self.feeds],
            "new_posts": self.new_posts,
            "updated_posts": self.updated_posts,
            "new_comments": self.new_comments,
            "media_fetched": self.media_fetched,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "skipped": [s.to_json() for s in self.skipped],
            "media_failed": self.media_failed,
            "media_errors": [m.to_json() for m in self.media_errors],
            "items_failed": self.items_failed,
            "media_evicted": self.media_evicted,
            "phases": {k: round(v, 3) for k, v in self.phases.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SyncReport:
        """The report again from :meth:`to_json`, every failure it names kept."""
        return cls(
            feeds=[FeedReport.from_json(f) for f in data.get("feeds", [])],
            skipped=[SkippedFeed(**s) for s in data.get("skipped", [])],
            media_fetched=int(data.get("media_fetched", 0)),
            media_failed=int(data.get("media_failed", 0)),
            media_evicted=int(data.get("media_evicted", 0)),
            media_errors=[ItemError(**m) for m in data.get("media_errors", [])],
            seconds=float(data.get("seconds", 0.0)),
            phases=dict(data.get("phases", {})),
        )


__all__ = ["STATUSES", "FeedReport", "ItemError", "SkippedFeed", "SyncReport"]
