"""The session-scoped `wordpress` fixture: a real WordPress with 50 seeded posts on 127.0.0.1.

Skipped, with a message that says what to install, when Debian's packages are absent.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.wordpress.packages import INSTALL_SCRIPT, missing_prerequisites
from tests.wordpress.server import POSTS_PER_RSS, SEEDED_POSTS, WordPressSite

_outcome: list[str] = []


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPressSite]:
    """Starts MariaDB + `php -S` in a temp state folder; stops both after the session."""
    missing = missing_prerequisites()
    if missing:
        message = f"WordPress tier skipped: missing {'; '.join(missing)}."
        if any("package" in item for item in missing):
            message += f" Install the packages with {INSTALL_SCRIPT} (as root)."
        _outcome.append(message)
        pytest.skip(message)
    site = WordPressSite(
        tmp_path_factory.mktemp("wordpress"), posts=SEEDED_POSTS, posts_per_rss=POSTS_PER_RSS
    )
    site.start()
    _outcome.append(
        f"WordPress tier: real WordPress at {site.base_url} "
        f"(started in {site.timings['start_total']:.1f} s, state {site.state_dir})"
    )
    try:
        yield site
    finally:
        site.stop()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Say plainly, at the end of the run, whether the WordPress tier ran or was skipped."""
    for line in dict.fromkeys(_outcome):
        terminalreporter.write_line(line, yellow="skipped" in line, bold=True)


@pytest.fixture(scope="session")
def publishing_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPressSite]:
    """A WordPress of its own for the publishing tests, which add posts, media and tags:
    the sync tests' site must stay exactly as seeded."""
    missing = missing_prerequisites()
    if missing:
        pytest.skip(f"WordPress tier skipped: missing {'; '.join(missing)}.")
    site = WordPressSite(tmp_path_factory.mktemp("wordpress-publishing"), posts=3)
    site.start()
    try:
        yield site
    finally:
        site.stop()
