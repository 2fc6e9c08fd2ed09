"""The benchmark's conversations: a WordPress Atom comments feed beside every blog's feed.

Written as WordPress 6 writes ``/comments/feed/atom/`` (an entry per comment, its id the
post's GUID + ``#comment-N``, ``thr:in-reply-to`` naming the post or the parent comment,
the "In reply to" line WordPress puts before a reply), with on average ``per_post``
comments on every post of the feed, about a third of them replies. The posts are read
back from the feed files the corpus wrote, so the comments land on real posts.
"""

from __future__ import annotations

import random
import re
from xml.sax.saxutils import escape, quoteattr

from bench._feeds import TEACHERS, WORDS, Corpus

_ITEM = re.compile(
    r"<item>.*?<link>([^<]+)</link>.*?<pubDate>([^<]+)</pubDate>.*?<guid[^>]*>([^<]+)</guid>", re.S
)
REPLY_SHARE = 0.35
CLASSES = ["Year 4", "Willow Class", "Kookaburra Class", "Pupil Forum", "Year 6", "Oak Class"]


def _entry(number: int, guid: str, link: str, author: str, text: str, parent: int | None) -> str:
    comment_link = f"{link}#comment-{number}"
    if parent is None:
        ref, href, lead = guid, link, ""
    else:
        ref, href = f"{guid}#comment-{parent}", f"{link}#comment-{parent}"
        lead = f'<p>In reply to <a href="{href}">a partner class</a>.</p>\n'
    when = f"2026-09-{1 + number % 28:02d}T{number % 24:02d}:{number % 60:02d}:00Z"
    return (
        f"\t<entry>\n\t\t<title>Comment by {escape(author)}</title>\n"
        f'\t\t<link rel="alternate" href={quoteattr(comment_link)} type="text/html" />\n'
        f"\t\t<author><name>{escape(author)}</name></author>\n"
        f"\t\t<id>{escape(guid)}#comment-{number}</id>\n"
        f"\t\t<updated>{when}</updated>\n\t\t<published>{when}</published>\n"
        f'\t\t<content type="html" xml:base={quoteattr(comment_link)}><![CDATA[{lead}'
        f"<p>{escape(text)}</p>]]></content>\n"
        f"\t\t<thr:in-reply-to ref={quoteattr(ref)} href={quoteattr(href)} "
        'type="text/html" />\n\t</entry>\n'
    )


def _comments_of(rng: random.Random, per_post: int, guid: str, link: str, first: int) -> list[str]:
    count = rng.randint(0, 2 * per_post)
    entries = []
    for n in range(count):
        number = first + n
        parent = rng.randrange(first, number) if n and rng.random() < REPLY_SHARE else None
        author = f"{rng.choice(CLASSES)}, {rng.choice(TEACHERS)}"
        text = " ".join(rng.choices(WORDS, k=rng.randint(8, 40))).capitalize() + "!"
        entries.append(_entry(number, guid, link, author, text, parent))
    return entries


def write_comment_feeds(corpus: Corpus, per_post: int, seed: int = 14) -> tuple[int, int]:
    """A comments feed for every blog of ``corpus``; returns (comments, bytes) written."""
    rng = random.Random(seed)
    total = size = 0
    number = 1
    for feed_url in corpus.feed_urls:
        address, blog = feed_url.split("//", 1)[1].split(":", 1)[0], feed_url.split("/")[3]
        blog_dir = corpus.root / address / blog
        entries: list[str] = []
        posts = _ITEM.findall((blog_dir / "feed" / "index.xml").read_text("utf-8"))
        for link, _when, guid in posts:
            made = _comments_of(rng, per_post, guid, link, number)
            number += len(made) + 1
            entries += made
        total += len(entries)
        home = feed_url.removesuffix("feed/")
        text = (
            '<?xml version="1.0" encoding="UTF-8"?><feed\n\txmlns="http://www.w3.org/2005/Atom"\n'
            '\txml:lang="en-GB"\n\txmlns:thr="http://purl.org/syndication/thread/1.0"\n\t>\n'
            f'\t<title type="text">Comments for {escape(blog)}</title>\n'
            f'\t<link rel="alternate" type="text/html" href={quoteattr(home)} />\n'
            f"\t<id>{escape(home)}comments/feed/atom/</id>\n"
            '<generator uri="https://wordpress.org/" version="6.4.3">WordPress</generator>\n'
            + "".join(reversed(entries))  # WordPress lists the newest first
            + "</feed>\n"
        )
        folder = blog_dir / "comments" / "feed" / "atom"
        folder.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        (folder / "index.xml").write_bytes(data)
        size += len(data)
    return total, size


__all__ = ["write_comment_feeds"]
