"""Fixtures for the import tests: a store and the real command line, in this process.

In-process runs cost milliseconds, so the refusal tests and the hypothesis properties
can try many files; each still goes through ``main()``, its exit status and its
messages, as a school's IT script would see them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kaizen_exchange.cli import main as cli_main
from kaizen_exchange.store.db import Store


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


Cli = Callable[..., Ran]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store(tmp_path / "data")
    yield opened
    opened.close()


@pytest.fixture
def cli(store: Store, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run ``kaizen-exchange --data-dir <the store's folder> ARGS…`` in this process."""
    monkeypatch.setenv("KAIZEN_EXCHANGE_MACHINE_NETWORK", str(store.folder / "no-such-file"))

    def run(*argv: str) -> Ran:
        capsys.readouterr()
        code = cli_main.main(["--data-dir", str(store.folder), *argv])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return run


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


NETWORK = """[network]
name = "Kaizen Network"

[[schools]]
id = "greenfield"
name = "Greenfield Primary"
country = "GB"
subdivision = "ENG"
timezone = "Europe/London"
home = true
email = "office@greenfield.example"
blog = "https://greenfield.example/"
feeds = ["https://greenfield.example/feed/"]
calls = { start = "07:00", end = "09:00", weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"] }
terms = [ { name = "Autumn 2026", start = 2026-09-03, end = 2026-12-18 } ]

[[schools]]
id = "wattle"
name = "Wattle Public School"
country = "AU"
subdivision = "NSW"
timezone = "Australia/Sydney"
email = "office@wattle.example"
blog = "https://wattle.example/"
feeds = ["https://wattle.example/feed/"]
calls = { start = "16:00", end = "18:30" }
"""
