"""The Share page in the real window, by keyboard only: write a post, its surname found and
marked, the post kept in the store as typed; the page fits 1366×768."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QImage

from kaizen_exchange.gui.main_window import PAGES
from tests.x11.conftest import Display, wait_for

SHARE_KEY = f"ctrl+{[p[0] for p in PAGES].index('share') + 1}"
CLASS = "Willow Class"
ROSTER = "first_name,last_name,photo_consent,name_consent\nOlivia,Brown,yes,yes\n"


def cli(folder: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "kaizen_exchange", "--data-dir", str(folder), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def drafts(folder: Path) -> list[dict[str, object]]:
    answer = json.loads(cli(folder, "share", "list", "--json"))
    assert isinstance(answer, list)
    return answer


def marked(shot: Path) -> int:
    """Pixels of the check's red mark behind a word (ComposeEditor.BLOCK_COLOUR)."""
    image = QImage(str(shot))
    mark = QColor("#f6c9bf").rgb()
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if image.pixel(x, y) == mark
    )


def test_a_post_written_by_keyboard_only_is_checked_and_kept(
    display: Display, launch, tmp_path: Path
):
    folder = tmp_path / "data"
    roster = tmp_path / "class.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    cli(folder, "roster", "import", str(roster), "--class", CLASS)
    (folder / "window.ini").write_text("[sync]\nat_start=false\n")
    app = launch("--data-dir", str(folder), title="^Kaizen Exchange$")

    display.key(SHARE_KEY, "ctrl+n")  # the title box has the keyboard
    display.run("xdotool", "type", "--delay", "30", "Maths trail")
    display.key("Tab")  # the class
    display.run("xdotool", "type", "--delay", "30", CLASS)
    for _ in range(6):  # qualities, Bold, Italic, List, Link…, then the text
        display.key("Tab")
    display.run("xdotool", "type", "--delay", "30", "Olivia Brown measured the hall.")
    wait_for(lambda: drafts(folder), 20, "the post to be saved as it was typed")
    shot = display.screenshot("share-keyboard-surname")
    assert marked(shot) > 40, "the surname is not marked in the text"

    wait_for(lambda: "hall" in str(drafts(folder)[0]["text"]), 20, "the whole text saved")
    [draft] = drafts(folder)
    assert draft["title"] == "Maths trail"
    assert draft["class"] == CLASS
    assert draft["text"] == "Olivia Brown measured the hall."
    assert draft["state"] == "draft"
    assert "Traceback" not in app.stop()
