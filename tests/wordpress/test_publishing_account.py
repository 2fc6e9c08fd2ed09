"""``account check`` against the real WordPress: the right and a wrong application password,
an Administrator and a Contributor, application passwords switched off, the REST API
blocked, and the site down; the password ends up in the keyring and nowhere else."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.publishing import account_set, check_json, keyring_file, places_holding
from tests.integration.cli import assert_plain_message, run_cli
from tests.wordpress.server import WordPressSite

pytestmark = pytest.mark.wordpress


@pytest.fixture
def switched(wordpress: WordPressSite) -> Iterator[WordPressSite]:
    """The site, with every switch off again (and the web server up) after the test."""
    try:
        yield wordpress
    finally:
        wordpress.start_web()
        for name in ("app_passwords_off", "rest_blocked"):
            wordpress.switch(name, False)


def test_administrator_with_the_right_password(wordpress: WordPressSite, tmp_path: Path) -> None:
    data = tmp_path / "data"
    user, password = wordpress.auth
    report = check_json(account_set(data, wordpress.base_url, user, password))
    assert report["ok"] and report["code"] == "ok", report
    assert report["role"] == "administrator" and report["can_upload"], report
    assert "approve" in report["role_meaning"], report
    again = run_cli(data, "account", "check")  # the keyring gives the password
    assert again.returncode == 0 and "Administrator" in again.stdout, again.describe()
    logs = Path(os.environ["KAIZEN_EXCHANGE_LOG_DIR"])
    assert places_holding(password, data, logs, tmp_path) == [str(keyring_file())]


def test_a_wrong_password_is_told_apart(wordpress: WordPressSite, tmp_path: Path) -> None:
    user, password = wordpress.auth
    wrong = password[:-4] + ("aaaa" if not password.endswith("aaaa") else "bbbb")
    run = account_set(tmp_path / "data", wordpress.base_url, user, wrong)
    report = check_json(run)
    assert report["code"] == "wrong_password", report
    assert_plain_message(report["message"], "did not accept")
    assert wrong not in run.stdout + run.stderr


def test_a_contributor_is_told_its_posts_wait_for_approval(
    wordpress: WordPressSite, tmp_path: Path
) -> None:
    user, password = wordpress.contributor_auth
    report = check_json(account_set(tmp_path / "data", wordpress.base_url, user, password))
    assert report["role"] == "contributor", report
    assert "approval" in report["role_meaning"], report
    assert report["code"] == "cannot_upload" and not report["can_upload"], report
    assert_plain_message(report["message"], "cannot upload")


def test_application_passwords_switched_off(switched: WordPressSite, tmp_path: Path) -> None:
    switched.switch("app_passwords_off", True)
    user, password = switched.auth
    report = check_json(account_set(tmp_path / "data", switched.base_url, user, password))
    assert report["code"] == "app_passwords_off", report
    assert_plain_message(report["message"], "application passwords")


def test_a_blocked_rest_api(switched: WordPressSite, tmp_path: Path) -> None:
    switched.switch("rest_blocked", True)
    user, password = switched.auth
    report = check_json(account_set(tmp_path / "data", switched.base_url, user, password))
    assert report["code"] == "no_rest_api", report
    assert_plain_message(report["message"], "blocks its REST API")


def test_the_site_down_then_up(switched: WordPressSite, tmp_path: Path) -> None:
    data = tmp_path / "data"
    user, password = switched.auth
    switched.stop_web()
    down = check_json(account_set(data, switched.base_url, user, password))
    assert down["code"] == "no_network", down
    switched.start_web()
    up = check_json(run_cli(data, "account", "check", "--json"))
    assert up["code"] == "ok", up
