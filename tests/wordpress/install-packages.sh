#!/bin/sh
# Installs the Debian packages of the real-WordPress test tier, only those that are missing.
#
# Idempotent and quiet when everything is there (no apt-get update, no network). Needs root
# (or sudo).
# Usage: tests/wordpress/install-packages.sh [--check]   (--check: list what is missing, exit 1 if any)
#
# Why each package:
#   wordpress                          the real WordPress (Debian 12: 6.1.x), in /usr/share/wordpress
#   wordpress-theme-twentytwentythree  without a theme the front-end pages are empty (feeds work anyway)
#   mariadb-server-core                mariadbd + mariadb-install-db, started by the fixture itself
#   php8.2-cli                         `php -S` (the web server) and the install/seed scripts
#   php8.2-mysql php8.2-gd             WordPress's database driver; GD draws the seeded images
#   php8.2-cgi php micro-httpd         satisfy wordpress's "libapache2-mod-php | php" and
#                                      "apache2 | httpd", so apt does not pull in Apache (which it
#                                      would start on port 80). None of them runs a server:
#   netcat-traditional                 satisfies micro-httpd's "openbsd-inetd | ... |
#                                      netcat-traditional | systemd-sysv" where systemd-sysv is
#                                      absent (containers), so no inetd gets installed and started;
#                                      on a systemd host micro-httpd's :80 socket unit is masked
#                                      before the install, so it never starts (see below).
set -eu

PACKAGES="wordpress wordpress-theme-twentytwentythree mariadb-server-core php8.2-cli php8.2-mysql \
php8.2-gd php8.2-cgi php micro-httpd netcat-traditional"

# shellcheck source=../../scripts/apt-missing.sh
. "$(dirname "$0")/../../scripts/apt-missing.sh"
# On a systemd host, micro-httpd's postinst would enable and start a socket unit on port 80.
# We never want that server: mask the unit first (the postinst only unmasks its own masks).
if [ "${1:-}" != "--check" ] && [ -n "$(missing_packages micro-httpd)" ] \
    && [ -d /run/systemd/system ]; then
    sudo_if_needed=""
    [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
    $sudo_if_needed systemctl mask micro-httpd.socket >/dev/null 2>&1 || true
fi
# shellcheck disable=SC2086  # the list is meant to split into words
ensure_packages "WordPress tier packages" "${1:-}" $PACKAGES
