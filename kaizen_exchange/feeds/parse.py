"""Turning a feed body into posts: feedparser for the formats, our rules for safety and identity.

This is pure CPU work with no I/O, so the sync runs it in worker processes; everything
it returns is plain, picklable data. The output HTML is already sanitized.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from kaizen_exchange.feeds.sanitize import image_urls, plain_text, sanitize_html

_XML_DECL = re.compile(rb"<\?xml\s", re.I)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_HEAD = 65536


class FeedParseError(Exception):
    """The body is not a feed we can read; ``str()`` is the plain message."""


@dataclass
class Enclosure:
    url: str
    mime: str | None
    length: int | None


@dataclass
class ParsedEntry:
    identity: str
    guid: str | None
    url: str | None
    title: str
    author: str | None
    categories: list[str]
    published: datetime | None  # aware UTC; None when the feed gives no date
    updated: datetime | None
    html: str
    text: str
    content_hash: str
    images: list[str] = field(default_factory=list)
    enclosures: list[Enclosure] = field(default_factory=list)


@dataclass
class ParsedFeed:
    title: str | None
    site_url: str | None
    is_wordpress: bool
    entries: list[ParsedEntry]


def clean_prologue(body: bytes) -> bytes:
    """Drop junk before the XML declaration (PHP notices, blank lines, a BOM) and refuse DTDs
    that declare entities, which feeds never need and attacks rely on (billion laughs)."""
    head = body[:_HEAD]
    match = _XML_DECL.search(head)
    if match and match.start() > 0:
        body = body[match.start() :]
    else:
        body = body.lstrip(b"\xef\xbb\xbf \t\r\n")
    doctype = _DOCTYPE_SUBSET.search(body[:_HEAD])
    if doctype and b"<!ENTITY" in body[doctype.end() :].split(b"]>", 1)[0].upper():
        raise FeedParseError(
            "The feed declares its own XML entities, which real feeds never need and "
            "attacks use; it was not read. Ask the blog's owner to check the feed."
        )
    return body


def _instant(parsed: time.struct_time | None) -> datetime | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def parse_feed(body: bytes, url: str, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse and sanitize a feed; raise :class:`FeedParseError` for anything that is not one."""
    body = clean_prologue(body)
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    response_headers.setdefault("content-location", url)
    try:
        data = feedparser.parse(
            body,
            response_headers=response_headers,
            sanitize_html=False,  # nh3 does this, faster and stricter
            resolve_relative_uris=False,  # resolved during sanitizing, against xml:base
        )
    except Exception as exc:  # feedparser rarely raises; when it does, the body is hopeless
        raise FeedParseError(f"The feed could not be read ({type(exc).__name__}).") from exc
    if not data.get("version") and not data.entries:
        raise FeedParseError(_not_a_feed(response_headers.get("content-type", ""), body))
    feed = data.get("feed", {})
    generator = str(feed.get("generator", "")) + str(feed.get("generator_detail", {}))
    entries = [_entry(e, url) for e in data.entries]
    return ParsedFeed(
        title=_str(feed.get("title")),
        site_url=_str(feed.get("link")),
        is_wordpress="wordpress" in generator.lower(),
        entries=[e for e in entries if e is not None],
    )


def _not_a_feed(content_type: str, body: bytes) -> str:
    if "html" in content_type or body[:_HEAD].lower().lstrip().startswith((b"<!doctype", b"<html")):
        return (
            "The address gave a web page, not a feed. Use the blog's feed address "
            "(often the blog address followed by /feed/)."
        )
    return "The address did not give a feed (RSS or Atom); check it on the blog."


def _str(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def _entry(entry: Any, feed_url: str) -> ParsedEntry | None:
    guid = _str(entry.get("id"))
    link = _str(entry.get("link"))
    identity = guid or link
    content = entry.get("content") or []
    if content:
        raw, base = content[0].get("value", ""), content[0].get("base") or link or feed_url
    else:
        detail = entry.get("summary_detail") or {}
        raw, base = entry.get("summary", ""), detail.get("base") or link or feed_url
    html = sanitize_html(raw, base)
    text = plain_text(html)
    # a title that is only markup ("<b></b>") has no words: fall back as for no title
    title = plain_text(_str(entry.get("title")) or "")
    title = title or (text[:60] + "…" if len(text) > 60 else text) or "Untitled"
    if not identity:
        identity = "sha1:" + hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()
    published = _instant(entry.get("published_parsed")) or _instant(entry.get("updated_parsed"))
    categories = [str(t.get("term")).strip() for t in entry.get("tags") or [] if t.get("term")]
    author = _str(entry.get("author"))
    content_hash = hashlib.sha1(
        json.dumps([title, author, categories, html, link]).encode()
    ).hexdigest()
    return ParsedEntry(
        identity=identity,
        guid=guid,
        url=link,
        title=title,
        author=author,
        categories=list(dict.fromkeys(categories)),
        published=published,
        updated=_instant(entry.get("updated_parsed")),
        html=html,
        text=text,
        content_hash=content_hash,
        images=image_urls(html),
        enclosures=_enclosures(entry),
    )


def _enclosures(entry: Any) -> list[Enclosure]:
    found: dict[str, Enclosure] = {}
    for item in entry.get("enclosures") or []:
        href = _str(item.get("href"))
        if href and href.startswith(("http://", "https://")):
            length = str(item.get("length") or "")
            found[href] = Enclosure(
                href, _str(item.get("type")), int(length) if length.isdigit() else None
            )
    return list(found.values())


__all__ = [
    "Enclosure",
    "FeedParseError",
    "ParsedEntry",
    "ParsedFeed",
    "clean_prologue",
    "parse_feed",
]
