"""The bundled demo network: served from 127.0.0.1 with no network, complete, and safe.

These tests read the demo the way the sync will: over HTTP from the in-process
server, with feedparser. They also hold the demo's content to the network's
safeguarding rule: posts are signed by teachers, never by pupils.
"""

from __future__ import annotations

import re
import socket
import struct
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from html.parser import HTMLParser
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

import feedparser
import httpx
import pytest

from kaizen_exchange.demo import PLACEHOLDER, DemoServer, demo_network_text, serve_demo
from kaizen_exchange.network.file import NetworkSpec, SchoolSpec, parse_network
from kaizen_exchange.resources import resource_path

#: Everyone allowed to sign a demo post or comment: teachers, never pupils.
TEACHERS = frozenset(
    {
        "Mrs Patel",
        "Mr Hughes",
        "Miss Carter",
        "Mr Doyle",
        "Ms Nguyen",
        "Mr Russo",
        "Mrs Walker",
        "Mr Kelly",
        "Ms O'Brien",
        "Mr Tran",
    }
)
QUALITIES = frozenset({"resilient", "resourceful", "reflective", "risk-taking"})

#: Feed path -> (entries, Content-Type). Karri Grove's is found from its home page.
FEEDS = {
    "/greenfield/feed/": (6, "application/rss+xml"),
    "/greenfield/feed/?paged=2": (4, "application/rss+xml"),
    "/millbrook/feed/atom/": (7, "application/atom+xml"),
    "/wattle-creek/feed/": (8, "application/rss+xml"),
    "/karri-grove/feed/": (8, "application/rss+xml"),
    "/stringybark/feed/": (7, "application/rss+xml"),
}
MAGIC = {"image/jpeg": b"\xff\xd8\xff", "image/png": b"\x89PNG", "application/pdf": b"%PDF-"}


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve_demo(port=None) as base:  # any free port: the app may hold the preferred one
        yield base


@pytest.fixture(scope="module")
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(trust_env=False, timeout=10) as http:
        yield http


@pytest.fixture(scope="module")
def feeds(base_url: str, client: httpx.Client) -> dict[str, feedparser.FeedParserDict]:
    parsed = {}
    for path in FEEDS:
        response = client.get(base_url + path)
        response.raise_for_status()
        parsed[path] = feedparser.parse(
            response.content,
            sanitize_html=False,  # keep what the app's own sanitizer will see (srcset)
            response_headers={
                "content-type": response.headers["content-type"],
                "content-location": base_url + path,
            },
        )
    return parsed


@pytest.fixture(scope="module")
def network(base_url: str) -> NetworkSpec:
    return parse_network(demo_network_text(base_url), source="demo network.toml")


class _Links(HTMLParser):
    """Collects what the sync would follow in a page or a post: images and feed links."""

    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.alternates: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "img":
            self.images.append(values["src"])
            for candidate in values.get("srcset", "").split(","):
                if candidate.strip():
                    self.images.append(candidate.split()[0])
        if tag == "link" and values.get("rel") == "alternate":
            self.alternates.append(values)


def _links(html: str) -> _Links:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser


def _school(network: NetworkSpec, school_id: str) -> SchoolSpec:
    return next(s for s in network.schools if s.id == school_id)


# --------------------------------------------------------------------------- network file


def test_network_file_parses_and_points_at_the_server(base_url: str, network: NetworkSpec):
    text = demo_network_text(base_url)
    assert PLACEHOLDER not in text
    assert [s.id for s in network.schools] == [
        "greenfield",
        "millbrook",
        "wattle-creek",
        "karri-grove",
        "stringybark",
    ]
    assert [s.id for s in network.schools if s.home] == ["greenfield"]
    places = {(s.country, s.subdivision, s.timezone) for s in network.schools}
    assert places == {
        ("GB", "ENG", "Europe/London"),
        ("AU", "NSW", "Australia/Sydney"),
        ("AU", "WA", "Australia/Perth"),
        ("AU", "SA", "Australia/Adelaide"),
    }
    for school in network.schools:
        assert school.blog == f"{base_url}/{school.id}/"
        assert all(feed.startswith(base_url + "/") for feed in school.feeds)
        assert school.day is not None
        assert school.calls is not None
    # Karri Grove gives only its blog, so adding it exercises feed discovery.
    assert _school(network, "karri-grove").feeds == []


