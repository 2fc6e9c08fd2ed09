"""Comments against the real WordPress: what its comments feed gives is what a class reads.

A seeded post gets a conversation from PHP (tests/wordpress/php/wp-comments.php): a question,
an answer with a <script> in it, a reply to the answer, and one comment held for moderation.
The sync keeps the approved ones only, threaded as WordPress threads them, without the script;
a warm sync asks the comments feed once, conditionally, and no per-post feed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.integration.cli import (
    feed_entry,
    import_network,
    network_toml,
    ok,
    posts_list,
    run_cli,
    school_toml,
    sync,
)
from tests.wordpress.server import WordPressSite

pytestmark = pytest.mark.wordpress

CONVERSATION: list[dict[str, object]] = [
    {
        "author": "Wattle Creek Year 4",
        "email": "year4@wattle.example",
        "content": "A question for Greenfield: what is winter like for you?",
        "parent": None,
        "approved": True,
    },
    {
        "author": "Greenfield Willow Class",
        "email": "willow@greenfield.example",
        "content": "Cold and wet! We wear wellies.<script>document.title='owned'</script>",
        "parent": 0,
        "approved": True,
    },
    {
        "author": "Wattle Creek Year 4",
        "email": "year4@wattle.example",
        "content": "Brr! It is 30 degrees here.",
        "parent": 1,
        "approved": True,
    },
    {
        "author": "A stranger",
        "email": "stranger@example.invalid",
        "content": "Waiting for the teacher to approve this.",
        "parent": None,
        "approved": False,
    },
]


def _comments_feed(uri: str) -> bool:
    return "/comments/feed" in uri or "feed=comments" in uri


@pytest.fixture(scope="module")
def synced(wordpress: WordPressSite, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    post = wordpress.all_posts[0]
    made = wordpress.add_comments(post, CONVERSATION)
    data = tmp_path_factory.mktemp("wp-comments") / "data"
    school = school_toml(
        "wattle",
        name="Wattle Creek",
        country="AU",
        timezone="Australia/Sydney",
        feeds=[wordpress.rss_url],
        extra='subdivision = "NSW"',
    )
    import_network(data, network_toml(school, name="WordPress comments"))
    run, report = sync(data, "--no-media")
    ok(run)
    (listed,) = [p for p in posts_list(data, "--limit", "100") if p["url"] == post.link]
    return {"data": data, "report": report, "post_id": listed["id"], "made": made}


def _thread(data: Path, post_id: int) -> list[dict[str, Any]]:
    run = ok(run_cli(data, "posts", "show", str(post_id), "--comments", "--json"))
    comments: list[dict[str, Any]] = run.json()["comments"]
    return comments


def test_approved_comments_sync_threaded_without_the_script(synced: dict[str, Any]) -> None:
    assert feed_entry(synced["report"], "wattle")["comments_new"] == 3, synced["report"]
    (question,) = _thread(synced["data"], synced["post_id"])
    assert question["author"] == "Wattle Creek Year 4"
    assert question["text"] == "A question for Greenfield: what is winter like for you?"
    (answer,) = question["replies"]
    assert answer["author"] == "Greenfield Willow Class"
    assert answer["text"].startswith("Cold and wet! We wear wellies.")
    assert "script" not in answer["html"].lower() and "owned" not in answer["html"], answer
    assert "In reply to" not in answer["text"], answer
    (reply,) = answer["replies"]
    assert reply["text"] == "Brr! It is 30 degrees here." and reply["replies"] == []


def test_a_comment_held_for_moderation_is_never_synced(synced: dict[str, Any]) -> None:
    listed = ok(run_cli(synced["data"], "comments", "list", "--json")).json()
    assert len(listed) == 3
    assert "A stranger" not in {c["author"] for c in listed}


def test_a_warm_sync_asks_the_comments_feed_once_and_no_post_feed(
    wordpress: WordPressSite, synced: dict[str, Any]
) -> None:
    mark = wordpress.request_mark()
    run, report = sync(synced["data"], "--no-media")
    ok(run)
    requests = wordpress.requests_since(mark)
    comments = [r for r in requests if _comments_feed(r.uri)]
    assert len(comments) == 1 and comments[0].status == 304, requests
    assert comments[0].if_none_match or comments[0].if_modified_since, requests
    assert len(requests) == 2, requests  # the posts' feed and the comments feed, nothing else
    assert report["new_comments"] == 0
