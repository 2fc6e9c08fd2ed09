"""Reading posts from the store: lists, full-text search, one post with its offline media.

Views (the command line, the window) read posts only through here and never from
the network: a post's pictures are served from the local media cache.
"""

from __future__ import annotations

import base64
import html as htmllib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, literal_column, text
from sqlmodel import Session, col, select

from kaizen_exchange.errors import NotFound
from kaizen_exchange.json_rows import as_json
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.media_cache import blob_path, is_svg, touch
from kaizen_exchange.store.models import Media, MediaBlob, Post, PostMedia

_WORD = re.compile(r"\w+", re.UNICODE)
_URL_ATTR = re.compile(r'\b(src|href)="([^"]+)"')
_PLACEHOLDER_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180" viewBox="0 0 320 180">'
    '<rect width="320" height="180" fill="#eceff1" stroke="#b0bec5"/>'
    '<text x="160" y="95" font-family="sans-serif" font-size="15" fill="#455a64" '
    'text-anchor="middle">Picture not downloaded yet</text></svg>'
)
#: Shown where a picture is not in the cache (yet): a local image, so that showing a
#: post never asks a partner's server for anything (a filtered or absent connection).
PLACEHOLDER_SRC = "data:image/svg+xml;base64," + base64.b64encode(_PLACEHOLDER_SVG.encode()).decode(
    "ascii"
)


def fts_query(search: str) -> str | None:
    """User words as a safe FTS5 query: every word must appear, as a prefix (type-ahead)."""
    words = _WORD.findall(search)
    return " ".join(f'"{w}"*' for w in words) or None


@dataclass
class PostFields:
    """What a row of the list and a whole post both say about a post."""

    id: int
    school: str
    title: str
    url: str | None
    published: datetime
    author: str | None
    categories: list[str]
    read: bool
    pinned: bool

    @staticmethod
    def of(post: Post) -> dict[str, Any]:
        """These fields of a stored post, to build a summary or a detail with."""
        assert post.id is not None
        return {
            "id": post.id,
            "school": post.school_id,
            "title": post.title,
            "url": post.url,
            "published": post.published,
            "author": post.author,
            "categories": json.loads(post.categories),
            "read": post.read,
            "pinned": post.pinned,
        }


@dataclass
class PostSummary(PostFields):
    media: int  # how many pictures and files

    def to_json(self) -> dict[str, Any]:
        return as_json(self)


@dataclass
class MediaFile:
    url: str
    path: Path | None  # None when not (yet) in the cache
    mime: str | None
    bytes: int | None
    kind: str
    status: str
    sha256: str | None = None

    def to_json(self) -> dict[str, Any]:
        return as_json(self, leave_out={"sha256"})


@dataclass
class PostDetail(PostFields):
    html: str
    media: list[MediaFile] = field(default_factory=list)

    def local_html(self) -> str:
        """The HTML with every cached picture and attachment pointing at its local file,
        and every picture not cached (yet) showing :data:`PLACEHOLDER_SRC`: never an
        address on the web. Links (``href``) to what is not cached stay as they are."""
        local = {m.url: m.path.as_uri() for m in self.media if m.path}
        # An SVG can carry scripts: it is kept inert (.bin) and never shown as itself.
        shown = {m.url for m in self.media if m.path and not is_svg(m.mime or "")}

        def swap(match: re.Match[str]) -> str:
            attribute, url = match.group(1), htmllib.unescape(match.group(2))
            if url in local and (attribute == "href" or url in shown):
                return f'{attribute}="{htmllib.escape(local[url])}"'
            if attribute == "src":
                return f'src="{PLACEHOLDER_SRC}"'
            return match.group(0)

        return _URL_ATTR.sub(swap, self.html)

    def to_json(self) -> dict[str, Any]:
        return as_json(self, html=self.local_html())


#: A search first looks among the newest posts, this many for each row asked for.
_WINDOW_PER_ROW = 10


def list_posts(
    store: Store,
    *,
    school: str | None = None,
    search: str | None = None,
    unread: bool = False,
    tag: str | None = None,
    limit: int | None = 50,
    offset: int = 0,
) -> list[PostSummary]:
    """Posts newest first, filtered; ``search`` uses the full-text index."""
    media_count = (
        select(func.count()).where(PostMedia.post_id == Post.id).correlate(Post).scalar_subquery()
    )
    filters: list[Any] = []
    if school:
        filters.append(Post.school_id == school)
    if unread:
        filters.append(col(Post.read).is_(False))
    if tag:
        filters.append(col(Post.categories).like(f'%"{tag}"%'))
    query = (
        select(Post, media_count)
        .where(*filters)
        .order_by(col(Post.published).desc(), col(Post.id).desc())
    )
    match = fts_query(search) if search else None
    if search and not match:
        return []
    if limit is not None:
        query = query.limit(limit).offset(offset)
    with store.session() as session:
        if not match:
            rows = session.exec(query).all()
        elif limit is None:
            rows = session.exec(_every_match(query, match)).all()
        else:
            rows = _newest_matches(session, query, filters, match, (limit, offset))
    return [_summary(post, count) for post, count in rows]


