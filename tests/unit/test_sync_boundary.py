"""The sync's one boundary: an exception nobody foresaw fails only its feed, post or file.

The integration tests cover the values seen so far; these make a bug of our own
(an exception raised where none was expected) fail at each level, to show the
boundary is structural: the rest syncs, the report names the failure in a plain
sentence, and the traceback goes to the log.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kaizen_exchange.feeds import media_sync, parse
from kaizen_exchange.feeds.parse import parse_feed
from kaizen_exchange.feeds.raw_entry import RawEntry
from kaizen_exchange.feeds.sync import SyncOptions, run_sync
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.media_cache import extension_for as cache_extension_for
from kaizen_exchange.store.models import Feed, School
from tests.servers.feed_server import FeedServer, jpeg_bytes
from tests.servers.feeds import Item, rss


@pytest.fixture
def server() -> Iterator[FeedServer]:
    with FeedServer("127.0.0.1") as running:
        for name in ("oak", "elm"):
            picture = f'<img src="{running.url(f"/{name}.jpg")}" alt="">'
            items = [
                Item(title=f"{name} {n}", guid=f"{name}-{n}", content=f"<p>{n}</p>{picture}")
                for n in (1, 2)
            ]
            running.feed(f"/{name}.xml", rss(items))
            running.resource(f"/{name}.jpg", jpeg_bytes(name), "image/jpeg")
        yield running


@pytest.fixture
def store(tmp_path: Path, server: FeedServer) -> Store:
    store = Store(tmp_path)
    with store.session() as session:
        for name in ("oak", "elm"):
            session.add(School(id=name, name=name, country="GB", timezone="Europe/London"))
            session.flush()
            session.add(Feed(school_id=name, url=server.url(f"/{name}.xml")))
    return store


def _sync(store: Store) -> dict[str, Any]:
    report = run_sync(store.database, SyncOptions(workers=1))
    return report.to_json()


def _titles(store: Store) -> set[str]:
    return {row[0] for row in store.execute_raw("SELECT title FROM post")}


def test_an_unexpected_error_in_one_feed_fails_that_feed_only(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(body: bytes, url: str, headers: dict[str, str] | None = None) -> object:
        if url.endswith("/oak.xml"):
            raise ZeroDivisionError("a bug of ours")
        return parse_feed(body, url, headers)

    monkeypatch.setattr(parse, "parse_feed", broken)
    with caplog.at_level(logging.ERROR):
        report = _sync(store)
    feeds = {f["school"]: f for f in report["feeds"]}
    assert feeds["oak"]["status"] == "error"
    assert "log file" in feeds["oak"]["error"] and "Zero" not in feeds["oak"]["error"]
    assert feeds["elm"]["status"] == "ok" and feeds["elm"]["new"] == 2
    assert _titles(store) == {"elm 1", "elm 2"}
    assert report["media_fetched"] == 1  # elm's picture
    assert "ZeroDivisionError: a bug of ours" in caplog.text  # the traceback, for IT
    (error,) = store.execute_raw("SELECT last_error FROM feed WHERE school_id = 'oak'")[0]
    assert error == feeds["oak"]["error"]  # `feeds list` shows the same sentence


def test_an_unexpected_error_in_one_post_skips_that_post_only(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = parse.parsed_entry

    def broken(raw: RawEntry, feed_url: str) -> parse.ParsedEntry:
        if raw.title == "oak 2":
            raise ValueError("a bug of ours")
        return real(raw, feed_url)

    monkeypatch.setattr(parse, "parsed_entry", broken)
    with caplog.at_level(logging.ERROR):
        report = _sync(store)
    feeds = {f["school"]: f for f in report["feeds"]}
    assert feeds["oak"]["status"] == "ok" and feeds["oak"]["new"] == 1
    (skipped,) = feeds["oak"]["items_failed"]
    assert skipped["item"] == "\u201coak 2\u201d"
    assert "could not be read" in skipped["error"]
    assert _titles(store) == {"oak 1", "elm 1", "elm 2"}
    assert report["items_failed"] == 1
    assert "ValueError: a bug of ours" in caplog.text and "oak-2" in caplog.text


def test_an_unexpected_error_in_one_file_fails_that_file_only(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = cache_extension_for  # what media_sync calls, until the test replaces it

    def broken(mime: str, url: str) -> str:
        if url.endswith("/oak.jpg"):
            raise KeyError("a bug of ours")
        return real(mime, url)

    monkeypatch.setattr(media_sync, "extension_for", broken)
    with caplog.at_level(logging.ERROR):
        report = _sync(store)
    assert report["media_fetched"] == 1
    (failed,) = report["media_errors"]
    assert failed["item"].endswith("/oak.jpg") and failed["school"] == "oak"
    assert "log file" in failed["error"]
    assert "KeyError" in caplog.text
    statuses = dict(store.execute_raw("SELECT url, status FROM media"))
    assert {url.rsplit("/", 1)[1]: s for url, s in statuses.items()} == {
        "oak.jpg": "error",
        "elm.jpg": "ok",
    }
