"""Kaizen Exchange: partner schools' blogs kept offline, and calls planned across hemispheres.

The package root is Qt-free; only :mod:`kaizen_exchange.gui` imports PySide6.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kaizen-exchange")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "Kaizen Exchange"
APP_ID = "kaizen-exchange"
USER_AGENT = f"KaizenExchange/{__version__} (+school blog reader)"

__all__ = ["APP_ID", "APP_NAME", "USER_AGENT", "__version__"]
