"""The frozen app's entry point: the same ``main`` as the ``kaizen-exchange`` script.

``main`` calls ``multiprocessing.freeze_support()`` first, so the sync's parse
workers (started with "spawn", i.e. by running this executable again) do their job
and exit there instead of opening a second window.
"""

import sys

from kaizen_exchange.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
