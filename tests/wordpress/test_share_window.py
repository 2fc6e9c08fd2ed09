"""The Share page's account dialog against the real WordPress: the role said in plain words,
a wrong password told apart, and the password kept in the keyring only (the field is emptied)."""

from __future__ import annotations

import html
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from kaizen_exchange.gui.context import AppContext, Launch
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.share_account import AccountDialog
from kaizen_exchange.gui.share_approval import ApprovalDialog
from kaizen_exchange.gui.share_class_list import PHOTO, ClassListDialog
from kaizen_exchange.gui.workers import pending_tasks, wait_for_tasks
from kaizen_exchange.publishing.account import Account, load_account
from kaizen_exchange.sharing.roster import load_roster
from kaizen_exchange.store.db import Store
from tests.helpers.publishing import keyring_file, places_holding
from tests.integration.cli import ok
from tests.wordpress.publishing import CLASS, Classroom, media_of, posts_titled
from tests.wordpress.server import WordPressSite

pytestmark = pytest.mark.wordpress


@pytest.fixture
def wordpress(publishing_site: WordPressSite) -> WordPressSite:
    """The publishing tests' own site: the sync tests' site stays exactly as seeded."""
    return publishing_site


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
    assert "Comment must be manually approved" in text  # how to hold every comment (issue 14)
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


def test_publishing_from_the_window_shows_progress_and_ends_with_the_link(
    qtbot, wordpress: WordPressSite, tmp_path: Path
):
    """Compose in the Share page, press Publish: each step is shown (files cleaned,
    uploaded, the post), and the post is on the real blog with its picture, linked."""
    from kaizen_exchange.operations.account import set_account
    from tests.helpers.share import photo, saved, share_page
    from tests.helpers.window import close_windows, drain, open_window

    store = Store(tmp_path / "data")
    settings = AppSettings(tmp_path / "settings.ini")
    settings.sync_at_start = False
    user, password = wordpress.auth
    set_account(store, wordpress.base_url, user, password)
    steps: list[tuple[str, int, int]] = []
    try:
        window = open_window(qtbot, store, settings)
        page = share_page(window)
        page.publisher.relay.step.connect(lambda *step: steps.append(step))
        drain(qtbot)
        ui = page.ui
        title = "Bug hotel " + tmp_path.name[-6:]
        qtbot.keyClicks(ui.titleEdit, title)
        ui.textEdit.setFocus()
        qtbot.keyClicks(ui.textEdit, "We built a hotel for minibeasts.")
        page.add_files([photo(tmp_path, "hotel.jpg", "#8a5a2b")])
        qtbot.keyClicks(ui.altEdit, "A bug hotel made of sticks and bricks")
        ui.checkedCheck.setChecked(True)
        saved(qtbot, page)
        qtbot.waitUntil(ui.publishButton.isEnabled, timeout=10_000)
        ui.publishButton.click()
        assert ui.cancelButton.isVisible() and ui.progressBar.isVisible()
        qtbot.waitUntil(lambda: not page.publisher.running, timeout=120_000)
        drain(qtbot)
        assert ui.publishNote.text().startswith("Published on the school blog"), (
            ui.publishNote.text()
        )
        phases = [phase for phase, _done, _total in steps]
        assert {"prepare", "upload", "post"} <= set(phases), steps
        assert not ui.cancelButton.isVisible()
        [post] = [p for p in wordpress.site_posts() if p.get("title") == title]
        qtbot.waitUntil(lambda: "open it on the blog" in ui.linkLabel.text(), timeout=5000)
        assert post["status"] == "publish" and post["featured_media"] > 0, post
        assert page.draft.state == "published" and page.draft.link == post["link"]
        assert html.escape(post["link"], quote=True) in ui.linkLabel.text()
    finally:
        close_windows()
        store.close()


def test_cancel_stops_publishing_and_nothing_is_posted(
    qtbot, wordpress: WordPressSite, tmp_path: Path
):
    """Cancel pressed while the photos are being made ready: nothing is sent, no post is
    made, and the post is back with the drafts (editable), to be published later."""
    from kaizen_exchange.operations.account import set_account
    from tests.helpers.share import photo, saved, share_page
    from tests.helpers.window import close_windows, drain, open_window

    store = Store(tmp_path / "data")
    settings = AppSettings(tmp_path / "settings.ini")
    settings.sync_at_start = False
    set_account(store, wordpress.base_url, *wordpress.auth)
    try:
        window = open_window(qtbot, store, settings)
        page = share_page(window)
        drain(qtbot)
        ui = page.ui
        title = "Pond survey " + tmp_path.name[-6:]
        qtbot.keyClicks(ui.titleEdit, title)
        page.add_files([photo(tmp_path, f"pond{n}.jpg", "#2f6690") for n in range(4)])
        for row in range(4):
            ui.filesList.setCurrentRow(row)
            qtbot.keyClicks(ui.altEdit, f"The pond from side {row + 1}")
            ui.checkedCheck.setChecked(True)
        saved(qtbot, page)
        qtbot.waitUntil(ui.publishButton.isEnabled, timeout=10_000)
        mark = wordpress.request_mark()
        ui.publishButton.click()
        assert ui.cancelButton.isVisible()
        ui.cancelButton.click()
        assert "Stopping" in ui.publishNote.text()
        qtbot.waitUntil(lambda: not page.publisher.running, timeout=60_000)
        drain(qtbot)
        assert ui.publishNote.text().startswith("Stopped: nothing was published")
        assert [r for r in wordpress.requests_since(mark) if r.method != "GET"] == []
        assert not [p for p in wordpress.site_posts() if p.get("title") == title]
        qtbot.waitUntil(lambda: page.draft.state == "draft", timeout=5000)
        assert ui.titleEdit.isEnabled() and ui.publishButton.isEnabled()
    finally:
        close_windows()
        store.close()


