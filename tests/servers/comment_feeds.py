"""Comments feeds as WordPress 6 writes them (``/comments/feed/atom/``), built for the tests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from tests.servers.feeds import BASE_DATE


@dataclass
class CommentItem:
    """One comment on a post; ``parent`` is the number of the comment it answers."""

    number: int
    post_guid: str
    post_link: str
    author: str
    html: str
    parent: int | None = None
    published: datetime = BASE_DATE

    def entry(self) -> str:
        link = f"{self.post_link}#comment-{self.number}"
        if self.parent is None:
            ref, href = self.post_guid, self.post_link
            content = self.html
        else:
            ref = f"{self.post_guid}#comment-{self.parent}"
            href = f"{self.post_link}#comment-{self.parent}"
            # WordPress starts a reply with this line in feeds (the thread shows it already)
            content = f'<p>In reply to <a href="{href}">someone</a>.</p>\n{self.html}'
        when = self.published.strftime("%Y-%m-%dT%H:%M:%SZ")
        return (
            f"<entry><title>Comment by {escape(self.author)}</title>"
            f'<link rel="alternate" href={quoteattr(link)} type="text/html" />'
            f"<author><name>{escape(self.author)}</name></author>"
            f"<id>{escape(self.post_guid)}#comment-{self.number}</id>"
            f"<updated>{when}</updated><published>{when}</published>"
            f'<content type="html" xml:base={quoteattr(link)}><![CDATA[{content}]]></content>'
            f'<thr:in-reply-to ref={quoteattr(ref)} href={quoteattr(href)} type="text/html" />'
            "</entry>"
        )


def atom_comments(site: str, comments: Iterable[CommentItem]) -> str:
    """A site-wide Atom comments feed, newest first (as WordPress orders it)."""
    entries = sorted(comments, key=lambda c: (c.published, c.number), reverse=True)
    return (
        '<?xml version="1.0" encoding="UTF-8" ?><feed xmlns="http://www.w3.org/2005/Atom" '
        'xml:lang="en-GB" xmlns:thr="http://purl.org/syndication/thread/1.0">'
        f'<title type="text">Comments for a class blog</title>'
        f'<link rel="alternate" type="text/html" href={quoteattr(site)} />'
        f"<id>{escape(site)}/comments/feed/atom/</id>"
        '<generator uri="https://wordpress.org/" version="6.5.2">WordPress</generator>'
        + "".join(c.entry() for c in entries)
        + "</feed>\n"
    )


def atom_billion_laughs(levels: int = 10) -> str:
    """The entity-expansion bomb, as a comments feed."""
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE feed [\n'
        + "\n".join(entities)
        + '\n]>\n<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x#comment-1</id>'
        f"<content>&lol{levels - 1};</content></entry></feed>\n"
    )


__all__ = ["CommentItem", "atom_billion_laughs", "atom_comments"]
