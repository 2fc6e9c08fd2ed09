"""Replies from the class to a partner's real WordPress, and moderating our own blog.

The partner is the publishing tests' WordPress (``publishing_site``) read as Wattle
Creek's blog by a Greenfield Primary data folder with no account there: replies go
through WordPress's own comment form as a visitor's would. What WordPress stored is
read back by PHP (tests/wordpress/php/wp-comment-admin.php), not through the app.

Every test comments from 127.0.0.1, which WordPress holds to one comment per 15 s
("You are posting comments too quickly"); the module switches that off, and one test
switches it on again to see the app's answer to it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.publishing import account_set, check_json
from tests.integration.cli import (
    EXIT_PARTIAL,
    EXIT_USAGE,
    REPO,
    CliRun,
    cli_env,
    import_network,
    network_toml,
    ok,
    posts_list,
    run_cli,
    school_toml,
    sync,
)
from tests.wordpress.publishing import CLASS, ROSTER, Classroom, wait_for
from tests.wordpress.records import Post
from tests.wordpress.server import WordPressSite

pytestmark = pytest.mark.wordpress

AUTHOR = "Willow Class, Greenfield Primary"
EMAIL = "office@greenfield.example"


@dataclass
class Partner:
    """Greenfield's data folder, following the test WordPress as Wattle Creek's blog."""

    site: WordPressSite
    data: Path
    posts: dict[str, int]  # the seeded posts' addresses → their ids in the app

    def run(self, *args: str, **kwargs: Any) -> CliRun:
        return run_cli(self.data, *args, **kwargs)

    def post_id(self, post: Post) -> int:
        return self.posts[post.link]

    def reply(self, post: Post, text: str, *extra: str) -> CliRun:
        return self.run(
            "comments", "reply", str(self.post_id(post)), "--text", text, "--json", *extra
        )

    def thread(self, post: Post) -> list[dict[str, Any]]:
        shown = ok(self.run("posts", "show", str(self.post_id(post)), "--comments", "--json"))
        return _flat(shown.json()["comments"])


def _flat(threads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for node in threads:
        found.append(node)
        found.extend(_flat(node["replies"]))
    return found


def _with_text(site: WordPressSite, post: Post, text: str) -> list[dict[str, Any]]:
    return [c for c in site.post_comments(post.id) if c["content"] == text]


@pytest.fixture(scope="module")
def partner(
    publishing_site: WordPressSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Partner]:
    publishing_site.switch("comment_flood_off", True)
    folder = tmp_path_factory.mktemp("replies")
    data = folder / "data"
    home = school_toml(
        "greenfield", name="Greenfield Primary", extra=f'home = true\nemail = "{EMAIL}"'
    )
    wattle = school_toml(
        "wattle",
        name="Wattle Creek",
        country="AU",
        timezone="Australia/Sydney",
        feeds=[publishing_site.rss_url],
        extra='subdivision = "NSW"',
    )
    import_network(data, network_toml(home, wattle, name="Replies"))
    roster = folder / "willow.csv"
    roster.write_text(ROSTER)
    ok(run_cli(data, "roster", "import", str(roster), "--class", CLASS))
    ok(sync(data, "--no-media")[0])
    listed = {p["url"]: p["id"] for p in posts_list(data, "--limit", "100")}
    yield Partner(publishing_site, data, listed)
    publishing_site.switch("comment_flood_off", False)


def test_a_reply_waits_for_approval_then_shows_as_ours_and_published(partner: Partner) -> None:
    site, post = partner.site, partner.site.all_posts[0]
    text = "Hello Wattle Creek! Winter here is cold and wet, and we wear wellies."
    sent = ok(partner.reply(post, text))
    answer = sent.json()
    assert answer["state"] == "waiting", sent.describe()
    assert answer["message"] == "Sent, waiting for Wattle Creek's approval.", answer
    assert answer["author"] == AUTHOR
    (held,) = _with_text(site, post, text)
    assert (held["author"], held["email"], held["approved"]) == (AUTHOR, EMAIL, "0"), held
    (mine,) = [c for c in partner.thread(post) if c["text"] == text]
    assert mine["ours"] and mine["reply_state"] == "waiting" and mine["author"] == AUTHOR

    # a second reply at once meets WordPress's flood limit: queued, with a plain message
    site.switch("comment_flood_off", False)
    try:
        again = partner.reply(post, "And we made a snowman last year!")
    finally:
        site.switch("comment_flood_off", True)
    assert again.returncode == EXIT_PARTIAL, again.describe()
    assert again.json()["state"] == "queued"
    assert "too quickly" in again.json()["message"], again.describe()
    assert not _with_text(site, post, "And we made a snowman last year!")

    # Wattle Creek approves the first: the next sync shows it published. The queued one
    # (backed off, as the blog asked) goes with 'comments retry', approved at once:
    # WordPress trusts a name and e-mail it approved before
    site.set_comment_status(int(held["id"]), "approve")
    run, report = sync(partner.data, "--no-media")
    ok(run)
    assert report["replies"]["approved"] == 1 and not report["replies"]["sent"], report
    retried = ok(partner.run("comments", "retry", "--json"))
    (later,) = retried.json()["sent"]
    assert later["state"] == "approved", retried.describe()
    assert len(_with_text(site, post, "And we made a snowman last year!")) == 1
    shown = {c["text"]: c for c in partner.thread(post)}
    assert shown[text]["ours"] and shown[text]["reply_state"] == "approved", shown
    assert [c["text"] for c in partner.thread(post)].count(text) == 1


def test_a_reply_to_a_post_with_comments_closed_gets_a_plain_message(partner: Partner) -> None:
    site, post = partner.site, partner.site.all_posts[1]
    site.set_comments_open(post.id, False)
    try:
        refused = partner.reply(post, "Can we still say hello?")
    finally:
        site.set_comments_open(post.id, True)
    assert refused.returncode == 1, refused.describe()
    message = refused.json()["message"]
    assert message.startswith("Comments are closed on this post on Wattle Creek's blog"), message
    assert refused.json()["state"] == "failed"
    assert not _with_text(site, post, "Can we still say hello?")
    (kept,) = [c for c in partner.thread(post) if c["text"] == "Can we still say hello?"]
    assert kept["reply_state"] == "failed"  # kept, not lost, and shown as not sent


def test_a_reply_the_blog_bins_as_spam_is_not_told_as_published(partner: Partner) -> None:
    site, post = partner.site, partner.site.all_posts[1]
    text = "We watched the fireworks from the school field."
    site.set_disallowed_words("fireworks")  # WordPress answers as if it had published it
    try:
        sent = ok(partner.reply(post, text, "--as", "Birch Class"))
    finally:
        site.set_disallowed_words("")
    assert sent.json()["state"] == "waiting", sent.describe()
    assert "may have taken it for spam" in sent.json()["message"]
    (binned,) = _with_text(site, post, text)
    assert binned["approved"] == "trash"


def test_a_blocking_finding_stops_a_reply_until_overridden(partner: Partner) -> None:
    post = partner.site.all_posts[1]
    blocked = partner.reply(post, "Amelia Hartley loved your video!")
    assert blocked.returncode == EXIT_USAGE, blocked.describe()
    assert [f["kind"] for f in blocked.json()["findings"]] == ["surname"]
    assert not [c for c in partner.thread(post) if "Hartley" in c["text"]]
    assert not [c for c in partner.site.post_comments(post.id) if "Hartley" in c["content"]]


def test_a_reply_queued_while_wordpress_is_down_is_delivered_once(partner: Partner) -> None:
    site, post = partner.site, partner.site.all_posts[2]
    text = "We read your post about bean towers in class today."
    site.stop_web()
    try:
        queued = partner.reply(post, text, "--as", "Rowan Class")
    finally:
        site.start_web()
    assert queued.returncode == EXIT_PARTIAL, queued.describe()
    assert "cannot be reached" in queued.json()["message"]
    run, report = sync(partner.data, "--no-media")
    ok(run)
    (delivered,) = report["replies"]["sent"]
    assert delivered["state"] == "waiting", report
    ok(partner.run("comments", "retry"))  # nothing left to send: no second copy
    (stored,) = _with_text(site, post, text)
    assert stored["author"] == "Rowan Class, Greenfield Primary"


def _killed_mid_send(
    site: WordPressSite,
    data: Path,
    post_id: int,
    text: str,
    *extra: str,
    held: str = "wp-comments-post.php",
) -> None:
    """Starts a reply, lets WordPress store it, kills the app before it hears back."""
    site.hold("POST", held, below=400)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kaizen_exchange",
            "--data-dir",
            str(data),
            "comments",
            "reply",
            str(post_id),
            "--text",
            text,
            *extra,
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=cli_env(),
        cwd=REPO,
    )
    try:
        wait_for(site.holding, 60)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        site.release()


def test_a_kill_between_sending_and_recording_leaves_one_comment(partner: Partner) -> None:
    site, post = partner.site, partner.site.all_posts[2]
    held_text = "Our class voted: the tallest tower wins!"
    _killed_mid_send(site, partner.data, partner.post_id(post), held_text, "--as", "Oak Class")
    assert len(_with_text(site, post, held_text)) == 1  # WordPress has it; the app does not know
    retried = ok(partner.run("comments", "retry", "--json"))
    (held,) = retried.json()["sent"]
    assert held["state"] == "waiting", retried.describe()  # WordPress: "duplicate", so it is held
    (stored,) = _with_text(site, post, held_text)
    assert stored["approved"] == "0"

    # once Oak Class is approved there, its next reply is published at once: the retry
    # finds it in the blog's comments feed and sends nothing
    site.set_comment_status(int(stored["id"]), "approve")
    published_text = "Thank you for answering our questions."
    _killed_mid_send(site, partner.data, partner.post_id(post), published_text, "--as", "Oak Class")
    assert len(_with_text(site, post, published_text)) == 1
    mark = site.request_mark()
    retried = ok(partner.run("comments", "retry", "--json"))
    (found,) = retried.json()["sent"]
    assert found["state"] == "approved", retried.describe()
    assert not [r for r in site.requests_since(mark) if "wp-comments-post" in r.uri]
    assert len(_with_text(site, post, published_text)) == 1

    # the sync reads both back: each once in the thread, ours, published (the first one's
    # WordPress id was never heard: it is recognised by its post, author and words)
    ok(sync(partner.data, "--no-media")[0])
    thread = partner.thread(post)
    for text in (held_text, published_text):
        (shown,) = [c for c in thread if c["text"] == text]
        assert shown["ours"] and shown["reply_state"] == "approved", thread


def test_our_blogs_waiting_comments_are_checked_and_moderated(
    publishing_site: WordPressSite, tmp_path: Path
) -> None:
    site, post = publishing_site, publishing_site.all_posts[0]
    data = tmp_path / "data"
    check_json(account_set(data, site.base_url, *site.auth))
    roster = tmp_path / "willow.csv"
    roster.write_text(ROSTER)
    ok(run_cli(data, "roster", "import", str(roster), "--class", CLASS))
    made = site.add_comments(
        post,
        [
            {
                "author": "A parent",
                "email": "p1@example.invalid",
                "content": "Well done Amelia Hartley, what a tower!",
                "parent": None,
                "approved": False,
            },
            {
                "author": "Wattle Creek Year 4",
                "email": "y4@wattle.example",
                "content": "Ring us on 0412 345 678 about the call.",
                "parent": None,
                "approved": False,
            },
            {
                "author": "Someone",
                "email": "s@example.invalid",
                "content": "Buy cheap watches",
                "parent": None,
                "approved": False,
            },
        ],
    )
    ids = [int(str(c["id"])) for c in made]
    pending = ok(run_cli(data, "comments", "pending", "--json")).json()
    by_id = {c["id"]: c for c in pending}
    assert set(ids) <= set(by_id), pending
    assert [f["kind"] for f in by_id[ids[0]]["findings"]] == ["surname"]
    assert by_id[ids[0]]["findings"][0]["severity"] == "block"
    assert [f["kind"] for f in by_id[ids[1]]["findings"]] == ["phone"]
    assert by_id[ids[2]]["findings"] == []
    assert "Hartley" not in "".join(str(r.uri) for r in site.requests_since(0))

    for comment_id, action in zip(ids, ("approve", "spam", "trash"), strict=True):
        ok(run_cli(data, "comments", action, str(comment_id)))
    statuses = {int(c["id"]): c["approved"] for c in site.post_comments(post.id)}
    assert [statuses[i] for i in ids] == ["1", "spam", "trash"]
    left = {c["id"] for c in ok(run_cli(data, "comments", "pending", "--json")).json()}
    assert not left & set(ids)

    report = check_json(run_cli(data, "account", "check", "--json"))
    assert report["can_moderate"] is True and report["holds_every_comment"] is None
    assert "Settings → Discussion" in report["comments_note"]


def test_a_reply_on_our_own_blog_goes_through_the_account_live_at_once_and_once(
    publishing_site: WordPressSite, tmp_path: Path
) -> None:
    site, post = publishing_site, publishing_site.all_posts[2]
    room = Classroom.make(site, tmp_path)  # the school's Administrator account, the class list
    home = school_toml(
        "greenfield",
        name="Greenfield Primary",
        feeds=[site.rss_url],
        extra=f'home = true\nemail = "{EMAIL}"',
    )
    import_network(room.data, network_toml(home, name="Our own blog"))
    ok(sync(room.data, "--no-media")[0])
    post_id = {p["url"]: p["id"] for p in posts_list(room.data, "--limit", "100")}[post.link]

    mark = site.request_mark()
    text = "Thank you for all your answers! From Willow Class."
    sent = ok(room.run("comments", "reply", str(post_id), "--text", text, "--json"))
    assert sent.json()["state"] == "approved", sent.describe()
    (stored,) = _with_text(site, post, text)
    assert (stored["author"], stored["email"], stored["approved"]) == (AUTHOR, EMAIL, "1")
    uris = [r.uri for r in site.requests_since(mark)]
    assert any("wp/v2/comments" in u for u in uris) and not any(
        "wp-comments-post" in u for u in uris
    )

    # killed after WordPress stored it: the retry finds it through the account, sends nothing
    again = "We will write again after the holidays."
    _killed_mid_send(site, room.data, post_id, again, held="wp/v2/comments")
    mark = site.request_mark()
    retried = ok(room.run("comments", "retry", "--json"))
    (found,) = retried.json()["sent"]
    assert found["state"] == "approved", retried.describe()
    assert not [r for r in site.requests_since(mark) if r.method == "POST"]
    assert len(_with_text(site, post, again)) == 1
