"""The data folder a teacher or IT names is the folder used: a path, never a URI, from anywhere."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from kaizen_exchange.cli.main import COMMANDS, build_parser
from kaizen_exchange.paths import database_path
from tests.integration.cli import (
    REPO,
    CliRun,
    file_url_path,
    import_network,
    network_toml,
    ok,
    run_cli,
    school_toml,
)


def _files_under(folder: Path) -> set[Path]:
    return {path.relative_to(folder) for path in folder.rglob("*") if path.is_file()}


@pytest.mark.parametrize("name", ["Class 4?draft", "Year%204", "a%2F..", "sp ace#1"])
def test_a_folder_named_like_a_url_holds_the_database_itself(tmp_path: Path, name: str) -> None:
    root = tmp_path / "here"  # apart from the test's room (its logs) in tmp_path
    data = root / "school" / name
    data.parent.mkdir(parents=True)
    import_network(data, network_toml(school_toml("oak", feeds=["http://127.0.0.1:9/feed/"])))
    ok(run_cli(data, "feeds", "list"))
    assert database_path(data).is_file()
    stray = {p for p in _files_under(root) if not p.is_relative_to(Path("school") / name)}
    assert stray == {Path("school") / "network.toml"}, f"files written elsewhere: {stray}"


def _run_in(cwd: Path, *args: str) -> CliRun:
    return run_cli(None, *args, cwd=cwd, env={"PYTHONPATH": str(REPO)}, timeout=120)


def test_a_relative_data_folder_shows_offline_pictures_from_anywhere(tmp_path: Path) -> None:
    """``--data-dir demo`` (relative): the HTML names the pictures by absolute file:
    addresses, so the page opens from any folder."""
    synced = _run_in(tmp_path, "--data-dir", "demo", "demo-sync", "--json")
    assert synced.returncode == 0, synced.stderr
    assert database_path(tmp_path / "demo").is_file()
    listed = _run_in(tmp_path, "--data-dir", "demo", "posts", "list", "--json")
    ids = [post["id"] for post in json.loads(listed.stdout) if post["media"]]
    assert ids, listed.stdout
    shown = _run_in(tmp_path, "--data-dir", "demo", "posts", "show", str(ids[0]), "--html")
    assert shown.returncode == 0, shown.stderr
    pictures = [part.split('"')[0] for part in shown.stdout.split('src="')[1:]]
    local = [file_url_path(src) for src in pictures if src.startswith("file:")]
    assert local, shown.stdout[:2000]
    for path in local:
        assert path.is_absolute() and path.is_file(), path


def _parsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    """Every parser below ``parser``, with the words that reach it."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((name, sub))
                found += [(f"{name} {words}", deeper) for words, deeper in _parsers(sub)]
    return found


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_takes_the_data_folder_after_its_name(command: str) -> None:
    parsers = [(w, p) for w, p in _parsers(build_parser(command)) if w.split()[0] == command]
    assert parsers
    for words, parser in parsers:
        assert "--data-dir" in parser._option_string_actions, f"'{words}' refuses --data-dir"


def test_the_data_folder_after_the_command_wins_and_before_it_still_works() -> None:
    parser = build_parser("demo")
    assert parser.parse_args(["demo", "--data-dir", "D"]).data_dir == "D"
    assert parser.parse_args(["--data-dir", "D", "demo"]).data_dir == "D"
    assert parser.parse_args(["demo"]).data_dir is None
    parser = build_parser("posts")
    args = parser.parse_args(["posts", "list", "--data-dir=E", "--unread"])
    assert args.data_dir == "E" and args.unread


def test_a_relative_data_folder_is_made_absolute_where_it_enters(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kaizen_exchange.paths import data_dir

    monkeypatch.chdir(tmp_path)
    assert data_dir("rel") == tmp_path / "rel"
    assert data_dir(Path("x") / ".." / "y") == tmp_path / "y"
