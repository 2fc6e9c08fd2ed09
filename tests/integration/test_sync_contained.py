"""One malformed value fails alone: its feed, post or file, never the whole sync.

Each case below once stopped every `sync` with a traceback (exit 1, no report), and
because the bad value was stored, every later sync failed the same way for every
school. Now each is an error of its own feed or file, named in the report with a
plain reason, while the good school beside them syncs and its pictures are fetched;
and a second sync works the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kaizen_exchange.paths import database_path
from tests.integration.cli import (
    EXIT_PARTIAL,
    CliRun,
    assert_plain_message,
    feed_entry,
    import_network,
    network_toml,
    one_post,
    posts_list,
    school_toml,
    show_json,
    sync,
)
from tests.servers.feed_server import FeedServer, jpeg_bytes, pdf_bytes
from tests.servers.feeds import Item, rss

PDF = pdf_bytes("Sports day letter")
LONG_PICTURE = "/img/" + "x" * 100_000 + ".jpg"

#: school id -> how its stored feed address is broken, and what its error must say
BAD_ADDRESSES = {
    "port-word": ("http://127.0.0.1:abc/feed.xml", r"port"),
    "port-range": ("http://127.0.0.1:99999/feed.xml", r"port"),
    "tab": ("http://127.0.0.1:{port}/fe\ted.xml", r"tab|space|invisible"),
}


def _post(server: FeedServer, name: str, **kwargs: Any) -> Item:
    return Item(
        title=f"{name} post",
        link=server.url(f"/{name}/1/"),
        guid=f"{name}-1",
        published="Tue, 03 Mar 2026 10:00:00 +0000",
        **kwargs,
    )


def serve(server: FeedServer) -> None:
    server.resource("/img/good.jpg", jpeg_bytes("good"), "image/jpeg")
    server.resource("/files/letter.pdf", PDF, "application/pdf")
    picture = f'<p>Our garden.</p><img src="{server.url("/img/good.jpg")}" alt="garden">'
    server.feed("/good/feed.xml", rss([_post(server, "good", content=picture)]))
    for name, length in (("superscript", "²"), ("digits", "9" * 5000)):
        letter = [(server.url("/files/letter.pdf"), length, "application/pdf")]
        server.feed(f"/{name}/feed.xml", rss([_post(server, name, enclosures=letter)]))
    long_picture = f'<p>Long.</p><img src="{server.url(LONG_PICTURE)}" alt="long">'
    server.feed("/long/feed.xml", rss([_post(server, "long", content=long_picture)]))


@dataclass
class Scenario:
    data: Path
    first: tuple[CliRun, dict[str, Any]]
    second: tuple[CliRun, dict[str, Any]]
    posts: list[dict[str, Any]]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    data = tmp_path_factory.mktemp("contained") / "data"
    with FeedServer("127.0.0.1") as server:
        serve(server)
        good = [
            school_toml(name, feeds=[server.url(f"/{name}/feed.xml")])
            for name in ("good", "superscript", "digits", "long")
        ]
        import_network(data, network_toml(*good))
        _store_bad_addresses(data, server.port)
        first = sync(data)
        second = sync(data)
        yield Scenario(data, first, second, posts_list(data))


def _store_bad_addresses(data: Path, port: int) -> None:
    """Store the broken addresses as an older version did: imports now refuse them."""
    with sqlite3.connect(database_path(data)) as db:
        for school, (url, _) in BAD_ADDRESSES.items():
            db.execute(
                "INSERT INTO school (id, name, country, timezone, home) "
                "VALUES (?, ?, 'GB', 'Europe/London', 0)",
                (school, school),
            )
            db.execute(
                "INSERT INTO feed (school_id, url, status, failures, history_done) "
                "VALUES (?, ?, 'new', 0, 0)",
                (school, url.format(port=port)),
            )


@pytest.mark.parametrize("run", ["first", "second"])
def test_bad_addresses_fail_alone_in_every_sync(scenario: Scenario, run: str) -> None:
    cli, report = getattr(scenario, run)
    assert cli.returncode == EXIT_PARTIAL, cli.describe()
    assert "Traceback" not in cli.stderr, cli.describe()
    for school, (_, pattern) in BAD_ADDRESSES.items():
        entry = feed_entry(report, school)
        assert entry["status"] == "error", entry
        assert_plain_message(entry["error"], pattern)
    good = feed_entry(report, "good")
    assert good["status"] in ("ok", "not_modified"), good


def test_the_good_school_synced_with_its_picture(scenario: Scenario) -> None:
    _, report = scenario.first
    assert feed_entry(report, "good")["new"] == 1
    shown = show_json(scenario.data, one_post(scenario.posts, "good post")["id"])
    (picture,) = shown["media"]
    assert picture["status"] == "ok" and picture["path"], picture
    assert Path(picture["path"]).read_bytes() == jpeg_bytes("good")


@pytest.mark.parametrize("school", ["superscript", "digits"])
def test_an_enclosure_length_that_is_no_number_is_only_an_unknown_size(
    scenario: Scenario, school: str
) -> None:
    """The length is a hint: "²" or 5,000 digits leave the size unknown, the post and
    its attachment are kept."""
    _, report = scenario.first
    entry = feed_entry(report, school)
    assert entry["status"] == "ok" and entry["new"] == 1, entry
    shown = show_json(scenario.data, one_post(scenario.posts, f"{school} post")["id"])
    (letter,) = shown["media"]
    assert letter["status"] == "ok" and Path(letter["path"]).read_bytes() == PDF, letter


def test_a_picture_address_of_100_kb_is_that_pictures_error(scenario: Scenario) -> None:
    _, report = scenario.first
    assert feed_entry(report, "long")["status"] == "ok"
    errors = [e for e in report["media_errors"] if e["school"] == "long"]
    assert len(errors) == 1, report["media_errors"]
    assert errors[0]["post"] == "long post"
    assert len(errors[0]["item"]) < 300, "the report shows the address shortened"
    assert_plain_message(errors[0]["error"], r"long|address")
    assert report["media_fetched"] >= 2  # the good school's picture and the letter


def test_a_broken_address_is_not_asked_again(scenario: Scenario) -> None:
    """A picture whose address can never work is marked so, not retried at every sync."""
    _, report = scenario.second
    assert not [e for e in report["media_errors"] if e["school"] == "long"], report
