"""The real-X11 tier: the real app, in its own process, on a virtual screen (Xvfb) at 1366×768.

Unlike tests/gui (offscreen, in-process), these start ``kaizen-exchange`` with Qt's xcb
platform, as a teacher's Linux desktop does, drive it from outside with xdotool
(keyboard, window geometry, titles) and look at the screen's real pixels. A window
manager (openbox) is started only for the tests that want one: a kiosk session has none.

Needs Debian's xvfb, xdotool, openbox and x11-utils, and the desktop's xcb libraries
(tests/x11/install-packages.sh); the tier is skipped, saying what is missing, without them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kaizen_exchange.gui.display_check import missing_packages

ROOT = Path(__file__).resolve().parents[2]
SCREEN = (1366, 768)  # a common school laptop
OUT = Path(os.environ.get("KAIZEN_SCREENSHOTS", ROOT / "test-output" / "screenshots")) / "x11"
TOOLS = ("Xvfb", "xdotool", "openbox", "xprop", "xwininfo")


def _missing() -> str:
    tools = [tool for tool in TOOLS if shutil.which(tool) is None]
    packages = missing_packages() if sys.platform.startswith("linux") else ["Linux"]
    if tools or packages:
        return (
            f"real-X11 tier skipped: missing {' '.join(tools + packages)} "
            "(sudo sh tests/x11/install-packages.sh)"
        )
    return ""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    reason = _missing()
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.x11)
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def wait_for(predicate: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


@dataclass
class Display:
    """One Xvfb screen, with the tools that work on it."""

    name: str
    env: dict[str, str]
    grabber: subprocess.Popen[str]

    def run(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            args, env=self.env, capture_output=True, text=True, timeout=30, check=False
        )
        if check and done.returncode != 0:
            raise AssertionError(f"{args} failed: {done.stderr}")
        return done.stdout

    def key(self, *keys: str) -> None:
        """Keys as a person types them, to whichever window has the keyboard focus."""
        for key in keys:
            self.run("xdotool", "key", "--clearmodifiers", key)
            time.sleep(0.15)

    def windows(self, title: str) -> list[str]:
        """Visible windows whose title matches the regular expression ``title``."""
        out = self.run("xdotool", "search", "--onlyvisible", "--name", title, check=False)
        return out.split()

    def window(self, title: str, timeout: float = 60) -> str:
        found = wait_for(lambda: self.windows(title), timeout, f"a window titled {title!r}")
        assert isinstance(found, list)
        return str(found[-1])

    def title(self, window: str) -> str:
        return self.run("xdotool", "getwindowname", window).strip()

    def geometry(self, window: str) -> tuple[int, int, int, int]:
        """The window's outer rectangle on the screen, its frame (title bar) included."""
        info = self.run("xwininfo", "-id", window)  # xdotool's is off under a reparenting WM
        values = dict(line.strip().split(": ", 1) for line in info.splitlines() if ": " in line)
        x, y, width, height = (
            int(values[k])
            for k in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        )
        frame = self.run("xprop", "-id", window, "_NET_FRAME_EXTENTS", check=False)
        if "=" in frame:
            left, right, top, bottom = (int(v) for v in frame.split("=")[1].split(","))
            return x - left, y - top, width + left + right, height + top + bottom
        return x, y, width, height

    def screenshot(self, name: str, settle: float = 1.0) -> Path:
        """The screen as PNG under test-output/, once two grabs ``settle`` s apart agree."""
        OUT.mkdir(parents=True, exist_ok=True)
        path = OUT / f"{name}.png"
        last = ""
        for _ in range(30):
            assert self.grabber.stdin is not None and self.grabber.stdout is not None
            self.grabber.stdin.write(f"grab {path}\n")
            self.grabber.stdin.flush()
            answer = self.grabber.stdout.readline().split()
            assert answer[0] == "saved", answer
            if answer[3] == last:
                return path
            last = answer[3]
            time.sleep(settle)
        return path


def _start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    read, write = os.pipe()
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{SCREEN[0]}x{SCREEN[1]}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    assert number, "Xvfb did not start"
    return server, f":{number}"


@pytest.fixture
def display(tmp_path: Path) -> Iterator[Display]:
    """A fresh 1366×768 screen with no window manager (a kiosk session)."""
    server, name = _start_xvfb()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("WAYLAND_DISPLAY", "KAIZEN_EXCHANGE_DATA_DIR")
    }
    env.update(
        DISPLAY=name,
        QT_QPA_PLATFORM="xcb",
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # never the developer's own settings
        XDG_DATA_HOME=str(tmp_path / "share"),
        TMPDIR=str(tmp_path),
    )
    grabber = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("grab.py"))],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert grabber.stdout is not None
    ready = grabber.stdout.readline().split()
    assert ready == ["ready", str(SCREEN[0]), str(SCREEN[1])], ready
    try:
        yield Display(name, env, grabber)
    finally:
        for process in (grabber, server):
            process.terminate()
            process.wait(10)
        if grabber.stdin:
            grabber.stdin.close()
        if grabber.stdout:
            grabber.stdout.close()


@pytest.fixture
def window_manager(display: Display) -> Iterator[None]:
    """openbox on the screen: title bars, maximising and full screen as on a desktop."""
    manager = subprocess.Popen(
        ["openbox"], env=display.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_for(
        lambda: (
            "window id" in display.run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False)
        ),
        20,
        "openbox to manage the screen",
    )
    yield
    manager.terminate()
    manager.wait(10)


@dataclass
class App:
    process: subprocess.Popen[str]
    display: Display
    window: str

    def stop(self) -> str:
        """Close the window as a person does (Ctrl+Q); the app's error output."""
        if self.process.poll() is None:
            self.display.run("xdotool", "windowactivate", "--sync", self.window, check=False)
            self.display.key("ctrl+q")
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        _out, err = self.process.communicate()
        return err


@pytest.fixture
def launch(display: Display) -> Iterator[Callable[..., App]]:
    """Start ``kaizen-exchange ARGS`` on the screen; wait for its main window."""
    started: list[App] = []

    def start(*args: str, title: str = "^Kaizen Exchange") -> App:
        process = subprocess.Popen(
            [sys.executable, "-m", "kaizen_exchange", *args],
            env=display.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        app = App(process, display, "")
        started.append(app)
        app.window = display.window(title)
        return app

    yield start
    for app in started:
        if app.process.poll() is None:
            app.process.kill()
        app.process.communicate(timeout=10)


def assert_inside_screen(rect: tuple[int, int, int, int], what: str) -> None:
    x, y, width, height = rect
    assert x >= 0 and y >= 0, f"{what} starts off the screen at {x},{y}"
    assert x + width <= SCREEN[0] and y + height <= SCREEN[1], (
        f"{what} is {width}×{height} at {x},{y}: its edge is off a {SCREEN[0]}×{SCREEN[1]} screen"
    )
