"""Helpers for the Share page's window tests: the page, a photo, a class list, a save waited for."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from kaizen_exchange.gui.main_window import PAGES, MainWindow
from kaizen_exchange.gui.pages.share import SharePage
from kaizen_exchange.sharing.roster import import_roster
from kaizen_exchange.store.db import Store
from tests.helpers.window import drain

SHARE = [p[0] for p in PAGES].index("share")
CLASS = "Willow Class, Year 4"
ROSTER = """first_name,last_name,photo_consent,name_consent
Olivia,Brown,yes,yes
Amir,Haddad,no,yes
"""


def share_page(window: MainWindow) -> SharePage:
    """The Share page, brought to the front."""
    window.show_page(SHARE)
    page = window.page(SHARE)
    assert isinstance(page, SharePage)
    return page


def photo(folder: Path, name: str, colour: str = "#3a7d44") -> Path:
    """A plain photo (its name says PNG or JPEG)."""
    path = folder / name
    Image.new("RGB", (640, 480), colour).save(path)
    return path


def saved(qtbot, page: SharePage) -> None:
    """Wait until what was typed is in the store."""
    qtbot.waitUntil(lambda: not page.autosaver.pending, timeout=10_000)
    drain(qtbot)


def with_roster(store: Store, folder: Path) -> None:
    """Olivia Brown (consent to both) and Amir Haddad (no photo consent) in CLASS."""
    csv = folder / "class.csv"
    csv.write_text(ROSTER, encoding="utf-8")
    import_roster(store, csv, CLASS)


__all__ = ["CLASS", "SHARE", "photo", "saved", "share_page", "with_roster"]
