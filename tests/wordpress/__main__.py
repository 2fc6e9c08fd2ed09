"""Run the test tier's WordPress by hand: `python -m tests.wordpress [--state DIR] [--port N]`."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from tests.wordpress.packages import INSTALL_SCRIPT, missing_prerequisites
from tests.wordpress.server import POSTS_PER_RSS, SEEDED_POSTS, WordPressSite


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the test tier's WordPress by hand.")
    parser.add_argument("--state", type=Path, help="state folder (default: a new temp folder)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--posts", type=int, default=SEEDED_POSTS)
    parser.add_argument("--posts-per-rss", type=int, default=POSTS_PER_RSS)
    options = parser.parse_args(argv)
    missing = missing_prerequisites()
    if missing:
        print("Missing: " + "; ".join(missing), file=sys.stderr)
        print(f"Install them with {INSTALL_SCRIPT} (as root).", file=sys.stderr)
        return 1
    state = options.state or Path(tempfile.mkdtemp(prefix="kaizen-wordpress-"))
    site = WordPressSite(
        state, posts=options.posts, posts_per_rss=options.posts_per_rss, port=options.port
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with site:
        print(f"WordPress up in {site.timings['start_total']:.2f} s: {site.base_url}/")
        print(f"  RSS  {site.rss_url}   Atom {site.atom_url}")
        print(f"  REST {site.rest_url}   auth {site.auth[0]}:{site.auth[1]}")
        print(f"  state {state}   (Ctrl-C stops it)")
        with contextlib.suppress(KeyboardInterrupt):
            signal.pause()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
