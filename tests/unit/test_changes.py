"""Every write says what it changed, so the window re-reads exactly the pages that show it."""

from __future__ import annotations

from pathlib import Path

from kaizen_exchange.changes import Changes, Kind, of_sync
from kaizen_exchange.feeds.report import FeedReport, SyncReport
from kaizen_exchange.operations import partners, posts, sessions
from kaizen_exchange.reading.posts import list_posts
from kaizen_exchange.schedule.sessions import NewSession
from kaizen_exchange.store.db import Store
from tests.helpers.stores import NETWORK, add_post


def _network(store: Store, tmp_path: Path) -> Changes:
    path = tmp_path / "net.toml"
    path.write_text(NETWORK)
    return partners.import_network_file(store, path).changes


def test_kinds_and_ids_say_what_they_touch():
    assert not Changes()
    assert Changes(sessions=frozenset({3})).touches(Kind.SESSIONS)
    assert not Changes(sessions=frozenset({3})).touches(Kind.POSTS, Kind.SCHOOLS)
    both = Changes(posts=frozenset({1})) | Changes.of(Kind.MEDIA)
    assert both.touches(Kind.MEDIA) and both.touches(Kind.POSTS) and both.posts == {1}
    assert all(Changes.everything().touches(kind) for kind in Kind)


def test_a_sync_names_the_schools_it_checked_and_posts_only_when_it_brought_some():
    quiet = of_sync(SyncReport([FeedReport("https://a/feed", "a", "not_modified")]))
    assert quiet.schools == {"a"} and not quiet.touches(Kind.POSTS, Kind.MEDIA)
    busy = of_sync(SyncReport([FeedReport("https://a/feed", "a", "ok", new=2)], media_fetched=1))
    assert busy.touches(Kind.POSTS, Kind.MEDIA)
    stopped = of_sync(None)
    assert stopped.touches(Kind.SCHOOLS) and stopped.touches(Kind.POSTS)


def test_partner_writes_name_their_schools(store: Store, tmp_path: Path):
    assert _network(store, tmp_path).schools == {"oak", "gum"}
    assert not _network(store, tmp_path)  # the same file again changes nothing
    add_post(store, "oak", "Our bridges")
    removed = partners.remove(store, "oak")
    assert removed.changes.schools == {"oak"} and removed.changes.touches(Kind.POSTS)
    assert not list_posts(store, school="oak")


def test_post_writes_name_their_posts(store: Store, tmp_path: Path):
    _network(store, tmp_path)
    add_post(store, "gum", "Rainfall")
    (post,) = list_posts(store)
    assert posts.mark_read(store, [post.id]).changes == Changes(posts=frozenset({post.id}))
    pinned = posts.pin(store, post.id).changes
    assert pinned.posts == {post.id} and pinned.touches(Kind.MEDIA)  # its pictures are kept
    assert not posts.empty_cache(store).changes  # nothing was cached: nothing to re-read


def test_session_writes_name_their_session(store: Store, tmp_path: Path):
    _network(store, tmp_path)
    new = NewSession(["oak", "gum"], "2027-03-03 08:00", "oak", 30, "Bridges", force=True)
    booked = sessions.book(store, new)
    session_id = booked.result.session.id
    assert session_id is not None
    assert booked.changes == Changes(sessions=frozenset({session_id}))
    assert sessions.cancel(store, session_id).changes.sessions == {session_id}
    assert not sessions.cancel(store, session_id).changes  # already cancelled
