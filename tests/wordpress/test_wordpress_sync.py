"""The sync against a real WordPress, end to end through the command line.

Shown: the RSS and the Atom feed of 50 seeded posts (10 a page) sync completely, history paged
back with ?paged=N, every post's image cached; a second sync is all 304; a post published in
WordPress afterwards arrives, with its image, on the next sync; a post edited in WordPress is
updated in place.

Each feed gets its own data dir. The tests run in file order (pytest's default) and build on
each other: first sync (module fixture), 304, new post, edit.
"""

from __future__ import annotations

import base64
import hashlib
import urllib.error
import urllib.request
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.integration.cli import (
    CliRun,
    count,
    feed_entry,
    import_network,
    network_toml,
    ok,
    posts_list,
    school_toml,
    show_json,
    sync,
)
from tests.wordpress.records import LoggedRequest, Post
from tests.wordpress.server import POSTS_PER_RSS, SEEDED_POSTS, WordPressSite

pytestmark = pytest.mark.wordpress

#: Pages of history the app reads on first subscription by default (the issue: 5).
HISTORY_PAGES = 5


def _subscribe(data_dir: Path, school_id: str, feed_url: str) -> None:
    school = school_toml(
        school_id,
        name="Kaizen Test Primary",
        country="AU",
        timezone="Australia/Sydney",
        feeds=[feed_url],
        extra='subdivision = "NSW"',
    )
    import_network(data_dir, network_toml(school, name="WordPress tier"))