def test_terms_are_realistic_for_2026_and_2027(network: NetworkSpec):
    for school in network.schools:
        assert school.terms is not None
        assert school.closures is not None
        per_year = 3 if school.country == "GB" else 4
        for year in (2026, 2027):
            assert sum(t.start.year == year for t in school.terms) == per_year, school.id
        for earlier, later in zip(school.terms, school.terms[1:], strict=False):
            assert earlier.end < later.start, school.id
        for closure in school.closures:
            assert any(t.start <= closure.start and closure.end <= t.end for t in school.terms), (
                f"{school.id}: {closure.name} {closure.start} is outside term time"
            )
        if school.country == "GB":
            assert sum("half term" in c.name for c in school.closures) >= 6, school.id


def _calls_utc(school: SchoolSpec, day: date) -> tuple[datetime, datetime]:
    assert school.calls is not None
    zone = ZoneInfo(school.timezone)
    start = datetime.combine(day, school.calls.start, zone).astimezone(UTC)
    return start, datetime.combine(day, school.calls.end, zone).astimezone(UTC)


@pytest.mark.parametrize(
    ("england", "australia", "uk_day"),
    [
        ("greenfield", "wattle-creek", date(2026, 6, 17)),  # BST and AEST: 9 hours
        ("greenfield", "karri-grove", date(2026, 6, 17)),  # Perth: 7 hours in summer
        ("greenfield", "karri-grove", date(2027, 1, 20)),  # … and 8 in winter
        ("millbrook", "stringybark", date(2026, 6, 17)),  # Adelaide: 8½ hours
    ],
)
def test_partner_call_hours_overlap(
    network: NetworkSpec, england: str, australia: str, uk_day: date
):
    """UK early morning meets Australian late afternoon (the same UTC instant)."""
    uk_start, uk_end = _calls_utc(_school(network, england), uk_day)
    au_start, au_end = _calls_utc(_school(network, australia), uk_day)
    overlap = min(uk_end, au_end) - max(uk_start, au_start)
    assert overlap >= timedelta(minutes=30), f"{england}/{australia}: {overlap}"


# --------------------------------------------------------------------------- serving


def test_feeds_are_served_with_types_and_validators(base_url: str, client: httpx.Client):
    for path, (_, content_type) in FEEDS.items():
        response = client.get(base_url + path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith(content_type), path
        assert response.headers["etag"].startswith('"')
        assert response.headers["last-modified"].endswith("GMT")
        assert PLACEHOLDER.encode() not in response.content, path
        assert base_url.encode() in response.content, path


def test_conditional_get_answers_304(base_url: str, client: httpx.Client):
    url = base_url + "/wattle-creek/feed/"
    first = client.get(url)
    etag, modified = first.headers["etag"], first.headers["last-modified"]

    by_etag = client.get(url, headers={"If-None-Match": etag})
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag.headers["etag"] == etag

    assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert client.get(url, headers={"If-None-Match": f'"old", W/{etag}'}).status_code == 304
    assert client.get(url, headers={"If-None-Match": '"old"'}).status_code == 200
    long_ago = format_datetime(datetime(2020, 1, 1, tzinfo=UTC), usegmt=True)
    assert client.get(url, headers={"If-Modified-Since": long_ago}).status_code == 200
    # If-None-Match wins over If-Modified-Since when both are sent.
    both = client.get(url, headers={"If-None-Match": '"old"', "If-Modified-Since": modified})
    assert both.status_code == 200

    image = base_url + "/greenfield/wp-content/uploads/2026/06/rainfall-greenfield-sydney.png"
    image_etag = client.get(image).headers["etag"]
    assert client.get(image, headers={"If-None-Match": image_etag}).status_code == 304


def test_head_gives_headers_only(base_url: str, client: httpx.Client):
    response = client.head(base_url + "/greenfield/feed/")
    assert response.status_code == 200
    assert int(response.headers["content-length"]) > 1000
    assert response.content == b""


def test_wordpress_paging_redirects_and_missing_files(base_url: str, client: httpx.Client):
    moved = client.get(base_url + "/greenfield/feed")
    assert moved.status_code == 301
    assert moved.headers["location"] == base_url + "/greenfield/feed/"
    assert client.get(base_url + "/greenfield/feed/?paged=1").status_code == 200
    assert client.get(base_url + "/greenfield/feed/?paged=3").status_code == 404  # past the end
    assert client.get(base_url + "/wattle-creek/feed/?paged=2").status_code == 404
    assert client.get(base_url + "/nowhere/feed/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/../network.toml", "/greenfield/../../network.toml", "/%2e%2e/network.toml"]
)
def test_nothing_outside_the_site_is_served(base_url: str, path: str):
    host, port = base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as conn:
        conn.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        reply = b""
        while chunk := conn.recv(65536):
            reply += chunk
    assert reply.startswith(b"HTTP/1.1 404"), reply[:60]
    assert b"[network]" not in reply


