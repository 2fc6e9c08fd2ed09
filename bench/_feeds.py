"""The benchmark's partner network: WordPress-like RSS 2.0 feeds and their images, on disk.

Written as WordPress 6 writes them (``content:encoded`` in CDATA, ``dc:creator``,
categories, a ``?p=`` GUID), so the feed parser and the sanitizer do real work. Each
post carries one distinct ~30 KB PNG: distinct bytes, so a content-addressed cache has
to store every one of them. The files are laid out per host (``<root>/<address>/…``)
for nginx to serve with ``root …/$server_addr``.
"""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

FEEDS_PER_SCHOOL = 10
FIRST_HOST = 2  # 127.0.0.2 is the first school; 127.0.0.1 stays free for everything else
MAX_SCHOOLS = 50

#: Planted search words, with how many posts carry each (checked after the sync).
RARE_WORD = "tessellation"  # in every 20th post of the corpus

#: The ten blogs of each school (a WordPress multisite: one blog per class or group).
BLOGS = [
    "reception",
    "year-1",
    "year-2",
    "year-3",
    "year-4",
    "year-5",
    "year-6",
    "forest-school",
    "pupil-forum",
    "news",
]
QUALITIES = ["Resilient", "Resourceful", "Reflective", "Risk-taking"]
SUBJECTS = ["Maths", "Science", "Art", "Forest School", "Music", "PE", "Geography", "Reading"]
TEACHERS = ["Mrs Patel", "Mr Okafor", "Ms Nguyen", "Mr Davies", "Miss Campbell", "Mrs Walsh"]
_TEXT = (
    "we learned about fractions and shared pizzas fairly then measured the playground "
    "with trundle wheels our partner class in Perth sent photos of their garden the "
    "children asked brilliant questions about time zones and seasons everybody tried "
    "again when the bridge collapsed and the second design held twelve books "
    "pupils wrote letters planted seeds compared rainfall charts practised their "
    "times tables reflected on their targets and explained their thinking to a partner"
)
WORDS = _TEXT.split()


@dataclass
class Corpus:
    """What was generated, and what a correct sync of it must give."""

    root: Path
    port: int
    schools: int
    posts_per_feed: int
    feed_urls: list[str] = field(default_factory=list)
    image_urls: list[str] = field(default_factory=list)
    feed_bytes: int = 0
    image_bytes: int = 0
    rare_word_posts: int = 0
    network_file: Path | None = None

    @property
    def hosts(self) -> list[str]:
        return host_addresses(self.schools)

    @property
    def posts(self) -> int:
        return len(self.feed_urls) * self.posts_per_feed


def host_addresses(schools: int) -> list[str]:
    return [f"127.0.0.{FIRST_HOST + i}" for i in range(schools)]


class _PngFactory:
    """Distinct valid PNGs of about ``size`` bytes, cheaply: one noisy base image, and a
    per-file text chunk (plus a few random pixels) so no two files share their bytes."""

    def __init__(self, rng: random.Random, size: int = 30_000) -> None:
        side = max(8, int((size / 3) ** 0.5))
        raw = bytearray()
        for _ in range(side):
            raw.append(0)  # filter: none
            raw += rng.randbytes(side * 3)
        self._raw = raw
        self._side = side
        self._rng = rng
        header = struct.pack(">IIBBBBB", side, side, 8, 2, 0, 0, 0)
        self._head = b"\x89PNG\r\n\x1a\n" + self._chunk(b"IHDR", header)
        self._tail = self._chunk(b"IEND", b"")

    @staticmethod
    def _chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    def make(self, label: str) -> bytes:
        pixels = bytearray(self._raw)
        row = self._rng.randrange(self._side)
        start = row * (self._side * 3 + 1) + 1
        pixels[start : start + 48] = self._rng.randbytes(48)
        idat = self._chunk(b"IDAT", zlib.compress(bytes(pixels), 0))
        text = self._chunk(b"tEXt", b"Comment\x00" + label.encode())
        return self._head + text + idat + self._tail


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 24))
    return " ".join(words).capitalize() + "."


def _paragraphs(rng: random.Random, target: int) -> list[str]:
    out: list[str] = []
    size = 0
    while size < target:
        text = " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))
        out.append(text)
        size += len(text) + 7
    return out


