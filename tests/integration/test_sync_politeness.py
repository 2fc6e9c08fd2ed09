"""Politeness and parallelism: at most two requests at a time per host, hosts in parallel."""

from __future__ import annotations

from pathlib import Path

from tests.integration.cli import import_network, network_toml, school_toml, sync
from tests.servers.feed_server import FeedServer, jpeg_bytes
from tests.servers.feeds import Item, rss

DELAY = 0.6
FEEDS_PER_HOST = 5


def slow_school(server: FeedServer, name: str) -> str:
    """A feed and its one image, each answered after DELAY seconds."""
    image = server.resource(f"/{name}/photo.jpg", jpeg_bytes(name), "image/jpeg", delay=DELAY)
    item = Item(
        title=f"{name} photo",
        link=server.url(f"/{name}/photo/"),
        guid=f"{name}-photo",
        published="Mon, 02 Mar 2026 09:00:00 +0000",
        content=f'<p>Look:</p><img src="{image}" alt="photo">',
    )
    server.feed(f"/{name}/feed.xml", rss([item], title=name), delay=DELAY)
    return school_toml(name, feeds=[server.url(f"/{name}/feed.xml")])


def test_two_requests_per_host_at_most_and_hosts_in_parallel(
    feed_server: FeedServer, other_host: FeedServer, tmp_path: Path
) -> None:
    schools = [slow_school(feed_server, f"one-{n}") for n in range(FEEDS_PER_HOST)]
    schools += [slow_school(other_host, f"two-{n}") for n in range(FEEDS_PER_HOST)]
    data = tmp_path / "data"
    import_network(data, network_toml(*schools))
    run, report = sync(data)
    assert run.returncode == 0, run.describe()
    assert report["new_posts"] == 2 * FEEDS_PER_HOST, report
    for server in (feed_server, other_host):
        assert server.max_in_flight <= 2, f"{server.max_in_flight} requests at once on {server}"
    assert max(feed_server.max_in_flight, other_host.max_in_flight) == 2, "no parallelism"
    requests = feed_server.requests + other_host.requests
    images = [r for r in requests if r.route.endswith(".jpg")]
    assert len(images) == 2 * FEEDS_PER_HOST
    # Last request after: one at a time 11.4 s; hosts one after the other ~6.6 s; two at a
    # time per host, hosts side by side, ~3 s (feeds in 3 rounds, then images in 3 rounds).
    span = max(r.at for r in requests) - min(r.at for r in requests)
    assert span < 4.8, f"requests spread over {span:.1f} s: hosts were not fetched in parallel"
    assert {r.method for r in requests} == {"GET"}


def test_redirects_and_missing_pages_keep_the_connection_open(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    """A redirect's or a 404's small body is read, so the next request reuses the
    connection instead of opening a new one (a school server sees one connection)."""
    item = Item(
        title="Our garden",
        link=feed_server.url("/garden/"),
        guid="garden",
        published="Mon, 02 Mar 2026 09:00:00 +0000",
        content="<p>Seeds!</p>",
    )
    feed_server.feed("/blog/feed/", rss([item], generator="https://wordpress.org/?v=6.4.3"))
    feed_server.redirect("/old-feed/", feed_server.url("/blog/feed/"), status=302)
    data = tmp_path / "data"
    import_network(data, network_toml(school_toml("garden", feeds=[feed_server.url("/old-feed/")])))
    run, _ = sync(data, "--no-media")
    assert run.returncode == 0, run.describe()
    asked = [r.path for r in feed_server.requests]
    # the redirect, the feed, WordPress history page 2 and the blog's comments feed (both
    # not found here) and no more
    assert asked == [
        "/old-feed/",
        "/blog/feed/",
        "/blog/feed/?paged=2",
        "/blog/comments/feed/atom/",
    ], asked
    connections = {r.client for r in feed_server.requests}
    assert len(connections) == 1, f"{len(connections)} connections for 4 requests in a row"
