"""Before Qt starts: a desktop that cannot show the window gets a sentence, not an abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kaizen_exchange.gui.display_check import (
    XCB_LIBRARIES,
    missing_packages,
    uses_x11,
    window_problem,
)

NOT_A_LIBRARY = Path(__file__)  # a plugin that cannot load, as when a library is missing
TABLE = {"libc.so.6": "libc6", "libkaizen-not-there.so.7": "libkaizen-not-there7"}


def test_missing_libraries_are_named_by_their_debian_package():
    assert missing_packages(TABLE) == ["libkaizen-not-there7"]


def test_a_plugin_that_cannot_load_names_the_packages_to_install():
    problem = window_problem({"DISPLAY": ":0"}, plugin=NOT_A_LIBRARY, libraries=TABLE)
    assert problem is not None
    assert problem.endswith("sudo apt install libkaizen-not-there7")
    assert "libc6" not in problem and "xcb" not in problem  # only what is missing, in words


def test_no_screen_is_said_plainly():
    problem = window_problem({}, plugin=NOT_A_LIBRARY, libraries=TABLE)
    assert problem is not None and "no screen" in problem


def test_other_platforms_are_left_to_qt():
    for env in ({"QT_QPA_PLATFORM": "offscreen"}, {"WAYLAND_DISPLAY": "wayland-0"}):
        assert not uses_x11(env)
        assert window_problem(env, plugin=NOT_A_LIBRARY, libraries=TABLE) is None
    assert uses_x11({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-0"})


def _window_in_a_process(
    tmp_path: Path, env: dict[str, str], patch: str = ""
) -> subprocess.CompletedProcess[str]:
    code = (
        "import sys; from pathlib import Path\n"
        "import kaizen_exchange.gui.display_check as check\n"
        f"{patch}\n"
        "from kaizen_exchange.cli.main import main\n"
        f"sys.exit(main(['--data-dir', {str(tmp_path / 'data')!r}, *sys.argv[1:]]))\n"
    )
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")
    }
    results = [
        subprocess.run(
            [sys.executable, "-c", code, command],
            env={**clean, **env},
            capture_output=True,
            text=True,
            timeout=60,
        )
        for command in ("window", "demo")
    ]
    assert results[0].returncode == results[1].returncode
    return results[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_the_window_refuses_with_exit_2_when_a_library_is_missing(tmp_path: Path):
    patch = (
        f"check.XCB_LIBRARIES = {TABLE!r}\ncheck.xcb_plugin = lambda: Path({str(NOT_A_LIBRARY)!r})"
    )
    run = _window_in_a_process(tmp_path, {"DISPLAY": ":97"}, patch)
    assert run.returncode == 2, run.stderr
    assert "sudo apt install libkaizen-not-there7" in run.stderr
    assert (
        "Traceback" not in run.stderr and "Aborted" not in run.stderr and "qt.qpa" not in run.stderr
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 only")
def test_without_a_screen_the_window_command_says_so(tmp_path: Path):
    run = _window_in_a_process(tmp_path, {})
    assert run.returncode == 2, run.stderr
    assert "no screen" in run.stderr and "qt.qpa" not in run.stderr


@pytest.mark.skipif(not missing_packages(), reason="the xcb libraries are installed here")
def test_on_this_machine_the_missing_packages_are_named(tmp_path: Path):
    """Runs where Qt's X11 libraries really are missing (a fresh desktop, a developer box)."""
    run = _window_in_a_process(tmp_path, {"DISPLAY": ":97"})
    assert run.returncode == 2, run.stderr
    assert "sudo apt install " + " ".join(missing_packages()) in run.stderr


def test_the_install_script_installs_every_package_the_app_names():
    """scripts/run.sh (as root) installs what the app would otherwise ask for."""
    script = Path(__file__).parents[2] / "scripts" / "install-desktop-packages.sh"
    listed = script.read_text().split('PACKAGES="')[1].split('"')[0].replace("\\\n", " ").split()
    assert set(XCB_LIBRARIES.values()) <= set(listed)
