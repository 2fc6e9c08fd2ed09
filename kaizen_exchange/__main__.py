"""Allow ``python -m kaizen_exchange``."""

from kaizen_exchange.cli.main import main

if __name__ == "__main__":  # guarded: sync worker processes re-import the main module
    raise SystemExit(main())
