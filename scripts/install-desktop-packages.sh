#!/bin/sh
# Installs (as root) the Debian/Ubuntu packages the window needs on a real Linux desktop
# (Qt's X11 "xcb" platform), only those missing. Without them Qt aborts at start with
# "xcb-cursor0 or libxcb-cursor0 is needed to load the Qt xcb platform plugin".
#
# Idempotent and quiet when everything is there. Usage:
#   sh scripts/install-desktop-packages.sh [--check]   (--check: list what is missing, exit 1)
#
# The list is kaizen_exchange/gui/display_check.py XCB_LIBRARIES (the app names the missing
# ones itself, without root): found with `readelf -d` on PySide6's libqxcb.so and the Qt
# libraries under it, each library mapped to its package with `dpkg -S`
# (tests/unit/test_display_check.py keeps the two lists equal). Plus one font: without any,
# every label is blank.
set -eu

PACKAGES="libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 \
libxcb-xfixes0 libxcb-xkb1 libx11-6 libx11-xcb1 libxkbcommon0 libxkbcommon-x11-0 libegl1 \
libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 fonts-dejavu-core"

# shellcheck source=apt-missing.sh
. "$(dirname "$0")/apt-missing.sh"
# shellcheck disable=SC2086  # the list is meant to split into words
ensure_packages "Desktop (X11) packages" "${1:-}" $PACKAGES
