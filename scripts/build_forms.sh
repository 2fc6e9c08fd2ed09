#!/bin/sh
# Compiles the Qt Designer forms ui/*.ui into kaizen_exchange/gui/forms/ (generated,
# do not edit) with typed stubs beside them. Run after editing a .ui file;
# `sh scripts/build_forms.sh --check` fails when a generated form is out of date.
set -eu
cd "$(dirname "$0")/.."
exec .venv/bin/python scripts/build_forms.py "$@"
