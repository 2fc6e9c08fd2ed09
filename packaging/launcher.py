"""The frozen app's one entry point: the ``kaizen-exchange`` command, and its self-check.

``main`` calls ``multiprocessing.freeze_support()`` first, so the sync's parse
workers (started with "spawn", i.e. by running this executable again) do their job
and exit there instead of opening a second window.

The self-check (``packaging/selfcheck.py``) is the same executable, not a second one:
each PyInstaller executable carries its own copy of every Python module (13 MB), so a
separate ``kaizen-exchange-selfcheck`` doubled them. It runs when the program is started
as ``kaizen-exchange --selfcheck ...`` or under a name ending in ``selfcheck`` (the
Linux bundle's ``kaizen-exchange-selfcheck`` is a link to ``kaizen-exchange``).
"""

import sys
from pathlib import Path

SELFCHECK_OPTION = "--selfcheck"


def wants_selfcheck(argv: list[str]) -> bool:
    """Started as the self-check: by the option, or by the link's name."""
    name = Path(argv[0]).name.lower().removesuffix(".exe") if argv else ""
    return name.endswith("selfcheck") or argv[1:2] == [SELFCHECK_OPTION]


if __name__ == "__main__":
    if wants_selfcheck(sys.argv):
        import multiprocessing

        import selfcheck

        multiprocessing.freeze_support()
        sys.exit(selfcheck.main([a for a in sys.argv[1:] if a != SELFCHECK_OPTION]))
    from kaizen_exchange.cli.main import main

    sys.exit(main())
