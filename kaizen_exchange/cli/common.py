"""What every command shares: the opened store, output helpers and exit statuses.

Exit statuses are part of the contract with scripts run by a school's IT. They are
all defined here, once, with the sentence that documents each (:data:`EXIT_STATUSES`,
shown by ``kaizen-exchange --help`` and copied into the README).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from kaizen_exchange.paths import data_dir
from kaizen_exchange.wording import table  # the planner's reports use it too

if TYPE_CHECKING:
    from kaizen_exchange.store.db import Store
    from kaizen_exchange.store.sqlite import Database

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3
EXIT_STORE = 4
EXIT_BUSY = 5
EXIT_INTERRUPTED = 130

#: Every exit status, and what it means to a script that runs the command.
EXIT_STATUSES: dict[int, str] = {
    EXIT_OK: "done",
    EXIT_FAILED: "failed: the message says why; an unexpected fault also writes its details "
    "to the log file",
    EXIT_USAGE: "bad usage or a bad file, or a post the check blocks; nothing was stored or sent",
    EXIT_PARTIAL: "partly done: some feeds or files failed, the rest was synced; or the blog "
    "could not be reached and the post or reply waits in the outbox for the next sync",
    EXIT_STORE: "the data cannot be used: the database is damaged (see 'store restore'), "
    "made by a newer version, read-only, or the disk is full",
    EXIT_BUSY: "another sync of the same data folder (or another sending from its outbox) is "
    "running; nothing was done",
    EXIT_INTERRUPTED: "stopped by Ctrl+C; nothing half-done was kept",
}


def exit_statuses_text() -> str:
    """The table of exit statuses, for ``--help``."""
    return "exit status:\n" + "\n".join(
        f"  {code:<4} {meaning}" for code, meaning in EXIT_STATUSES.items()
    )


Handler = Callable[[argparse.Namespace, "Context"], int]
SubParsers = "argparse._SubParsersAction[argparse.ArgumentParser]"


@dataclass
class Context:
    """Lazily opens the store, so ``--help`` and ``--version`` never touch the disk."""

    data_dir_arg: str | None
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: Store | None = None
    _database: Database | None = None

    @property
    def folder(self) -> Path:
        return data_dir(self.data_dir_arg)

    @property
    def store(self) -> Store:
        if self._store is None:
            from kaizen_exchange.store.db import Store  # SQLAlchemy only when a command needs it

            self._store = Store(self.folder)
        return self._store

    @property
    def database(self) -> Database:
        """The store through plain sqlite3: for the sync and the cache, which need no ORM."""
        if self._store is not None:
            return self._store.database
        if self._database is None:
            from kaizen_exchange.store.sqlite import Database

            self._database = Database(self.folder)
        return self._database

    def close(self) -> None:
        if self._database is not None:
            self._database.close()
            self._database = None
        if self._store is not None:
            self._store.close()
            self._store = None

    def print_json(self, value: Any) -> None:
        json.dump(value, self.out, indent=2, ensure_ascii=False, default=str)
        self.out.write("\n")

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(text, file=self.err)


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


__all__ = [
    "EXIT_BUSY",
    "EXIT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_STATUSES",
    "EXIT_STORE",
    "EXIT_USAGE",
    "Context",
    "Handler",
    "exit_statuses_text",
    "shorten",
    "table",
]
