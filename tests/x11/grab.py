"""Screenshots of the whole X screen, for the real-X11 tests; one process, kept running.

Run with the X display in DISPLAY. Reads commands on stdin, one a line, and answers
each with one line: ``grab PATH`` saves the screen as PNG and answers its size and a
digest of its pixels (the tests wait for two equal digests: the window has settled).
It asks the X server for the root window's pixels (``grabWindow(0)``), so it sees
what a person at the screen would, window manager frames included.
"""

from __future__ import annotations

import hashlib
import sys

from PySide6.QtGui import QGuiApplication


def main() -> None:
    app = QGuiApplication(["kaizen-x11-grab", "-platform", "xcb"])
    screen = app.primaryScreen()
    print(f"ready {screen.geometry().width()} {screen.geometry().height()}", flush=True)
    for line in sys.stdin:
        command, _, path = line.strip().partition(" ")
        if command != "grab":
            print("error unknown command", flush=True)
            continue
        image = screen.grabWindow(0).toImage()
        digest = hashlib.sha1(bytes(image.constBits())).hexdigest()
        saved = image.save(path)  # PNG, from the name
        print(
            f"{'saved' if saved else 'error'} {image.width()} {image.height()} {digest}", flush=True
        )


if __name__ == "__main__":
    main()
