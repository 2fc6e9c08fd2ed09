"""The Share page's account dialog against the real WordPress: the role said in plain words,
a wrong password told apart, and the password kept in the keyring only (the field is emptied)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from kaizen_exchange.gui.context import AppContext, Launch
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.share_account import AccountDialog
from kaizen_exchange.gui.workers import pending_tasks, wait_for_tasks
from kaizen_exchange.publishing.account import Account, load_account
from kaizen_exchange.store.db import Store
from tests.helpers.publishing import keyring_file, places_holding
from tests.wordpress.server import WordPressSite

pytestmark = pytest.mark.wordpress


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    store = Store(tmp_path / "data")
    settings = AppSettings(tmp_path / "settings.ini")
    yield AppContext(store, settings, Launch(store.folder))
    wait_for_tasks()
    store.close()


def answered(qtbot, dialog: AccountDialog) -> str:
    qtbot.waitUntil(lambda: pending_tasks() == 0 and dialog.save_button.isEnabled(), timeout=30_000)
    return dialog.answer.text()


def fill(qtbot, dialog: AccountDialog, site: str, user: str, password: str) -> None:
    for edit, text in ((dialog.site_edit, site), (dialog.user_edit, user)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    dialog.password_edit.clear()
    qtbot.keyClicks(dialog.password_edit, password)


def test_an_administrator_is_kept_and_told_it_can_approve(
    qtbot, wordpress: WordPressSite, context: AppContext, tmp_path: Path
):
    dialog = AccountDialog(context)
    qtbot.addWidget(dialog)
    assert "No blog account" in answered(qtbot, dialog)
    user, password = wordpress.auth
    fill(qtbot, dialog, wordpress.base_url, user, password)
    dialog.save_button.click()
    text = answered(qtbot, dialog)
    assert "Administrator" in text and "approve" in text, text
    assert dialog.password_edit.text() == ""  # the field does not keep it
    assert load_account(context.store) == Account(wordpress.base_url.rstrip("/"), user)
    logs = Path(os.environ["KAIZEN_EXCHANGE_LOG_DIR"])
    assert places_holding(password, context.store.folder, logs, tmp_path) == [str(keyring_file())]

    again = AccountDialog(context)  # opened again: the keyring gives the password
    qtbot.addWidget(again)
    answered(qtbot, again)
    assert again.site_edit.text() == wordpress.base_url.rstrip("/")
    again.check_button.click()
    assert "Administrator" in answered(qtbot, again)


def test_a_contributor_is_told_posts_wait_for_approval_and_a_wrong_password_is_named(
    qtbot, wordpress: WordPressSite, context: AppContext
):
    dialog = AccountDialog(context)
    qtbot.addWidget(dialog)
    answered(qtbot, dialog)
    user, password = wordpress.contributor_auth
    fill(qtbot, dialog, wordpress.base_url, user, password)
    dialog.save_button.click()
    assert "approval" in answered(qtbot, dialog)

    wrong = password[:-4] + ("aaaa" if not password.endswith("aaaa") else "bbbb")
    fill(qtbot, dialog, wordpress.base_url, user, wrong)
    dialog.save_button.click()
    text = answered(qtbot, dialog)
    assert "did not accept" in text, text
    assert wrong not in text


def test_a_plain_http_blog_is_refused_before_anything_is_kept(qtbot, context: AppContext):
    dialog = AccountDialog(context)
    qtbot.addWidget(dialog)
    answered(qtbot, dialog)
    fill(qtbot, dialog, "http://blog.example.sch.uk", "teacher", "abcd efgh ijkl mnop")
    dialog.save_button.click()
    text = answered(qtbot, dialog)
    assert "https://" in text and "Traceback" not in text
    assert load_account(context.store) is None
