"""``network import``: a bad file is refused whole, in one line naming the place, exit 2.

Each case is one the issue saw end in a traceback, be stored as a guess, or be
reported unhelpfully; after every refusal the store is as it was.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kaizen_exchange.errors import BadInput
from kaizen_exchange.network.file import SchoolSpec, parse_network
from kaizen_exchange.network.store import import_network
from tests.helpers.cli import Cli, write
from tests.helpers.imports import NETWORK


def _schools(cli: Cli) -> str:
    """What the store holds, through a read command (the export prints it whole)."""
    ran = cli("feeds", "list", "--json")
    assert ran.code == 0, ran.err
    return ran.out


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (("home = true", 'home = "false"'), "home must be true or false"),
        (('"Thu", "Fri"]', '"Thu", "fridge"]'), "'fridge'"),
        (('weekdays = ["Mon"', 'weekdays = ["Monkey"'), "'Monkey'"),
        (('"Europe/London"', '"localtime"'), "unknown time zone 'localtime'"),
        (('"Europe/London"', '"right/UTC"'), "unknown time zone 'right/UTC'"),
        (('name = "Greenfield Primary"', 'name = "Green\u202efield"'), "invisible"),
        (('name = "Greenfield Primary"', 'name = "Green\\u0007field"'), "control character"),
        (('feeds = ["https://greenfield', 'feeds = ["https://[::1'), "IPv6"),
        (
            ('"https://greenfield.example/feed/"', '"https://greenfield.example:99999/feed/"'),
            "port",
        ),
        (('"https://greenfield.example/feed/"', '"https://greenfield.example/\tfeed/"'), "a tab"),
        (
            ('"https://greenfield.example/feed/"', '"https://jo:pw@greenfield.example/feed/"'),
            "public feed",
        ),
        (
            ('"https://greenfield.example/feed/"', '"https://greenfield.example/feed/?token=x1"'),
            "public feed",
        ),
        (("start = 2026-09-03", "start = 0001-09-03"), "outside 1900–2200"),
        (("end = 2026-12-18", "end = 9999-12-18"), "outside 1900–2200"),
        (("start = 2026-09-03", "start = 2026-09-03T08:00:00"), "dates written like"),
        (('subdivision = "ENG"', 'subdivision = "England and Wales"'), "short code"),
        (('email = "office@greenfield.example"', 'email = "office"'), "e-mail address"),
    ],
)
def test_odd_values_are_refused_not_guessed(
    cli: Cli, tmp_path: Path, change: tuple[str, str], said: str
) -> None:
    assert change[0] in NETWORK
    path = write(tmp_path, "network.toml", NETWORK.replace(*change, 1))
    line = cli("network", "import", str(path)).refusal()
    assert said in line
    assert str(path) in line and "school 'greenfield'" in line
    assert _schools(cli) == "[]\n"


def test_an_empty_network_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    for text in ("", '[network]\nname = "Ours"\n'):
        path = write(tmp_path, "empty.toml", text)
        assert "lists no schools" in cli("network", "import", str(path)).refusal()


def test_a_toml_mistake_names_the_line_and_what_to_fix(cli: Cli, tmp_path: Path) -> None:
    broken = NETWORK.replace('name = "Wattle Public School"', 'name = "Wattle Public School')
    path = write(tmp_path, "network.toml", broken)
    line = cli("network", "import", str(path)).refusal()
    assert "line 19" in line and "add the closing" in line
    assert "Illegal character" not in line


def test_every_problem_of_a_file_is_reported_at_once(cli: Cli, tmp_path: Path) -> None:
    broken = NETWORK.replace('"Europe/London"', '"Europe/Londres"').replace(
        'country = "AU"', 'country = "Australia"'
    )
    line = cli("network", "import", str(write(tmp_path, "n.toml", broken))).refusal()
    assert "2 problems" in line
    assert "school 'greenfield'" in line and "unknown time zone" in line
    assert "school 'wattle'" in line and "two-letter code" in line


def test_deeply_nested_arrays_are_refused(cli: Cli, tmp_path: Path) -> None:
    text = "x = " + "[" * 100_000 + "]" * 100_000 + "\n"
    line = cli("network", "import", str(write(tmp_path, "deep.toml", text))).refusal()
    assert "nested too deeply" in line


def test_a_file_over_the_size_cap_is_refused_before_it_is_parsed(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("w") as out:
        out.write(NETWORK)
        out.write("# " + "x" * 11_000_000 + "\n")
    assert "too large for a network file" in cli("network", "import", str(path)).refusal()


def test_not_utf8_names_the_line(cli: Cli, tmp_path: Path) -> None:
    data = NETWORK.replace("Wattle", "W\udcffattle", 1).encode("utf-8", "surrogateescape")
    line = cli("network", "import", str(write(tmp_path, "latin.toml", data))).refusal()
    assert "line 19" in line and "UTF-8" in line


def test_a_bad_id_is_quoted_as_written_not_as_a_repr(cli: Cli, tmp_path: Path) -> None:
    text = NETWORK.replace('id = "greenfield"', 'id = "St Mary\'s\\nPrimary"', 1)
    line = cli("network", "import", str(write(tmp_path, "id.toml", text))).refusal()
    assert "the id 'St Mary's?Primary' should be a short slug" in line


def test_weekday_names_may_be_written_in_full(cli: Cli, tmp_path: Path) -> None:
    text = NETWORK.replace('["Mon", "Tue", "Wed", "Thu", "Fri"]', '["monday", "Friday"]')
    spec = parse_network(text)
    assert spec.schools[0].calls is not None
    assert spec.schools[0].calls.weekdays == ("Mon", "Fri")


def test_a_school_the_window_builds_is_checked_like_a_file(store) -> None:
    spec = parse_network(NETWORK)
    bad = SchoolSpec(
        id="tabby",
        name="Tabby",
        country="GB",
        timezone="Europe/London",
        feeds=["https://tabby.example/\tfeed/"],
    )
    spec.schools.append(bad)
    with pytest.raises(BadInput, match=r"school 'tabby'.*a tab"):
        import_network(store, spec)
    with store.session() as session:
        assert session.connection().exec_driver_sql("SELECT count(*) FROM school").scalar() == 0
