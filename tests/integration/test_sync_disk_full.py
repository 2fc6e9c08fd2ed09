"""A full disk during a sync stops it cleanly: a plain message, everything synced kept.

The disk is made "full" for the sync's process alone with a file-size limit
(``RLIMIT_FSIZE``, as a managed PC's quota would): writing past it fails with
EFBIG, which the app treats as a full disk. Root is not needed, and nothing else
on the machine notices.
"""

from __future__ import annotations

import os
import resource
from pathlib import Path

import pytest

from kaizen_exchange.cli.common import EXIT_STORE
from tests.integration.cli import (
    import_network,
    network_toml,
    one_post,
    posts_list,
    run_cli,
    school_toml,
    show_json,
    sync,
)
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import Item, rss

LIMIT = 1_500_000  # bytes any one file of the sync's process may reach
BIG_PICTURE = b"\xff\xd8\xff\xe0" + os.urandom(3_000_000)  # larger than the limit

pytestmark = pytest.mark.skipif(not hasattr(resource, "RLIMIT_FSIZE"), reason="POSIX only")


def test_a_full_disk_stops_the_sync_and_keeps_what_was_synced(
    feed_server: FeedServer, tmp_path: Path
) -> None:
    picture = f'<p>Our mural.</p><img src="{feed_server.url("/mural.jpg")}" alt="mural">'
    items = [Item(title=f"Art {n}", guid=f"art-{n}", content=picture) for n in (1, 2, 3)]
    feed_server.feed("/feed.xml", rss(items))
    feed_server.resource("/mural.jpg", BIG_PICTURE, "image/jpeg")
    data = tmp_path / "data"
    import_network(data, network_toml(school_toml("oak", feeds=[feed_server.url("/feed.xml")])))
    full = run_cli(data, "sync", file_size_limit=LIMIT, timeout=120)
    assert full.returncode == EXIT_STORE, full.describe()  # documented: the data cannot be written
    assert "disk is full" in full.stderr and "Traceback" not in full.stderr, full.stderr
    assert not list((data / "media").rglob(".part-*")), "a half-written file was left"

    posts = posts_list(data)  # the store opens and reads; the posts synced are kept
    assert sorted(p["title"] for p in posts) == ["Art 1", "Art 2", "Art 3"]
    _, report = sync(data)  # with space again, the next sync fetches the picture
    assert report["media_fetched"] == 1, report
    (mural,) = show_json(data, one_post(posts, "Art 1")["id"])["media"]
    assert Path(mural["path"]).read_bytes() == BIG_PICTURE
