"""Hostile and broken servers: each becomes one feed's plain error, in bounded time and memory.

A hanging server, a trickling one, a gzip bomb, an endless body, a redirect loop, a web
page or a picture where the feed should be, and XML entity bombs all sit in one network
beside two good feeds; one sync must finish quickly, report each bad feed as an
error with a plain message, exit with status 3, and still store the good feeds' posts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from tests.integration.cli import (
    EXIT_PARTIAL,
    SHORT_TIMEOUT,
    CliRun,
    assert_plain_message,
    feed_entry,
    import_network,
    network_toml,
    posts_by_title,
    posts_list,
    school_toml,
    sync,
    timeout_args,
)
from tests.servers.feed_server import FeedServer, closed_port_url, jpeg_bytes, self_signed_tls
from tests.servers.feeds import Item, billion_laughs, html_page, quadratic_blowup, rss

#: Peak memory allowed to one sync process (the benchmark's target is 300 MB for 500 feeds).
MAX_RSS_MB = 400
HANG_SECONDS = 60

#: school id -> (path, a pattern the plain error message should match)
HOSTILE = {
    "gzip-bomb": ("/bomb/feed.xml", r"large|big|size|limit|MB|exceed|compress"),
    "endless": ("/endless/feed.xml", r"large|big|size|limit|MB|exceed|long"),
    "redirect-loop": ("/loop-a/feed.xml", r"redirect|loop"),
    "self-redirect": ("/self/feed.xml", r"redirect|loop"),
    "web-page": ("/page/feed.xml", r"feed|html|page|rss|atom"),
    "picture": ("/picture/feed.xml", r"feed|image|jpeg|picture|rss|atom"),
    "laughs": ("/laughs/feed.xml", r"entit|xml|feed|large|expan"),
    "quadratic": ("/quadratic/feed.xml", r"entit|xml|feed|large|expan"),
}
TIME_PATTERN = r"time|slow|long|respond|answer|wait"


def good_feed(server: FeedServer, name: str) -> str:
    items = [
        Item(
            title=f"{name} post {n}",
            link=server.url(f"/{name}/p{n}/"),
            guid=f"{name}-{n}",
            published=f"Tue, 0{n + 2} Mar 2026 10:00:00 +0000",
            description=f"<p>{name} {n}</p>",
        )
        for n in (1, 2)
    ]
    return rss(items, title=name, link=server.url(f"/{name}/"))


def xxe_feed(server: FeedServer) -> str:
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n'
        '<!ENTITY local SYSTEM "file:///etc/passwd">\n'
        f'<!ENTITY remote SYSTEM "{server.url("/xxe-probe")}">\n]>\n'
        '<rss version="2.0"><channel><title>XXE</title><link>http://xxe.invalid/</link>'
        "<description>x</description><item><title>Leak &local; &remote;</title>"
        "<guid>xxe-1</guid><description>&local;&remote;</description></item></channel></rss>\n"
    )


def serve_hostile(server: FeedServer) -> None:
    server.gzip_bomb(HOSTILE["gzip-bomb"][0])
    server.endless(HOSTILE["endless"][0])
    server.redirect(HOSTILE["redirect-loop"][0], "/loop-b/feed.xml", 302)
    server.redirect("/loop-b/feed.xml", HOSTILE["redirect-loop"][0], 302)
    server.redirect(HOSTILE["self-redirect"][0], HOSTILE["self-redirect"][0], 301)
    server.page(
        HOSTILE["web-page"][0], html_page("Our school", body="<p>Welcome!</p>" * 50), etag=None
    )
    server.resource(HOSTILE["picture"][0], jpeg_bytes(), "image/jpeg")
    server.feed(HOSTILE["laughs"][0], billion_laughs())
    server.feed(HOSTILE["quadratic"][0], quadratic_blowup())
    server.feed("/xxe/feed.xml", xxe_feed(server))
    server.feed("/good-a/feed.xml", good_feed(server, "good-a"), delay=0.2)
    server.feed("/good-b/feed.xml", good_feed(server, "good-b"), delay=0.2)


def bound_seconds() -> float:
    """Far less than the 60 s hang: our short timeout, plus start-up and slack."""
    return SHORT_TIMEOUT * 3 + 8


@dataclass
class Scenario:
    main: FeedServer
    hanging: FeedServer
    trickling: FeedServer
    secure: FeedServer | None
    run: CliRun
    report: dict[str, Any]
    posts: list[dict[str, Any]]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    root = tmp_path_factory.mktemp("hostile")
    tls = self_signed_tls(root, "127.0.0.4")
    with (
        FeedServer("127.0.0.1") as main,
        FeedServer("127.0.0.2") as hanging,
        FeedServer("127.0.0.3") as trickling,
        contextlib.ExitStack() as stack,
    ):
        secure = stack.enter_context(FeedServer("127.0.0.4", tls)) if tls else None
        serve_hostile(main)
        hanging.hang("/feed.xml", HANG_SECONDS)
        trickling.trickle("/feed.xml", good_feed(trickling, "trickle"), interval=0.5)
        # The slow ones come first in the file and in the alphabet, so a sync that
        # fetched one feed after another would be held up before the good feeds
        # (which come next, so they do not queue behind the bombs on their host).
        schools = [
            school_toml("aa-hang", feeds=[hanging.url("/feed.xml")]),
            school_toml("ab-trickle", feeds=[trickling.url("/feed.xml")]),
            school_toml("good-a", feeds=[main.url("/good-a/feed.xml")]),
            school_toml("good-b", feeds=[main.url("/good-b/feed.xml")]),
            *(school_toml(s, feeds=[main.url(path)]) for s, (path, _) in HOSTILE.items()),
            school_toml("xxe", feeds=[main.url("/xxe/feed.xml")]),
            school_toml("dead", feeds=[closed_port_url("127.0.0.1")]),
        ]
        if secure:
            secure.feed("/feed.xml", good_feed(secure, "self-signed"))
            schools.append(school_toml("self-signed", feeds=[secure.url("/feed.xml")]))
        data = root / "data"
        import_network(data, network_toml(*schools))
        run, report = sync(data, *timeout_args(), timeout=HANG_SECONDS + 30)
        posts = posts_list(data)
        yield Scenario(main, hanging, trickling, secure, run, report, posts)


def test_sync_finishes_in_bounded_time_with_exit_status_3(scenario: Scenario) -> None:
    assert scenario.run.returncode == EXIT_PARTIAL, scenario.run.describe()
    assert scenario.run.seconds < bound_seconds(), scenario.run.describe()


def test_sync_memory_stays_bounded(scenario: Scenario) -> None:
    rss = scenario.run.max_rss_mb
    assert rss is None or rss < MAX_RSS_MB, f"peak memory {rss:.0f} MB"


def test_good_feeds_sync_beside_the_bad_ones(scenario: Scenario) -> None:
    titles = posts_by_title(scenario.posts)
    for school in ("good-a", "good-b"):
        entry = feed_entry(scenario.report, school)
        assert entry["status"] == "ok", entry
        assert entry["new"] == 2, entry
        for n in (1, 2):
            assert len(titles.get(f"{school} post {n}", [])) == 1, sorted(titles)


@pytest.mark.parametrize("school", list(HOSTILE))
def test_hostile_feed_is_a_plain_error(scenario: Scenario, school: str) -> None:
    entry = feed_entry(scenario.report, school)
    assert entry["status"] == "error", entry
    assert entry["new"] == 0, entry
    assert_plain_message(entry["error"], HOSTILE[school][1])


def test_hanging_server_is_a_timeout_error(scenario: Scenario) -> None:
    entry = feed_entry(scenario.report, "aa-hang")
    assert entry["status"] == "error", entry
    assert_plain_message(entry["error"], TIME_PATTERN)


def test_trickling_server_is_cut_off(scenario: Scenario) -> None:
    """Headers at once, then a byte every half second: a read timeout alone never fires."""
    entry = feed_entry(scenario.report, "ab-trickle")
    assert entry["status"] == "error", entry
    assert_plain_message(entry["error"], TIME_PATTERN)


def test_slow_servers_do_not_hold_up_the_others(scenario: Scenario) -> None:
    hang_asked = scenario.hanging.requests_to("/feed.xml")
    assert hang_asked, "the hanging server was never asked"
    good = [
        r for r in scenario.main.requests if r.route in ("/good-a/feed.xml", "/good-b/feed.xml")
    ]
    assert len(good) >= 2
    waited = max(r.at for r in good) - hang_asked[0].at
    limit = SHORT_TIMEOUT * 0.8
    assert waited < limit, f"the good feeds were asked {waited:.1f} s after the hanging one"


def test_dead_server_is_a_plain_error(scenario: Scenario) -> None:
    entry = feed_entry(scenario.report, "dead")
    assert entry["status"] == "error", entry
    assert_plain_message(entry["error"], r"connect|reach|down|refused|answer|available")


def test_untrusted_certificate_is_a_plain_error(scenario: Scenario) -> None:
    """A self-signed certificate is not in the OS trust store: refused, and said plainly."""
    if scenario.secure is None:
        pytest.skip("openssl is not installed, so no certificate could be made")
    entry = feed_entry(scenario.report, "self-signed")
    assert entry["status"] == "error", entry
    assert_plain_message(entry["error"], r"certificate|secure|tls|ssl|trust")
    assert "self-signed post 1" not in repr(scenario.posts)


def test_external_entities_are_never_resolved(scenario: Scenario) -> None:
    assert scenario.main.requests_to("/xxe-probe") == [], "the parser fetched an external entity"
    dumped = repr(scenario.posts)
    assert "root:" not in dumped, "the parser read a local file"
    entry = feed_entry(scenario.report, "xxe")
    assert entry["status"] in ("ok", "error"), entry


def test_redirect_loop_is_not_followed_forever(scenario: Scenario) -> None:
    asked = scenario.main.requests_to(HOSTILE["redirect-loop"][0])
    assert 1 <= len(asked) <= 25, f"{len(asked)} requests in the loop"


def test_no_head_requests(scenario: Scenario) -> None:
    for server in (scenario.main, scenario.hanging, scenario.trickling, scenario.secure):
        if server is None:
            continue
        assert server.methods() <= {"GET"}
