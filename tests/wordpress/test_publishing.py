"""Publishing to the real WordPress through the command line: metadata stripped before it
leaves the PC, a surname blocks, exactly once through kills and outages, a Contributor's
post waits for approval, the post comes back through the sync, and a consent withdrawal
takes the child's photo down and nothing else."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from kaizen_exchange.paths import database_path
from tests.helpers.media_files import revealing_tags
from tests.helpers.publishing import places_holding
from tests.integration.cli import import_network, network_toml, ok, school_toml, sync
from tests.wordpress.publishing import CLASS, Classroom, media_of, posts_titled, wait_for
from tests.wordpress.server import WordPressSite

pytestmark = pytest.mark.wordpress


def _state(room: Classroom, draft_id: int) -> dict[str, Any]:
    listed = ok(room.run("share", "list", "--json")).json()
    return next(d for d in listed if d["id"] == draft_id)


def test_photos_and_video_arrive_without_location_and_come_back_through_the_sync(
    publishing_site: WordPressSite, tmp_path: Path
) -> None:
    room = Classroom.make(publishing_site, tmp_path)
    title = "Our bean towers reached the ceiling"
    draft = room.draft(title, "We built towers from **paper cups**.", photos=2, video=True)
    outcome = ok(room.publish(draft)).json()
    assert outcome["state"] == "published" and outcome["link"], outcome
    [post] = posts_titled(publishing_site, title)
    assert post["status"] == "publish" and post["link"] == outcome["link"], post
    assert set(post["tags"]) >= {"Resilient", "Kaizen tests"}, post
    assert post["categories"] == [CLASS], post
    media = media_of(publishing_site, post)
    assert len(media) == 3, (post["content"], media)
    assert post["featured_media"] in {m["id"] for m in media}, post
    for item in media:
        assert "IMG_" not in item["url"] and "IMG_" not in item["file"], item
        if item["mime"].startswith("image/"):
            assert item["alt"].startswith("Bean tower number"), item
        back = publishing_site.download(
            item["url"], tmp_path / Path(urlsplit(item["url"]).path).name
        )
        assert revealing_tags(back) == {}, (item["url"], revealing_tags(back))
    assert _state(room, draft)["state"] == "published", _state(room, draft)
    # our own school's blog, synced like a partner's: the post is there
    home = school_toml(
        "our-school",
        feeds=[publishing_site.rss_url],
        extra="home = true",
        country="AU",
        timezone="Australia/Sydney",
    )
    import_network(room.data, network_toml(home))
    ok(room.run("sync", "--no-media", "--history-pages", "1", "--json"), 0, 3)
    listed = ok(room.run("posts", "list", "--json")).json()
    assert [p["url"] for p in listed if p["title"] == title] == [outcome["link"]], listed[:3]


def test_a_surname_blocks_until_overridden(publishing_site: WordPressSite, tmp_path: Path) -> None:
    room = Classroom.make(publishing_site, tmp_path)
    title = "Amelia Hartley's poem"
    draft = room.draft(title, "Amelia Hartley wrote a poem about the sea.")
    mark = publishing_site.request_mark()
    refused = room.publish(draft)
    assert refused.returncode == 2, refused.describe()
    assert "surname" in refused.stderr, refused.describe()
    assert [r for r in publishing_site.requests_since(mark) if r.method != "GET"] == []
    assert posts_titled(publishing_site, title) == []
    published = ok(room.publish(draft, "--override", "surname"))
    assert published.json()["state"] == "published", published.describe()
    assert len(posts_titled(publishing_site, title)) == 1


@pytest.mark.parametrize(
    ("method", "path", "skip"),
    [("POST", "/wp/v2/media", 0), ("POST", "/wp/v2/media", 1), ("POST", "/wp/v2/posts", 0)],
    ids=["after-first-upload", "after-second-upload", "after-the-post"],
)
def test_killed_at_each_step_and_retried_makes_one_post_and_one_copy_of_each_file(
    publishing_site: WordPressSite, tmp_path: Path, method: str, path: str, skip: int
) -> None:
    room = Classroom.make(publishing_site, tmp_path)
    title = f"Killed {path.rsplit('/', 1)[-1]} {skip}: our sunflower diary"
    draft = room.draft(title, "The sunflowers grew 10 cm this week.", photos=2)
    publishing_site.hold(method, path, skip=skip)
    try:
        process = room.start("share", "publish", str(draft))
        wait_for(lambda: publishing_site.holding() or process.poll() is not None)
        assert process.poll() is None, "the publish ended before the step under test"
        process.send_signal(signal.SIGKILL)
        process.wait()
    finally:
        publishing_site.release()
    retried = ok(room.run("outbox", "retry", "--json", timeout=180)).json()
    assert [o["draft"] for o in retried["sent"]] == [draft], retried
    [post] = posts_titled(publishing_site, title)
    media = media_of(publishing_site, post)
    assert len(media) == 2, media
    token = post["slug"].rsplit("-", 1)[-1]  # the outbox's mark, also on each upload
    copies = sorted(m["slug"] for m in publishing_site.site_media() if m["slug"].startswith(token))
    assert len(copies) == 2, f"a file was uploaded more than once: {copies}"
    assert _state(room, draft)["state"] == "published"
    again = ok(room.run("outbox", "retry", "--json")).json()
    assert again["sent"] == [] and len(posts_titled(publishing_site, title)) == 1, again


def test_site_down_queues_then_retry_delivers_once(publishing_site: WordPressSite, tmp_path: Path):
    room = Classroom.make(publishing_site, tmp_path)
    title = "Sent while the blog was down"
    draft = room.draft(title, "Our class made a rain gauge.", photos=1)
    publishing_site.stop_web()
    try:
        queued = room.publish(draft)
        assert queued.returncode == 3, queued.describe()
        assert queued.json()["state"] == "queued", queued.describe()
        listed = ok(room.run("outbox", "list", "--json")).json()
        assert [(i["draft"], i["state"]) for i in listed] == [(draft, "queued")], listed
        assert "cannot be reached" in listed[0]["last_error"], listed
    finally:
        publishing_site.start_web()
    assert posts_titled(publishing_site, title) == []
    ok(room.run("outbox", "retry", "--json", timeout=180))
    assert len(posts_titled(publishing_site, title)) == 1
    ok(room.run("outbox", "retry", "--json"))
    assert len(posts_titled(publishing_site, title)) == 1
    assert _state(room, draft)["state"] == "published"
    logs = Path(os.environ["KAIZEN_EXCHANGE_LOG_DIR"])
    assert places_holding(publishing_site.auth[1], room.data, logs) == []


def test_a_contributors_post_waits_for_a_teacher(publishing_site: WordPressSite, tmp_path: Path):
    forum = Classroom.make(publishing_site, tmp_path / "forum", contributor=True)
    teacher = Classroom.make(publishing_site, tmp_path / "teacher")
    first = forum.draft("Pupil forum: our playground ideas", "We want a quiet corner.")
    second = forum.draft("Pupil forum: a friendship bench", "Anyone can sit and talk.")
    for draft in (first, second):
        sent = ok(forum.publish(draft)).json()
        assert sent["state"] == "pending", sent
        assert _state(forum, draft)["state_text"] == "Waiting for approval"
    [waiting_one] = posts_titled(publishing_site, "Pupil forum: our playground ideas")
    assert waiting_one["status"] == "pending" and waiting_one["author"] == "pupilforum"
    pending = ok(teacher.run("share", "pending", "--json")).json()
    ids = {p["title"]: p["id"] for p in pending}
    assert {"Pupil forum: our playground ideas", "Pupil forum: a friendship bench"} <= set(ids)
    note = "Please add what the quiet corner needs."
    ok(
        teacher.run(
            "share", "return", str(ids["Pupil forum: our playground ideas"]), "--note", note
        )
    )
    ok(teacher.run("share", "approve", str(ids["Pupil forum: a friendship bench"])))
    [returned] = posts_titled(publishing_site, "Pupil forum: our playground ideas")
    [approved] = posts_titled(publishing_site, "Pupil forum: a friendship bench")
    assert returned["status"] == "draft" and note in returned["content"], returned
    assert approved["status"] == "publish" and "kx-return-note" not in approved["content"]


def test_consent_withdrawn_takes_the_marked_photo_down_and_nothing_else(
    publishing_site: WordPressSite, tmp_path: Path
) -> None:
    room = Classroom.make(publishing_site, tmp_path)
    title = "Our class orchestra"
    draft = room.draft(title, "We played three pieces.", photos=2, marked="Noah")
    ok(room.publish(draft))
    [post] = posts_titled(publishing_site, title)
    media = media_of(publishing_site, post)
    assert len(media) == 2
    before = {p["id"]: p for p in publishing_site.site_posts() if p["id"] != post["id"]}
    media_before = {m["id"] for m in publishing_site.site_media()}
    ok(room.run("roster", "set", "Noah", "--class", CLASS, "--photo-consent", "no"))
    plan = ok(
        room.run("share", "takedown", "--pupil", "Noah", "--class", CLASS, "--dry-run", "--json")
    )
    assert [p["draft"] for p in plan.json()["posts"]] == [draft], plan.describe()
    assert posts_titled(publishing_site, title)[0]["content"] == post["content"]
    done = ok(room.run("share", "takedown", "--pupil", "Noah", "--class", CLASS, "--json")).json()
    [entry] = done["posts"]
    assert entry["done"] and len(entry["photos_removed"]) == 1 and not entry["switched_to_draft"]
    [after] = posts_titled(publishing_site, title)
    marked, other = sorted(media, key=lambda m: post["content"].index(m["url"]))
    assert marked["url"] not in after["content"] and other["url"] in after["content"], after
    assert after["status"] == "publish" and "three pieces" in after["content"]
    assert {m["id"] for m in publishing_site.site_media()} == media_before - {marked["id"]}
    assert not Path(marked["file"]).exists(), "the photo's file is still on the site"
    assert {p["id"]: p for p in publishing_site.site_posts() if p["id"] != post["id"]} == before


def test_the_sync_sends_what_waits_once_its_back_off_has_passed(
    publishing_site: WordPressSite, tmp_path: Path
) -> None:
    room = Classroom.make(publishing_site, tmp_path)
    title = "Sent by the sync"
    draft = room.draft(title, "Our class planted an oak.")
    publishing_site.stop_web()
    try:
        assert room.publish(draft).returncode == 3
    finally:
        publishing_site.start_web()
    _, early = sync(room.data, "--no-media")
    assert "outbox" not in early and posts_titled(publishing_site, title) == [], early
    with sqlite3.connect(database_path(room.data)) as db:  # five minutes later
        db.execute("UPDATE outbox SET next_try = '2000-01-01 00:00:00.000000'")
    _, report = sync(room.data, "--no-media")
    assert [o["draft"] for o in report["outbox"]["sent"]] == [draft], report["outbox"]
    assert len(posts_titled(publishing_site, title)) == 1
    assert _state(room, draft)["state"] == "published"
