"""``account set|check|forget`` against local servers: what a teacher sees when the blog's
address is wrong, the site is down, or the computer has no keyring; and where the
application password goes (the keyring only: never the data folder, the log, argv)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from tests.helpers.publishing import account_set, check_json, keyring_file, places_holding
from tests.integration.cli import assert_plain_message, ok, run_cli
from tests.servers.feed_server import FeedServer

PASSWORD = "abcd EFGH 1234 ijkl MNOP 5678"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_plain_http_to_a_school_site_is_refused_and_nothing_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    run = account_set(data, "http://blog.oakfield.sch.uk", "mrs.hughes", PASSWORD)
    assert run.returncode == 2, run.describe()
    assert_plain_message(run.stderr.strip().splitlines()[-1], "https")
    assert not keyring_file().exists() or PASSWORD not in keyring_file().read_text()
    check = run_cli(data, "account", "check")
    assert check.returncode == 2, check.describe()
    assert "account set" in check.stderr, check.describe()


def test_no_password_given_is_refused(tmp_path: Path) -> None:
    run = account_set(tmp_path / "data", "https://blog.oakfield.sch.uk", "mrs.hughes", "")
    assert run.returncode == 2, run.describe()
    assert_plain_message(run.stderr.strip(), "application password")


def test_a_site_that_is_down_says_no_network_and_the_password_is_kept_in_the_keyring_only(
    tmp_path: Path,
) -> None:
    data, logs = tmp_path / "data", Path(os.environ["KAIZEN_EXCHANGE_LOG_DIR"])
    site = f"http://127.0.0.1:{_closed_port()}"
    run = account_set(data, site, "mrs.hughes", PASSWORD)
    report = check_json(run)
    assert report["code"] == "no_network", report
    assert_plain_message(report["message"], "cannot be reached")
    assert places_holding(PASSWORD, keyring_file()) == [str(keyring_file())]
    again = run_cli(data, "account", "check", "--json")  # no stdin: the keyring gives it
    assert check_json(again)["code"] == "no_network", again.describe()
    assert places_holding(PASSWORD, data, logs, tmp_path / "room") == [str(keyring_file())]
    ok(run_cli(data, "account", "forget"))
    assert places_holding(PASSWORD, keyring_file()) == []
    gone = run_cli(data, "account", "check")
    assert gone.returncode == 2 and "account set" in gone.stderr, gone.describe()


def test_a_site_without_the_rest_api_is_named_as_such(tmp_path: Path) -> None:
    with FeedServer("127.0.0.1") as server:
        server.page("/", "<html><body>Our school news (not WordPress)</body></html>")
        report = check_json(account_set(tmp_path / "data", server.base_url, "me", PASSWORD))
        requests = server.requests
    assert report["code"] == "no_rest_api", report
    assert_plain_message(report["message"], "REST API")
    sent = [r for r in requests if r.header("authorization")]
    assert sent == [], "the password was sent to a site before it was known to be WordPress"


def test_without_a_keyring_it_says_so_and_asks_each_time(tmp_path: Path) -> None:
    data = tmp_path / "data"
    none = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    site = f"http://127.0.0.1:{_closed_port()}"
    run = account_set(data, site, "mrs.hughes", PASSWORD, env=none)
    assert check_json(run)["code"] == "no_network", run.describe()
    assert "no password store (keyring)" in run.stderr, run.describe()
    asked = run_cli(data, "account", "check", "--json", env=none)  # nothing piped in
    assert asked.returncode == 1, asked.describe()
    assert_plain_message(asked.stderr.strip().splitlines()[-1], "asked for it each time")
    given = run_cli(data, "account", "check", "--json", env=none, stdin=PASSWORD + "\n")
    assert check_json(given)["code"] == "no_network", given.describe()
    assert places_holding(PASSWORD, tmp_path) == []


def test_a_plain_file_keyring_is_not_used_unless_chosen(tmp_path: Path) -> None:
    """keyrings.alt installed but not chosen: the password is not written into a plain file."""
    data = tmp_path / "data"
    site = f"http://127.0.0.1:{_closed_port()}"
    run = account_set(data, site, "mrs.hughes", PASSWORD, env={"PYTHON_KEYRING_BACKEND": ""})
    assert "no password store (keyring)" in run.stderr, run.describe()
    assert places_holding(PASSWORD, tmp_path) == []


def test_publishing_without_a_password_changes_nothing(tmp_path: Path) -> None:
    """No keyring and nothing piped in: refused in plain words, the draft stays a draft."""
    data = tmp_path / "data"
    none = {"PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    account_set(data, f"http://127.0.0.1:{_closed_port()}", "mrs.hughes", PASSWORD, env=none)
    made = ok(run_cli(data, "share", "draft", "--title", "Our kites", "--text", "They flew."))
    draft = made.stdout.split()[2].rstrip(":")
    run = run_cli(data, "share", "publish", draft, env=none)
    assert run.returncode == 1, run.describe()
    assert_plain_message(run.stderr.strip().splitlines()[-1], "asked for it each time")
    listed = ok(run_cli(data, "share", "list", "--json")).json()
    assert [d["state"] for d in listed] == ["draft"], listed
    assert ok(run_cli(data, "outbox", "list", "--json")).json() == []
