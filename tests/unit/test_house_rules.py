"""The rules of the house that the lint enforces, checked against the project's own ruff settings.

A rule that lives only in a review is forgotten; these make sure the configuration
really fails a Qt import in the core and a ``# type: ignore`` without an error code,
and still lets the window import Qt.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def lint(path: str, source: str) -> str:
    """The rule codes ruff reports for ``source`` as if it were the file ``path``."""
    command = [sys.executable, "-m", "ruff", "check", "--output-format=concise", "--no-cache"]
    done = subprocess.run(
        [*command, "--stdin-filename", path, "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


QT_IMPORT = "from PySide6.QtCore import QTimer\n\n__all__ = ['QTimer']\n"


@pytest.mark.parametrize(
    "path", ["kaizen_exchange/posts_probe.py", "kaizen_exchange/feeds/probe.py", "bench/sync.py"]
)
def test_a_qt_import_outside_the_window_fails_the_lint(path: str) -> None:
    assert "TID251" in lint(path, QT_IMPORT)


@pytest.mark.parametrize("path", ["kaizen_exchange/gui/probe.py", "tests/gui/test_probe.py"])
def test_the_window_and_its_tests_may_import_qt(path: str) -> None:
    assert "TID251" not in lint(path, QT_IMPORT)


def test_a_type_ignore_must_name_its_error_code() -> None:
    bare = lint("kaizen_exchange/probe.py", "X: int = 'a'  # type: ignore\n")
    named = lint("kaizen_exchange/probe.py", "X: int = 'a'  # type: ignore[assignment]\n")
    assert "PGH003" in bare
    assert "PGH003" not in named
