"""``roster`` and ``share`` on the command line, as a school's IT script would run them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.cli import Cli, write
from tests.sharing.conftest import CLASS


def test_roster_import_and_set_print_plain_lines_and_json(cli: Cli, class_csv: Path) -> None:
    ran = cli("roster", "import", str(class_csv), "--class", CLASS)
    assert ran.code == 0, ran.err
    assert "Imported 4 children into Willow Class, Year 4" in ran.out
    assert "1 child has no photo consent" in ran.out
    ran = cli("roster", "set", "Amir", "--class", CLASS, "--name-consent", "no", "--json")
    assert ran.code == 0, ran.err
    assert ran.json() == {
        "class": CLASS,
        "first_name": "Amir",
        "photo_consent": True,
        "name_consent": False,
        "withdrawn": ["name"],
        "affected": [],
    }
    ran = cli("roster", "set", "Amir", "--class", CLASS, "--photo-consent", "no")
    assert "Amir (Willow Class, Year 4): photos not allowed, name not allowed." in ran.out
    assert "No post on the school's site shows or names this child." in ran.out
    assert "Haddad" not in ran.out + ran.err


def test_roster_refusals_exit_2_in_one_plain_line(tmp_path: Path, cli: Cli) -> None:
    bad = write(tmp_path, "bad.csv", "first_name,last_name\nOlivia\n")
    assert (
        "line 2: the surname is missing"
        in cli("roster", "import", str(bad), "--class", CLASS).refusal()
    )
    assert (
        "Say what the family agreed" in cli("roster", "set", "Olivia", "--class", CLASS).refusal()
    )
    missing = cli("roster", "import", str(tmp_path / "none.csv"), "--class", CLASS).refusal()
    assert "Cannot read" in missing


def test_share_draft_list_and_mark(tmp_path: Path, cli: Cli) -> None:
    photo = write(tmp_path, "bridge=final.jpg", b"jpeg")  # an '=' in the file's own name
    other = write(tmp_path, "tower.jpg", b"jpeg")
    text = write(tmp_path, "post.md", "We built **bridges**.\n")
    ran = cli(
        "share", "draft", "--title", "Bridges", "--text-file", str(text),
        "--image", f"{photo}", "--image", f"{other}=A tower = tall",
        "--tag", "Resilient", "--tag", "Risk-taking", "--class", CLASS, "--json",
    )  # fmt: skip
    assert ran.code == 0, ran.err
    draft = ran.json()
    assert draft["title"] == "Bridges" and draft["text"] == "We built **bridges**.\n"
    assert [(f["path"], f["alt"]) for f in draft["files"]] == [
        (str(photo.resolve()), ""),
        (str(other.resolve()), "A tower = tall"),
    ]
    assert draft["tags"] == ["Resilient", "Risk-taking"] and draft["class"] == CLASS
    assert draft["state"] == "draft" and draft["state_text"] == "Draft"
    ran = cli("share", "mark", str(draft["id"]), "--photo", "2", "--pupil", "Sam", "--json")
    assert ran.code == 0, ran.err
    marked = ran.json()["files"][1]
    assert marked["pupils"] == ["Sam"] and marked["pupils_confirmed"]
    assert cli("share", "mark", str(draft["id"]), "--photo", "1", "--nobody").code == 0
    listed = cli("share", "list")
    assert listed.code == 0 and "Bridges" in listed.out and "Draft" in listed.out
    assert [d["id"] for d in cli("share", "list", "--json").json()] == [draft["id"]]


def test_share_refusals_exit_2_in_one_plain_line(tmp_path: Path, cli: Cli) -> None:
    assert (
        "The photo"
        in cli(
            "share", "draft", "--title", "T", "--text", "x", "--image", str(tmp_path / "gone.jpg")
        ).refusal()
    )
    assert "no draft number 9" in cli("share", "mark", "9", "--photo", "1", "--nobody").refusal()
    ran = cli("share", "draft", "--title", "T", "--text", "x", "--json")
    draft = ran.json()["id"]
    assert "has no photos" in cli("share", "mark", str(draft), "--photo", "1", "--nobody").refusal()
    with pytest.raises(SystemExit) as usage:  # neither --text nor --text-file: argparse
        cli("share", "draft", "--title", "T")
    assert usage.value.code == 2
