#!/bin/sh
# Sets up .venv and runs the app's main job on the bundled demo network (no internet needed).
set -eu
cd "$(dirname "$0")/.."
sh scripts/bootstrap.sh
exec .venv/bin/kaizen-exchange demo-sync "$@"
