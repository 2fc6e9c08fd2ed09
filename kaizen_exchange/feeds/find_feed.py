"""From a blog address to its posts feed: one rule for the sync and for "Add a partner blog".

The sync discovers the feed of a school that names only its blog; the window does
the same before saving a new partner, so the teacher sees the feed the sync will
use. Both go through :func:`feed_in_page`, so they can never disagree.
"""

from __future__ import annotations

import asyncio
import codecs
import re
from dataclasses import dataclass

import httpx

from kaizen_exchange.errors import BadInput, FeedParseError
from kaizen_exchange.feeds.discover import looks_like_feed, posts_feed, wordpress_fallback
from kaizen_exchange.feeds.fetch import FEED_ACCEPT, Fetched, FetchError, fetch
from kaizen_exchange.feeds.http import HostLimiter, HttpSettings, make_client
from kaizen_exchange.urls import web_address

MB = 1_000_000
PAGE_CAP = 5 * MB
FEED_CAP = 20 * MB
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class FeedChoice:
    """The feed a blog page leads to."""

    url: str
    prefetched: Fetched | None  # the page itself when it is the feed: its GET is reused
    advertised: bool  # False when we fell back to WordPress's /feed/


def charset_of(headers: httpx.Headers) -> str:
    """The text encoding a response declares (UTF-8 when it declares none we know)."""
    for part in headers.get("content-type", "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            try:
                return codecs.lookup(value.strip("\"' ")).name
            except LookupError:
                break
    return "utf-8"


def feed_in_page(page: Fetched) -> FeedChoice:
    """The page itself if it is a feed, else the posts feed it advertises, else /feed/."""
    if looks_like_feed(page.body, page.headers.get("content-type", "")):
        return FeedChoice(page.url, page, advertised=True)
    found = posts_feed(page.body.decode(charset_of(page.headers), errors="replace"), page.url)
    return FeedChoice(found or wordpress_fallback(page.url), None, advertised=found is not None)


@dataclass(frozen=True)
class Discovered:
    blog_url: str
    feed_url: str
    title: str | None  # the feed's or page's title, to suggest a school name
    posts: int  # entries in the feed now
    how: str  # a sentence for the teacher


def normalise_blog_url(text: str) -> str:
    """What a teacher types ("greenfield.example/blog") as an address we can fetch.

    Checked by :func:`kaizen_exchange.urls.web_address` before anything is fetched, so
    a typing mistake is named as one, never blamed on the network.
    """
    if not text.strip():
        raise BadInput("Type the blog's address, for example https://school.example/blog/")
    try:
        return web_address(text, typed=True)
    except BadInput as exc:
        raise BadInput(f"{exc} Copy the blog's address from the browser's address bar.") from None


def _how(choice: FeedChoice) -> str:
    if choice.prefetched is not None:
        return "This address is itself a feed."
    if choice.advertised:
        return "Found the posts feed the blog advertises."
    return "The blog does not advertise a feed; WordPress's usual one answered."


async def _discover(url: str, settings: HttpSettings) -> Discovered:
    limiter = HostLimiter(settings.per_host, settings.total)
    async with make_client(settings) as client:
        page = await fetch(client, limiter, settings, url, cap=PAGE_CAP, accept=FEED_ACCEPT)
        choice = feed_in_page(page)
        feed = choice.prefetched
        if feed is None:
            try:
                feed = await fetch(
                    client, limiter, settings, choice.url, cap=FEED_CAP, accept=FEED_ACCEPT
                )
            except FetchError as exc:
                raise BadInput(
                    f"No feed was found at {page.url} ({exc}). Check the address, or ask the "
                    "partner teacher for the blog's feed address and paste that instead."
                ) from exc
            if not looks_like_feed(feed.body, feed.headers.get("content-type", "")):
                raise BadInput(
                    f"{page.url} does not offer a feed we can read. Ask the partner teacher "
                    "for the blog's feed address (often ending in /feed/)."
                )
    from kaizen_exchange.feeds.parse import parse_feed  # the sync imports this module too

    try:
        parsed = parse_feed(feed.body, feed.url, dict(feed.headers))
    except FeedParseError as exc:
        raise BadInput(f"The feed at {feed.url} could not be read: {exc}") from exc
    title = parsed.title or _page_title(page.body)
    return Discovered(page.url, feed.url, title, len(parsed.entries), _how(choice))


def _page_title(body: bytes) -> str | None:
    found = _TITLE.search(body[:65536])
    if not found:
        return None
    return " ".join(found.group(1).decode("utf-8", errors="replace").split()) or None


def discover_feed(text: str, settings: HttpSettings | None = None) -> Discovered:
    """Fetch a blog page and find its posts feed; raises BadInput in plain words."""
    url = normalise_blog_url(text)
    try:
        return asyncio.run(_discover(url, settings or HttpSettings()))
    except FetchError as exc:
        raise BadInput(f"The blog could not be reached: {exc}") from exc


__all__ = [
    "Discovered",
    "FeedChoice",
    "charset_of",
    "discover_feed",
    "feed_in_page",
    "normalise_blog_url",
]
