"""Finding a school's feed from its blog, and paging back through WordPress history."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli import (
    CliRun,
    feed_entry,
    import_network,
    network_toml,
    posts_list,
    school_toml,
    sync,
)
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import WORDPRESS_GENERATOR, Item, html_page, rss, wordpress_items

PER_PAGE = 4
HISTORY_LIMIT = 5  # pages, the first included (the default)


def discovery_page(server: FeedServer) -> str:
    """WordPress's head, with the comments feed listed before the posts feed."""
    head = (
        '<link rel="alternate" type="text/html" hreflang="fr" href="/disc/fr/">'
        '<link rel="alternate" type="application/rss+xml" title="Discovery class &raquo; '
        f'Comments Feed" href="{server.url("/disc/comments/feed/")}">'
        '<link rel="alternate" type="application/rss+xml" '
        'title="Discovery class &raquo; Feed" href="/disc/feed/">'
        '<link rel="https://api.w.org/" href="/wp-json/">'
    )
    return html_page("Discovery class", head, "<p>Welcome to our blog.</p>")


def comments_feed(server: FeedServer) -> str:
    comment = Item(
        title="Comment on Volcanoes by a parent",
        link=server.url("/disc/volcanoes/#comment-2"),
        guid=server.url("/disc/?comment=2"),
        published="Thu, 05 Mar 2026 12:00:00 +0000",
        description="Lovely work!",
    )
    return rss([comment], title="Comments on Discovery class", link=server.url("/disc/"))


def serve_history(server: FeedServer, prefix: str, pages: int) -> None:
    """A WordPress feed with ``pages`` pages of history; the page after the last is a 404."""
    base = server.url(f"/{prefix}")
    for page in range(1, pages + 1):
        items = wordpress_items(base, prefix, PER_PAGE, start=(page - 1) * PER_PAGE)
        body = rss(items, title=prefix, link=base + "/", generator=WORDPRESS_GENERATOR)
        path = f"/{prefix}/feed/" if page == 1 else f"/{prefix}/feed/?paged={page}"
        server.feed(path, body)
    for page in range(pages + 1, pages + 4):
        server.status(f"/{prefix}/feed/?paged={page}", 404, "<html>Page not found</html>")


def serve(server: FeedServer) -> None:
    server.page("/disc/", discovery_page(server))
    server.feed("/disc/comments/feed/", comments_feed(server))
    server.feed("/disc/feed/", rss(wordpress_items(server.url("/disc"), "Disc", 3)))
    server.status("/disc/feed/?paged=2", 404, "<html>Page not found</html>")
    server.page("/fallback/", html_page("No feed links here", body="<p>Hello</p>"))
    server.feed("/fallback/feed/", rss(wordpress_items(server.url("/fallback"), "Fallback", 2)))
    server.status("/fallback/feed/?paged=2", 404, "<html>Page not found</html>")
    serve_history(server, "long", 7)
    serve_history(server, "short", 2)


@dataclass
class Scenario:
    server: FeedServer
    data: Path
    first: CliRun
    report: dict[str, Any]
    second_report: dict[str, Any]
    mark_second: int
    posts: list[dict[str, Any]]

    def titles(self, school: str) -> list[str]:
        return sorted(p["title"] for p in self.posts if p["school"] == school)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    with FeedServer() as server:
        serve(server)
        data = tmp_path_factory.mktemp("discovery") / "data"
        schools = [
            school_toml("disc", blog=server.url("/disc/")),
            school_toml("fallback", blog=server.url("/fallback/")),
            school_toml("long", blog=server.url("/long/"), feeds=[server.url("/long/feed/")]),
            school_toml("short", feeds=[server.url("/short/feed/")]),
        ]
        import_network(data, network_toml(*schools))
        first, report = sync(data)
        mark = server.checkpoint()
        _, second_report = sync(data)
        yield Scenario(server, data, first, report, second_report, mark, posts_list(data))


def test_discovery_picks_the_posts_feed_not_the_comments(scenario: Scenario) -> None:
    assert scenario.titles("disc") == [f"Disc post {n}" for n in range(3)]
    assert scenario.server.requests_to("/disc/comments/feed/") == []
    entry = feed_entry(scenario.report, "disc")
    assert entry["url"] == scenario.server.url("/disc/feed/"), entry
    assert entry["status"] == "ok", entry


def test_discovered_feed_is_asked_directly_next_time(scenario: Scenario) -> None:
    assert scenario.server.requests_to("/disc/", scenario.mark_second) == []
    asked = scenario.server.requests_to("/disc/feed/", scenario.mark_second)
    assert [r.query for r in asked] == [""], [r.path for r in asked]
    assert asked[0].header("if-none-match"), "no conditional GET after discovery"


def test_wordpress_feed_fallback(scenario: Scenario) -> None:
    assert scenario.titles("fallback") == ["Fallback post 0", "Fallback post 1"]
    entry = feed_entry(scenario.report, "fallback")
    assert entry["url"] == scenario.server.url("/fallback/feed/"), entry


def test_history_is_paged_back_up_to_the_limit(scenario: Scenario) -> None:
    pages = sorted(
        int(r.query.removeprefix("paged="))
        for r in scenario.server.requests_to("/long/feed/", 0, scenario.mark_second)
        if r.query
    )
    assert pages == list(range(2, HISTORY_LIMIT + 1)), pages
    assert len(scenario.titles("long")) == HISTORY_LIMIT * PER_PAGE
    entry = feed_entry(scenario.report, "long")
    assert entry["new"] == HISTORY_LIMIT * PER_PAGE, entry


def test_history_stops_at_the_last_page_without_error(scenario: Scenario) -> None:
    entry = feed_entry(scenario.report, "short")
    assert entry["status"] == "ok", entry
    assert len(scenario.titles("short")) == 2 * PER_PAGE
    pages = [r.query for r in scenario.server.requests_to("/short/feed/") if r.query]
    assert sorted(pages) == ["paged=2", "paged=3"], pages


def test_first_page_is_fetched_once(scenario: Scenario) -> None:
    """Adding a feed costs one GET, reused as its first fetch."""
    for prefix in ("long", "short", "disc"):
        asked = scenario.server.requests_to(f"/{prefix}/feed/", 0, scenario.mark_second)
        assert len([r for r in asked if not r.query]) == 1, prefix


def test_history_is_paged_only_on_first_subscription(scenario: Scenario) -> None:
    later = [r.path for r in scenario.server.requests[scenario.mark_second :] if r.query]
    assert later == [], later


def test_first_sync_succeeds(scenario: Scenario) -> None:
    assert scenario.first.returncode == 0, scenario.first.describe()


def test_no_head_requests(scenario: Scenario) -> None:
    assert scenario.server.methods() == {"GET"}
