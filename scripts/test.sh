#!/bin/sh
# The whole test suite: sets up .venv, then lint (ruff), types (mypy) and pytest.
# Extra arguments go to pytest, e.g. the quick run: sh scripts/test.sh -m "not packaging"
#
# As root (CI, a fresh Debian machine) it first installs the Debian packages the tests
# need. Without root, tiers whose packages are missing are skipped, and it says so.
set -eu
cd "$(dirname "$0")/.."
skip=""
if [ "$(id -u)" = 0 ]; then
    sh scripts/install-test-packages.sh
elif ! sh tests/gui/install-packages.sh --check >/dev/null 2>&1; then
    echo "NOTE: the window's tests and the bundle test are skipped: Qt's Debian libraries are"
    echo "      missing. Install them with: sudo sh scripts/install-test-packages.sh"
    skip="--ignore=tests/gui --ignore=tests/packaging"
fi
if [ "$(id -u)" != 0 ] && ! sh tests/x11/install-packages.sh --check >/dev/null 2>&1; then
    echo "NOTE: the real-X11 window tests are skipped: Xvfb, xdotool, openbox or the desktop's"
    echo "      X11 libraries are missing. Install them with: sudo sh scripts/install-test-packages.sh"
fi
sh scripts/bootstrap.sh test,packaging
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy (the app strictly; tests, bench and the self-check as pyproject.toml says)"
.venv/bin/mypy
echo "== forms up to date with ui/*.ui"
sh scripts/build_forms.sh --check
echo "== pytest, with coverage (the commands and sync children the tests start included)"
# Two test processes (pytest-xdist), each test file whole in one of them: the suite takes
# about 60% of the time on CI's two cores. KAIZEN_TEST_WORKERS=0 runs it in one process.
workers=${KAIZEN_TEST_WORKERS:-2}
parallel=""
if [ "$workers" != 0 ]; then
    parallel="-n $workers --dist loadfile"
fi
.venv/bin/coverage erase
# shellcheck disable=SC2086
QT_QPA_PLATFORM=offscreen .venv/bin/coverage run -m pytest $parallel $skip "$@"
.venv/bin/coverage combine --quiet
echo "== coverage of the Qt-free core (the floor is fail_under in pyproject.toml)"
.venv/bin/coverage report --omit 'kaizen_exchange/gui/*'
