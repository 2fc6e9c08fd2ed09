"""The roster never leaves the PC: not in the log, the network export, or any message.

Run as real processes with the log at its most talkative (DEBUG), through the
commands that read or change the roster, a refused file included.
"""

from __future__ import annotations

from pathlib import Path

from tests.integration.cli import ok, run_cli
from tests.sharing.conftest import CLASS, CLASS_CSV

SURNAMES = ("Brown", "Pemberton", "Okafor", "Rose", "Haddad")


def test_no_surname_in_the_log_the_export_or_any_output(tmp_path: Path) -> None:
    data, logs = tmp_path / "data", tmp_path / "logs"
    env = {"KAIZEN_EXCHANGE_LOG_DIR": str(logs), "KAIZEN_EXCHANGE_LOG_LEVEL": "DEBUG"}
    roster = tmp_path / "class.csv"
    roster.write_text(CLASS_CSV, encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("first_name,last_name,photo_consent\nSam,Rose,perhaps\n", encoding="utf-8")
    export = tmp_path / "network.toml"
    runs = [
        ok(run_cli(data, "roster", "import", str(roster), "--class", CLASS, env=env)),
        ok(run_cli(data, "roster", "import", str(bad), "--class", CLASS, env=env), 2),
        ok(run_cli(data, "roster", "set", "Zoe", "--class", CLASS, "--photo-consent", "no", env=env)),
        ok(run_cli(data, "roster", "set", "Sam", "--class", CLASS, "--name-consent", "no", "--json", env=env)),
        ok(run_cli(data, "share", "draft", "--title", "Trip", "--text", "With Sam Rose", env=env)),
        ok(run_cli(data, "share", "check", "1", env=env), 2),  # shows the teacher's own words
        ok(run_cli(data, "share", "list", env=env)),
        ok(run_cli(data, "network", "export", str(export), env=env)),
    ]  # fmt: skip
    written = [
        p.read_text(encoding="utf-8", errors="replace") for p in logs.rglob("*") if p.is_file()
    ]
    assert written, "the commands wrote no log at all: the test would prove nothing"
    outputs = [r.stdout + r.stderr for r in runs if "check" not in r.args]
    for text in [*written, export.read_text(encoding="utf-8"), *outputs]:
        for surname in SURNAMES:
            assert surname not in text
