"""Credentials in a feed address never show: not in `feeds list`, the sync report or the log.

Import now refuses such addresses, but a store may already hold them (an older
version accepted them), so the redaction sits where things are shown or written.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.integration.cli import (
    import_network,
    network_toml,
    ok,
    run_cli,
    school_toml,
    sync,
)
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import Item, rss

SECRETS = ("hunter2", "s3cr3tkey", "sigvalue", "authvalue", "tok123")


def test_feed_credentials_never_show(
    feed_server: FeedServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed_server.feed("/feed.xml", rss([Item(title="One", guid="one")]))
    data = tmp_path / "data"
    import_network(data, network_toml(school_toml("oak", feeds=[feed_server.url("/feed.xml")])))
    secret_url = (
        f"http://teacher:hunter2@{feed_server.netloc}/missing.xml"
        "?key=s3cr3tkey&sig=sigvalue&auth=authvalue&token=tok123&paged=1"
    )
    with sqlite3.connect(data / "kaizen.sqlite3") as connection:
        connection.execute("UPDATE feed SET url = ?", (secret_url,))
    logs = tmp_path / "logs"
    monkeypatch.setenv("KAIZEN_EXCHANGE_LOG_DIR", str(logs))
    run, report = sync(data)
    listed = ok(run_cli(data, "feeds", "list", "--json")).stdout
    table = ok(run_cli(data, "feeds", "list")).stdout
    human = run_cli(data, "sync").stdout
    log_text = "".join(p.read_text() for p in logs.glob("*.log*"))
    assert "oak" in listed and report["feeds"][0]["status"] == "error"
    assert "paged=1" in listed  # only the secret parts go
    for shown in (run.stdout, listed, table, human, log_text):
        for secret in SECRETS:
            assert secret not in shown, (secret, shown[-2000:])
