"""Comments sync against local servers: one site-wide comments feed per blog, contained.

Five WordPress-style blogs on one local server: one whose comments feed is a real
threaded conversation (with a script in a reply), one with no comments feed at all
(404: not an error), and three whose comments feed is hostile (endless, malformed,
an entity bomb). Every blog's posts sync whatever its comments feed does; the good
conversation is stored threaded and sanitized; a second sync asks each comments feed
once, conditionally, and never a per-post feed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli import (
    EXIT_OK,
    EXIT_PARTIAL,
    CliRun,
    assert_plain_message,
    feed_entry,
    import_network,
    network_toml,
    ok,
    posts_list,
    run_cli,
    school_toml,
    sync,
)
from tests.servers.comment_feeds import CommentItem, atom_billion_laughs, atom_comments
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import BASE_DATE, WORDPRESS_GENERATOR, rss, wordpress_items

BLOGS = ("talk", "quiet", "endless", "broken", "laughs")
BAD_COMMENTS = {
    "endless": r"large|big|size|limit|MB",
    "broken": r"comments feed",
    "laughs": r"entit|feed",
}
POSTS = 3


def _blog(server: FeedServer, name: str) -> str:
    site = server.url(f"/{name}").rstrip("/")
    items = wordpress_items(site, name.title(), POSTS)
    server.feed(f"/{name}/feed/", rss(items, link=site, generator=WORDPRESS_GENERATOR))
    return site


def _conversation(site: str) -> list[CommentItem]:
    post_guid, post_link = f"{site}/?p=1000", f"{site}/talk-post-0/"
    at = BASE_DATE + timedelta(hours=1)
    return [
        CommentItem(
            11, post_guid, post_link, "Wattle Creek Year 4", "<p>What is winter like?</p>", None, at
        ),
        CommentItem(
            12,
            post_guid,
            post_link,
            "Greenfield Willow Class",
            "<p>Cold and <b>wet</b>!</p><script>alert('hi')</script>",
            11,
            at + timedelta(minutes=5),
        ),
        CommentItem(
            13,
            post_guid,
            post_link,
            "Wattle Creek Year 4",
            "<p>Brr! Thank you.</p>",
            12,
            at + timedelta(minutes=9),
        ),
        CommentItem(
            14,
            post_guid,
            post_link,
            "Mrs Patel",
            "<p>Lovely post.</p>",
            None,
            at + timedelta(minutes=20),
        ),
        # a comment on a post older than anything we keep: skipped, not an error
        CommentItem(15, f"{site}/?p=1", f"{site}/ancient/", "Someone", "<p>Old</p>", None, at),
    ]


@dataclass
class Scenario:
    server: FeedServer
    data: Path
    first: CliRun
    report: dict[str, Any]


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Scenario]:
    with FeedServer("127.0.0.1") as server:
        sites = {name: _blog(server, name) for name in BLOGS}
        server.feed(
            "/talk/comments/feed/atom/", atom_comments(sites["talk"], _conversation(sites["talk"]))
        )
        server.status("/quiet/comments/feed/atom/", 404)
        server.endless("/endless/comments/feed/atom/")
        server.feed(
            "/broken/comments/feed/atom/", "<feed><entry><id>x#comment-1</id><content>unclosed"
        )
        server.feed("/laughs/comments/feed/atom/", atom_billion_laughs())
        data = tmp_path_factory.mktemp("comments") / "data"
        schools = [school_toml(name, feeds=[f"{sites[name]}/feed/"]) for name in BLOGS]
        import_network(data, network_toml(*schools))
        first, report = sync(data, "--no-media")
        yield Scenario(server, data, first, report)


def test_every_blogs_posts_sync_whatever_its_comments_feed_does(scenario: Scenario) -> None:
    assert scenario.first.returncode == EXIT_PARTIAL, scenario.first.describe()
    for name in BLOGS:
        entry = feed_entry(scenario.report, name)
        assert entry["status"] == "ok" and entry["new"] == POSTS, entry
        assert entry["error"] is None, entry
    assert len(posts_list(scenario.data, "--limit", "100")) == POSTS * len(BLOGS)


@pytest.mark.parametrize("name", BAD_COMMENTS)
def test_a_hostile_comments_feed_fails_alone_with_a_plain_message(
    scenario: Scenario, name: str
) -> None:
    entry = feed_entry(scenario.report, name)
    assert entry["comments_new"] == 0, entry
    assert_plain_message(entry["comments_error"], BAD_COMMENTS[name])


def test_a_blog_without_comments_feed_is_not_an_error(scenario: Scenario) -> None:
    entry = feed_entry(scenario.report, "quiet")
    assert entry["comments_error"] is None and entry["comments_new"] == 0, entry


def _thread(data: Path) -> list[dict[str, Any]]:
    (post,) = posts_list(data, "--school", "talk", "--search", "Talk post 0")
    run = ok(run_cli(data, "posts", "show", str(post["id"]), "--comments", "--json"))
    comments: list[dict[str, Any]] = run.json()["comments"]
    return comments


def test_the_conversation_is_stored_threaded_and_without_scripts(scenario: Scenario) -> None:
    assert feed_entry(scenario.report, "talk")["comments_new"] == 4, scenario.report
    question, thanks = _thread(scenario.data)
    assert (question["author"], question["text"]) == ("Wattle Creek Year 4", "What is winter like?")
    (answer,) = question["replies"]
    assert answer["author"] == "Greenfield Willow Class"
    assert "script" not in answer["html"] and "alert" not in answer["text"], answer
    assert "In reply to" not in answer["text"], answer  # the thread says it already
    (closing,) = answer["replies"]
    assert closing["text"] == "Brr! Thank you." and closing["replies"] == []
    assert thanks["author"] == "Mrs Patel" and thanks["replies"] == []
    (post,) = posts_list(scenario.data, "--school", "talk", "--search", "Talk post 0")
    page = ok(run_cli(scenario.data, "posts", "show", str(post["id"]), "--html", "--comments"))
    assert "Conversation (4)" in page.stdout and "Brr! Thank you." in page.stdout
    assert "<script" not in page.stdout


def test_comments_list_shows_them_newest_first_and_marks_them_read(scenario: Scenario) -> None:
    listed = ok(run_cli(scenario.data, "comments", "list", "--unread", "--json")).json()
    assert [c["author"] for c in listed] == [
        "Mrs Patel",
        "Wattle Creek Year 4",
        "Greenfield Willow Class",
        "Wattle Creek Year 4",
    ]
    assert all(c["school_id"] == "talk" and not c["read"] for c in listed)
    ok(run_cli(scenario.data, "comments", "list", "--school", "talk", "--mark-read"))
    assert ok(run_cli(scenario.data, "comments", "list", "--unread", "--json")).json() == []
    bad = run_cli(scenario.data, "comments", "list", "--since", "last week")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr, bad.describe()


def test_a_second_sync_asks_each_comments_feed_once_conditionally(scenario: Scenario) -> None:
    mark = scenario.server.checkpoint()
    run, report = sync(scenario.data, "--no-media")
    asked = [r for r in scenario.server.requests[mark:] if "/comments/" in r.path]
    talk = [r for r in asked if r.path.startswith("/talk/")]
    assert len(talk) == 1 and talk[0].header("if-none-match"), [r.path for r in asked]
    assert feed_entry(report, "talk")["comments_new"] == 0
    # the blog without one is not asked again for a week; no per-post feed is ever asked
    assert not [r for r in asked if r.path.startswith("/quiet/")], [r.path for r in asked]
    assert not [r for r in scenario.server.requests if "-post-" in r.path and "/feed" in r.path]
    assert run.returncode in (EXIT_OK, EXIT_PARTIAL)
    assert _thread(scenario.data)[0]["replies"][0]["author"] == "Greenfield Willow Class"


def test_a_new_comment_is_added_and_the_known_ones_are_not_rewritten(scenario: Scenario) -> None:
    site = scenario.server.url("/talk").rstrip("/")
    conversation = _conversation(site)
    late = BASE_DATE + timedelta(days=1)
    conversation.append(
        CommentItem(
            16, f"{site}/?p=1001", f"{site}/talk-post-1/", "Mr Brown", "<p>Hi</p>", None, late
        )
    )
    scenario.server.feed("/talk/comments/feed/atom/", atom_comments(site, conversation))
    _, report = sync(scenario.data, "--no-media")
    entry = feed_entry(report, "talk")
    assert (entry["comments_new"], entry["comments_updated"]) == (1, 0), entry
    assert len(_thread(scenario.data)) == 2  # the first post's conversation as it was


def test_a_comments_words_find_its_post(scenario: Scenario) -> None:
    found = posts_list(scenario.data, "--search", "wet winter")
    assert found == []  # words of two comments together do not make a match
    (post,) = posts_list(scenario.data, "--search", "winter")
    assert post["title"] == "Talk post 0"
    (post,) = posts_list(scenario.data, "--search", "Brr thank")
    assert post["title"] == "Talk post 0"
