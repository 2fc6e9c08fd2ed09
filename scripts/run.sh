#!/bin/sh
# Sets up .venv and opens the window on the bundled demo network (no internet needed).
# With no screen to show a window on, it syncs the demo on the command line instead.
# As root on a fresh Debian/Ubuntu it first installs the libraries the window needs
# (Qt's X11 platform); without root the app itself names any that are missing.
set -eu
cd "$(dirname "$0")/.."
sh scripts/bootstrap.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] \
    && [ "$(uname -s)" = Linux ]; then
    echo "No screen found (DISPLAY is not set): syncing the demo network on the command line."
    exec .venv/bin/kaizen-exchange demo-sync "$@"
fi
if [ "$(id -u)" = 0 ]; then  # Qt's Debian libraries, on a fresh machine
    for script in tests/gui/install-packages.sh scripts/install-desktop-packages.sh; do
        sh "$script" --check >/dev/null 2>&1 || sh "$script"
    done
fi
exec .venv/bin/kaizen-exchange demo "$@"
