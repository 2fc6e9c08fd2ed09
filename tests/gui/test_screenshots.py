"""Every page of the demo at 1366x768, saved as PNG, failing on a blank or clipped page.

The pictures land in ``test-output/screenshots/`` (or ``$KAIZEN_SCREENSHOTS``) for a
person to look at; the checks catch what a person would notice at once: an empty
page, a layout that needs more room than a school laptop has, a button whose label
is cut, a widget hanging off the window's edge.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kaizen_exchange.gui.main_window import PAGES, MainWindow
from tests.helpers.window import SCREEN, book_demo_calls, drain, open_window

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("KAIZEN_SCREENSHOTS", ROOT / "test-output" / "screenshots"))


def blank(image: QImage, area: QRect) -> bool:
    """True when nearly every pixel of ``area`` is one colour (a page that drew nothing)."""
    step = 6
    colours: dict[int, int] = {}
    total = 0
    for y in range(area.top(), area.bottom(), step):
        for x in range(area.left(), area.right(), step):
            colour = image.pixel(x, y)
            colours[colour] = colours.get(colour, 0) + 1
            total += 1
    background = max(colours.values())
    return len(colours) < 8 or background / total > 0.985


def clipped(window: MainWindow, page: QWidget) -> list[str]:
    """Widgets cut off by the window's edge, or buttons and labels squeezed below their text."""
    problems = []
    bounds = window.rect()
    for child in page.findChildren(QWidget):
        if not child.isVisibleTo(window) or child.width() == 0:
            continue
        top_left = child.mapTo(window, child.rect().topLeft())
        rect = QRect(top_left, child.size())
        if not bounds.contains(rect) and child.window() is window:
            inside = child.parentWidget()
            scrolled = inside is not None and inside.objectName() == "qt_scrollarea_viewport"
            if not scrolled and not _inside_scroll(child):
                problems.append(f"{child.objectName() or type(child).__name__} off the window")
        squeezed = child.width() < child.minimumSizeHint().width()
        if isinstance(child, QAbstractButton) and child.text() and squeezed:
            problems.append(f"button '{child.text()}' squeezed")
        if isinstance(child, QLabel) and child.text():
            if child.wordWrap():
                needed = child.heightForWidth(child.width())
                if needed > child.height() + 2:
                    problems.append(f"label '{child.text()[:30]}' cut at the bottom")
            elif child.width() + 2 < child.minimumSizeHint().width():
                problems.append(f"label '{child.text()[:30]}' cut")
    return problems


def _inside_scroll(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent.objectName() == "qt_scrollarea_viewport":
            return True
        parent = parent.parentWidget()
    return False


@pytest.fixture
def demo_window(qtbot, demo_store, settings):
    book_demo_calls(demo_store)
    window = open_window(qtbot, demo_store, settings, page=0)
    drain(qtbot)
    return window


def test_every_page_renders_at_1366x768(qtbot, demo_window):
    window = demo_window
    OUT.mkdir(parents=True, exist_ok=True)
    assert window.minimumSizeHint().width() <= SCREEN[0]
    assert window.minimumSizeHint().height() <= SCREEN[1]
    failures = []
    for index, (module, _cls, label, _icon) in enumerate(PAGES):
        window.show_page(index)
        page = window.page(index)
        drain(qtbot)
        prepare = getattr(page, "prepare_screenshot", None)
        if prepare is not None:
            prepare()
        drain(qtbot)
        qtbot.wait(50)
        drain(qtbot)
        image = window.grab().toImage()
        image.save(str(OUT / f"{index + 1}-{module}.png"))
        if (image.width(), image.height()) != SCREEN:
            hint = page.minimumSizeHint()
            failures.append(
                f"{label}: needs {hint.width()}x{hint.height()}, the window grew to "
                f"{image.width()}x{image.height()}"
            )
            window.resize(*SCREEN)
        area = QRect(page.mapTo(window, page.rect().topLeft()), page.size())
        if blank(image, area):
            failures.append(f"{label}: the page is blank")
        failures += [f"{label}: {problem}" for problem in clipped(window, page)]
    assert not failures, "\n".join(failures)


def test_present_mode_renders_full_screen(qtbot, demo_window):
    """The whiteboard view: large type, the post's picture, the keys in the footer."""
    window = demo_window
    window.show_page(1)
    page = window.page(1)
    drain(qtbot)
    page.prepare_screenshot()
    qtbot.waitUntil(lambda: page.ui.reader.loaded is not None)
    page.present()
    present = page.present_window
    qtbot.waitExposed(present)
    qtbot.waitUntil(lambda: present.browser.loaded is not None)
    drain(qtbot)
    qtbot.wait(50)
    image = present.grab().toImage()
    OUT.mkdir(parents=True, exist_ok=True)
    image.save(str(OUT / "7-present.png"))
    assert not blank(image, image.rect())
    assert "Esc to leave" in present.footer.text()
    present.close()