def _utc(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.tzinfo is not None, f"published is not ISO 8601 with a zone: {value!r}"
    return parsed.astimezone(UTC)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _upload_file(site: WordPressSite, image_url: str) -> Path:
    """The file WordPress serves for one of its upload URLs."""
    relative = urlsplit(image_url).path.removeprefix("/wp-content/")
    return site.state_dir / "wp-content" / relative


def _cached_hashes(data_dir: Path) -> set[str]:
    """Hashes of every file the app keeps, whatever the layout of its media cache."""
    return {_sha256(p) for p in data_dir.rglob("*") if p.is_file() and p.stat().st_size < 10**7}


def _describe(requests: list[LoggedRequest]) -> str:
    return "\n".join(
        f"  {r.method} {r.uri} -> {r.status} (INM={r.if_none_match} IMS={r.if_modified_since})"
        for r in requests
    )


def _comments_feed(request: LoggedRequest) -> bool:
    return "/comments/feed" in request.uri or "feed=comments" in request.uri


def _feed_requests(requests: list[LoggedRequest]) -> list[LoggedRequest]:
    """The posts' feed pages asked (not pictures, not the blog's comments feed)."""
    return [r for r in requests if not r.uri.startswith("/wp-content/") and not _comments_feed(r)]


def _paged(request: LoggedRequest) -> int:
    return int(parse_qs(urlsplit(request.uri).query).get("paged", ["1"])[0])


def _check_listing(listed: list[dict[str, Any]], expected: list[Post], school_id: str) -> None:
    """`posts list --json` holds exactly WordPress's posts, newest first, fields as published."""
    assert [p["url"] for p in listed] == [p.link for p in expected], (
        "posts list --json is not WordPress's posts newest first:\n"
        f"  got      {[p['title'] for p in listed][:12]} … ({len(listed)})\n"
        f"  expected {[p.title for p in expected][:12]} … ({len(expected)})"
    )
    assert len({p["id"] for p in listed}) == len(listed), "post ids are not unique"
    for got, want in zip(listed, expected, strict=True):
        assert got["school"] == school_id, got
        assert got["title"] == want.title, (got["title"], want.title)
        assert _utc(got["published"]) == _utc(want.date_gmt), (got["published"], want.date_gmt)
        assert got["author"] == want.author, (got["author"], want.author)
        categories = set(got["categories"])
        assert set(want.categories) <= categories, (got["categories"], want.categories)
        assert set(want.tags) <= categories, (got["categories"], want.tags)
        assert got["read"] is False, got
        media = got["media"]
        assert (media if isinstance(media, int) else len(media)) >= 1, got


def _check_shown(site: WordPressSite, data_dir: Path, listed: dict[str, Any], want: Post) -> None:
    """`posts show --json`: the post's image is in the cache, byte for byte WordPress's file."""
    shown = show_json(data_dir, listed["id"])
    assert shown["url"] == want.link and shown["title"] == want.title, shown
    by_url = {m["url"]: m for m in shown["media"]}
    assert want.image_url in by_url, (
        f"{want.image_url} is not among the media of {want.link}: {sorted(by_url)}"
    )
    media = by_url[want.image_url]
    assert media["path"], f"the image of {want.link} was not cached: {media}"
    path = Path(media["path"])
    original = _upload_file(site, want.image_url)
    assert path.is_file(), f"cached path does not exist: {media}"
    assert media["bytes"] == original.stat().st_size == path.stat().st_size, media
    assert media["mime"] == "image/jpeg", media
    assert _sha256(path) == _sha256(original), f"cached file differs from WordPress's: {media}"
    html = shown["html"]
    assert want.image_url in html or path.as_uri() in html or str(path) in html, (
        f"the image is missing from the stored HTML of {want.link}:\n{html[:1500]}"
    )


def _samples(posts: list[Post]) -> list[Post]:
    """Newest, one from the middle of history, and the oldest (last history page)."""
    return [posts[0], posts[len(posts) // 2], posts[-1]]


@dataclass
class Synced:
    """One sync as the app reported it and as WordPress saw it."""

    run: CliRun
    report: dict[str, Any]
    requests: list[LoggedRequest]

    def log(self) -> str:
        return f"\n{self.run.describe()}\nrequests seen by WordPress:\n{_describe(self.requests)}"


@dataclass
class Subscriber:
    """A data dir subscribed to one of the blog's feeds, and its first sync."""

    school_id: str
    feed_url: str
    data_dir: Path
    expected: list[Post]
    first: Synced


def _sync(site: WordPressSite, data_dir: Path) -> Synced:
    mark = site.request_mark()
    run, report = sync(data_dir)
    return Synced(run, report, site.requests_since(mark))


FEEDS = {
    # RSS 2.0 at its pretty address, so history is /feed/?paged=N
    "rss": lambda site: site.rss_url,
    # Atom by query string, so history is /?feed=atom&paged=N
    "atom": lambda site: site.atom_query_url,
}


@pytest.fixture(scope="module")
def subscribers(
    wordpress: WordPressSite, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Subscriber]:
    """Both feeds subscribed in their own data dirs and synced once, before any post is added."""
    subscribed = {}
    for kind, url_of in FEEDS.items():
        data_dir = tmp_path_factory.mktemp(f"wp-{kind}") / "data"
        school_id = f"wp-{kind}"
        _subscribe(data_dir, school_id, url_of(wordpress))
        # What a first subscription can reach: the newest HISTORY_PAGES pages (all 50 here).
        expected = wordpress.all_posts[: HISTORY_PAGES * POSTS_PER_RSS]
        subscribed[kind] = Subscriber(
            school_id, url_of(wordpress), data_dir, expected, _sync(wordpress, data_dir)
        )
    return subscribed


@pytest.fixture(scope="module")
def fresh_post(subscribers: dict[str, Subscriber], wordpress: WordPressSite) -> Post:
    """A post published in WordPress after the first syncs (and their 304 checks)."""
    return wordpress.publish_post()


@pytest.mark.parametrize("kind", FEEDS)
def test_first_sync_gets_every_post_and_its_image(
    wordpress: WordPressSite, subscribers: dict[str, Subscriber], kind: str
) -> None:
    """Subscribe and sync: every post and every image, history paged back."""
    sub = subscribers[kind]
    first, expected = sub.first, sub.expected
    ok(first.run)
    entry = feed_entry(first.report, sub.school_id)
    assert entry["status"] == "ok" and entry["http_status"] == 200, f"{entry}{first.log()}"
    assert entry["error"] in (None, ""), entry
    assert entry["new"] == len(expected), f"{entry}{first.log()}"
    assert first.report["new_posts"] == len(expected), first.report
    assert count(first.report["errors"]) == 0, first.report
    assert first.report["media_fetched"] >= len(expected), first.report

    requests = first.requests
    assert not [r for r in requests if r.method != "GET"], f"only GETs expected{first.log()}"
    pages = sorted(_paged(r) for r in _feed_requests(requests))
    wanted_pages = list(range(1, -(-len(expected) // POSTS_PER_RSS) + 1))
    assert set(wanted_pages) <= set(pages), f"history was not paged back{first.log()}"
    assert all(n == 1 for n in Counter(pages).values()), f"a page was fetched twice{first.log()}"
    media = [r for r in requests if r.uri.startswith("/wp-content/")]
    assert all(n == 1 for n in Counter(r.uri for r in media).values()), (
        f"a media file was fetched twice{first.log()}"
    )
    assert all(r.status == 200 for r in media), first.log()
    agents = {r.user_agent for r in requests}
    assert all(a and "kaizen" in a.lower() for a in agents), f"User-Agent: {agents}"

    listed = posts_list(sub.data_dir, "--school", sub.school_id, "--limit", "1000")
    _check_listing(listed, expected, sub.school_id)

    cached = _cached_hashes(sub.data_dir)
    uncached = [
        p.link for p in expected if _sha256(_upload_file(wordpress, p.image_url)) not in cached
    ]
    assert not uncached, f"{len(uncached)} posts' images are not in the cache: {uncached[:5]}"
    by_url = {p["url"]: p for p in listed}
    for want in _samples(expected):
        _check_shown(wordpress, sub.data_dir, by_url[want.link], want)


@pytest.mark.parametrize("kind", FEEDS)
def test_second_sync_is_all_304(
    wordpress: WordPressSite, subscribers: dict[str, Subscriber], kind: str
) -> None:
    sub = subscribers[kind]
    second = _sync(wordpress, sub.data_dir)
    ok(second.run)
    entry = feed_entry(second.report, sub.school_id)
    assert entry["status"] == "not_modified" and entry["http_status"] == 304, (
        f"{entry}{second.log()}"
    )
    assert entry["new"] == 0 and entry["updated"] == 0, entry
    assert second.report["new_posts"] == 0 and second.report["updated_posts"] == 0, second.report
    assert second.report["media_fetched"] == 0, second.report
    assert count(second.report["errors"]) == 0, second.report
    # one request for the posts, one for the blog's comments: both conditional, both 304
    assert len(second.requests) == 2, f"a 304 sync should cost two requests{second.log()}"
    assert len([r for r in second.requests if _comments_feed(r)]) == 1, second.log()
    for request in second.requests:
        assert request.status == 304, second.log()
        assert request.if_none_match or request.if_modified_since, f"not conditional{second.log()}"


@pytest.mark.parametrize("kind", FEEDS)
def test_a_post_published_later_arrives_with_its_image(
    wordpress: WordPressSite, subscribers: dict[str, Subscriber], fresh_post: Post, kind: str
) -> None:
    sub = subscribers[kind]
    third = _sync(wordpress, sub.data_dir)
    ok(third.run)
    entry = feed_entry(third.report, sub.school_id)
    assert entry["status"] == "ok" and entry["http_status"] == 200, f"{entry}{third.log()}"
    assert entry["new"] == 1 and third.report["new_posts"] == 1, f"{entry}{third.log()}"
    assert entry["updated"] == 0 and third.report["updated_posts"] == 0, f"{entry}{third.log()}"
    assert third.report["media_fetched"] >= 1, third.report
    media = [r.uri for r in third.requests if r.uri.startswith("/wp-content/")]
    assert urlsplit(fresh_post.image_url).path in media, f"new image not fetched{third.log()}"
    assert not [r for r in _feed_requests(third.requests) if _paged(r) > 1], (
        f"history was paged again on a later sync{third.log()}"
    )

    listed = posts_list(sub.data_dir, "--school", sub.school_id, "--limit", "1000")
    assert listed[0]["url"] == fresh_post.link, "the new post is not listed first"
    # Exactly the first sync's posts plus the new one: nothing lost, nothing duplicated.
    _check_listing(listed, [fresh_post, *sub.expected], sub.school_id)
    _check_shown(wordpress, sub.data_dir, listed[0], fresh_post)


@pytest.fixture(scope="module")
def edited_post(fresh_post: Post, wordpress: WordPressSite) -> Post:
    """The fresh post, retitled in WordPress after both data dirs synced it."""
    return wordpress.edit_post(fresh_post, title=f"{fresh_post.title} (edited)")


@pytest.mark.parametrize("kind", FEEDS)
def test_a_post_edited_in_wordpress_is_updated_in_place(
    wordpress: WordPressSite, subscribers: dict[str, Subscriber], edited_post: Post, kind: str
) -> None:
    sub = subscribers[kind]
    fourth = _sync(wordpress, sub.data_dir)
    ok(fourth.run)
    entry = feed_entry(fourth.report, sub.school_id)
    assert entry["status"] == "ok" and entry["http_status"] == 200, f"{entry}{fourth.log()}"
    assert entry["new"] == 0 and fourth.report["new_posts"] == 0, f"{entry}{fourth.log()}"
    assert entry["updated"] == 1 and fourth.report["updated_posts"] == 1, f"{entry}{fourth.log()}"
    listed = posts_list(sub.data_dir, "--school", sub.school_id, "--limit", "1000")
    _check_listing(listed, [edited_post, *sub.expected], sub.school_id)


def _get(url: str, auth: tuple[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url)
    if auth:  # WordPress sends no WWW-Authenticate, so credentials must go up front
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_the_site_is_what_the_sync_tests_assume(wordpress: WordPressSite) -> None:
    """Guards the fixture: 50 seeded posts with their own images, 10 a feed page, REST + auth."""
    assert len(wordpress.seeded) == SEEDED_POSTS
    images = {p.image_url for p in wordpress.seeded}
    assert len(images) == SEEDED_POSTS
    assert all(_upload_file(wordpress, url).is_file() for url in images)
    assert len({_sha256(_upload_file(wordpress, url)) for url in images}) == SEEDED_POSTS

    status, headers, body = _get(wordpress.rss_url)
    assert status == 200 and body.count(b"<item>") == POSTS_PER_RSS
    assert headers.get("ETag") and headers.get("Last-Modified"), headers
    status, headers, _ = _get(wordpress.rest_url + "posts")
    assert status == 200 and int(headers["X-WP-Total"]) == len(wordpress.all_posts)

    assert wordpress.auth[0] == "admin" and len(wordpress.auth[1]) == 24
    assert _get(wordpress.rest_url + "users/me", wordpress.auth)[0] == 200
    assert _get(wordpress.rest_url + "users/me", ("admin", "wrong" * 4))[0] == 401
