"""Our own school is ours, apart from the partners; empty pages say what to do (issue 10).

Seen: "All 5 partner blogs are syncing fine" for four partners and our own blog,
our posts under "New from your partners", that sentence above "Not synced yet" on a
first start, and "Press Sync now" on pages that had no partner to sync.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from kaizen_exchange.gui.pages.partner_work import PartnerWorkPage
from kaizen_exchange.gui.pages.plan_call import PlanCallPage
from kaizen_exchange.gui.pages.today import TodayPage
from kaizen_exchange.network.file import parse_network
from kaizen_exchange.network.store import import_network
from tests.helpers.window import drain, open_window

HOME_ONLY = """
[network]
name = "Just us"

[[schools]]
id = "oakfield"
name = "Oakfield Primary"
country = "GB"
timezone = "Europe/London"
home = true
feeds = ["http://127.0.0.1:9/oakfield/feed/"]
"""

NOT_SYNCED = (
    HOME_ONLY
    + """
[[schools]]
id = "harbour"
name = "Harbour Public School"
country = "AU"
timezone = "Australia/Sydney"
feeds = ["http://127.0.0.1:9/harbour/feed/"]
"""
)


def texts(widget) -> str:
    return " ".join(label.text() for label in widget.findChildren(QLabel))


def today(qtbot, store, settings) -> TodayPage:
    window = open_window(qtbot, store, settings, page=0)
    page = window.page(0)
    assert isinstance(page, TodayPage)
    drain(qtbot)
    return page


def test_today_counts_partners_and_shows_our_blog_apart(qtbot, demo_store, settings):
    page = today(qtbot, demo_store, settings)
    health = texts(page.health)
    assert "All 4 partner blogs are syncing fine." in health
    assert "Our own blog (Greenfield Primary School): syncing fine." in health
    news = texts(page.news)
    assert "Karri Grove" in news or "Wattle Creek" in news
    assert "Greenfield Primary School," not in news  # our posts are not news from partners


def test_partner_work_lists_our_school_apart(qtbot, demo_store, settings):
    window = open_window(qtbot, demo_store, settings, page=1)
    page = window.page(1)
    assert isinstance(page, PartnerWorkPage)
    combo = page.ui.schoolCombo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[0] == "All schools"
    assert names[-1] == "Greenfield Primary School (our school)"
    assert "Greenfield Primary School" not in names[1:-1]


def test_first_start_does_not_say_all_is_fine(qtbot, empty_store, settings):
    import_network(empty_store, parse_network(NOT_SYNCED, "test"))
    health = texts(today(qtbot, empty_store, settings).health)
    assert "syncing fine" not in health.replace("Our own blog (Oakfield Primary): not synced", "")
    assert "Not synced yet: Harbour Public School. Press Sync now" in health


def test_with_no_partner_every_page_says_how_to_add_one(qtbot, empty_store, settings):
    import_network(empty_store, parse_network(HOME_ONLY, "test"))
    window = open_window(qtbot, empty_store, settings, page=0)
    page = window.page(0)
    assert isinstance(page, TodayPage)
    drain(qtbot)
    assert "No partner schools yet." in texts(page.health)
    window.show_page(1)
    work = window.page(1)
    assert isinstance(work, PartnerWorkPage)
    drain(qtbot)
    qtbot.waitUntil(lambda: "No partner schools yet" in work.ui.reader.toPlainText())
    assert "Press Sync now" not in work.ui.reader.toPlainText()
    window.show_page(2)
    plan = window.page(2)
    assert isinstance(plan, PlanCallPage)
    assert "No partner schools yet" in plan.summary.text()
    assert not plan.find_button.isEnabled()
