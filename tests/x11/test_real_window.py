"""The real window on a real X server at 1366×768: it opens, fits, draws, and obeys the keyboard.

Screenshots of every page land in test-output/screenshots/x11/ for a person to look at.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kaizen_exchange.gui.main_window import PAGES
from tests.x11.conftest import SCREEN, Display, assert_inside_screen, wait_for

APP_TITLE = "Kaizen Exchange"
DEMO_TITLE = "Demo network — Kaizen Exchange"
HEADING = (210, 25, 400, 50)  # where a page's heading is drawn, below any title bar


def colours(path: Path, rect: tuple[int, int, int, int] | None = None) -> int:
    """How many different colours a region of a screenshot has (a blank one has one or two)."""
    image = QImage(str(path))
    assert not image.isNull(), path
    x0, y0, width, height = rect or (0, 0, image.width(), image.height())
    return len(
        {image.pixel(x, y) for y in range(y0, y0 + height, 2) for x in range(x0, x0 + width, 2)}
    )


def region(path: Path, rect: tuple[int, int, int, int]) -> QImage:
    return QImage(str(path)).copy(*rect)


def assert_window_shown_whole(display: Display, window: str, shot: Path, what: str) -> None:
    """On the screen whole, frame included, and drawn: text down to its bottom bar."""
    x, y, width, height = display.geometry(window)
    assert_inside_screen((x, y, width, height), what)
    assert colours(shot, (x, y, width, height)) >= 50, f"{what} looks blank"
    bottom_bar = (x, y + height - 40, width, 40)  # the sync bar: status text and Sync now
    assert colours(shot, bottom_bar) >= 8, f"{what}: nothing drawn along its bottom edge"


@pytest.fixture(scope="module")
def demo_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo network synced once through the command line (its own local server)."""
    folder = tmp_path_factory.mktemp("demo") / "data"
    subprocess.run(
        [sys.executable, "-m", "kaizen_exchange", "--data-dir", str(folder), "demo-sync"],
        check=True,
        capture_output=True,
        timeout=180,
    )
    # The window's own start-up sync is left out: the pictures show the synced demo, not a
    # sync in progress (the demo's server may be on another port by now).
    (folder / "window.ini").write_text("[sync]\nat_start=false\n")
    return folder


@pytest.fixture
def demo_copy(demo_data: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(demo_data, tmp_path / "demo-data"))


@pytest.mark.parametrize("manager", ["no window manager", "openbox"])
def test_first_window_on_an_empty_folder_fits_a_school_laptop(
    request: pytest.FixtureRequest, display: Display, launch, tmp_path: Path, manager: str
):
    if manager == "openbox":
        request.getfixturevalue("window_manager")
    app = launch("--data-dir", str(tmp_path / "data"), title=f"^{APP_TITLE}$")
    assert display.title(app.window) == APP_TITLE
    shot = display.screenshot(f"empty-folder-welcome-{manager.replace(' ', '-')}")
    assert_window_shown_whole(display, app.window, shot, "the first window")
    assert "Traceback" not in app.stop()


def test_every_page_of_the_demo_by_keyboard(display: Display, launch, demo_copy: Path):
    """Ctrl+1…6 and the side bar's arrow keys reach every page; each is drawn, and fits."""
    app = launch("--data-dir", str(demo_copy), "demo", title="^Demo network")
    assert display.title(app.window) == DEMO_TITLE
    headings = {}
    for number, (module, _cls, label, _icon) in enumerate(PAGES, 1):
        display.key(f"ctrl+{number}")
        shot = display.screenshot(f"demo-{number}-{module}")
        assert_window_shown_whole(display, app.window, shot, f"the window on {label}")
        headings[label] = region(shot, HEADING)
    labels = list(headings)
    assert all(headings[a] != headings[b] for a in labels for b in labels if a != b)
    assert "Traceback" not in app.stop()


def _heading_when(display: Display, wanted: Callable[[QImage], bool], what: str) -> QImage:
    """The page heading once it is as wanted: a busy machine may draw the new page late."""
    shown: list[QImage] = []

    def arrived() -> bool:
        shown.append(region(display.screenshot("keys-page", settle=0.3), HEADING))
        return wanted(shown[-1])

    wait_for(arrived, 10, what)
    return shown[-1]


def _present_by_keyboard(display: Display) -> str:
    """Tab from the search box to the list of posts, then F5: the post full screen."""
    for _ in range(10):
        display.key("Tab", "F5")
        shown = display.windows("^Presenting")
        if shown:
            return shown[-1]
    raise AssertionError("Tab never reached the list of posts (F5 presents its post)")


@pytest.mark.parametrize("manager", ["no window manager", "openbox"])
def test_keyboard_walks_the_pages_searches_and_presents_full_screen(
    request: pytest.FixtureRequest, display: Display, launch, demo_copy: Path, manager: str
):
    """The side bar has the keyboard at start; Enter searches; present fills the screen
    also in a kiosk session with no window manager."""
    if manager == "openbox":
        request.getfixturevalue("window_manager")
    app = launch("--data-dir", str(demo_copy), "demo", title="^Demo network")
    seen = [region(display.screenshot("keys-start", settle=0.5), HEADING)]
    for _ in PAGES[1:]:
        display.key("Down")
        seen.append(_heading_when(display, lambda h: h != seen[-1], "Down to change the page"))
    display.key(*["Up"] * (len(PAGES) - 1))
    _heading_when(display, lambda h: h == seen[0], "Up to come back to the first page")

    display.key("ctrl+2", "ctrl+f")
    before = display.screenshot("keys-partner-work", settle=0.5)
    display.run("xdotool", "type", "--delay", "50", "rainfall")
    display.key("Return")
    after = display.screenshot(f"demo-search-rainfall-{manager.replace(' ', '-')}")
    list_area = (210, 100, 660, 600)
    assert region(after, list_area) != region(before, list_area), "Enter did not search"

    present = _present_by_keyboard(display)
    assert display.title(present) == "Presenting — Kaizen Exchange"
    shot = display.screenshot(f"demo-present-{manager.replace(' ', '-')}")
    assert display.geometry(present) == (0, 0, *SCREEN), "present mode is not full screen"
    assert colours(shot) >= 50, "the presented post looks blank"
    display.key("Escape")
    wait_for(lambda: not display.windows("^Presenting"), 10, "Esc to leave present mode")
    assert "Traceback" not in app.stop()
