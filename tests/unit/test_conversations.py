"""Comments: read from a feed, found by post, threaded however the feed orders them, upgraded."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kaizen_exchange.conversations.feed_sync import comments_feed_url
from kaizen_exchange.conversations.models import Comment
from kaizen_exchange.conversations.parse import MAX_COMMENTS, read_comments
from kaizen_exchange.conversations.reading import MAX_DEPTH, flatten, thread
from kaizen_exchange.errors import FeedParseError
from kaizen_exchange.paths import database_path
from kaizen_exchange.store.db import Store, make_engine, migrate
from tests.servers.comment_feeds import CommentItem, atom_billion_laughs, atom_comments

SITE = "https://wattle.example"
GUID, LINK = f"{SITE}/?p=7", f"{SITE}/2026/03/winter/"
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _comment(number: int, parent: int | None = None, minutes: int = 0) -> CommentItem:
    return CommentItem(
        number,
        GUID,
        LINK,
        f"Class {number}",
        f"<p>Words {number}</p>",
        parent,
        AT + timedelta(minutes=minutes),
    )


def test_a_wordpress_atom_comment_names_its_post_and_its_parent() -> None:
    body = atom_comments(SITE, [_comment(1), _comment(2, parent=1, minutes=1)]).encode()
    reply, first = read_comments(body)  # WordPress lists the newest first
    assert (first.post_ref, first.parent_ref, first.post_link) == (GUID, None, LINK)
    assert (reply.post_ref, reply.parent_ref) == (GUID, f"{GUID}#comment-1")
    assert reply.published == AT + timedelta(minutes=1)
    assert "In reply to" not in reply.content and "Words 2" in reply.content


def test_an_rss_comments_feed_is_read_unthreaded() -> None:
    body = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><item><link>{LINK}#comment-5</link><guid>{GUID}#comment-5</guid>"
        "<dc:creator>Greenfield</dc:creator><pubDate>Mon, 02 Mar 2026 09:00:00 +0000</pubDate>"
        "<description>Hello</description></item></channel></rss>"
    ).encode()
    (comment,) = read_comments(body)
    assert (comment.post_ref, comment.parent_ref, comment.author) == (GUID, None, "Greenfield")


@pytest.mark.parametrize(
    "body",
    [
        b"<feed><entry>unclosed",
        b"<html><body>Not found</body></html>",
        atom_billion_laughs().encode(),
    ],
)
def test_what_is_not_a_comments_feed_is_refused_plainly(body: bytes) -> None:
    with pytest.raises(FeedParseError) as refused:
        read_comments(body)
    assert "comments feed" in str(refused.value) or "entities" in str(refused.value)


def test_a_feed_with_too_many_comments_is_cut_at_the_cap() -> None:
    body = atom_comments(SITE, [_comment(n, minutes=n) for n in range(MAX_COMMENTS + 20)])
    assert len(read_comments(body.encode())) == MAX_COMMENTS


def _row(number: int, parent: int | None = None, minutes: int = 0) -> Comment:
    return Comment(
        id=number,
        post_id=1,
        identity=f"{GUID}#comment-{number}",
        parent_ref=f"{GUID}#comment-{parent}" if parent else None,
        author=f"Class {number}",
        published=AT + timedelta(minutes=minutes),
    )


def test_replies_sit_under_their_parent_whatever_order_they_arrive_in() -> None:
    rows = [_row(3, parent=2, minutes=3), _row(4, minutes=4), _row(2, parent=1, minutes=2), _row(1)]
    shown = [(c.id, c.depth) for c in flatten(thread(rows))]
    assert shown == [(1, 0), (2, 1), (3, 2), (4, 0)]


def test_a_reply_whose_parent_we_never_had_answers_the_post() -> None:
    assert [(c.id, c.depth) for c in flatten(thread([_row(9, parent=8)]))] == [(9, 0)]


def test_a_loop_of_parents_is_shown_not_hidden_and_depth_is_capped() -> None:
    loop = [_row(1, parent=2), _row(2, parent=1, minutes=1)]
    assert sorted(c.id for c in flatten(thread(loop))) == [1, 2]
    chain = [_row(n, parent=n - 1 if n > 1 else None, minutes=n) for n in range(1, 12)]
    depths = [c.depth for c in flatten(thread(chain))]
    assert depths[: MAX_DEPTH + 1] == list(range(MAX_DEPTH + 1)) and max(depths) == MAX_DEPTH


@pytest.mark.parametrize(
    ("site", "feed", "expected"),
    [
        (SITE, f"{SITE}/feed/", f"{SITE}/comments/feed/atom/"),
        (f"{SITE}/", f"{SITE}/?feed=rss2", f"{SITE}/?feed=comments-atom"),
        (
            "http://elsewhere.invalid/",
            "http://127.0.0.1:8/blog/feed/",
            "http://127.0.0.1:8/blog/comments/feed/atom/",
        ),
        (
            None,
            "https://www.wattle.example/class4/feed/atom/",
            "https://www.wattle.example/class4/comments/feed/atom/",
        ),
    ],
)
def test_the_comments_feed_is_found_beside_the_posts_feed(
    site: str | None, feed: str, expected: str
) -> None:
    assert comments_feed_url(site, feed) == expected


def test_upgrading_to_0007_keeps_posts_and_reads_every_feed_once_more(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir()
    engine = make_engine(database_path(folder))
    migrate(engine, "0006")
    engine.dispose()
    with sqlite3.connect(database_path(folder)) as conn:
        conn.execute(
            "INSERT INTO school (id, name, country, timezone, home) VALUES ('w', 'W', 'AU', 'Australia/Sydney', 0)"
        )
        conn.execute(
            "INSERT INTO feed (id, school_id, url, status, failures, history_done, etag, body_hash)"
            " VALUES (1, 'w', 'https://w.example/feed/', 'ok', 0, 1, '\"abc\"', 'digest')"
        )
    store = Store(folder)
    try:
        assert store.execute_raw("SELECT etag, body_hash, history_done FROM feed") == [
            (None, None, 1)
        ]
        assert store.execute_raw("SELECT count(*) FROM comment") == [(0,)]
    finally:
        store.close()
