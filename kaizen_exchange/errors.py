"""One exception root, so callers (the CLI, the GUI) can show any failure in plain words.

Every message is written for a teacher: what went wrong and what to do next.
Messages never carry secrets or pupils' data.
"""


class KaizenError(Exception):
    """Root of every error this package raises on purpose."""


class BadInput(KaizenError):
    """The user gave something we cannot use (a bad file, an unknown id).

    The command line turns it into exit status 2; nothing has been stored.
    """


class NotFound(BadInput):
    """Something named by the user (a school, a post, a session) does not exist."""


class StoreError(KaizenError):
    """The local database cannot be opened, upgraded or written (read-only, disk full…)."""


class StoreDamaged(StoreError):
    """The database file is damaged; it is not written into. A backup can be restored."""


class SyncRunning(KaizenError):
    """Another sync of the same data folder is running (the window's, or a scheduled one)."""


class FeedParseError(KaizenError):
    """A body is not a feed we can read; ``str()`` is the plain message.

    It lives here, not beside the parser, so that the sync can catch it without
    importing the parser (and feedparser): a sync with nothing new never parses.
    """


__all__ = [
    "BadInput",
    "FeedParseError",
    "KaizenError",
    "NotFound",
    "StoreDamaged",
    "StoreError",
    "SyncRunning",
]
