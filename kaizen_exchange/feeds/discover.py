"""Finding a blog's posts feed from its home page.

A teacher knows the blog's address, not its feed's. We read the page's
``<link rel="alternate">`` feed links, prefer the posts feed over the comments feed
(WordPress advertises both), and fall back to WordPress's ``/feed/``. Advertised
links go through :func:`kaizen_exchange.urls.web_address`: a page may advertise an
address no sync could fetch (a tab in it, a broken port) or one carrying a key.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

from kaizen_exchange.errors import BadInput
from kaizen_exchange.urls import web_address

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
_FEED_TYPES_XML = FEED_TYPES[:2]


class _FeedLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (href, title)
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and values.get("href") and self.base is None:
            self.base = values["href"]
        if tag != "link":
            return
        rel = values.get("rel", "").lower().split()
        kind = values.get("type", "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in _FEED_TYPES_XML and values.get("href"):
            self.links.append((values["href"], values.get("title", "")))


def _is_comments(href: str, title: str) -> bool:
    return "comment" in href.lower() or "comment" in title.lower()


def feed_links(page: str, page_url: str) -> list[str]:
    """Feed URLs the page advertises, posts feeds first, comments feeds last."""
    parser = _FeedLinks()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError):  # broken markup: use what was found so far
        pass
    base = urljoin(page_url, parser.base) if parser.base else page_url
    ordered = sorted(parser.links, key=lambda link: _is_comments(*link))
    found = (_checked(base, href) for href, _ in ordered)
    return list(dict.fromkeys(url for url in found if url))


def _checked(base: str, href: str) -> str | None:
    """An advertised link as a checked address; None for one we could never fetch."""
    try:
        return web_address(urljoin(base, href.strip()))
    except (BadInput, ValueError):  # urljoin refuses a broken IPv6 host
        return None


def posts_feed(page: str, page_url: str) -> str | None:
    """The posts feed advertised by a blog page, ignoring comments feeds."""
    links = [url for url in feed_links(page, page_url) if "comment" not in url.lower()]
    return links[0] if links else None


def wordpress_fallback(blog_url: str) -> str:
    return urljoin(blog_url if blog_url.endswith("/") else blog_url + "/", "feed/")


def looks_like_feed(body: bytes, content_type: str) -> bool:
    """Cheap sniff: is this body a feed rather than a web page?"""
    kind = content_type.lower()
    if any(t in kind for t in ("rss", "atom", "rdf")):
        return True
    head = body[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


__all__ = ["feed_links", "looks_like_feed", "posts_feed", "wordpress_fallback"]
