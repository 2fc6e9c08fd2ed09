"""Kaizen Exchange: partner schools' blogs kept offline, and calls planned across hemispheres.

The package root is Qt-free; only :mod:`kaizen_exchange.gui` imports PySide6.
"""

from functools import cache

APP_NAME = "Kaizen Exchange"
APP_ID = "kaizen-exchange"


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kaizen-exchange")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    """``__version__`` and ``USER_AGENT``, read from the package's metadata on first use.

    Importing importlib.metadata costs ~50 ms, and every process that imports this
    package would pay it: a sync's parsing workers, which never need the version, too.
    """
    if name == "__version__":
        return _version()
    if name == "USER_AGENT":
        return f"KaizenExchange/{_version()} (+school blog reader)"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["APP_ID", "APP_NAME", "USER_AGENT", "__version__"]
