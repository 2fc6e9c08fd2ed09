#!/bin/sh
# The whole test suite: sets up .venv, then lint (ruff), types (mypy) and pytest.
# Extra arguments go to pytest, e.g. `sh scripts/test.sh -m "not wordpress"`.
set -eu
cd "$(dirname "$0")/.."
sh scripts/bootstrap.sh test
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy"
.venv/bin/mypy kaizen_exchange
echo "== pytest"
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest "$@"
