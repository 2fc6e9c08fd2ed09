"""Today's "To approve" against the real WordPress: the held comments with their count and
findings, and one click that approves one there."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from kaizen_exchange.gui.context import AppContext, Launch
from kaizen_exchange.gui.pages.today import TodayPage
from kaizen_exchange.gui.settings import AppSettings
from kaizen_exchange.gui.workers import wait_for_tasks
from kaizen_exchange.store.db import Store
from tests.wordpress.publishing import Classroom, wait_for
from tests.wordpress.server import WordPressSite

pytestmark = pytest.mark.wordpress


def test_today_lists_comments_to_approve_with_findings_and_approves_in_one_click(
    qtbot, publishing_site: WordPressSite, tmp_path: Path
):
    site, post = publishing_site, publishing_site.all_posts[1]
    room = Classroom.make(site, tmp_path)  # the Administrator's account, the Willow class list
    (made,) = site.add_comments(
        post,
        [
            {
                "author": "A grandparent",
                "email": "gp@example.invalid",
                "content": "So proud of Noah Pemberton and his tower!",
                "parent": None,
                "approved": False,
            }
        ],
    )
    store = Store(room.data)
    context = AppContext(store, AppSettings(tmp_path / "settings.ini"), Launch(store.folder))
    try:
        page = TodayPage(context)
        qtbot.addWidget(page)
        qtbot.waitUntil(lambda: bool(page.to_approve.pending), timeout=30_000)
        assert page.approve.isVisibleTo(page)
        count = len(page.to_approve.pending)
        assert page.approve.title_label.text() == f"To approve ({count})"
        (ours,) = [c for c in page.to_approve.pending if c.id == made["id"]]
        assert [f.kind for f in ours.findings] == ["surname"]
        approve = page.to_approve.buttons[(ours.id, "approve")]
        assert approve.accessibleName() == "Approve: comment by A grandparent"
        approve.click()
        qtbot.waitUntil(lambda: made["id"] not in {c.id for c in page.to_approve.pending})
        assert page.approve.title_label.text() == f"To approve ({count - 1})"

        def approved() -> bool:
            return any(
                c["id"] == str(made["id"]) and c["approved"] == "1"
                for c in site.post_comments(post.id)
            )

        wait_for(approved, 10)
    finally:
        wait_for_tasks()
        store.close()
