#!/bin/sh
# Installs (as root) what the real-X11 window tests need, only what is missing: the
# desktop's xcb libraries (scripts/install-desktop-packages.sh), a virtual screen (xvfb),
# a keyboard and window driver (xdotool), xprop and xwininfo (x11-utils) to read window
# geometry, and a small standards-following window manager (openbox) for the cases that
# need one. Usage: tests/x11/install-packages.sh [--check]
set -eu
here="$(dirname "$0")"
status=0
sh "$here/../../scripts/install-desktop-packages.sh" "$@" || status=1

PACKAGES="xvfb xdotool openbox x11-utils"
# shellcheck source=../../scripts/apt-missing.sh
. "$here/../../scripts/apt-missing.sh"
# shellcheck disable=SC2086  # the list is meant to split into words
ensure_packages "X11 test packages" "${1:-}" $PACKAGES || status=1
exit $status
