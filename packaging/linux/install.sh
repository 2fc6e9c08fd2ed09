#!/bin/sh
# Install Kaizen Exchange from this unpacked tarball for every user of the computer.
#   sudo ./install.sh            installs into /opt/kaizen-exchange
#   sudo ./install.sh --uninstall
# Run as root (or with PREFIX=$HOME/.local and OPT=$HOME/.local/opt for one user).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
OPT=${OPT:-/opt/kaizen-exchange}
PREFIX=${PREFIX:-/usr/local}
APPS=$PREFIX/share/applications
ICONS=$PREFIX/share/icons/hicolor

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$OPT"
    rm -f "$PREFIX/bin/kaizen-exchange" "$PREFIX/bin/kaizen-exchange-selfcheck"
    rm -f "$APPS/kaizen-exchange.desktop"
    rm -f "$ICONS/256x256/apps/kaizen-exchange.png" "$ICONS/scalable/apps/kaizen-exchange.svg"
    echo "Kaizen Exchange removed (each user's data in ~/.local/share/kaizen-exchange is kept)."
    exit 0
fi

rm -rf "$OPT"
mkdir -p "$OPT" "$PREFIX/bin" "$APPS" "$ICONS/256x256/apps" "$ICONS/scalable/apps"
cp -a "$HERE/kaizen-exchange/." "$OPT/"
ln -sf "$OPT/kaizen-exchange" "$PREFIX/bin/kaizen-exchange"
ln -sf "$OPT/kaizen-exchange-selfcheck" "$PREFIX/bin/kaizen-exchange-selfcheck"
sed "s|^Exec=kaizen-exchange|Exec=$OPT/kaizen-exchange|" "$HERE/kaizen-exchange.desktop" \
    > "$APPS/kaizen-exchange.desktop"
cp "$HERE/kaizen-exchange.png" "$ICONS/256x256/apps/kaizen-exchange.png"
cp "$HERE/kaizen-exchange.svg" "$ICONS/scalable/apps/kaizen-exchange.svg"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$ICONS" || true
echo "Kaizen Exchange $(cat "$HERE/VERSION") installed in $OPT; run: kaizen-exchange"
