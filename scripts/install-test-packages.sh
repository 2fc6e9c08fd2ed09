#!/bin/sh
# Installs (as root) every Debian package the whole test suite needs, only those missing:
# Qt's libraries for the window's offscreen tests, the desktop's X11 libraries with Xvfb,
# xdotool and openbox for the real-X11 tier, WordPress with MariaDB and PHP for the
# real-WordPress tier, binutils for building the frozen bundle (PyInstaller), and exiftool
# (libimage-exiftool-perl), the independent reader that shows shared photos and videos
# carry no location or device metadata.
# Usage: sh scripts/install-test-packages.sh [--check]   (--check: only report what is missing)
set -eu
cd "$(dirname "$0")/.."
status=0
sh tests/gui/install-packages.sh "$@" || status=1
sh tests/x11/install-packages.sh "$@" || status=1
sh tests/wordpress/install-packages.sh "$@" || status=1
. scripts/apt-missing.sh
if ! command -v objdump >/dev/null 2>&1; then
    if [ "${1:-}" = "--check" ]; then
        echo "Bundle build packages missing: binutils"
        status=1
    else
        install_packages "Bundle build packages" binutils || status=1
    fi
fi
ensure_packages "Metadata reader (exiftool)" "${1:-}" libimage-exiftool-perl || status=1
exit $status
