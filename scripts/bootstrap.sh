#!/bin/sh
# Creates ./.venv and installs Kaizen Exchange into it (editable), with extras "$1" if given.
# Works on a fresh Debian machine with only python3: if the venv module is missing
# (Debian splits it into python3-venv) and we are root, it is installed with apt-get.
set -eu
cd "$(dirname "$0")/.."
extras="${1:-}"
if ! python3 -c "import ensurepip, venv" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Installing python3-venv (Debian keeps it apart from python3)…"
        apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
    else
        echo "Python's venv module is missing. Install it first: sudo apt-get install python3-venv" >&2
        exit 1
    fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ -n "$extras" ]; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[$extras]"
else
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -e .
fi
