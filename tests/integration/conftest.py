"""Fixtures for the end-to-end tests: real feed servers on loopback addresses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers.feed_server import FeedServer


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A fresh server on 127.0.0.1 (a free port) with no routes; configure it in the test."""
    with FeedServer("127.0.0.1") as server:
        yield server


@pytest.fixture
def other_host() -> Iterator[FeedServer]:
    """A second server on another loopback address, as a second school is another host."""
    with FeedServer("127.0.0.2") as server:
        yield server