def test_a_withdrawal_in_the_class_list_takes_the_marked_photo_down(
    qtbot, monkeypatch, wordpress: WordPressSite, tmp_path: Path
):
    """Unticking Noah's photos: recorded, the post showing him found, and on Yes his photo
    is off the post and out of the blog's media, the other photo and the words untouched."""

    room = Classroom.make(wordpress, tmp_path)
    title = "Our class choir"
    ok(room.publish(room.draft(title, "We sang in two parts.", photos=2, marked="Noah")))
    [post] = posts_titled(wordpress, title)
    marked, other = sorted(media_of(wordpress, post), key=lambda m: post["content"].index(m["url"]))
    questions: list[str] = []

    def say_yes(_parent, _title, text, *_args):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", say_yes)
    store = Store(room.data)
    context = AppContext(store, AppSettings(tmp_path / "settings.ini"), Launch(store.folder))
    dialog = ClassListDialog(context, CLASS, lambda _name: None)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3, timeout=10_000)
    row = next(r for r in range(3) if dialog.table.item(r, 0).text() == "Noah")
    assert dialog.table.item(row, 1).text() == "Pemberton"  # shown on this PC, for the teacher
    dialog.table.item(row, PHOTO).setCheckState(Qt.CheckState.Unchecked)

    qtbot.waitUntil(lambda: dialog.status.text().startswith("Taken down"), timeout=60_000)
    assert dialog.status.text() == "Taken down: 1 photo removed from the blog."
    [question] = questions
    assert "Noah's family no longer agrees to photos" in question and title in question
    assert "Pemberton" not in question
    [noah] = [p for p in load_roster(store, CLASS).pupils if p.first_name == "Noah"]
    assert not noah.photo_consent and noah.name_consent
    [after] = posts_titled(wordpress, title)
    assert marked["url"] not in after["content"] and other["url"] in after["content"]
    assert "two parts" in after["content"] and after["status"] == "publish"
    assert marked["id"] not in {m["id"] for m in wordpress.site_media()}
    wait_for_tasks()
    store.close()


def test_a_teacher_approves_one_pupil_forum_post_and_sends_another_back(
    qtbot, wordpress: WordPressSite, tmp_path: Path
):
    """Waiting for approval in the window: the Contributor's pending posts listed with who
    wrote them; one published, one back to draft with the teacher's note at its top."""
    forum = Classroom.make(wordpress, tmp_path / "forum", contributor=True)
    titles = ("Forum window: our recycling plan", "Forum window: a quiet corner")
    for title in titles:
        ok(forum.publish(forum.draft(title, "Our ideas for the school.")))
    teacher = Classroom.make(wordpress, tmp_path / "teacher")
    store = Store(teacher.data)
    context = AppContext(store, AppSettings(tmp_path / "settings.ini"), Launch(store.folder))
    dialog = ApprovalDialog(context)
    qtbot.addWidget(dialog)

    def listed() -> list[str]:
        return [dialog.listing.item(r).text() for r in range(dialog.listing.count())]

    qtbot.waitUntil(
        lambda: all(any(t in line for line in listed()) for t in titles), timeout=30_000
    )
    assert "waiting for approval" in dialog.status.text()
    dialog.listing.setCurrentRow(next(i for i, line in enumerate(listed()) if titles[0] in line))
    dialog.approve_button.click()
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Published"), timeout=30_000)
    assert not any(titles[0] in line for line in listed())
    dialog.listing.setCurrentRow(next(i for i, line in enumerate(listed()) if titles[1] in line))
    dialog.return_chosen("Please say where the corner would be.")
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Sent back"), timeout=30_000)

    [published] = posts_titled(wordpress, titles[0])
    [returned] = posts_titled(wordpress, titles[1])
    assert published["status"] == "publish"
    assert returned["status"] == "draft" and "where the corner would be" in returned["content"]
    wait_for_tasks()
    store.close()
