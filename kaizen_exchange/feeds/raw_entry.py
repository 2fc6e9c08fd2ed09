"""A post as a feed reader hands it over, before our rules for safety and identity.

Two readers produce these: the fast one for plain WordPress RSS
(:mod:`kaizen_exchange.feeds.plain_rss`) and feedparser for everything else
(:mod:`kaizen_exchange.feeds.parse`). Keeping one shape means one place
(:func:`kaizen_exchange.feeds.parse.parsed_entry`) decides what is stored.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass
class Enclosure:
    url: str
    mime: str | None
    length: int | None


@dataclass
class RawEntry:
    guid: str | None
    link: str | None
    title: str
    author: str | None
    categories: list[str]
    published: datetime | None  # aware UTC
    updated: datetime | None
    content: str  # the post's HTML as the feed gives it, not yet sanitized
    content_base: str | None  # what relative links in ``content`` are relative to
    enclosures: list[Enclosure] = field(default_factory=list)


def instant(parsed: time.struct_time | None) -> datetime | None:
    """An aware UTC datetime from a feed reader's UTC struct_time (None if unusable)."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def enclosures(items: list[tuple[str | None, str | None, str | None]]) -> list[Enclosure]:
    """Downloadable attachments from (href, type, length): http(s) only, each URL once."""
    found: dict[str, Enclosure] = {}
    for href, mime, length in items:
        url = (href or "").strip()
        if url.startswith(("http://", "https://")):
            kind = (mime or "").strip() or None
            found[url] = Enclosure(url, kind, _length(length))
    return list(found.values())


def _length(value: str | None) -> int | None:
    """A declared size is only a hint: anything but a plain number ("²", 5,000 digits,
    "12 MB") is unknown, never an error (``str.isdigit`` accepts "²", ``int`` does not)."""
    size = (value or "").strip()
    return int(size) if size.isascii() and size.isdigit() and len(size) <= 15 else None


__all__ = ["Enclosure", "RawEntry", "enclosures", "instant"]