def _matching_ids(match: str) -> Any:
    """Posts whose words match, and posts with a comment whose words (or author) match:
    a class looking for "winter" finds the post where the partners talked about it."""
    return text(
        "SELECT rowid FROM post_fts WHERE post_fts MATCH :match UNION"
        " SELECT comment.post_id FROM comment_fts JOIN comment ON comment.id = comment_fts.rowid"
        " WHERE comment_fts MATCH :match"
    ).bindparams(match=match)


def _every_match(query: Any, match: str) -> Any:
    """``query`` over every post that matches (SQLite gathers the matches, then sorts)."""
    return query.where(col(Post.id).in_(_matching_ids(match)))


def _newest_matches(
    session: Session, query: Any, filters: list[Any], match: str, page: tuple[int, int]
) -> Any:
    """The rows of a search, looking first among the newest posts (that pass the filters).

    A word in nearly every post ("the") has tens of thousands of matches, and sorting
    them all by date took over 100 ms; among the newest few thousand posts it fills the
    page at once (the `+` keeps SQLite walking the date index, probing the matches).
    Only when that window holds too few matches (a rarer word, which is cheap to sort)
    is every match looked at. Either way the rows are the same.
    """
    limit, offset = page
    floor = session.exec(
        select(Post.published)
        .where(*filters)
        .order_by(col(Post.published).desc())
        .offset((limit + offset) * _WINDOW_PER_ROW)
        .limit(1)
    ).first()
    by_date = query.where(literal_column("+post.id").in_(_matching_ids(match)))
    if floor is None:  # no more posts than the window: walk them all
        return session.exec(by_date).all()
    rows = session.exec(by_date.where(Post.published >= floor)).all()
    if len(rows) == limit:  # the window held enough matches: these are the newest
        return rows
    return session.exec(_every_match(query, match)).all()


def _summary(post: Post, media: int) -> PostSummary:
    return PostSummary(**PostFields.of(post), media=media)


def get_post(store: Store, post_id: int, *, mark_used: bool = True) -> PostDetail:
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None:
            raise NotFound(f"There is no post {post_id}; list posts with 'posts list'.")
        rows = session.exec(
            select(Media, PostMedia.kind, MediaBlob)
            .join(PostMedia, col(PostMedia.media_id) == Media.id)
            .join(MediaBlob, col(MediaBlob.sha256) == Media.sha256, isouter=True)
            .where(PostMedia.post_id == post_id)
            .order_by(col(Media.id))
        ).all()
    media = [_media_file(store, m, kind, blob) for m, kind, blob in rows]
    if mark_used:
        touch(store.database, [m.sha256 for m in media if m.sha256])
    return PostDetail(**PostFields.of(post), html=post.html, media=media)


def _media_file(store: Store, media: Media, kind: str, blob: MediaBlob | None) -> MediaFile:
    """One file of a post, as it really is on this computer: a file the cache lists but
    the disk lost is ``missing`` (the next sync fetches it again), never offline."""
    path = blob_path(store.media_dir, blob.sha256, blob.ext) if blob else None
    if path is not None and not path.is_file():
        return MediaFile(media.url, None, media.mime, None, kind, "missing")
    return MediaFile(
        url=media.url,
        path=path,
        mime=blob.mime if blob else media.mime,
        bytes=blob.size if blob else None,
        kind=kind,
        status=media.status,
        sha256=blob.sha256 if blob else None,
    )


def set_read(store: Store, post_ids: list[int], read: bool = True) -> int:
    with store.session() as session:
        posts = session.exec(select(Post).where(col(Post.id).in_(post_ids))).all()
        for post in posts:
            post.read = read
    return len(posts)


def set_pinned(store: Store, post_id: int, pinned: bool = True) -> None:
    """Pinned posts keep their media in the cache whatever the quota (for a lesson)."""
    with store.session() as session:
        post = session.get(Post, post_id)
        if post is None:
            raise NotFound(f"There is no post {post_id}.")
        post.pinned = pinned
        if pinned:  # files evicted earlier come back with the next sync
            session.execute(
                text(
                    "UPDATE media SET status = 'pending' WHERE status = 'evicted' AND id IN "
                    "(SELECT media_id FROM post_media WHERE post_id = :post)"
                ),
                {"post": post_id},
            )


def count_posts(store: Store) -> int:
    with store.session() as session:
        return int(session.exec(select(func.count()).select_from(Post)).one())


__all__ = [
    "PLACEHOLDER_SRC",
    "MediaFile",
    "PostDetail",
    "PostFields",
    "PostSummary",
    "count_posts",
    "fts_query",
    "get_post",
    "list_posts",
    "set_pinned",
    "set_read",
]
