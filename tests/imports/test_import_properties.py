"""Properties of every import path, searched by hypothesis.

For the network file, OPML, ``sessions import`` and ``terms import`` (.ics and .csv):
a file made by mutating a valid one (cut, repeated, spliced with hostile text or
numbers) or made of random text either imports (exit 0) or is refused with exit 2
and one plain line, never a traceback, within a few seconds; and afterwards every
read command (``posts list``, ``slots``, ``sessions check`` and ``export``, ``cache
stats``) still works on the store. Budgets are fixed (examples per property, no
shrinking past a few seconds) so each property runs in CI well under a minute.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.helpers.cli import run_cli
from tests.helpers.imports import NETWORK

from .test_calendar_refusals import DAY, INVITE, TERMS_CSV
from .test_opml import FEEDLY, THUNDERBIRD

BUDGET = settings(
    max_examples=40,
    deadline=None,  # each example is timed below, against the import's own bound
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,  # CI sees the same files every run; a found bug stays found
    phases=[Phase.explicit, Phase.generate],  # shrinking a file can take minutes: report as found
)
IMPORT_BOUND_S = 10.0

HOSTILE = [
    "\t",
    "\n",
    "\r\n",
    "\x00",
    "\u202e",
    "\u200b",
    '"',
    "'",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    ":",
    ";",
    "<",
    ">",
    "&",
    "&#9;",
    "]]>",
    "\\",
    "%",
    "@",
    "?key=",
    "://",
    "[::1",
    ":99999",
    "-1",
    "0",
    "99999999999999999999999",
    "0001",
    "9999",
    "1e9",
    "NaN",
    "true",
    '"false"',
    "BEGIN:VEVENT",
    "END:VEVENT",
    "BEGIN:VCALENDAR",
    "RRULE:FREQ=WEEKLY;COUNT=9999999",
    "SEQUENCE:9999999999",
    "DTSTART:99991231T000000Z",
    "[[schools]]",
    "<outline xmlUrl='x'/>",
    "Mon",
    "Monkey",
    "localtime",
    "right/UTC",
    "小学校",
    "x" * 300,
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder holding the two schools, copied for every example."""
    folder = tmp_path_factory.mktemp("template")
    network = folder / "network.toml"
    network.write_text(NETWORK, encoding="utf-8")
    data = folder / "data"
    ran = run_cli(data, "network", "import", str(network))
    assert ran.code == 0, ran.err
    return data


@contextlib.contextmanager
def fresh(template: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="kaizen-prop-") as folder:
        data = Path(folder) / "data"
        shutil.copytree(template, data)
        yield data


@st.composite
def mutated(draw: st.DrawFn, valid: str) -> str:
    """A valid file with a few cuts, repeats and splices of hostile text."""
    text = valid
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(text)))
        length = draw(st.integers(0, 60))
        action = draw(st.sampled_from(["insert", "delete", "repeat", "replace"]))
        piece = draw(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=20)))
        if action == "insert":
            text = text[:where] + piece + text[where:]
        elif action == "delete":
            text = text[:where] + text[where + length :]
        elif action == "repeat":
            text = text[:where] + text[where : where + length] * 3 + text[where:]
        else:
            text = text[:where] + piece + text[where + len(piece) :]
    return text


def files(valid: str) -> st.SearchStrategy[str]:
    return st.one_of(mutated(valid), st.text(max_size=300))


def read_commands_work(data: Path, folder: Path) -> None:
    first, last = DAY.isoformat(), (DAY + timedelta(days=14)).isoformat()
    for argv in (
        ("posts", "list", "--json"),
        ("cache", "stats"),
        ("slots", "--school", "greenfield", "--school", "wattle", "--from", first, "--to", last),
    ):
        ran = run_cli(data, *argv)
        assert ran.code == 0, (argv, ran.err)
    listed = run_cli(data, "sessions", "list", "--json")
    assert listed.code == 0, listed.err
    sessions = json.loads(listed.out)
    for session in sessions:
        ran = run_cli(data, "sessions", "check", str(session["id"]))
        assert ran.code == 0, ran.err
    if sessions:
        ran = run_cli(data, "sessions", "export", str(folder / "all.ics"))
        assert ran.code == 0, ran.err


def check_import(template: Path, text: str, name: str, *argv: str) -> None:
    with fresh(template) as data:
        path = data.parent / name
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        began = time.monotonic()
        ran = run_cli(data, *argv, str(path))
        seconds = time.monotonic() - began
        assert seconds < IMPORT_BOUND_S, f"{seconds:.1f} s for {text[:200]!r}"
        assert ran.code in (0, 2), ran.err
        if ran.code == 2:
            lines = ran.err.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("kaizen-exchange: "), ran.err
            assert "Traceback" not in ran.err and "b'" not in lines[0], ran.err
        read_commands_work(data, data.parent)


def _no_surrogates(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


@BUDGET
@given(text=files(NETWORK))
def test_network_import_imports_or_refuses_in_one_line(template: Path, text: str) -> None:
    check_import(template, _no_surrogates(text), "network.toml", "network", "import")


@BUDGET
@given(text=st.one_of(files(FEEDLY), mutated(THUNDERBIRD)))
def test_opml_import_imports_or_refuses_in_one_line(template: Path, text: str) -> None:
    check_import(template, _no_surrogates(text), "feeds.opml", "feeds", "import-opml")


@BUDGET
@given(text=files(INVITE))
def test_sessions_import_imports_or_refuses_in_one_line(template: Path, text: str) -> None:
    check_import(template, _no_surrogates(text), "invite.ics", "sessions", "import")


@BUDGET
@given(text=st.one_of(files(TERMS_CSV), files(INVITE)), kind=st.sampled_from(["csv", "ics"]))
def test_terms_import_imports_or_refuses_in_one_line(template: Path, text: str, kind: str) -> None:
    check_import(
        template,
        _no_surrogates(text),
        f"terms.{kind}",
        "terms",
        "import",
        "--school",
        "greenfield",
    )
