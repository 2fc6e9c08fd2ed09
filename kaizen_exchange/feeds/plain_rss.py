"""A fast reader for the plain RSS 2.0 that WordPress writes, giving what feedparser gives.

feedparser reads every dialect of RSS and Atom and mends broken XML, but it does so
with Python callbacks for every element and every attribute, about 20 ms for a
WordPress feed of 20 full posts. Nearly every feed a school follows is that one shape,
so this module reads it with ElementTree (expat in C) in a few milliseconds, and says
"not mine" (``None``) for anything else: other formats, other encodings, ``xml:base``,
elements it does not know, or anything whose meaning feedparser might read
differently. The caller then uses feedparser.

The two readers must agree, or a post could change identity (and be stored twice)
when its feed gains or loses an unusual element. So the rules below copy feedparser's
own (6.0, ``feedparser/mixin.py`` ``pop`` and ``namespaces/_base.py``): values are
stripped, GUIDs that are links and ``<link>`` values are resolved against the feed's
address, text that is UTF-8 read as Latin-1 is mended, C1 controls are read as
Windows-1252, a permalink GUID stands in for a missing link, ``updated`` falls back to
``published``, and the last ``<description>``/``<content:encoded>`` of an item wins.
``tests/unit/test_plain_rss.py`` checks the agreement with feedparser as the oracle,
on fixed examples and on generated feeds.
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from feedparser.datetimes import _parse_date  # the same date rules as the fallback
from feedparser.html import _cp1252

from kaizen_exchange.feeds.raw_entry import RawEntry, enclosures, instant

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ATOM = "{http://www.w3.org/2005/Atom}"
_SY = "{http://purl.org/rss/1.0/modules/syndication/}"
_WP_ADDITIONS = "{com-wordpress:feed-additions:1}"

#: Item children whose meaning we take from feedparser; anything else means "not mine".
_ITEM_FIELDS = {
    "title",
    "link",
    "guid",
    "pubDate",
    "description",
    "category",
    "enclosure",
    _CONTENT + "encoded",
    _DC + "creator",
}
#: Item children feedparser keeps under names of their own, which no field we use reads.
_ITEM_IGNORED = {
    "comments",
    "{http://wellformedweb.org/CommentAPI/}commentRss",
    "{http://purl.org/rss/1.0/modules/slash/}comments",
    _WP_ADDITIONS + "post-id",
}
#: Channel children that cannot change the feed's title, link or generator, or an item.
_CHANNEL_OTHERS = {
    "description",
    "language",
    "lastBuildDate",
    "pubDate",
    "copyright",
    "ttl",
    "docs",
    "category",
    "webMaster",
    "image",
    "cloud",
    "rating",
    "skipHours",
    "skipDays",
    _SY + "updatePeriod",
    _SY + "updateFrequency",
    _SY + "updateBase",
    _WP_ADDITIONS + "site",
}
#: feedparser resolves these atom:link relations without touching the feed's link.
_IMAGE_PARTS = {"url", "title", "link", "width", "height", "description"}
_ENCLOSURE = {"url", "type", "length"}
_HARMLESS_LINK_RELS = {"self", "hub", "next", "previous", "first", "last"}
_DECLARED_ENCODING = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_UTF8_NAMES = {"utf-8", "utf8"}
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9._-]+)", re.I)
_BARE_ENTITY = re.compile("&([A-Za-z0-9_]+);")


class NotPlain(Exception):
    """Something here is for feedparser to read."""


@dataclass
class PlainFeed:
    title: str | None
    link: str | None
    generator: str
    entries: list[RawEntry] = field(default_factory=list)


def read_plain_rss(body: bytes, url: str, headers: dict[str, str]) -> PlainFeed | None:
    """The feed, or ``None`` when it is not plain UTF-8 RSS 2.0 (feedparser's job then).

    ``body`` has been through :func:`~kaizen_exchange.feeds.parse.clean_prologue`, so it
    declares no entities; ``headers`` have lower-case names.
    """
    if not _utf8(body, headers) or "content-location" in headers or b"base=" in body:
        return None
    try:
        root = ET.fromstring(body)
        return _feed(root, _base(url))
    except (ET.ParseError, NotPlain, ValueError):
        return None


def _utf8(body: bytes, headers: dict[str, str]) -> bool:
    """Both the HTTP header (when it names a charset) and the XML declaration say UTF-8."""
    content_type = headers.get("content-type", "")
    charset = _CHARSET.search(content_type)
    if charset and charset.group(1).lower() not in _UTF8_NAMES:
        return False
    if content_type.lower().startswith("text/") and not charset:
        return False  # RFC 3023: text/xml without a charset is US-ASCII to feedparser
    declared = _DECLARED_ENCODING.match(body)
    return declared is None or declared.group(1).decode().lower() in _UTF8_NAMES


def _base(url: str) -> str:
    """The base feedparser derives from the feed's address (it joins the URL to itself)."""
    joined = _urljoin(url, url)
    if joined.strip().split(":", 1)[0].lower() not in ("http", "https"):
        raise NotPlain
    return joined


_URI_FIXER = re.compile("^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)")


def _urljoin(base: str, uri: str) -> str:
    """feedparser's ``_urljoin``: extra slashes after the scheme are dropped first."""
    uri = _URI_FIXER.sub(r"\1\3", uri)
    try:
        return urllib.parse.urljoin(base, uri)
    except ValueError:
        return ""


def _mend(value: str) -> str:
    """feedparser's last steps for every value: UTF-8 read as Latin-1, then C1 controls."""
    if value.isascii():
        return value  # neither step can change it
    with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
        value = value.encode("iso-8859-1").decode("utf-8")
    return value.translate(_cp1252)


#: The only attributes an element we read may carry (names as feedparser would see them).
_ATTRIBUTES = {"guid": {"isPermaLink"}, "category": {"domain"}}


def _text(element: ET.Element) -> str:
    """The stripped text of an element that may hold text only."""
    if len(element) or element.attrib.keys() - _ATTRIBUTES.get(element.tag, set()):
        raise NotPlain
    return (element.text or "").strip()


def _feed(root: ET.Element, base: str) -> PlainFeed:
    if root.tag != "rss" or root.get("version") != "2.0" or set(root.attrib) != {"version"}:
        raise NotPlain
    if len(root) != 1 or root[0].tag != "channel" or root[0].attrib:
        raise NotPlain
    channel = root[0]
    feed = PlainFeed(title=None, link=None, generator="")
    seen: set[str] = set()
    for child in channel:
        tag = child.tag
        if tag == "item":
            feed.entries.append(_item(child, base))
        elif tag in ("title", "link", "generator"):
            if tag in seen:
                raise NotPlain
            seen.add(tag)
            _channel_field(feed, tag, _text(child), base)
        elif tag == _ATOM + "link":
            rel = child.get("rel")
            if not child.get("href") or rel not in _HARMLESS_LINK_RELS or len(child):
                raise NotPlain
        elif tag not in _CHANNEL_OTHERS or not _plain_leaves(child):
            raise NotPlain
    return feed


def _plain_leaves(element: ET.Element) -> bool:
    """A channel element with no children, or an ``<image>`` of the usual leaf elements."""
    if element.tag != "image":
        return not len(element)
    return all(not len(leaf) and leaf.tag in _IMAGE_PARTS for leaf in element)


def _channel_field(feed: PlainFeed, tag: str, value: str, base: str) -> None:
    if tag == "title":
        feed.title = _mend(value) or None
    elif tag == "link":
        resolved = _mend(_urljoin(base, value)) if value else ""
        feed.link = _BARE_ENTITY.sub(r"&\g<1>", resolved) or None
    else:
        feed.generator = _mend(value)


def _item(item: ET.Element, base: str) -> RawEntry:
    if item.attrib:
        raise NotPlain
    found: dict[str, str] = {}
    categories: list[str] = []
    attachments: list[tuple[str | None, str | None, str | None]] = []
    guid_is_link = False
    for child in item:
        tag = child.tag
        if tag in _ITEM_IGNORED:
            continue
        if tag not in _ITEM_FIELDS:
            raise NotPlain
        if tag == "enclosure":
            attachments.append(_enclosure(child))
        elif tag == "category":
            value = _mend(_text(child))
            if value:
                categories.append(value)
        else:
            if tag in found:
                raise NotPlain  # two titles, links, descriptions…: feedparser's rules decide
            if tag == "guid":
                guid_is_link = child.get("isPermaLink", "true") == "true"
            found[tag] = _text(child)
    return _raw_entry(found, categories, attachments, guid_is_link, base)


def _enclosure(element: ET.Element) -> tuple[str | None, str | None, str | None]:
    """(href, type, length) as feedparser reads them: ``type`` lower-cased, nothing else."""
    if len(element) or (element.text or "").strip() or element.attrib.keys() - _ENCLOSURE:
        raise NotPlain
    mime = element.get("type")
    return element.get("url"), mime.lower() if mime else mime, element.get("length")


def _raw_entry(
    found: dict[str, str],
    categories: list[str],
    attachments: list[tuple[str | None, str | None, str | None]],
    guid_is_link: bool,
    base: str,
) -> RawEntry:
    guid = found.get("guid", "")
    if guid and guid_is_link:
        guid = _urljoin(base, guid)
    guid = _mend(guid)
    link = _mend(_urljoin(base, found["link"])) if found.get("link") else ""
    if link:
        link = _BARE_ENTITY.sub(r"&\g<1>", link.replace("&amp;", "&"))
    elif "link" not in found and guid_is_link:
        link = guid
    content = found.get(_CONTENT + "encoded")
    published = instant(_parse_date(_mend(found.get("pubDate", ""))))
    return RawEntry(
        guid=guid or None,
        link=link or None,
        title=_mend(found.get("title", "")),
        author=_mend(found.get(_DC + "creator", "")) or None,
        categories=categories,
        published=published,
        updated=published,
        content=_mend(content if content is not None else found.get("description", "")),
        content_base=base,
        enclosures=enclosures(attachments),
    )


__all__ = ["PlainFeed", "read_plain_rss"]