def _item(
    rng: random.Random,
    *,
    base: str,
    blog: str,
    post_id: int,
    when: datetime,
    image_url: str,
    rare: bool,
) -> str:
    subject = rng.choice(SUBJECTS)
    quality = rng.choice(QUALITIES)
    title = f"{subject}: {rng.choice(['Our', 'A', 'The'])} {' '.join(rng.choices(WORDS, k=4))}"
    slug = "-".join(title.lower().replace(":", "").split())[:60]
    link = f"{base}/{blog}/{when:%Y/%m/%d}/{slug}-{post_id}/"
    paragraphs = _paragraphs(rng, rng.randint(3_000, 6_000))
    if rare:
        paragraphs[-1] += f" Then we explored {RARE_WORD} with pattern blocks."
    body = [f"<p>{escape(p)}</p>" for p in paragraphs]
    figure = (
        f'<figure class="wp-block-image size-large"><img decoding="async" width="100" '
        f'height="100" src="{image_url}" alt="Our {subject.lower()} work" '
        f'class="wp-image-{post_id}"/><figcaption class="wp-element-caption">'
        f"{escape(subject)} in {escape(blog.replace('-', ' ').title())}</figcaption></figure>"
    )
    body.insert(1, figure)
    if post_id % 10 == 3:  # what a careless embed plugin leaves for the sanitizer
        body.append(
            '<p><a href="javascript:alert(1)" onclick="track()">More</a></p>'
            '<script>window.stats && stats.push("view")</script>'
        )
    content = "\n".join(body)
    excerpt = escape(paragraphs[0][:200]) + " [&#8230;]"
    return f"""
	<item>
		<title>{escape(title)}</title>
		<link>{link}</link>
		<comments>{link}#respond</comments>
		<dc:creator><![CDATA[{rng.choice(TEACHERS)}]]></dc:creator>
		<pubDate>{format_datetime(when)}</pubDate>
		<category><![CDATA[{quality}]]></category>
		<category><![CDATA[{subject}]]></category>
		<category><![CDATA[Effective learners]]></category>
		<guid isPermaLink="false">{base}/{blog}/?p={post_id}</guid>
		<description><![CDATA[{excerpt}]]></description>
		<content:encoded><![CDATA[{content}]]></content:encoded>
		<wfw:commentRss>{link}feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>"""


def _feed(title: str, feed_url: str, home: str, built: datetime, items: list[str]) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>

<channel>
	<title>{escape(title)}</title>
	<atom:link href="{feed_url}" rel="self" type="application/rss+xml" />
	<link>{home}</link>
	<description>Learning together with our partner schools</description>
	<lastBuildDate>{format_datetime(built)}</lastBuildDate>
	<language>en-GB</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.4.3</generator>
{"".join(items)}
	</channel>
</rss>
"""


def generate(root: Path, port: int, feeds: int, posts_per_feed: int, seed: int = 2026) -> Corpus:
    """Write ``feeds`` feeds (10 per school host) and their images under ``root``."""
    schools = min(MAX_SCHOOLS, max(1, -(-feeds // FEEDS_PER_SCHOOL)))
    corpus = Corpus(root=root, port=port, schools=schools, posts_per_feed=posts_per_feed)
    rng = random.Random(seed)
    pngs = _PngFactory(rng)
    epoch = datetime(2026, 9, 1, 8, 30, tzinfo=UTC)
    post_id = 100
    for n in range(feeds):
        address = host_addresses(schools)[n % schools]
        blog = BLOGS[(n // schools) % len(BLOGS)]
        if n >= schools * len(BLOGS):
            blog += f"-{n // (schools * len(BLOGS)) + 1}"
        base = f"http://{address}:{port}"
        feed_url = f"{base}/{blog}/feed/"
        uploads = root / address / blog / "wp-content" / "uploads" / "2026" / "09"
        uploads.mkdir(parents=True, exist_ok=True)
        items = []
        for i in range(posts_per_feed):
            post_id += 1
            name = f"class-work-{post_id}.png"
            image = pngs.make(f"{address}/{blog}/{name}")
            (uploads / name).write_bytes(image)
            corpus.image_bytes += len(image)
            image_url = f"{base}/{blog}/wp-content/uploads/2026/09/{name}"
            corpus.image_urls.append(image_url)
            rare = post_id % 20 == 0
            corpus.rare_word_posts += rare
            when = epoch - timedelta(hours=7 * i + n % 7, minutes=post_id % 60)
            items.append(
                _item(
                    rng,
                    base=base,
                    blog=blog,
                    post_id=post_id,
                    when=when,
                    image_url=image_url,
                    rare=rare,
                )
            )
        text = _feed(
            f"{blog.replace('-', ' ').title()} at Benchmark Primary {n % schools + 1:02d}",
            feed_url,
            f"{base}/{blog}/",
            epoch,
            items,
        )
        feed_dir = root / address / blog / "feed"
        feed_dir.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        (feed_dir / "index.xml").write_bytes(data)
        corpus.feed_bytes += len(data)
        corpus.feed_urls.append(feed_url)
    corpus.network_file = write_network_file(root.parent / "network.toml", corpus)
    return corpus


def write_network_file(path: Path, corpus: Corpus) -> Path:
    """The network file of issue 2: one school per host, its feeds listed."""
    lines = ['[network]\nname = "Kaizen Benchmark Network"\n']
    for index, address in enumerate(corpus.hosts, 1):
        feeds = [u for u in corpus.feed_urls if f"//{address}:" in u]
        listed = ",\n  ".join(f'"{u}"' for u in feeds)
        lines.append(
            f'[[schools]]\nid = "school-{index:02d}"\nname = "Benchmark Primary {index:02d}"\n'
            f'country = "GB"\ntimezone = "Europe/London"\nfeeds = [\n  {listed},\n]\n'
        )
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


__all__ = ["FEEDS_PER_SCHOOL", "RARE_WORD", "Corpus", "generate", "host_addresses"]
