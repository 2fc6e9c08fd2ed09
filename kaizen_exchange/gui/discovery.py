"""Finding a partner blog's posts feed for "Add a partner blog", off the GUI thread.

Built from the core's own pieces (``fetch`` with the school-network HTTP client,
``looks_like_feed``, ``posts_feed``, ``wordpress_fallback``, ``parse_feed``), so the
teacher sees before saving exactly the feed the sync would find. It is a candidate
for the core (``feeds.discover.discover_feed``) so the command line can offer it too.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass

import httpx

from kaizen_exchange.errors import BadInput
from kaizen_exchange.feeds.discover import looks_like_feed, posts_feed, wordpress_fallback
from kaizen_exchange.feeds.fetch import FetchError, fetch
from kaizen_exchange.feeds.http import HostLimiter, HttpSettings, make_client
from kaizen_exchange.feeds.parse import FeedParseError, parse_feed
from kaizen_exchange.feeds.sync import FEED_ACCEPT

MB = 1_000_000
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True)
class Discovered:
    blog_url: str
    feed_url: str
    title: str | None  # the feed's or page's title, to suggest a school name
    posts: int  # entries in the feed now
    how: str  # a sentence for the teacher


def normalise_blog_url(text: str) -> str:
    """What a teacher types ("greenfield.example/blog") as an address we can fetch."""
    url = text.strip()
    if not url:
        raise BadInput("Type the blog's address, for example https://school.example/blog/")
    if "://" not in url:
        url = "https://" + url
    parsed = httpx.URL(url)
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise BadInput(f"'{text}' is not a web address; copy it from the browser's address bar.")
    return str(parsed)


async def _discover(url: str, settings: HttpSettings) -> Discovered:
    limiter = HostLimiter(settings.per_host, settings.total)
    async with make_client(settings) as client:
        page = await fetch(client, limiter, settings, url, cap=5 * MB, accept=FEED_ACCEPT)
        if looks_like_feed(page.body, page.headers.get("content-type", "")):
            feed, how = page, "This address is itself a feed."
        else:
            text = page.body.decode("utf-8", errors="replace")
            found = posts_feed(text, page.url)
            feed_url = found or wordpress_fallback(page.url)
            how = (
                "Found the posts feed the blog advertises."
                if found
                else "The blog does not advertise a feed; WordPress's usual one answered."
            )
            try:
                feed = await fetch(
                    client, limiter, settings, feed_url, cap=20 * MB, accept=FEED_ACCEPT
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
        try:
            parsed = parse_feed(feed.body, feed.url, dict(feed.headers))
        except FeedParseError as exc:
            raise BadInput(f"The feed at {feed.url} could not be read: {exc}") from exc
        title = parsed.title or _page_title(page.body)
        return Discovered(page.url, feed.url, title, len(parsed.entries), how)


def _page_title(body: bytes) -> str | None:
    found = _TITLE.search(body[:65536])
    if not found:
        return None
    return " ".join(found.group(1).decode("utf-8", errors="replace").split()) or None


def discover_feed(text: str, settings: HttpSettings | None = None) -> Discovered:
    """Fetch the blog page and find its posts feed; raises BadInput in plain words."""
    url = normalise_blog_url(text)
    try:
        return asyncio.run(_discover(url, settings or HttpSettings(request_deadline=30.0)))
    except FetchError as exc:
        raise BadInput(f"The blog could not be reached: {exc}") from exc


__all__ = ["Discovered", "discover_feed", "normalise_blog_url"]
