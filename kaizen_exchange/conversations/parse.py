"""Reading a blog's comments feed: WordPress's Atom comments feed, or its RSS 2.0 one.

The Atom feed (``/comments/feed/atom/``) is the one the sync asks for: WordPress's
RSS comments feed says which post a comment is on but not which comment it answers,
while its Atom feed carries ``thr:in-reply-to`` (RFC 4685) with the parent's id, so
one request gives the whole thread. RSS is still read (a blog or a proxy may send it
instead); its comments are then shown unthreaded, as top-level answers.

WordPress builds a comment's id as its post's GUID + ``#comment-N``, so the post is
found from the id alone; ``thr:in-reply-to`` names the post's GUID for a top-level
comment and the parent's id for a reply. Both readers are ElementTree (expat, in C),
behind :func:`~kaizen_exchange.feeds.parse.clean_prologue`, which refuses the entity
declarations that "billion laughs" bombs need.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from feedparser.datetimes import _parse_date  # the same date rules as posts' feeds

from kaizen_exchange.errors import FeedParseError
from kaizen_exchange.feeds.parse import clean_prologue
from kaizen_exchange.feeds.raw_entry import instant

_ATOM = "{http://www.w3.org/2005/Atom}"
_THR = "{http://purl.org/syndication/thread/1.0}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_COMMENT_MARK = "#comment-"
#: A comments feed holds the newest few (WordPress: 10); more than this is not a blog's.
MAX_COMMENTS = 500
#: WordPress starts a reply's text in feeds with "In reply to <a href=PARENT>Name</a>.",
#: in the blog's language. The thread already shows that, so the paragraph is dropped
#: when its link is the parent's address (whatever the words around it).
_IN_REPLY_TO = re.compile(r'\s*<p>[^<]*<a href="([^"]*)"[^>]*>[^<]*</a>[^<]*</p>\s*')

NOT_A_COMMENTS_FEED = (
    "The blog's comments feed could not be read, so its comments were not updated; "
    "its posts synced. Ask the blog's owner to check the comments feed."
)


@dataclass(frozen=True)
class RawComment:
    """A comment as its feed gives it, before sanitizing."""

    identity: str
    post_ref: str  # the post's GUID (or address), to find the stored post
    post_link: str | None  # the post's address without the #comment- part
    parent_ref: str | None  # the id of the comment it answers; None: answers the post
    url: str | None
    author: str
    published: datetime | None
    content: str  # HTML, not yet sanitized
    base: str | None


def read_comments(body: bytes) -> list[RawComment]:
    """The comments of an Atom or RSS 2.0 comments feed (at most MAX_COMMENTS of them).

    Raises FeedParseError for a body that is not one; a comment with no id is skipped.
    """
    try:
        root = ET.fromstring(clean_prologue(body))
    except ET.ParseError as exc:
        raise FeedParseError(NOT_A_COMMENTS_FEED) from exc
    if root.tag == _ATOM + "feed":
        return list(_first(root.iter(_ATOM + "entry"), _atom_comment))
    if root.tag == "rss":
        return list(_first(root.iter("item"), _rss_comment))
    raise FeedParseError(NOT_A_COMMENTS_FEED)


def _first(
    entries: Iterator[ET.Element], read: Callable[[ET.Element], RawComment | None]
) -> Iterator[RawComment]:
    for count, entry in enumerate(entries):
        if count >= MAX_COMMENTS:
            return
        comment = read(entry)
        if comment is not None:
            yield comment


def _text(element: ET.Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _post_of(identity: str, fallback: str) -> str:
    """The post's GUID inside a WordPress comment id, else ``fallback``."""
    post, mark, number = identity.rpartition(_COMMENT_MARK)
    return post if mark and number.isdigit() else fallback


def _link_of_post(link: str | None) -> str | None:
    return link.split("#", 1)[0] or None if link else None


def _atom_comment(entry: ET.Element) -> RawComment | None:
    identity = _text(entry.find(_ATOM + "id"))
    reply_to = entry.find(_THR + "in-reply-to")
    replied = (reply_to.get("ref") or "").strip() if reply_to is not None else ""
    if not identity or not (_COMMENT_MARK in identity or replied):
        return None
    post_ref = _post_of(identity, replied)
    link = next(
        (
            (e.get("href") or "").strip()
            for e in entry.iter(_ATOM + "link")
            if e.get("rel", "alternate") == "alternate"
        ),
        None,
    )
    content = entry.find(_ATOM + "content")
    parent = replied if replied and replied != post_ref else None
    parent_href = reply_to.get("href") if parent and reply_to is not None else None
    when = _text(entry.find(_ATOM + "published")) or _text(entry.find(_ATOM + "updated"))
    return RawComment(
        identity=identity,
        post_ref=post_ref,
        post_link=_link_of_post(link),
        parent_ref=parent,
        url=link or None,
        author=_text(entry.find(f"{_ATOM}author/{_ATOM}name")),
        published=_instant(when),
        content=_without_reply_line(_text(content), parent_href),
        base=content.get(_XML_BASE) if content is not None else None,
    )


def _rss_comment(item: ET.Element) -> RawComment | None:
    identity = _text(item.find("guid")) or _text(item.find("link"))
    if _COMMENT_MARK not in identity:
        return None
    link = _text(item.find("link")) or None
    content = _text(item.find(_CONTENT + "encoded")) or _text(item.find("description"))
    return RawComment(
        identity=identity,
        post_ref=_post_of(identity, identity),
        post_link=_link_of_post(link),
        parent_ref=None,
        url=link,
        author=_text(item.find(_DC + "creator")),
        published=_instant(_text(item.find("pubDate"))),
        content=content,
        base=link,
    )


def _instant(value: str) -> datetime | None:
    return instant(_parse_date(value)) if value else None


def _without_reply_line(content: str, parent_href: str | None) -> str:
    match = _IN_REPLY_TO.match(content) if parent_href else None
    if match and html.unescape(match.group(1)) == parent_href:
        return content[match.end() :]
    return content


__all__ = ["MAX_COMMENTS", "NOT_A_COMMENTS_FEED", "RawComment", "read_comments"]
