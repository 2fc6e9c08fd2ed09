"""Posts new since a moment, defined once: ``posts new`` and Today's "New from your partners".

New means fetched after the moment (a post written last week but synced today is
news), and our own school's posts are never news to us.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.reading.new_posts import new_from_partners
from kaizen_exchange.store.db import Store
from tests.helpers.cli import run_cli
from tests.helpers.stores import NETWORK, add_post

OURS = """
[[schools]]
id = "home"
name = "Our School"
country = "GB"
timezone = "Europe/London"
home = true
feeds = ["https://ours.example/feed/"]
"""

LOOKED = datetime(2026, 5, 4, 15, 0, tzinfo=UTC)  # when the teacher last looked


def _store(store: Store) -> Store:
    import_network(store, parse_network(NETWORK + OURS, source="test network"))
    hour = timedelta(hours=1)
    add_post(store, "oak", "Seen before", LOOKED - 48 * hour, LOOKED - hour)
    add_post(store, "oak", "Old story, synced late", LOOKED - 72 * hour, LOOKED + hour)
    add_post(store, "gum", "Rain gauges", LOOKED + 2 * hour, LOOKED + 3 * hour)
    add_post(store, "home", "Our own news", LOOKED + 2 * hour, LOOKED + 3 * hour)
    return store


def test_new_posts_are_those_fetched_since_and_not_our_own(store: Store) -> None:
    news = new_from_partners(_store(store), LOOKED)
    assert news.count == 2
    assert [p.title for p in news.newest] == ["Rain gauges", "Old story, synced late"]
    assert new_from_partners(store, None).count == 3  # never looked: every partner post


def test_the_command_line_counts_what_the_window_counts(store: Store) -> None:
    _store(store)
    ran = run_cli(store.folder, "posts", "new", "--since", LOOKED.isoformat(), "--json")
    assert ran.code == 0, ran.err
    assert ran.json() == new_from_partners(store, LOOKED).to_json()
    assert ran.json()["count"] == 2
    text = run_cli(store.folder, "posts", "new", "--since", LOOKED.isoformat()).out
    assert "2 new posts from partner schools" in text
    assert "Rain gauges" in text and "Our own news" not in text


def test_a_moment_without_an_offset_is_on_this_computers_clock(store: Store) -> None:
    _store(store)
    local = LOOKED.astimezone().strftime("%Y-%m-%d %H:%M")
    ran = run_cli(store.folder, "posts", "new", "--since", local, "--json")
    assert ran.json()["count"] == 2


def test_a_moment_that_is_not_one_is_refused_in_plain_words(store: Store) -> None:
    line = run_cli(_store(store).folder, "posts", "new", "--since", "last Tuesday").refusal()
    assert "--since 'last Tuesday' is not a date and time" in line