def test_latin1_feed_is_declared_and_decoded(base_url: str, client: httpx.Client, feeds):
    response = client.get(base_url + "/stringybark/feed/")
    assert response.headers["content-type"] == "application/rss+xml; charset=ISO-8859-1"
    assert "°C".encode("iso-8859-1") in response.content
    parsed = feeds["/stringybark/feed/"]
    text = " ".join(e.content[0].value for e in parsed.entries)
    assert "34 °C" in text
    assert "Reading café" in " ".join(e.title for e in parsed.entries)
    assert "Ms O'Brien" in {e.author for e in parsed.entries}


# --------------------------------------------------------------------------- content


def test_feeds_parse_with_the_expected_entries(feeds):
    for path, (count, _) in FEEDS.items():
        parsed = feeds[path]
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        assert len(parsed.entries) == count, path
        for entry in parsed.entries:
            assert entry.title and entry.link and entry.id
            assert entry.published_parsed is not None
            assert entry.content[0].value.startswith("<p>"), entry.link
            tags = {t.term for t in entry.tags}
            assert tags & QUALITIES, f"{entry.title}: no learner quality among {tags}"


def test_post_identity_is_wordpress_like(feeds):
    ids = [e.id for parsed in feeds.values() for e in parsed.entries]
    assert len(ids) == len(set(ids)) == 40
    assert all(re.fullmatch(r"http://[a-z0-9.-]+\.example/\?p=\d+", i) for i in ids)
    assert feeds["/greenfield/feed/"].entries[0].guidislink is False


def test_every_post_is_signed_by_a_teacher(base_url: str, client: httpx.Client, feeds):
    authors = {e.author for parsed in feeds.values() for e in parsed.entries}
    assert authors <= TEACHERS, f"not on the teachers' list: {authors - TEACHERS}"
    # The raw feeds too, so nothing slips past the parser.
    for path in [*FEEDS, "/karri-grove/comments/feed/"]:
        raw = client.get(base_url + path).content.decode("iso-8859-1")
        names = re.findall(r"<dc:creator><!\[CDATA\[(.*?)\]\]></dc:creator>", raw)
        names += re.findall(r"<author>\s*<name>(.*?)</name>", raw)
        assert names, path
        assert set(names) <= TEACHERS, f"{path}: {set(names) - TEACHERS}"


def test_blog_home_page_offers_feed_discovery(base_url: str, client: httpx.Client):
    page = client.get(base_url + "/karri-grove/")
    assert page.headers["content-type"].startswith("text/html")
    alternates = _links(page.text).alternates
    assert len(alternates) == 2
    posts = [a for a in alternates if "comments" not in a["href"]]
    comments = [a for a in alternates if "comments" in a["href"]]
    assert [a["href"] for a in posts] == [base_url + "/karri-grove/feed/"]
    assert all(a["type"] == "application/rss+xml" for a in alternates)
    # The comments feed exists too, and is not the posts feed.
    parsed = feedparser.parse(client.get(comments[0]["href"]).content)
    assert not parsed.bozo
    assert len(parsed.entries) == 4
    assert all(e.title.startswith("Comment on ") for e in parsed.entries)
    assert {e.author for e in parsed.entries} <= TEACHERS


