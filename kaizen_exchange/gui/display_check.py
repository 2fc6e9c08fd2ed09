"""Can the window open on this Linux desktop? Asked before Qt starts, because Qt cannot say.

When Qt's X11 ("xcb") platform plugin cannot load, Qt prints a developer's message
and aborts the process (a core dump, on a teacher's screen). Qt gives no way to
recover, so this module asks the same questions first, without importing Qt:

* is there a screen at all (``DISPLAY`` / ``WAYLAND_DISPLAY``)?
* does the xcb plugin load? If not, which Debian packages hold the libraries that
  fail to load (so the message can say ``sudo apt install …``)?
* does the X server answer?

Only X11 is checked: Wayland sessions, macOS, Windows and any platform chosen
with ``QT_QPA_PLATFORM`` (``offscreen`` in the tests) are left to Qt.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from pathlib import Path

#: Every library the xcb plugin and the Qt libraries under it link against that a fresh
#: Debian 12 / Ubuntu lacks, and its package. Found with ``readelf -d`` (NEEDED) on
#: PySide6's libQt6Core/Gui/Widgets/DBus/XcbQpa and plugins/platforms/libqxcb.so, each
#: mapped with ``dpkg -S``. The C/C++ runtime, zlib and zstd are always there; ICU
#: ships inside PySide6. scripts/install-desktop-packages.sh installs the same list.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}


def uses_x11(env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will draw through X11: Linux, and neither Wayland nor another platform chosen."""
    if not sys.platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin (in a checkout, a venv or the frozen bundle)."""
    spec = importlib.util.find_spec("PySide6")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def _loads(library: str | Path) -> str | None:
    """None when the dynamic loader can load ``library``, else its error."""
    try:
        ctypes.CDLL(str(library), mode=os.RTLD_LAZY | os.RTLD_LOCAL)
    except OSError as exc:
        return str(exc)
    return None


def missing_packages(libraries: dict[str, str] | None = None) -> list[str]:
    """The Debian packages whose libraries do not load, each named once, in table order."""
    table = XCB_LIBRARIES if libraries is None else libraries
    return list(dict.fromkeys(pkg for lib, pkg in table.items() if _loads(lib)))


def _x_server_answers() -> bool:
    """Connect to the X server as Qt will (libxcb), and hang up."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the plugin check has already named the package
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    try:
        return int(xcb.xcb_connection_has_error(connection)) == 0
    finally:
        xcb.xcb_disconnect(connection)


def window_problem(
    env: dict[str, str] | os._Environ[str] = os.environ,
    plugin: Path | None = None,
    libraries: dict[str, str] | None = None,
) -> str | None:
    """One plain sentence saying why the window cannot open here, or None when it can."""
    if not uses_x11(env):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return (
            "There is no screen to open the window on (DISPLAY is not set). On a computer "
            "without a screen, use the commands instead: kaizen-exchange --help"
        )
    plugin = plugin or xcb_plugin()
    if plugin is None:
        return None  # an unusual installation: let Qt look for its plugin itself
    error = _loads(plugin)
    if error is not None:
        packages = missing_packages(libraries)
        if packages:
            return (
                "The window cannot open because some of the desktop's graphics libraries "
                "are missing: ask whoever looks after this computer to run "
                f"sudo apt install {' '.join(packages)}"
            )
        return f"The window cannot start: Qt's screen plugin does not load ({error})."
    if not _x_server_answers():
        return (
            f"The window cannot reach the screen {display}: check that you are logged in to "
            "the desktop, or use the commands instead: kaizen-exchange --help"
        )
    return None


__all__ = ["XCB_LIBRARIES", "missing_packages", "uses_x11", "window_problem", "xcb_plugin"]
