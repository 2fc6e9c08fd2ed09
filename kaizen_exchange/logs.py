"""The app's log file: what IT support needs to see, and nothing a child or a password is in.

One rotating file in the platform's log folder (``platformdirs.user_log_dir``:
``%LOCALAPPDATA%\\kaizen-exchange\\Logs`` on Windows, ``~/Library/Logs/kaizen-exchange``
on macOS, ``~/.local/state/kaizen-exchange/log`` on Linux), set up once when the
command or the window starts.

What goes in: ids, URLs, HTTP statuses, counts and timings. What never goes in:
post text, pupils' names, passwords. The code logs only the former (see the log
calls in :mod:`kaizen_exchange.feeds.sync`); :class:`RedactingFilter` is the safety
net behind that habit: it blanks anything shaped like a secret (Authorization
headers, ``password=…``, WordPress application passwords, credentials in URLs) in
every record and traceback, and cuts very long messages, which are how post content
would leak if someone logged a whole response by mistake.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import re
import sys
from pathlib import Path

from kaizen_exchange import APP_ID, __version__
from kaizen_exchange.urls import SECRET_PARAMETERS

LOG_DIR_ENV = "KAIZEN_EXCHANGE_LOG_DIR"
LOG_LEVEL_ENV = "KAIZEN_EXCHANGE_LOG_LEVEL"
LOG_FILE = f"{APP_ID}.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
#: Longer messages are cut: a log line that long is almost surely content, not a fact.
MAX_MESSAGE = 1_000
REDACTED = "[redacted]"

#: Libraries whose INFO lines are one per request: the sync logs one line per feed instead.
_QUIET = ("httpx", "httpcore", "hpack", "urllib3", "asyncio", "alembic", "keyring")

#: Query parameters blanked in the log: those import refuses in a feed address
#: (:data:`~kaizen_exchange.urls.SECRET_PARAMETERS`, one list for both), and a few more
#: that grant access elsewhere but may stay in an address.
_SECRET_QUERY = SECRET_PARAMETERS | {"access", "code", "hash"}

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # A WordPress application password: six groups of four letters or digits
    (re.compile(r"\b(?:[A-Za-z0-9]{4} ){5}[A-Za-z0-9]{4}\b"), REDACTED),
    # Authorization: Basic dXNlcjpwYXNz / Bearer eyJ… / Proxy-Authorization (headers, dicts)
    (
        re.compile(
            r"(?i)((?:proxy-)?authorization['\"]?\s*[:=]\s*['\"]?)"
            r"(?:(?:basic|bearer|digest|token|negotiate|ntlm)\s+)?[^\s'\",}]+"
        ),
        rf"\1{REDACTED}",
    ),
    # password=…, "app_password": "…", secret: …, token=… (query strings, JSON, reprs)
    (
        re.compile(
            r"(?i)((?:app[_-]?|application[_ -]?)?(?:password|passwd|pwd|secret|token|api[_-]?key)"
            r"['\"]?\s*[:=]\s*)(?:\"[^\"]*\"|'[^']*'|[^\s'\"&,;}]+)"
        ),
        rf"\1{REDACTED}",
    ),
    # ?key=…, &sig=…, ?auth=… : a feed address's query string that grants access
    (
        re.compile(
            r"(?i)([?&;](?:" + "|".join(map(re.escape, sorted(_SECRET_QUERY))) + r")=)[^&#\s'\"]+"
        ),
        rf"\1{REDACTED}",
    ),
    # https://user:secret@host/ → https://[redacted]@host/
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@"), rf"\1{REDACTED}@"),
)


def redact(text: str) -> str:
    """``text`` with anything shaped like a secret replaced by ``[redacted]``."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… [{len(text) - limit} more characters not logged]"


class RedactingFilter(logging.Filter):
    """Rewrites each record so that no handler ever sees a secret or a long text.

    Put on the handler, not a logger: handler filters see records from every logger,
    including libraries' records propagated to the root.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not hide the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = _cut(redact(message), MAX_MESSAGE)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _RotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Keeps logging when the file cannot be rotated (on Windows, another copy has it open).

    Each new file is private to the user, as the first one is."""

    def _open(self) -> io.TextIOWrapper:
        from kaizen_exchange.paths import make_private

        stream = super()._open()
        make_private(Path(self.baseFilename))
        return stream

    def doRollover(self) -> None:
        try:
            super().doRollover()
        except OSError:
            if self.stream is None or self.stream.closed:
                self.stream = self._open()


def log_folder() -> Path:
    """Where the log file is (``$KAIZEN_EXCHANGE_LOG_DIR`` or the platform's log folder)."""
    explicit = os.environ.get(LOG_DIR_ENV)
    if explicit:
        return Path(explicit).expanduser()
    from kaizen_exchange.paths import log_dir

    return log_dir()


def _handler_of(root: logging.Logger) -> _RotatingFileHandler | None:
    for handler in root.handlers:
        if isinstance(handler, _RotatingFileHandler):
            return handler
    return None


def configure_logging(level: str | int | None = None) -> Path | None:
    """Log to the rotating file; returns its path, or None when the folder is not writable.

    Safe to call more than once (the second call only changes the level). The level
    comes from ``level``, else ``$KAIZEN_EXCHANGE_LOG_LEVEL`` (DEBUG for support), else INFO.
    """
    chosen = level or os.environ.get(LOG_LEVEL_ENV, "INFO").upper()
    numeric = logging.getLevelName(chosen) if isinstance(chosen, str) else chosen
    if not isinstance(numeric, int):
        numeric = logging.INFO
    root = logging.getLogger()
    existing = _handler_of(root)
    if existing is not None:
        existing.setLevel(numeric)
        root.setLevel(min(root.level or numeric, numeric))
        return Path(existing.baseFilename)
    from kaizen_exchange.paths import make_private, make_private_folder

    try:
        folder = make_private_folder(log_folder())
        handler = _RotatingFileHandler(
            folder / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None  # a read-only profile: the app works, it just keeps no log
    make_private(Path(handler.baseFilename))  # school names, URLs: the user's business
    handler.setLevel(numeric)
    handler.addFilter(RedactingFilter())
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)-7s %(process)d %(name)s: %(message)s")
    )
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > numeric:
        root.setLevel(numeric)
    if numeric > logging.DEBUG:  # at DEBUG (for support) the libraries speak too
        for name in _QUIET:
            logging.getLogger(name).setLevel(logging.WARNING)
    frozen = "frozen" if getattr(sys, "frozen", False) else "python"
    logging.getLogger(__name__).info(
        "%s %s started (%s, Python %s, %s)",
        APP_ID,
        __version__,
        frozen,
        sys.version.split()[0],
        sys.platform,
    )
    return Path(handler.baseFilename)


__all__ = [
    "LOG_DIR_ENV",
    "LOG_FILE",
    "LOG_LEVEL_ENV",
    "RedactingFilter",
    "configure_logging",
    "log_folder",
    "redact",
]
