"""Feeds as WordPress and other blog engines write them, built for the tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape, quoteattr

WORDPRESS_GENERATOR = "https://wordpress.org/?v=6.5.2"
BASE_DATE = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@dataclass
class Item:
    """One post of an RSS 2.0 feed (WordPress-style when ``content`` and ``creator`` are set)."""

    title: str
    link: str | None = None
    guid: str | None = None
    guid_is_permalink: bool = False
    published: datetime | str | None = None
    description: str | None = None
    content: str | None = None  # content:encoded, full HTML
    creator: str | None = None
    categories: Sequence[str] = ()
    enclosures: Sequence[tuple[str, int | str, str]] = field(default_factory=list)

    def xml(self) -> str:
        parts = [f"<title>{escape(self.title)}</title>"]
        if self.link:
            parts.append(f"<link>{escape(self.link)}</link>")
        if self.guid:
            permalink = "true" if self.guid_is_permalink else "false"
            parts.append(f'<guid isPermaLink="{permalink}">{escape(self.guid)}</guid>')
        if self.published is not None:
            date = (
                self.published
                if isinstance(self.published, str)
                else format_datetime(self.published)
            )
            parts.append(f"<pubDate>{date}</pubDate>")
        if self.creator:
            parts.append(f"<dc:creator><![CDATA[{self.creator}]]></dc:creator>")
        parts += [f"<category><![CDATA[{c}]]></category>" for c in self.categories]
        if self.description is not None:
            parts.append(f"<description><![CDATA[{self.description}]]></description>")
        if self.content is not None:
            parts.append(f"<content:encoded><![CDATA[{self.content}]]></content:encoded>")
        for url, length, mime in self.enclosures:
            parts.append(f'<enclosure url={quoteattr(url)} length="{length}" type="{mime}"/>')
        return "<item>" + "".join(parts) + "</item>"


def rss(
    items: Iterable[Item],
    *,
    title: str = "Class blog",
    link: str = "http://school.invalid/",
    generator: str | None = None,
    encoding: str = "UTF-8",
) -> str:
    """An RSS 2.0 document with the namespaces WordPress declares."""
    head = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        "<description>Learning together</description><language>en-GB</language>\n"
    )
    if generator:
        head += f"<generator>{escape(generator)}</generator>\n"
    return head + "\n".join(item.xml() for item in items) + "\n</channel>\n</rss>\n"


def wordpress_items(
    base_url: str, prefix: str, count: int, start: int = 0, *, newest: datetime = BASE_DATE
) -> list[Item]:
    """``count`` WordPress posts, numbered from ``start``, newest first, a day apart."""
    items = []
    for number in range(start, start + count):
        items.append(
            Item(
                title=f"{prefix} post {number}",
                link=f"{base_url}/{prefix.lower()}-post-{number}/",
                guid=f"{base_url}/?p={1000 + number}",
                published=newest - timedelta(days=number),
                description=f"Summary of {prefix} post {number}",
                content=f"<p>Full text of {prefix} post {number}.</p>",
                creator="Mrs Patel",
                categories=["Resilient"],
            )
        )
    return items


def html_page(title: str, head: str = "", body: str = "") -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>{head}</head>"
        f"<body><h1>{escape(title)}</h1>{body}</body></html>\n"
    )


def billion_laughs(levels: int = 10) -> str:
    """The classic entity-expansion bomb (10**levels 'lol's), as an RSS feed."""
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    last = f"&lol{levels - 1};"
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rss [\n'
        + "\n".join(entities)
        + '\n]>\n<rss version="2.0"><channel><title>Laughs</title>'
        "<link>http://laughs.invalid/</link><description>x</description>"
        f"<item><title>{last}</title><guid>laugh-1</guid><description>{last}</description></item>"
        "</channel></rss>\n"
    )


def quadratic_blowup(entity_size: int = 100_000, references: int = 20_000) -> str:
    """One big entity referenced many times (no nesting, so naive limits miss it)."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<!DOCTYPE rss [<!ENTITY big "{"A" * entity_size}">]>\n'
        '<rss version="2.0"><channel><title>Quadratic</title>'
        "<link>http://quadratic.invalid/</link><description>x</description>"
        f"<item><title>Big</title><guid>big-1</guid><description>{'&big;' * references}"
        "</description></item></channel></rss>\n"
    )


__all__ = [
    "BASE_DATE",
    "WORDPRESS_GENERATOR",
    "Item",
    "billion_laughs",
    "html_page",
    "quadratic_blowup",
    "rss",
    "wordpress_items",
]
