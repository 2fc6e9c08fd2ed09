"""Feeds' health, defined once: ``feeds list`` and the window's school rows say the same.

A feed whose last sync failed is "failing" in both, its school is marked failing,
and an address carrying a key never shows it, in the window or on the command line.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlmodel import select

from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from kaizen_exchange.reading.feeds import feed_health
from kaizen_exchange.reading.schools import schools
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed
from tests.helpers.cli import run_cli
from tests.helpers.stores import NETWORK

THIRD = """
[[schools]]
id = "fern"
name = "Fern Hill School"
country = "NZ"
timezone = "Pacific/Auckland"
blog = "https://fern.example/"
"""


def _synced(store: Store) -> None:
    """Oak's feed moved to an address with a key and works; Gum's blog is gone."""
    import_network(store, parse_network(NETWORK + THIRD, source="test network"))
    with store.session() as session:
        feeds = {f.school_id: f for f in session.exec(select(Feed))}
        feeds["oak"].url = "https://oak.example/feed/?key=s3cret-oak"
        feeds["oak"].status = "ok"
        feeds["oak"].last_success = datetime(2026, 5, 4, 8, 0, tzinfo=UTC)
        feeds["gum"].status = "gone"
        feeds["gum"].http_status = 410
        feeds["gum"].last_error = "The blog says this feed is gone for good (410)."
        feeds["gum"].failures = 3


def test_the_command_line_and_the_window_agree_on_which_feeds_fail(store: Store) -> None:
    _synced(store)
    ran = run_cli(store.folder, "feeds", "list", "--json")
    assert ran.code == 0, ran.err
    listed = {f["school"]: f for f in ran.json()}
    assert {school: f["failing"] for school, f in listed.items()} == {"oak": False, "gum": True}
    assert listed == {f.school: f.to_json() for f in feed_health(store)}
    rows = {s.id: s for s in schools(store)}
    window = {f.school: f.failing for row in rows.values() for f in row.feeds}
    assert window == {"oak": False, "gum": True}
    assert (rows["oak"].health, rows["gum"].health, rows["fern"].health) == (
        "ok",
        "failing",
        "waiting",
    )


def test_a_key_in_a_feed_address_is_never_shown(store: Store) -> None:
    _synced(store)
    shown = (
        run_cli(store.folder, "feeds", "list").out
        + run_cli(store.folder, "feeds", "list", "--json").out
    )
    window = [f.url for row in schools(store) for f in row.feeds]
    assert "s3cret" not in shown
    assert not any("s3cret" in url for url in window)
    assert "oak.example/feed/" in shown


def test_the_table_says_how_many_feeds_fail(store: Store) -> None:
    _synced(store)
    out = run_cli(store.folder, "feeds", "list").out
    assert "1 feed failing" in out
    assert "gone for good" in out
