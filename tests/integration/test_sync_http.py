"""HTTP manners of ``sync``, end to end: validators and 304, moves, Gone, Retry-After, max-age.

One network of small schools, all on one local server, synced twice; each test
checks one behaviour in the two reports and in the requests the server recorded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kaizen_exchange import __version__
from tests.integration.cli import (
    EXIT_PARTIAL,
    CliRun,
    assert_plain_message,
    count,
    entries_of,
    feed_entry,
    import_network,
    network_toml,
    posts_by_title,
    posts_list,
    school_toml,
    sync,
)
from tests.servers.feed_server import DEFAULT_LAST_MODIFIED, FeedServer, Request, http_date
from tests.servers.feeds import Item, rss

GOOD = ("etag", "lastmod", "etagonly", "plain", "maxage", "temp302", "moved301", "moved308")
PATHS = {
    "etag": "/etag/feed.xml",
    "lastmod": "/lastmod/feed.xml",
    "etagonly": "/etagonly/feed.xml",
    "plain": "/plain/feed.xml",
    "maxage": "/maxage/feed.xml",
    "temp302": "/temp302/feed.xml",
    "moved301": "/old301/feed.xml",
    "moved308": "/old308/feed.xml",
    "gone": "/gone/feed.xml",
    "busy": "/busy/feed.xml",
    "down": "/down/feed.xml",
    "broken": "/broken/feed.xml",
    "missing": "/missing/feed.xml",
}


def two_posts(server: FeedServer, school: str) -> str:
    items = [
        Item(
            title=f"{school} post {n}",
            link=server.url(f"/{school}/post-{n}/"),
            guid=f"{school}-guid-{n}",
            published=f"Mon, 0{n + 1} Mar 2026 09:00:00 +0000",
            description=f"<p>Hello from {school}, post {n}.</p>",
        )
        for n in (1, 2)
    ]
    return rss(items, title=f"{school} blog", link=server.url(f"/{school}/"))


@dataclass
class Scenario:
    server: FeedServer
    data: Path
    first: CliRun
    first_report: dict[str, Any]
    second: CliRun
    second_report: dict[str, Any]
    mark_first: int
    mark_second: int
    posts: list[dict[str, Any]]

    def first_requests(self, path: str) -> list[Request]:
        return self.server.requests_to(path, self.mark_first, self.mark_second)

    def second_requests(self, path: str) -> list[Request]:
        return self.server.requests_to(path, self.mark_second)


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    with FeedServer() as server:
        for school in ("etag", "lastmod", "etagonly", "plain", "maxage"):
            body = two_posts(server, school)
            kwargs: dict[str, Any] = {}
            if school == "lastmod":
                kwargs["etag"] = None
            if school == "etagonly":
                kwargs["last_modified"] = None
            if school == "plain":
                kwargs.update(etag=None, last_modified=None)
            if school == "maxage":
                kwargs["cache_control"] = "public, max-age=3600"
            server.feed(PATHS[school], body, **kwargs)
        server.redirect(PATHS["temp302"], "/real302/feed.xml", 302)
        server.feed("/real302/feed.xml", two_posts(server, "temp302"))
        server.redirect(PATHS["moved301"], server.url("/new301/feed.xml"), 301)
        server.feed("/new301/feed.xml", two_posts(server, "moved301"))
        server.redirect(PATHS["moved308"], "/new308/feed.xml", 308)
        server.feed("/new308/feed.xml", two_posts(server, "moved308"))
        server.status(PATHS["gone"], 410, "This blog has closed.")
        server.status(PATHS["busy"], 429, "Slow down", headers={"Retry-After": "3600"})
        server.status(PATHS["down"], 503, "Maintenance", headers={"Retry-After": http_date(7200)})
        server.status(PATHS["broken"], 500, "<html><body>Internal Server Error</body></html>")
        # /missing/feed.xml has no route: 404

        data = tmp_path_factory.mktemp("http") / "data"
        schools = [school_toml(s, feeds=[server.url(p)]) for s, p in PATHS.items()]
        import_network(data, network_toml(*schools))
        mark_first = server.checkpoint()
        first, first_report = sync(data)
        mark_second = server.checkpoint()
        second, second_report = sync(data)
        posts = posts_list(data)
        yield Scenario(
            server,
            data,
            first,
            first_report,
            second,
            second_report,
            mark_first,
            mark_second,
            posts,
        )


def test_first_sync_reports_every_feed(scenario: Scenario) -> None:
    report = scenario.first_report
    expected = dict.fromkeys(("etag", "lastmod", "etagonly", "plain", "maxage", "temp302"), "ok")
    expected |= {"moved301": "moved", "moved308": "moved", "gone": "gone"}
    expected |= {"busy": "error", "down": "error", "broken": "error", "missing": "error"}
    got = {school: feed_entry(report, school)["status"] for school in expected}
    assert got == expected, scenario.first.describe()
    for school in GOOD:
        entry = feed_entry(report, school)
        assert entry["new"] == 2, entry
        assert entry["updated"] == 0, entry
        assert not entry["error"], entry
    assert report["new_posts"] == 2 * len(GOOD), report
    assert report["updated_posts"] == 0, report


def test_some_feeds_failing_gives_exit_status_3(scenario: Scenario) -> None:
    assert scenario.first.returncode == EXIT_PARTIAL, scenario.first.describe()
    errors = [e for e in scenario.first_report["feeds"] if e["status"] == "error"]
    assert count(scenario.first_report["errors"]) == len(errors) == 4, scenario.first_report


def test_first_fetch_is_one_plain_get(scenario: Scenario) -> None:
    """Adding a feed costs one GET, unconditional (there is nothing to validate yet)."""
    requests = scenario.first_requests(PATHS["etag"])
    plain = [r for r in requests if not r.query]
    assert len(plain) == 1, [r.path for r in requests]
    assert plain[0].header("if-none-match") is None
    assert plain[0].header("if-modified-since") is None


@pytest.mark.parametrize(
    ("school", "etag_sent", "date_sent"),
    [("etag", True, True), ("lastmod", False, True), ("etagonly", True, False)],
)
def test_second_sync_is_a_conditional_get_answered_304(
    scenario: Scenario, school: str, etag_sent: bool, date_sent: bool
) -> None:
    entry = feed_entry(scenario.second_report, school)
    assert entry["status"] == "not_modified", entry
    assert entry["http_status"] == 304, entry
    assert entry["new"] == 0 and entry["updated"] == 0, entry
    requests = [r for r in scenario.second_requests(PATHS[school]) if not r.query]
    assert len(requests) == 1, [r.path for r in requests]
    sent = requests[0]
    first = scenario.first_requests(PATHS[school])[0]
    assert first.method == "GET"
    if etag_sent:
        etag = scenario.server.lookup(PATHS[school]).etag
        assert sent.header("if-none-match") == etag, sent.headers
    else:
        assert sent.header("if-none-match") is None, sent.headers
    if date_sent:
        assert sent.header("if-modified-since") == DEFAULT_LAST_MODIFIED, sent.headers
    else:
        assert sent.header("if-modified-since") is None, sent.headers


def test_identical_body_without_validators_adds_nothing(scenario: Scenario) -> None:
    """No validators: the feed is fetched again, but the same bytes change nothing."""
    entry = feed_entry(scenario.second_report, "plain")
    assert entry["status"] in ("ok", "not_modified"), entry
    assert entry["new"] == 0 and entry["updated"] == 0, entry
    assert len(scenario.second_requests(PATHS["plain"])) >= 1


@pytest.mark.parametrize(
    ("school", "new_path"), [("moved301", "/new301/feed.xml"), ("moved308", "/new308/feed.xml")]
)
def test_permanent_redirect_updates_the_stored_url(
    scenario: Scenario, school: str, new_path: str
) -> None:
    assert feed_entry(scenario.first_report, school)["status"] == "moved"
    assert scenario.second_requests(PATHS[school]) == [], "the old URL was asked again"
    assert scenario.second_requests(new_path), "the new URL was not asked"
    entry = feed_entry(scenario.second_report, school)
    assert entry["url"] == scenario.server.url(new_path), entry
    assert entry["status"] in ("ok", "not_modified"), entry


def test_temporary_redirect_keeps_the_url(scenario: Scenario) -> None:
    assert scenario.second_requests(PATHS["temp302"]), "the 302 feed's own URL was not asked"
    entry = feed_entry(scenario.second_report, "temp302")
    assert entry["url"] == scenario.server.url(PATHS["temp302"]), entry


def test_gone_feed_is_never_asked_again(scenario: Scenario) -> None:
    first = feed_entry(scenario.first_report, "gone")
    assert first["http_status"] == 410, first
    assert scenario.second_requests(PATHS["gone"]) == []
    for entry in entries_of(scenario.second_report, "gone"):
        assert entry["status"] == "gone", entry


@pytest.mark.parametrize(("school", "code"), [("busy", 429), ("down", 503)])
def test_retry_after_is_an_error_now_and_skipped_next_time(
    scenario: Scenario, school: str, code: int
) -> None:
    entry = feed_entry(scenario.first_report, school)
    assert entry["status"] == "error", entry
    assert entry["http_status"] == code, entry
    assert_plain_message(entry["error"])
    assert scenario.second_requests(PATHS[school]) == [], "asked again before Retry-After"


@pytest.mark.parametrize(("school", "code"), [("broken", 500), ("missing", 404)])
def test_server_errors_are_plain_per_feed_errors(
    scenario: Scenario, school: str, code: int
) -> None:
    entry = feed_entry(scenario.first_report, school)
    assert entry["status"] == "error", entry
    assert entry["http_status"] == code, entry
    assert_plain_message(entry["error"])


def test_cache_control_max_age_is_respected(scenario: Scenario) -> None:
    assert scenario.second_requests(PATHS["maxage"]) == [], "asked again within max-age"


def test_every_post_stored_once(scenario: Scenario) -> None:
    titles = posts_by_title(scenario.posts)
    for school in GOOD:
        for n in (1, 2):
            assert len(titles.get(f"{school} post {n}", [])) == 1, sorted(titles)
    assert len(scenario.posts) == 2 * len(GOOD)


def test_user_agent_names_the_app_and_its_version(scenario: Scenario) -> None:
    agents = {r.header("user-agent") for r in scenario.server.requests}
    assert agents, "no requests"
    for agent in agents:
        assert agent and "kaizen" in agent.lower() and __version__ in agent, agent


def test_no_head_requests(scenario: Scenario) -> None:
    assert scenario.server.methods() == {"GET"}
