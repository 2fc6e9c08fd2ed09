"""Partners: add a blog with feed discovery (off the GUI thread), import and export files."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox
from sqlmodel import select

import kaizen_exchange.gui.pages.partner_dialog as partner_dialog
from kaizen_exchange.feeds.find_feed import discover_feed
from kaizen_exchange.gui.main_window import PARTNERS, MainWindow
from kaizen_exchange.gui.pages.partners import PartnersPage
from kaizen_exchange.network.store import export_network
from kaizen_exchange.store.models import Feed, School
from tests.helpers.window import drain, open_window
from tests.servers.feed_server import FeedServer
from tests.servers.feeds import html_page, rss, wordpress_items


def partners_page(qtbot, store, settings) -> PartnersPage:
    window = open_window(qtbot, store, settings, page=PARTNERS)
    page = window.page(PARTNERS)
    assert isinstance(page, PartnersPage)
    return page


def message_boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_add_partner_blog_discovers_its_feed_off_the_gui_thread(
    qtbot, filled_store, settings, monkeypatch
):
    threads = []

    def spying(text):
        threads.append(threading.current_thread() is threading.main_thread())
        return discover_feed(text)

    monkeypatch.setattr(partner_dialog, "discover_feed", spying)
    with FeedServer() as server:
        head = (
            '<link rel="alternate" type="application/rss+xml" title="Comments" '
            'href="/blog/comments/feed/">'
            '<link rel="alternate" type="application/rss+xml" title="Posts" href="/blog/feed/">'
        )
        server.page("/blog/", html_page("Banksia Class blog", head))
        server.feed(
            "/blog/feed/",
            rss(wordpress_items(server.base_url, "Banksia", 4), title="Banksia Primary School"),
        )
        page = partners_page(qtbot, filled_store, settings)
        dialog = page.add_partner()
        qtbot.waitExposed(dialog)
        dialog.ui.urlEdit.setText(server.url("/blog/"))
        dialog.find_feed()
        qtbot.waitUntil(lambda: dialog.discovered is not None, timeout=10_000)
    assert threads == [False]
    assert dialog.discovered.feed_url.endswith("/blog/feed/")
    assert "4 posts" in dialog.ui.findStatus.text()
    assert dialog.ui.nameEdit.text() == "Banksia Primary School"
    dialog.ui.countryCombo.setCurrentIndex(dialog.ui.countryCombo.findData("AU"))
    dialog.ui.stateCombo.setCurrentIndex(dialog.ui.stateCombo.findData("WA"))
    assert dialog.ui.zoneCombo.currentData() == "Australia/Perth"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save()
    with filled_store.session() as session:
        school = session.get(School, "banksia-primary-school")
        assert school is not None and school.timezone == "Australia/Perth"
        assert school.subdivision == "WA" and school.calls_start == "15:15"
        feeds = session.exec(select(Feed).where(Feed.school_id == school.id)).all()
    assert [f.url for f in feeds] == [dialog.discovered.feed_url]
    qtbot.waitUntil(lambda: any(r.id == "banksia-primary-school" for r in page.rows))
    assert export_network(filled_store).name  # the network keeps its name


def test_a_blog_without_a_feed_is_explained(qtbot, filled_store, settings):
    with FeedServer() as server:
        server.page("/plain/", html_page("Just a page"))
        page = partners_page(qtbot, filled_store, settings)
        dialog = page.add_partner()
        dialog.ui.urlEdit.setText(server.url("/plain/"))
        dialog.find_feed()
        qtbot.waitUntil(lambda: dialog.ui.errorLabel.isVisible(), timeout=10_000)
    assert "feed" in dialog.ui.errorLabel.text().lower()
    assert dialog.discovered is None
    dialog.ui.nameEdit.setText("Plain School")
    dialog.save()  # no feed: it says what to do and stores nothing
    assert "Find the blog's feed first" in dialog.ui.errorLabel.text()
    dialog.reject()
    with filled_store.session() as session:
        assert session.get(School, "plain-school") is None


def test_import_network_file_and_a_bad_one(qtbot, empty_store, settings, tmp_path: Path):
    good = tmp_path / "net.toml"
    good.write_text(
        '[network]\nname = "Ours"\n[[schools]]\nid = "a"\nname = "A School"\ncountry = "GB"\n'
        'timezone = "Europe/London"\n'
    )
    bad = tmp_path / "bad.toml"
    bad.write_text('[[schools]]\nid = "b"\nname = "B"\ncountry = "Narnia"\ntimezone = "X"\n')
    page = partners_page(qtbot, empty_store, settings)
    page.import_network_path(good)
    qtbot.waitUntil(lambda: [s.id for s in page.context.schools] == ["a"])
    window = page.window()
    assert isinstance(window, MainWindow)
    window.show_page(PARTNERS)  # the welcome page had moved on to Partner work
    assert [r.id for r in page.rows] == ["a"]
    page.import_network_path(bad)
    qtbot.waitUntil(lambda: bool(message_boxes()))
    (box,) = message_boxes()
    assert "bad.toml" in box.text() and "country" in box.text()
    box.close()
    with empty_store.session() as session:
        assert session.get(School, "b") is None


def test_export_network_and_opml(qtbot, filled_store, settings, tmp_path: Path):
    page = partners_page(qtbot, filled_store, settings)
    page.export_network_path(tmp_path / "out.toml")
    page.export_opml_path(tmp_path / "out.opml")
    drain(qtbot)
    assert "wattle-creek" in (tmp_path / "out.toml").read_text()
    assert "<opml" in (tmp_path / "out.opml").read_text()


def test_import_term_dates_from_csv(qtbot, filled_store, settings, tmp_path: Path):
    csv = tmp_path / "terms.csv"
    csv.write_text("name,start,end\nTerm 1 2027,2027-01-28,2027-04-09\n")
    page = partners_page(qtbot, filled_store, settings)
    page.import_terms_path("wattle-creek", csv)
    qtbot.waitUntil(
        lambda: next(r for r in page.rows if r.id == "wattle-creek").terms == 1, timeout=5000
    )


def test_remove_a_partner_after_confirming(qtbot, filled_store, settings, monkeypatch):
    page = partners_page(qtbot, filled_store, settings)
    qtbot.waitUntil(lambda: any(r.id == "wattle-creek" for r in page.rows))
    page.table.selectRow(next(i for i, r in enumerate(page.rows) if r.id == "wattle-creek"))
    assert page.remove_button.isEnabled()
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    page.remove_partner()
    qtbot.waitUntil(lambda: all(r.id != "wattle-creek" for r in page.rows), timeout=10_000)
    assert "wattle-creek" not in [s.id for s in export_network(filled_store).schools]
