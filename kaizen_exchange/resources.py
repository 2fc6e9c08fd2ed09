"""Finding the bundled resources (demo network, icons, styles) in a checkout or when installed.

In a source checkout they live in the top-level ``resources/`` folder; the wheel
ships the same tree as the ``kaizen_exchange/_resources`` package data, and a frozen
bundle (PyInstaller) puts it beside the executable. One function hides the difference.
"""

import sys
from functools import cache
from pathlib import Path

from kaizen_exchange.errors import KaizenError

_PACKAGE = Path(__file__).resolve().parent


@cache
def resources_dir() -> Path:
    candidates = [
        _PACKAGE / "_resources",  # installed wheel
        _PACKAGE.parent / "resources",  # source checkout / editable install
    ]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / "resources")
    for candidate in candidates:
        if (candidate / "demo").is_dir():
            return candidate
    raise KaizenError(
        "The app's bundled files are missing (looked in "
        + ", ".join(str(c) for c in candidates)
        + "). Reinstall Kaizen Exchange."
    )


def resource_path(relative: str) -> Path:
    """Path of a bundled file, e.g. ``resource_path("demo/network.toml")``."""
    return resources_dir() / relative


__all__ = ["resource_path", "resources_dir"]
