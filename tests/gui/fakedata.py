"""Made-up schools, feeds and posts written straight into a store (fast, no network).

Pictures are real files in the media cache, so the reader can be checked offline.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kaizen_exchange.store.db import Store
from kaizen_exchange.store.media_cache import blob_path
from kaizen_exchange.store.models import Feed, Media, MediaBlob, Post, PostMedia, School

SCHOOLS = [
    ("greenfield", "Greenfield Primary School", "GB", "ENG", "Europe/London"),
    ("wattle-creek", "Wattle Creek Public School", "AU", "NSW", "Australia/Sydney"),
    ("karri-grove", "Karri Grove Primary School", "AU", "WA", "Australia/Perth"),
]
QUALITIES = ["resilient", "resourceful", "reflective", "risk-taking"]
TOPICS = ["rainfall", "fractions", "bridges", "seasons", "letters", "volcanoes"]
NOW = datetime(2026, 5, 14, 12, 0, tzinfo=UTC)


def png_bytes(colour: tuple[int, int, int], width: int = 40, height: int = 30) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(*colour))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; str works
    return bytes(data.data())


def fill(store: Store, posts: int = 300, pictures: int = 3) -> list[int]:
    """Write ``posts`` posts (newest first ids returned); the first ``pictures`` have a picture."""
    ids: list[int] = []
    with store.session() as session:
        for sid, name, country, sub, zone in SCHOOLS:
            session.add(
                School(
                    id=sid,
                    name=name,
                    country=country,
                    subdivision=sub,
                    timezone=zone,
                    home=sid == "greenfield",
                    blog=f"http://127.0.0.1:9/{sid}/",
                )
            )
        session.flush()
        feeds = []
        for sid, *_ in SCHOOLS:
            feed = Feed(school_id=sid, url=f"http://127.0.0.1:9/{sid}/feed/", status="ok")
            session.add(feed)
            feeds.append(feed)
        session.flush()
        for n in range(posts):
            feed = feeds[n % len(feeds)]
            topic = TOPICS[n % len(TOPICS)]
            quality = QUALITIES[n % len(QUALITIES)]
            post = Post(
                school_id=feed.school_id,
                feed_id=feed.id or 0,
                identity=f"post-{n}",
                url=f"http://127.0.0.1:9/{feed.school_id}/{n}/",
                title=f"Post {n}: our {topic} project",
                author="Mrs Patel",
                categories=json.dumps([f"Year {3 + n % 4}", "Science", quality]),
                published=NOW - timedelta(hours=n),
                html=f"<p>We learned about {topic} this week.</p>",
                text=f"We learned about {topic} this week.",
                read=n % 5 == 0,
            )
            session.add(post)
            session.flush()
            assert post.id is not None
            ids.append(post.id)
    for n in range(min(pictures, posts)):
        add_picture(store, ids[n], f"http://127.0.0.1:9/pictures/{n}.png", (40 * n % 255, 120, 90))
    return ids


def add_picture(store: Store, post_id: int, url: str, colour: tuple[int, int, int]) -> Path:
    """Cache a picture for a post and put it in the post's HTML, as a sync would."""
    data = png_bytes(colour)
    digest = hashlib.sha256(data).hexdigest()
    path = blob_path(store.media_dir, digest, ".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    with store.session() as session:
        session.add(MediaBlob(sha256=digest, size=len(data), mime="image/png", ext=".png"))
        session.flush()
        media = Media(url=url, sha256=digest, mime="image/png", status="ok")
        session.add(media)
        session.flush()
        assert media.id is not None
        session.add(PostMedia(post_id=post_id, media_id=media.id, kind="image"))
        post = session.get_one(Post, post_id)
        post.html += f'<figure><img src="{url}" alt="our picture"></figure>'
    return path
