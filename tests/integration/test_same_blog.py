"""One blog under two names is refused, naming the school that has it (issue 10).

Adding a blog the network already had, under a new name, showed every post twice.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kaizen_exchange.network.same_blog import site_key
from tests.integration.cli import (
    EXIT_USAGE,
    import_network,
    network_toml,
    posts_list,
    run_cli,
    school_toml,
    sync,
)
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import Item, rss


def blog(server: FeedServer) -> None:
    items = [
        Item(
            title=f"Rainfall {n}",
            link=server.url(f"/greenfield/rain-{n}/"),
            guid=f"rain-{n}",
            published=f"Mon, 0{n} Mar 2026 09:00:00 +0000",
            description="<p>Rain.</p>",
        )
        for n in (1, 2)
    ]
    body = rss(items, title="Greenfield", link=server.url("/greenfield/"))
    server.resource("/greenfield/feed/", body)
    server.resource("/greenfield/feed/atom/", body)


def test_the_same_blog_under_a_new_name_is_refused(feed_server: FeedServer, tmp_path: Path):
    blog(feed_server)
    data = tmp_path / "data"
    first = school_toml(
        "greenfield", name="Greenfield Primary", feeds=[feed_server.url("/greenfield/feed/")]
    )
    import_network(data, network_toml(first))
    sync(data)
    assert len(posts_list(data)) == 2
    # A colleague adds the same blog by its other feed, under another name.
    again = school_toml(
        "greenfield-2",
        name="Greenfield Juniors",
        feeds=[feed_server.url("/greenfield/feed/atom/")],
    )
    path = tmp_path / "again.toml"
    path.write_text(network_toml(first, again), encoding="utf-8")
    refused = run_cli(data, "network", "import", str(path))
    assert refused.returncode == EXIT_USAGE
    assert "Greenfield Primary already has this blog" in refused.stderr
    assert "Traceback" not in refused.stderr
    sync(data)
    assert len(posts_list(data)) == 2  # nothing stored, so no post twice
    # By its site's address too, written another way.
    site = feed_server.url("/greenfield/").replace("http://", "")
    path.write_text(
        network_toml(school_toml("greenfield-3", name="Greenfield 3", blog=site)),
        encoding="utf-8",
    )
    assert run_cli(data, "network", "import", str(path)).returncode == EXIT_USAGE
    # The school itself may be imported again (a network file is safe to repeat).
    import_network(data, network_toml(first))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("https://www.greenfield.example/", "greenfield.example"),
        ("http://greenfield.example/feed/", "https://greenfield.example"),
        ("https://greenfield.example/blog/feed/atom/", "greenfield.example/blog/"),
        ("https://greenfield.example/?feed=rss2", "https://GREENFIELD.example/"),
    ],
)
def test_one_site_written_many_ways(one, other):
    assert site_key(one) == site_key(other)


def test_two_blogs_on_one_host_stay_two():
    assert site_key("https://blogs.example/greenfield/feed/") != site_key(
        "https://blogs.example/millbrook/feed/"
    )
