"""Removing a partner school takes its feeds and posts, but never one with a booked call."""

from __future__ import annotations

import pytest

from kaizen_exchange.errors import BadInput, NotFound
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import export_network, import_network, remove_school
from kaizen_exchange.reading.posts import list_posts
from kaizen_exchange.schedule.sessions import NewSession, add_session, cancel_session
from kaizen_exchange.store.db import Store
from tests.helpers.stores import NETWORK, add_post


def test_removing_a_school_takes_its_feeds_posts_and_terms(store: Store) -> None:
    import_network(store, parse_network(NETWORK))
    add_post(store, "oak", "Oak rain")
    add_post(store, "gum", "Gum rain")

    removed = remove_school(store, "gum")

    assert (removed.feeds, removed.posts) == (1, 1)
    assert [s.id for s in export_network(store).schools] == ["oak"]
    assert [p.title for p in list_posts(store, search="rainfall")] == ["Oak rain"]
    assert store.integrity_ok()


def test_a_school_with_a_booked_call_is_not_removed(store: Store) -> None:
    import_network(store, parse_network(NETWORK))
    report = add_session(
        store,
        NewSession(
            schools=["oak", "gum"],
            start="2027-02-03 08:00",
            zone="oak",
            minutes=30,
            title="Hello",
            force=True,
        ),
    )
    with pytest.raises(BadInput, match="Gum Tree School takes part in 1 booked call;"):
        remove_school(store, "gum")
    assert [s.id for s in export_network(store).schools] == ["gum", "oak"]

    assert report.session.id is not None
    cancel_session(store, report.session.id)
    remove_school(store, "gum")
    assert [s.id for s in export_network(store).schools] == ["oak"]


def test_an_unknown_school_is_named(store: Store) -> None:
    with pytest.raises(NotFound, match="'elm'"):
        remove_school(store, "elm")
