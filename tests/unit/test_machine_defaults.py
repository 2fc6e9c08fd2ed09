"""The machine-wide network file IT puts on a PC: imported once into a new, empty store."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from kaizen_exchange.cli.main import main
from kaizen_exchange.network.machine_defaults import (
    MACHINE_NETWORK_ENV,
    MARK_KEY,
    import_machine_defaults,
    machine_config_dir,
    machine_network_file,
    seed_from_machine_defaults,
)
from kaizen_exchange.store.db import Store
from kaizen_exchange.store.models import NetworkInfo, School

NETWORK = """
[network]
name = "Our partners"

[[schools]]
id = "greenfield"
name = "Greenfield Primary School"
country = "GB"
subdivision = "ENG"
timezone = "Europe/London"
home = true
feeds = ["https://greenfield.example/feed/"]

[[schools]]
id = "wattle-creek"
name = "Wattle Creek Public School"
country = "AU"
subdivision = "NSW"
timezone = "Australia/Sydney"
feeds = ["https://wattle.example/feed/"]
"""


@pytest.fixture
def machine_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "machine" / "network.toml"
    path.parent.mkdir()
    path.write_text(NETWORK, encoding="utf-8")
    monkeypatch.setenv(MACHINE_NETWORK_ENV, str(path))
    return path


def school_ids(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(session.exec(select(School.id)).all())


def test_no_file_means_nothing_happens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MACHINE_NETWORK_ENV, str(tmp_path / "missing.toml"))
    assert machine_network_file() is None

    def never() -> Store:
        raise AssertionError("the store must not be opened without a machine file")

    assert seed_from_machine_defaults(never) is None


def test_machine_folder_is_the_platforms_shared_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/etc/xdg")
    assert machine_config_dir() == Path("/etc/xdg/kaizen-exchange")


def test_imported_once_into_an_empty_store(store: Store, machine_file: Path) -> None:
    report = import_machine_defaults(store, machine_file)
    assert report is not None and sorted(report.added) == ["greenfield", "wattle-creek"]
    assert school_ids(store) == ["greenfield", "wattle-creek"]
    with store.session() as session:
        mark = session.get(NetworkInfo, MARK_KEY)
        assert mark is not None and str(machine_file) in mark.value
    # The teacher edits a partner: the machine file must not undo it on the next start.
    with store.session() as session:
        session.get_one(School, "wattle-creek").name = "Wattle Creek PS"
    assert import_machine_defaults(store, machine_file) is None
    with store.session() as session:
        assert session.get_one(School, "wattle-creek").name == "Wattle Creek PS"


def test_a_store_that_already_has_schools_is_left_alone(store: Store, machine_file: Path) -> None:
    with store.session() as session:
        session.add(School(id="own", name="Our Own School", country="GB", timezone="Europe/London"))
    assert import_machine_defaults(store, machine_file) is None
    assert school_ids(store) == ["own"]


def test_a_bad_file_warns_leaves_no_mark_and_is_retried(store: Store, machine_file: Path) -> None:
    machine_file.write_text("[network\nname = broken", encoding="utf-8")
    warnings: list[str] = []
    assert seed_from_machine_defaults(lambda: store, warnings.append) is None
    assert len(warnings) == 1 and str(machine_file) in warnings[0] and "IT" in warnings[0]
    with store.session() as session:
        assert session.get(NetworkInfo, MARK_KEY) is None
    machine_file.write_text(NETWORK, encoding="utf-8")  # IT fixes the file
    assert seed_from_machine_defaults(lambda: store, warnings.append) is not None
    assert school_ids(store) == ["greenfield", "wattle-creek"]


def test_cli_first_run_imports_the_machine_file(
    tmp_path: Path, machine_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "teacher"
    assert main(["--data-dir", str(data), "feeds", "list"]) == 0
    assert "greenfield.example" in capsys.readouterr().out
    opened = Store(data)
    try:
        assert school_ids(opened) == ["greenfield", "wattle-creek"]
    finally:
        opened.close()


def test_demo_commands_never_get_the_machine_file(tmp_path: Path, machine_file: Path) -> None:
    from kaizen_exchange.cli.main import OWN_STORE

    assert {"demo", "demo-sync"} <= OWN_STORE
