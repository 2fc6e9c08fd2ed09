"""``share check``: the exact JSON contract, exit 2 while something blocks, a plain report."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.cli import Cli
from tests.helpers.media_files import phone_photo
from tests.sharing.conftest import CLASS


def _draft(cli: Cli, *args: str) -> int:
    ran = cli("share", "draft", "--title", "Art week", "--class", CLASS, "--json", *args)
    assert ran.code == 0, ran.err
    return int(ran.json()["id"])


def test_check_json_has_the_contracts_shape_and_exit_2_while_blocked(
    tmp_path: Path, cli: Cli, class_csv: Path
) -> None:
    cli("roster", "import", str(class_csv), "--class", CLASS)
    photo = phone_photo(tmp_path / "p.jpg")
    draft = _draft(cli, "--text", "Sam Rose painted", "--image", f"{photo}=Paintings")
    ran = cli("share", "check", str(draft), "--json")
    assert ran.code == 2
    report = ran.json()
    assert set(report) == {"draft", "ok", "findings"}
    assert report["draft"] == draft and report["ok"] is False
    for finding in report["findings"]:
        assert set(finding) == {"kind", "severity", "where", "detail"}
        assert finding["severity"] in ("block", "warn")
        assert set(finding["where"]) in ({"field", "start", "end"}, {"file"})
    by_kind = {f["kind"]: f for f in report["findings"]}
    assert by_kind["surname"]["where"] == {"field": "text", "start": 4, "end": 8}
    assert by_kind["no_name_consent"]["where"] == {"field": "text", "start": 0, "end": 3}
    assert by_kind["no_photo_consent"]["where"] == {"file": 1}
    assert by_kind["location_metadata"]["severity"] == "warn"
    cli("share", "mark", str(draft), "--photo", "1", "--nobody")
    overridden = cli(
        "share",
        "check",
        str(draft),
        "--json",
        "--override",
        "surname",
        "--override",
        "no_name_consent",
    )
    assert overridden.code == 0 and overridden.json()["ok"] is True


def test_check_in_words_names_the_place_and_the_way_out(
    tmp_path: Path, cli: Cli, class_csv: Path
) -> None:
    cli("roster", "import", str(class_csv), "--class", CLASS)
    draft = _draft(cli, "--text", "Our trip.\nThe rose garden was lovely.")
    ran = cli("share", "check", str(draft))
    assert ran.code == 2
    assert f"Draft {draft} cannot be published yet: 1 problem to fix." in ran.out
    assert "the text, line 2" in ran.out and "[rose]" in ran.out
    assert "also an ordinary word" in ran.out
    assert "--override surname" in ran.out
    clean = _draft(cli, "--text", "Our trip to the farm")
    ran = cli("share", "check", str(clean))
    assert ran.code == 0 and f"Draft {clean} can be published." in ran.out


def test_the_video_limit_is_a_setting(cli: Cli) -> None:
    assert cli("share", "settings", "--json").json() == {"video_limit_mb": 100}
    assert cli("share", "settings", "--video-limit", "250").out.strip() == "Largest video: 250 MB"
    assert "between 1 and" in cli("share", "settings", "--video-limit", "0").refusal()
