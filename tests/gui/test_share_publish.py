"""Publishing from the Share page while the school blog cannot be reached: the post is kept
in the outbox, the teacher is told so in plain words, and the list says it waits."""

from __future__ import annotations

import socket

from kaizen_exchange.gui.share_publish import QUEUED
from kaizen_exchange.operations.account import set_account
from kaizen_exchange.publishing import outbox
from kaizen_exchange.sharing.drafts import list_drafts
from tests.helpers.share import photo, saved, share_page, with_roster
from tests.helpers.window import drain, open_window


def closed_port() -> int:
    """A port on this PC where nothing listens (the blog is down, or the PC offline)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_publishing_while_the_blog_cannot_be_reached_queues_the_post(
    qtbot, empty_store, settings, tmp_path
):
    set_account(empty_store, f"http://127.0.0.1:{closed_port()}", "teacher", "abcd efgh ijkl")
    picture = photo(tmp_path, "kites.png")
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    ui = page.ui
    qtbot.keyClicks(ui.titleEdit, "Kite day")
    ui.textEdit.setFocus()
    qtbot.keyClicks(ui.textEdit, "Our kites flew over the field.")
    page.add_files([picture])
    qtbot.keyClicks(ui.altEdit, "Three paper kites in a blue sky")
    ui.checkedCheck.setChecked(True)
    saved(qtbot, page)
    qtbot.waitUntil(ui.publishButton.isEnabled, timeout=10_000)

    ui.publishButton.click()
    qtbot.waitUntil(lambda: not page.publisher.running, timeout=30_000)
    drain(qtbot)
    assert ui.publishNote.text().startswith(QUEUED)
    [draft] = list_drafts(empty_store)
    assert draft.state == "queued"
    [item] = outbox.items(empty_store)
    assert item.draft_id == draft.id and item.state == "queued"
    qtbot.waitUntil(lambda: "Waiting to be sent" in ui.draftList.item(0).text(), timeout=5000)
    assert not ui.titleEdit.isEnabled()  # the outbox sends it as it is: no change under it
    assert ui.publishButton.isEnabled() and ui.publishButton.text() == "Send &now"


def test_without_a_blog_account_the_dialogs_say_where_to_set_it_up(
    qtbot, empty_store, settings, tmp_path
):
    """Waiting for approval and a takedown need the school's account: the window names its
    own button, not a command line."""
    window = open_window(qtbot, empty_store, settings)
    page = share_page(window)
    drain(qtbot)
    dialog = page.open_approval()
    qtbot.waitUntil(lambda: "School blog account…" in dialog.status.text(), timeout=10_000)
    assert "kaizen-exchange" not in dialog.status.text()
    assert not dialog.approve_button.isEnabled() and dialog.refresh_button.isEnabled()
    dialog.close()
    with_roster(empty_store, tmp_path)
    classes = page.open_class_list()
    qtbot.waitUntil(lambda: classes.table.rowCount() == 2, timeout=10_000)
    classes.table.setCurrentCell(0, 0)
    classes.takedown_button.click()
    qtbot.waitUntil(lambda: "shows or names" in classes.status.text(), timeout=10_000)
    assert (
        classes.status.text()
        == f"No post on the school blog shows or names {classes.table.item(0, 0).text()}."
    )
