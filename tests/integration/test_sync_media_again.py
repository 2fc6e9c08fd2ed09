"""Pictures come back: after "Empty the cache", after a file was lost, after a failure.

Each sync here finds the feed unchanged (304), as the next real sync would: the
pictures must be fetched again all the same. Until a picture is cached, the post's
HTML shows a local placeholder, never the partner's address.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.integration.cli import (
    feed_entry,
    import_network,
    network_toml,
    ok,
    one_post,
    posts_list,
    run_cli,
    school_toml,
    show_html,
    show_json,
    sync,
)
from tests.servers.feed_server import FeedServer, jpeg_bytes
from tests.servers.feeds import Item, rss

GARDEN = jpeg_bytes("garden")
POND = jpeg_bytes("pond")
_SRC = re.compile(r'\bsrc="([^"]*)"')


def _serve_feed(server: FeedServer) -> None:
    html = (
        f'<p>Garden.</p><img src="{server.url("/img/garden.jpg")}" alt="garden">'
        f'<p>Pond.</p><img src="{server.url("/img/pond.jpg")}" alt="pond">'
    )
    item = Item(title="Outdoors", guid="out-1", link=server.url("/out/"), content=html)
    server.feed("/feed.xml", rss([item]))


def _setup(server: FeedServer, data: Path) -> int:
    _serve_feed(server)
    import_network(data, network_toml(school_toml("oak", feeds=[server.url("/feed.xml")])))
    sync(data)
    return int(one_post(posts_list(data), "Outdoors")["id"])


def _serve_pictures(server: FeedServer) -> None:
    server.resource("/img/garden.jpg", GARDEN, "image/jpeg")
    server.resource("/img/pond.jpg", POND, "image/jpeg")


def _media(data: Path, post_id: int) -> dict[str, dict[str, object]]:
    shown = show_json(data, post_id)
    return {str(m["url"]).rsplit("/", 1)[1]: m for m in shown["media"]}


def test_emptied_cache_comes_back_with_the_next_sync(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    _serve_pictures(feed_server)
    data = tmp_path / "data"
    post_id = _setup(feed_server, data)
    assert all(m["status"] == "ok" for m in _media(data, post_id).values())
    ok(run_cli(data, "cache", "empty"))
    media = _media(data, post_id)
    assert all(m["path"] is None for m in media.values()), media  # not claimed offline
    before = feed_server.checkpoint()
    _, report = sync(data)
    assert feed_entry(report, "oak")["status"] == "not_modified"
    assert report["media_fetched"] == 2, report
    assert len(feed_server.requests_to("/img/garden.jpg", since=before)) == 1
    media = _media(data, post_id)
    assert Path(str(media["garden.jpg"]["path"])).read_bytes() == GARDEN


def test_a_file_lost_from_the_disk_is_not_offline_and_comes_back(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    _serve_pictures(feed_server)
    data = tmp_path / "data"
    post_id = _setup(feed_server, data)
    Path(str(_media(data, post_id)["pond.jpg"]["path"])).unlink()  # a cleaner, by hand…
    lost = _media(data, post_id)["pond.jpg"]
    assert lost["path"] is None and lost["status"] == "missing", lost
    assert "pond.jpg" not in show_html(data, post_id)
    _, report = sync(data)
    assert report["media_fetched"] == 1, report
    assert Path(str(_media(data, post_id)["pond.jpg"]["path"])).read_bytes() == POND


def test_a_failed_picture_is_retried_with_back_off_and_shown_as_a_placeholder(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.status("/img/garden.jpg", 503)  # down for now, back at the next sync
    feed_server.status("/img/pond.jpg", 500)  # down for longer
    data = tmp_path / "data"
    post_id = _setup(feed_server, data)
    sources = _SRC.findall(show_html(data, post_id))
    assert len(sources) == 2 and all(s.startswith("data:image/") for s in sources), sources

    feed_server.resource("/img/garden.jpg", GARDEN, "image/jpeg")
    _, second = sync(data)  # the first failure is retried at once
    assert second["media_fetched"] == 1, second
    assert [e["item"].rsplit("/", 1)[1] for e in second["media_errors"]] == ["pond.jpg"]
    assert second["media_errors"][0]["post"] == "Outdoors"
    sources = _SRC.findall(show_html(data, post_id))
    assert sources[0].startswith("file://") and sources[1].startswith("data:image/"), sources

    before = feed_server.checkpoint()
    feed_server.resource("/img/pond.jpg", POND, "image/jpeg")
    _, third = sync(data)  # two failures in a row: the pond waits its back-off (5 min)
    assert feed_server.requests_to("/img/pond.jpg", since=before) == []
    assert third["media_fetched"] == 0 and third["media_errors"] == []
    assert _media(data, post_id)["pond.jpg"]["status"] == "error"


SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40">'
    b'<script>alert("from a partner blog")</script><rect width="40" height="40"/></svg>'
)


def test_an_svg_is_kept_inert_and_never_shown_as_itself(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    feed_server.resource("/img/garden.jpg", GARDEN, "image/jpeg")
    feed_server.resource("/img/pond.jpg", SCRIPTED_SVG, "image/svg+xml")  # a "picture"
    data = tmp_path / "data"
    post_id = _setup(feed_server, data)
    svg = _media(data, post_id)["pond.jpg"]
    assert svg["status"] == "ok" and str(svg["path"]).endswith(".bin"), svg
    assert Path(str(svg["path"])).read_bytes() == SCRIPTED_SVG  # kept, but inert
    sources = _SRC.findall(show_html(data, post_id))
    assert sources[0].startswith("file://") and sources[1].startswith("data:image/"), sources
    files = [p.suffix for p in (data / "media").rglob("*") if p.is_file()]
    assert sorted(files) == [".bin", ".jpg"], files
