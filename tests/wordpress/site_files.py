"""The files a WordPress instance reads from its state folder: its config and its wp-content.

Debian's /usr/share/wordpress/wp-config.php requires /etc/wordpress/config-<name>.php and then
fills in Debian defaults; the file written here is what that link points to.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from tests.wordpress.packages import THEME_DIR


def write_site_files(
    state_dir: Path, *, base_url: str, db_socket: Path, db_password: str, link_name: str
) -> Path:
    """Writes wp-content/ and the config into `state_dir`; returns the config's path."""
    content = state_dir / "wp-content"
    for sub in ("uploads", "plugins", "themes", "mu-plugins"):
        (content / sub).mkdir(parents=True, exist_ok=True)
    theme = content / "themes/twentytwentythree"
    if not theme.exists():
        theme.symlink_to(THEME_DIR)
    (content / "mu-plugins/local-test.php").write_text(
        "<?php\n// No MTA here: never try to send mail.\n"
        "add_filter('pre_wp_mail', '__return_false');\n"
    )
    salts = "\n".join(
        f"define('{key}_{kind}', '{secrets.token_hex(32)}');"
        for key in ("AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE")
        for kind in ("KEY", "SALT")
    )
    config = state_dir / "wp-config-local.php"
    config.write_text(
        f"""<?php
// Written by tests/wordpress/site_files.py; linked as /etc/wordpress/{link_name}
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', '{db_password}');
define('DB_HOST', 'localhost:{db_socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
{salts}
define('WP_HOME', '{base_url}');
define('WP_SITEURL', '{base_url}');
define('WP_CONTENT_DIR', '{content}');
define('WP_CONTENT_URL', '{base_url}/wp-content');
define('WP_ENVIRONMENT_TYPE', 'local');  // Application Passwords over plain http need this
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);  // no internet: fail fast (loopback stays allowed)
define('WP_ALLOW_MULTISITE', false);
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);
define('WP_DEBUG_DISPLAY', false);
@ini_set('display_errors', '0');
"""
    )
    return config
