"""Offline media: images and enclosures downloaded once, stored once, shown from disk."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli import (
    CliRun,
    feed_entry,
    file_url_path,
    import_network,
    network_toml,
    ok,
    one_post,
    parse_show,
    posts_list,
    run_parallel,
    school_toml,
    show_args,
    sync,
)
from tests.servers.feed_server import FeedServer, jpeg_bytes, pdf_bytes, png_bytes
from tests.servers.feeds import Item, rss

JPEG_A = jpeg_bytes("a")  # served at a.jpg and, byte for byte, at b.jpg
JPEG_D = jpeg_bytes("d")
PNG_C = png_bytes(6, 6, (10, 200, 90))
PDF = pdf_bytes("Science week newsletter")
MEDIA = {
    "/img/a.jpg": (JPEG_A, "image/jpeg"),
    "/img/b.jpg": (JPEG_A, "image/jpeg"),
    "/img/c.png": (PNG_C, "image/png"),
    "/img/d.jpg": (JPEG_D, "image/jpeg"),
    "/files/newsletter.pdf": (PDF, "application/pdf"),
}
MISSING = "/img/missing.jpg"
ENDLESS = "/files/assembly.mp4"  # a video that never ends: over the 100 MB cap
MAX_RSS_MB = 400


def media_feed(server: FeedServer) -> str:
    first = (
        f'<p>Our pond.</p><img src="{server.url("/img/a.jpg")}" alt="pond">'
        f'<p>The same photo again.</p><img src="{server.url("/img/b.jpg")}" alt="again">'
        '<p>A chart.</p><img src="/img/c.png" alt="chart">'
        f'<p>Lost photo.</p><img src="{server.url(MISSING)}" alt="lost">'
    )
    second = (
        f'<p>Pond again.</p><img src="{server.url("/img/a.jpg")}" alt="pond">'
        f'<figure><img src="{server.url("/img/d.jpg")}" alt="frog"></figure>'
    )
    items = [
        Item(
            title="Pond dipping",
            link=server.url("/pond-dipping/"),
            guid="media-1",
            published="Wed, 04 Mar 2026 09:00:00 +0000",
            content=first,
            enclosures=[(server.url("/files/newsletter.pdf"), len(PDF), "application/pdf")],
        ),
        Item(
            title="Assembly video",
            link=server.url("/assembly/"),
            guid="media-3",
            published="Tue, 03 Mar 2026 09:00:00 +0000",
            content="<p>Watch our assembly.</p>",
            enclosures=[(server.url(ENDLESS), 5_000_000, "video/mp4")],
        ),
        Item(
            title="Frogspawn",
            link=server.url("/frogspawn/"),
            guid="media-2",
            published="Thu, 05 Mar 2026 09:00:00 +0000",
            content=second,
        ),
    ]
    return rss(items, title="Pond class", link=server.url("/"))


def serve(server: FeedServer) -> None:
    server.feed("/feed.xml", media_feed(server))
    for path, (body, mime) in MEDIA.items():
        server.resource(path, body, mime)
    server.endless(ENDLESS, "video/mp4")


class _Images(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self.sources += [v for k, v in attrs if k == "src" and v]


def image_sources(html: str) -> list[str]:
    parser = _Images()
    parser.feed(html)
    return parser.sources


@dataclass
class Scenario:
    server: FeedServer
    data: Path
    first: CliRun
    first_report: dict[str, Any]
    second_report: dict[str, Any]
    mark_second: int
    posts: list[dict[str, Any]]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    with FeedServer() as server:
        serve(server)
        data = tmp_path_factory.mktemp("media") / "data"
        import_network(data, network_toml(school_toml("pond", feeds=[server.url("/feed.xml")])))
        first, first_report = sync(data)
        mark = server.checkpoint()
        _, second_report = sync(data)
        yield Scenario(server, data, first, first_report, second_report, mark, posts_list(data))


def test_a_missing_image_does_not_fail_the_post(scenario: Scenario) -> None:
    assert scenario.first.returncode == 0, scenario.first.describe()
    entry = feed_entry(scenario.first_report, "pond")
    assert entry["status"] == "ok", entry
    assert entry["new"] == 3, entry
    one_post(scenario.posts, "Pond dipping")
    assert scenario.server.requests_to(MISSING), "the missing image was never tried"


def test_each_media_file_is_downloaded_once(scenario: Scenario) -> None:
    for path in MEDIA:
        asked = scenario.server.requests_to(path, 0, scenario.mark_second)
        assert len(asked) == 1, f"{path} fetched {len(asked)} times in the first sync"
    assert scenario.first_report["media_fetched"] >= 4, scenario.first_report


def test_endless_enclosure_is_cut_off_at_the_cap(scenario: Scenario) -> None:
    """A video that never ends is dropped at the size cap, in bounded memory; the post stays."""
    assert scenario.server.requests_to(ENDLESS, 0, scenario.mark_second), "never tried"
    one_post(scenario.posts, "Assembly video")
    rss = scenario.first.max_rss_mb
    assert rss is None or rss < MAX_RSS_MB, f"peak memory {rss:.0f} MB"
    assert scenario.first.seconds < 30, scenario.first.describe()
    assert scenario.server.requests_to(ENDLESS, scenario.mark_second) == [], (
        "the over-size file is downloaded again on every sync"
    )


def test_second_sync_fetches_no_media(scenario: Scenario) -> None:
    assert scenario.second_report["media_fetched"] == 0, scenario.second_report
    for path in MEDIA:
        assert scenario.server.requests_to(path, scenario.mark_second) == [], path


@dataclass
class Reads:
    stats: dict[str, Any]
    html: str
    shown: dict[str, Any]
    requests_meanwhile: int


@pytest.fixture(scope="module")
def reads(scenario: Scenario) -> Reads:
    """cache stats and posts show, side by side, watching for any network use."""
    post = one_post(scenario.posts, "Pond dipping")
    mark = scenario.server.checkpoint()
    stats, html, shown = run_parallel(
        (scenario.data, ("cache", "stats", "--json")),
        (scenario.data, show_args(post["id"], "--html")),
        (scenario.data, show_args(post["id"])),
    )
    meanwhile = scenario.server.checkpoint() - mark
    return Reads(ok(stats).json(), ok(html).stdout, parse_show(shown), meanwhile)


def test_identical_files_are_stored_once(reads: Reads) -> None:
    stats = reads.stats
    for key in ("files", "bytes", "quota_bytes", "pinned_files"):
        assert key in stats, f"cache stats --json lacks {key!r}: {stats}"
    distinct = {body for body, _ in MEDIA.values()}
    assert stats["files"] == len(distinct) == 4, stats
    assert stats["bytes"] == sum(len(body) for body in distinct), stats
    assert stats["quota_bytes"] in (5 * 10**9, 5 * 2**30), stats


def test_show_html_points_images_at_local_files(reads: Reads) -> None:
    html = reads.html
    sources = image_sources(html)
    local = [s for s in sources if s.startswith("file:")]
    assert len(local) == 3, f"expected a, b and c as file:// images: {sources}"
    contents = sorted(file_url_path(s).read_bytes() for s in local)
    assert contents == sorted([JPEG_A, JPEG_A, PNG_C])
    # the picture that failed shows a local placeholder, never the partner's address
    others = [s for s in sources if not s.startswith("file:")]
    assert len(others) == 1 and others[0].startswith("data:image/"), others
    assert MISSING not in html
    assert "Our pond." in html


def test_reading_never_goes_to_the_network(reads: Reads) -> None:
    assert reads.requests_meanwhile == 0


def test_show_json_lists_the_media_with_local_paths(scenario: Scenario, reads: Reads) -> None:
    shown = reads.shown
    by_url = {m["url"]: m for m in shown["media"]}
    for path in ("/img/a.jpg", "/img/b.jpg", "/img/c.png", "/files/newsletter.pdf"):
        body, mime = MEDIA[path]
        media = by_url.get(scenario.server.url(path))
        assert media, f"{path} missing from {sorted(by_url)}"
        assert media["mime"] == mime, media
        assert media["bytes"] == len(body), media
        assert Path(media["path"]).read_bytes() == body, media
    missing = by_url.get(scenario.server.url(MISSING))
    assert missing is None or not missing["path"], missing
    assert re.search(r"Our pond\.", shown["html"])


def test_no_head_requests(scenario: Scenario) -> None:
    assert scenario.server.methods() == {"GET"}


def test_no_media_then_a_normal_sync_fetches_the_media(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    """``--no-media`` (a metered connection) defers the files; the next sync gets them."""
    serve(feed_server)
    data = tmp_path / "data"
    import_network(data, network_toml(school_toml("pond", feeds=[feed_server.url("/feed.xml")])))
    _, report = sync(data, "--no-media")
    assert report["media_fetched"] == 0, report
    assert feed_entry(report, "pond")["new"] == 3, report
    for path in MEDIA:
        assert feed_server.requests_to(path) == [], f"{path} fetched with --no-media"
    _, report = sync(data)
    for path in MEDIA:
        assert len(feed_server.requests_to(path)) == 1, f"{path} not fetched by the next sync"
    assert report["media_fetched"] >= 4, report
