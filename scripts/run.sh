#!/bin/sh
# Sets up .venv and opens the window on the bundled demo network (no internet needed).
# With no screen to show a window on, it syncs the demo on the command line instead.
set -eu
cd "$(dirname "$0")/.."
sh scripts/bootstrap.sh
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ] \
    && [ "$(uname -s)" = Linux ]; then
    echo "No screen found (DISPLAY is not set): syncing the demo network on the command line."
    exec .venv/bin/kaizen-exchange demo-sync "$@"
fi
if [ "$(id -u)" = 0 ] && ! sh tests/gui/install-packages.sh --check >/dev/null 2>&1; then
    sh tests/gui/install-packages.sh  # Qt's Debian libraries, on a fresh machine
fi
exec .venv/bin/kaizen-exchange demo "$@"
