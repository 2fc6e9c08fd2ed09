"""The real command line run in this process: ``main()``, its exit status and its messages.

In-process runs cost milliseconds, so refusal tests and hypothesis properties can try
many files; each still sees what a school's IT script would see.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kaizen_exchange.cli import main as cli_main


@dataclass
class Ran:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)

    def refusal(self) -> str:
        """The one line a refused file gets; fails the test unless it is exactly that."""
        assert self.code == 2, f"exit {self.code}\nout: {self.out}\nerr: {self.err}"
        lines = self.err.strip().splitlines()
        assert len(lines) == 1, f"expected one line, got:\n{self.err}"
        line = lines[0]
        assert line.startswith("kaizen-exchange: "), line
        for smell in ("Traceback", "Error(", "b'", "\\n", "<class "):
            assert smell not in line, f"not a plain message: {line}"
        return line


#: ``cli("network", "import", path)``: a run on a test's data folder (a fixture gives it).
Cli = Callable[..., Ran]


def run_cli(data: Path, *argv: str) -> Ran:
    """``kaizen-exchange --data-dir DATA ARGV…``, with what it printed."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli_main.main(["--data-dir", str(data), *argv])
    return Ran(code, out.getvalue(), err.getvalue())


def write(folder: Path, name: str, text: str | bytes) -> Path:
    """A file to import: text is written as UTF-8, bytes as they are."""
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


__all__ = ["Cli", "Ran", "run_cli", "write"]
