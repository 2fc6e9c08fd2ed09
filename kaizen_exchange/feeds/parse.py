"""Turning a feed body into posts: a reader for the format, then our rules for safety and identity.

Plain WordPress RSS 2.0, nearly every feed a school follows, is read by the fast
reader in :mod:`kaizen_exchange.feeds.plain_rss`; everything else (Atom, RSS 0.9x/1.0,
other encodings, broken XML) by feedparser. Both hand over :class:`RawEntry` values,
and :func:`parsed_entry` turns each into what is stored.

This is pure CPU work with no I/O, so the sync runs it in worker processes; everything
it returns is plain, picklable data. The output HTML is already sanitized.
"""

from __future__ import annotations

import hashlib
import json
import re
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import feedparser

from kaizen_exchange.errors import FeedParseError
from kaizen_exchange.feeds.plain_rss import read_plain_rss
from kaizen_exchange.feeds.raw_entry import Enclosure, RawEntry, enclosures, instant
from kaizen_exchange.feeds.sanitize import (
    image_urls,
    plain_text,
    sanitize_html,
    text_of_clean_html,
)

_XML_DECL = re.compile(rb"<\?xml\s", re.I)
_DOCTYPE_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
_HEAD = 65536
T = TypeVar("T")
R = TypeVar("R")


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


@dataclass(frozen=True)
class ItemFailure:
    """One post of a feed that could not be read; the rest of the feed is stored."""

    name: str  # for the teacher: the post's title in quotes, else "number N"
    ref: str  # for the log: its id or link, never its text
    details: str  # the traceback, for the log file (the parser runs in a worker)


@dataclass
class ParsedFeed:
    title: str | None
    site_url: str | None
    is_wordpress: bool
    entries: list[ParsedEntry]
    failed: list[ItemFailure] = field(default_factory=list)


def _each(
    items: Iterable[T], convert: Callable[[T], R], label: Callable[[T], tuple[str, str]]
) -> tuple[list[R], list[ItemFailure]]:
    """``convert`` every item; one that raises fails alone (a bad value inside a post
    must never stop its feed, let alone the sync)."""
    done: list[R] = []
    failed: list[ItemFailure] = []
    for position, item in enumerate(items, 1):
        try:
            done.append(convert(item))
        except Exception:
            try:
                name, ref = label(item)
            except Exception:
                name, ref = "", ""
            failed.append(
                ItemFailure(
                    f"\u201c{name[:80]}\u201d" if name else f"number {position}",
                    ref[:200] or f"item {position}",
                    traceback.format_exc(),
                )
            )
    return done, failed


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


def parse_feed(body: bytes, url: str, headers: dict[str, str] | None = None) -> ParsedFeed:
    """Parse and sanitize a feed; raise :class:`FeedParseError` for anything that is not one."""
    body = clean_prologue(body)
    response_headers = {k.lower(): v for k, v in (headers or {}).items()}
    plain = read_plain_rss(body, url, response_headers)
    if plain is not None:
        raw, failed = plain.entries, list[ItemFailure]()
        title, site_url, generator = plain.title, plain.link, plain.generator
    else:
        raw, failed, title, site_url, generator = _with_feedparser(body, url, response_headers)
    entries, unusable = _each(raw, lambda e: parsed_entry(e, url), _raw_label)
    return ParsedFeed(
        title=_str(title),
        site_url=_str(site_url),
        is_wordpress="wordpress" in generator.lower(),
        entries=entries,
        failed=failed + unusable,
    )


def _raw_label(entry: RawEntry) -> tuple[str, str]:
    return plain_text(entry.title or "")[:80], entry.guid or entry.link or ""


def _feedparser_label(entry: Any) -> tuple[str, str]:
    return str(entry.get("title") or "")[:80], str(entry.get("id") or entry.get("link") or "")


def _with_feedparser(
    body: bytes, url: str, response_headers: dict[str, str]
) -> tuple[list[RawEntry], list[ItemFailure], Any, Any, str]:
    """Entries, title, site link and generator of any feed feedparser can read."""
    response_headers = {"content-location": url, **response_headers}
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
    entries, failed = _each(data.entries, _raw, _feedparser_label)
    return entries, failed, feed.get("title"), feed.get("link"), generator


def _not_a_feed(content_type: str, body: bytes) -> str:
    if "html" in content_type or body[:_HEAD].lower().lstrip().startswith((b"<!doctype", b"<html")):
        return (
            "The address gave a web page, not a feed. Use the blog's feed address "
            "(often the blog address followed by /feed/)."
        )
    return "The address did not give a feed (RSS or Atom); check it on the blog."


def _str(value: Any) -> str | None:
    return str(value).strip() or None if value else None


def _raw(entry: Any) -> RawEntry:
    """A feedparser entry in the shape both readers share."""
    content = entry.get("content") or []
    if content:
        raw, base = content[0].get("value", ""), content[0].get("base")
    else:
        raw, base = entry.get("summary", ""), (entry.get("summary_detail") or {}).get("base")
    return RawEntry(
        guid=_str(entry.get("id")),
        link=_str(entry.get("link")),
        title=str(entry.get("title") or ""),
        author=_str(entry.get("author")),
        categories=[str(t.get("term")) for t in entry.get("tags") or [] if t.get("term")],
        published=instant(entry.get("published_parsed")),
        updated=instant(entry.get("updated_parsed")),
        content=raw or "",
        content_base=base,
        enclosures=enclosures(
            [(i.get("href"), i.get("type"), i.get("length")) for i in entry.get("enclosures") or []]
        ),
    )


def parsed_entry(raw: RawEntry, feed_url: str) -> ParsedEntry:
    """Sanitized HTML, plain text, a title and an identity that stays the same across syncs."""
    guid, link = _str(raw.guid), _str(raw.link)
    html = sanitize_html(raw.content, raw.content_base or link or feed_url)
    text = text_of_clean_html(html)
    # a title that is only markup ("<b></b>") has no words: fall back as for no title
    title = plain_text(_str(raw.title) or "")
    title = title or (text[:60] + "…" if len(text) > 60 else text) or "Untitled"
    identity = guid or link or "sha1:" + hashlib.sha1(f"{title}\n{text}".encode()).hexdigest()
    categories = list(dict.fromkeys(c.strip() for c in raw.categories if c.strip()))
    author = _str(raw.author)
    content_hash = hashlib.sha1(
        json.dumps([title, author, categories, html, link]).encode()
    ).hexdigest()
    return ParsedEntry(
        identity=identity,
        guid=guid,
        url=link,
        title=title,
        author=author,
        categories=categories,
        published=raw.published or raw.updated,
        updated=raw.updated,
        html=html,
        text=text,
        content_hash=content_hash,
        images=image_urls(html),
        enclosures=raw.enclosures,
    )


__all__ = [
    "Enclosure",
    "FeedParseError",
    "ItemFailure",
    "ParsedEntry",
    "ParsedFeed",
    "clean_prologue",
    "parse_feed",
    "parsed_entry",
]