def test_every_image_and_attachment_resolves(base_url: str, client: httpx.Client, feeds):
    images: set[str] = set()
    enclosures: dict[str, tuple[str, int]] = {}
    for parsed in feeds.values():
        if "image" in parsed.feed:
            images.add(parsed.feed.image.href)
        for entry in parsed.entries:
            for src in _links(entry.content[0].value).images:
                images.add(urljoin(entry.link, src))
            for enclosure in entry.enclosures:
                enclosures[enclosure.href] = (enclosure.type, int(enclosure.length))
    assert len(images) >= 35  # 29 pictures, Greenfield's 300-pixel copies, the site icons
    assert len(enclosures) == 2
    for url in images:
        assert url.startswith(base_url + "/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        kind = response.headers["content-type"]
        assert response.content.startswith(MAGIC[kind]), url
    for url, (kind, length) in enclosures.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"] == kind == "application/pdf"
        assert len(response.content) == length, f"{url}: enclosure length is wrong"
        assert response.content.startswith(MAGIC[kind]) and b"%%EOF" in response.content[-32:]


def test_relative_image_is_resolved_through_xml_base(base_url: str, feeds):
    atom = feeds["/millbrook/feed/atom/"]
    bug_hotel = next(e for e in atom.entries if "Bug hotel" in e.title)
    assert f'src="{base_url}/millbrook/wp-content/uploads/2026/06/bug-hotel.jpg"' in (
        bug_hotel.content[0].value
    )


def test_post_links_and_blog_pages_open(base_url: str, client: httpx.Client, feeds):
    links = {e.link for parsed in feeds.values() for e in parsed.entries}
    links |= {f"{base_url}/{school}/" for school in ("greenfield", "millbrook", "stringybark")}
    for url in links:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html"), url


def test_demo_is_small(feeds):
    demo = resource_path("demo")
    files = [
        p
        for p in demo.rglob("*")
        if p.is_file() and not any(part.startswith((".", "__")) for part in p.parts)
    ]
    assert sum(p.stat().st_size for p in files) < 1_500_000
    pictures = [p for p in files if p.suffix in (".jpg", ".png")]
    assert pictures
    assert all(p.stat().st_size < 60 * 1024 for p in pictures)


# --------------------------------------------------------------------------- the server's life


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_preferred_port_is_used_and_a_taken_port_is_not():
    wanted = _free_port()
    with serve_demo(port=wanted) as base:
        assert base == f"http://127.0.0.1:{wanted}"
        # A second demo (the window open while a script syncs) gets another port.
        with serve_demo(port=wanted) as other:
            assert other != base
            with httpx.Client(trust_env=False) as http:
                assert http.get(other + "/greenfield/feed/").status_code == 200
                assert http.get(base + "/greenfield/feed/").status_code == 200


def test_stop_frees_the_port_and_ends_the_thread():
    server = DemoServer(port=None)
    base = server.start()
    with httpx.Client(trust_env=False) as http:
        assert http.get(base + "/").status_code == 200  # leaves a keep-alive connection open
        server.stop()
        with pytest.raises(httpx.TransportError):
            http.get(base + "/", timeout=2)
    port = int(base.rsplit(":", 1)[1])
    assert f"kaizen-demo-server-{port}" not in {t.name for t in threading.enumerate()}
    with DemoServer(port=port) as again:  # the same port is free again at once
        assert again == base


def test_a_client_hanging_up_prints_nothing(capfd: pytest.CaptureFixture[str]):
    """A cancelled sync resets its connections; the server must not spill tracebacks."""
    with serve_demo(port=None) as base:
        host, port = base.removeprefix("http://").split(":")
        for request in (b"", b"GET /greenfield/fe"):
            conn = socket.create_connection((host, int(port)), timeout=5)
            conn.sendall(request)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()  # with linger 0: a reset, not a polite close
        with httpx.Client(trust_env=False) as http:
            assert http.get(base + "/").status_code == 200
    captured = capfd.readouterr()
    assert captured.err == ""
    assert captured.out == ""
