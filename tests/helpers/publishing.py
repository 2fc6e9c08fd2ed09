"""Shared by the publishing tests: the account commands run as a script runs them, and
the check that a password went nowhere but the keyring."""

from __future__ import annotations

import base64
import os
from pathlib import Path
from typing import Any

from tests.integration.cli import CliRun, run_cli

#: What ``account check --json`` always prints.
CHECK_KEYS = ("ok", "code", "message", "site", "user", "role", "role_meaning", "can_upload")


def keyring_file() -> Path:
    """Where the room's keyring (keyrings.alt PlaintextKeyring) keeps its passwords."""
    return Path(os.environ["XDG_DATA_HOME"]) / "python_keyring" / "keyring_pass.cfg"


def account_set(
    data_dir: Path, site: str, user: str, password: str, *extra: str, **kwargs: Any
) -> CliRun:
    return run_cli(
        data_dir,
        "account",
        "set",
        "--site",
        site,
        "--user",
        user,
        "--json",
        *extra,
        stdin=password + "\n",
        **kwargs,
    )


def check_json(run: CliRun) -> dict[str, Any]:
    report = run.json()
    for key in CHECK_KEYS:
        assert key in report, f"account check --json lacks {key!r}\n{run.describe()}"
    assert (run.returncode == 0) == report["ok"], run.describe()
    return dict(report)


def places_holding(secret: str, *folders: Path) -> list[str]:
    """Every file under ``folders`` that holds ``secret`` as written or base64-encoded."""
    needles = [secret.encode(), base64.b64encode(secret.encode())]
    found = []
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else [folder]:
            if path.is_file() and any(n in path.read_bytes() for n in needles):
                found.append(str(path))
    return found


__all__ = ["CHECK_KEYS", "account_set", "check_json", "keyring_file", "places_holding"]
