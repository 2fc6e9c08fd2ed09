"""A worker's page: parsed and stored once; the same bytes again are only an answer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from kaizen_exchange.feeds import writer
from kaizen_exchange.feeds.page_store import PageJob, store_page
from kaizen_exchange.feeds.parse import FeedParseError
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import Feed, School
from tests.servers.feeds import WORDPRESS_GENERATOR, rss, wordpress_items

BASE = "http://oak.test"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path)
    with store.session() as session:
        session.add(School(id="oak", name="Oak", country="GB", timezone="Europe/London"))
        session.flush()
        session.add(Feed(id=1, school_id="oak", url=f"{BASE}/feed/"))
    return store


def _job(store: Store, body: bytes, same_as: str | None) -> PageJob:
    answer = writer.answer(1, "ok", 200, {"etag": '"v1"'}, None)
    return PageJob(str(store.path), 1, "oak", body, f"{BASE}/feed/", {}, answer, same_as)


def _feed_row(store: Store) -> tuple[str | None, str | None, str | None]:
    rows = store.execute_raw("SELECT body_hash, etag, last_checked FROM feed WHERE id = 1")
    return rows[0][0], rows[0][1], rows[0][2]


def test_a_new_body_is_stored_with_its_digest(store: Store) -> None:
    body = rss(wordpress_items(BASE, "Oak", 3), generator=WORDPRESS_GENERATOR).encode()
    result = store_page(_job(store, body, None))
    assert (result.new, result.entries, result.unchanged) == (3, 3, False)
    assert result.is_wordpress
    assert result.body_hash == hashlib.sha256(body).hexdigest()
    assert _feed_row(store)[:2] == (result.body_hash, '"v1"')


def test_the_same_bytes_again_are_not_parsed_but_the_answer_is_recorded(store: Store) -> None:
    body = b"<html>not a feed at all</html>"
    with pytest.raises(FeedParseError):
        store_page(_job(store, body, None))
    digest = hashlib.sha256(body).hexdigest()
    result = store_page(_job(store, body, digest))  # would raise if it were parsed
    assert (result.new, result.updated, result.unchanged) == (0, 0, True)
    _, etag, checked = _feed_row(store)
    assert etag == '"v1"' and checked is not None
    assert store.execute_raw("SELECT count(*) FROM post")[0][0] == 0
