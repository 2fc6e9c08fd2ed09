#!/bin/sh
# Installs the Debian 12 packages the window's tests need (Qt's offscreen platform), only
# those that are missing.
#
# Idempotent and quiet when everything is there (no apt-get update, no network). Needs root
# (or sudo). Usage: tests/gui/install-packages.sh [--check]   (--check: list what is missing,
# exit 1 if any).
#
# Found with `ldd` on PySide6's libQt6Core/Gui/Widgets/Network/Svg, the offscreen platform
# plugin and the image, icon-engine and network-information plugins, each library mapped to
# its package with `dpkg -S`. A fresh Debian 12 has the C/C++ runtime, zlib, zstd, lzma,
# systemd's and util-linux's libraries already; these are the ones it lacks:
#   libegl1 libgl1       OpenGL dispatch (libglvnd); QtGui links them even when offscreen
#   libx11-6             QtGui links Xlib (with libxcb1, libxau6, libxdmcp6 as dependencies)
#   libxkbcommon0        keyboard maps (QtGui)
#   libglib2.0-0         Qt's event dispatcher and the glib network-information plugin
#   libfontconfig1 libfreetype6   fonts and glyph rendering
#   libdbus-1-3          QtDBus, which QtGui loads for desktop integration
#   libgssapi-krb5-2     QtNetwork (network-information: the online/offline indicator)
#   fonts-dejavu-core    at least one font: without any, every label renders blank
# (A real Linux desktop also needs the xcb platform: scripts/install-desktop-packages.sh.)
set -eu

PACKAGES="libegl1 libgl1 libx11-6 libxkbcommon0 libglib2.0-0 libfontconfig1 libfreetype6 \
libdbus-1-3 libgssapi-krb5-2 fonts-dejavu-core"

# shellcheck source=../../scripts/apt-missing.sh
. "$(dirname "$0")/../../scripts/apt-missing.sh"
# shellcheck disable=SC2086  # the list is meant to split into words
ensure_packages "GUI test packages" "${1:-}" $PACKAGES
