"""What the WordPress tier needs from the machine: Debian's packages, and root.

Imported by the fixture to decide between running and skipping the tier with a plain message.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

WORDPRESS_DIR = Path("/usr/share/wordpress")
THEME_DIR = WORDPRESS_DIR / "wp-content/themes/twentytwentythree"
DEBIAN_CONFIG_DIR = Path("/etc/wordpress")
INSTALL_SCRIPT = "tests/wordpress/install-packages.sh"


def which(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin:/bin")


def missing_prerequisites() -> list[str]:
    """What this machine lacks for the tier, in plain words; empty when it can run."""
    missing = []
    for binary, package in [
        ("php", "php8.2-cli"),
        ("mariadbd", "mariadb-server-core"),
        ("mariadb-install-db", "mariadb-server-core"),
        ("mariadb", "mariadb-client"),
    ]:
        if which(binary) is None:
            missing.append(f"{binary} (package {package})")
    if not (WORDPRESS_DIR / "wp-load.php").is_file():
        missing.append(f"{WORDPRESS_DIR} (package wordpress)")
    if not THEME_DIR.is_dir():
        missing.append("the Twenty Twenty-Three theme (package wordpress-theme-twentytwentythree)")
    php = which("php")
    if php is not None:
        probe = subprocess.run(
            [
                php,
                "-r",
                'echo implode(",", array_filter(["gd", "mysqli"], '
                "fn($e) => !extension_loaded($e)));",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        for extension in filter(None, probe.stdout.strip().split(",")):
            package = {"gd": "php8.2-gd", "mysqli": "php8.2-mysql"}[extension]
            missing.append(f"PHP extension {extension} (package {package})")
    if DEBIAN_CONFIG_DIR.is_dir() and not os.access(DEBIAN_CONFIG_DIR, os.W_OK):
        missing.append(f"write access to {DEBIAN_CONFIG_DIR} (run the tests as root)")
    return missing
