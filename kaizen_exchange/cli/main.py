"""The ``kaizen-exchange`` command: every job of the window, scriptable by a school's IT.

Each area registers its sub-commands from its own module (``*_cmds.py``), so adding
a command never means editing a long if/else here.
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import sys
from collections.abc import Sequence
from importlib import import_module
from pathlib import Path
from typing import Any

from kaizen_exchange import APP_NAME, __version__
from kaizen_exchange.cli.common import (
    EXIT_BUSY,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_STORE,
    EXIT_USAGE,
    Context,
    exit_statuses_text,
)
from kaizen_exchange.disk_full import DiskFull
from kaizen_exchange.errors import BadInput, KaizenError, StoreDamaged, StoreError, SyncRunning
from kaizen_exchange.logs import configure_logging
from kaizen_exchange.network.machine_defaults import seed_from_machine_defaults
from kaizen_exchange.store.problems import explain

#: Every command, the module under kaizen_exchange.cli that registers it, and its one-line
#: help. Only the module of the command being run is imported, so a scheduled
#: ``kaizen-exchange sync`` does not pay for the planner's or the window's imports.
COMMANDS: dict[str, tuple[str, str]] = {
    "window": ("gui_cmds", "open the Kaizen Exchange window (the default)"),
    "demo": ("gui_cmds", "open the window on the bundled demo network"),
    "network": ("network_cmds", "import or export the partner network file"),
    "feeds": ("feeds_cmds", "the partner blogs' feeds"),
    "sync": ("sync_cmds", "fetch new posts and their pictures"),
    "posts": ("posts_cmds", "read the partner schools' posts"),
    "comments": ("comments_cmds", "partner classes' replies to posts"),
    "cache": ("cache_cmds", "the offline pictures and attachments"),
    "demo-sync": ("demo_cmds", "sync the bundled demo network (no internet needed)"),
    "slots": ("schedule_cmds", "find times when schools can meet"),
    "sessions": ("schedule_cmds", "book, check and export video calls"),
    "terms": ("schedule_cmds", "term dates and closures of a school"),
    "store": ("store_cmds", "check the database, back it up, restore a backup"),
    "roster": ("roster_cmds", "the class list and each family's consent (kept on this PC only)"),
    "share": ("share_cmds", "share the class's work on the school's blog"),
    "account": ("account_cmds", "the school blog's WordPress account used to publish"),
    "outbox": ("outbox_cmds", "posts waiting to be sent to the school's blog"),
}
COMMAND_MODULES = tuple(dict.fromkeys(module for module, _ in COMMANDS.values()))


def chosen_command(argv: Sequence[str]) -> str | None:
    """The sub-command named on the command line, skipping global options."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--data-dir":
            skip = True
        elif token == "--":
            return None
        elif not token.startswith("-"):
            return token
    return None


DATA_DIR_HELP = (
    "folder for the database and media cache "
    "(default: $KAIZEN_EXCHANGE_DATA_DIR or the user data folder)"
)


class _Parser(argparse.ArgumentParser):
    """Bad usage exits with status 2 and a hint, as argparse does, but in our words.

    Every command's parser, at every depth, also takes the global options, so that
    ``kaizen-exchange demo --data-dir DIR`` works as well as ``--data-dir DIR demo``.
    Below the top their default is SUPPRESS: an option not repeated there leaves the
    value given before the command in place.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_argument(
            "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=DATA_DIR_HELP
        )

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\nTry '{self.prog} --help'.\n")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, fully built for ``command`` (or every command when None)."""
    parser = _Parser(
        prog="kaizen-exchange",
        description=f"{APP_NAME}: partner schools' blogs offline, and calls across the world.",
        epilog=exit_statuses_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.set_defaults(data_dir=None)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    wanted = [COMMANDS[command][0]] if command in COMMANDS else []
    if command is not None and command not in COMMANDS:
        wanted = list(COMMAND_MODULES)  # let argparse name the unknown command
    for name in wanted:
        import_module(f"kaizen_exchange.cli.{name}").register(subparsers)
    for name, (_module, summary) in COMMANDS.items():
        if name not in subparsers.choices:  # listed in --help, built only when chosen
            subparsers.add_parser(name, help=summary, add_help=False)
    return parser


#: Commands that work in a throw-away folder of their own: no machine defaults there.
OWN_STORE = frozenset({"demo", "demo-sync"})
#: Commands that must not open the store before they run (they repair it).
NO_SEED = OWN_STORE | {"store"}

log = logging.getLogger("kaizen_exchange.cli")


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # in a frozen app, a parse worker starts here and exits
    # a real start (not a test calling main): log to the user's log folder
    log_file = configure_logging() if argv is None else None
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_command(arguments))
    args = parser.parse_args(arguments)
    if not getattr(args, "func", None):  # no command: open the window (Qt imported there)
        from kaizen_exchange.cli.gui_cmds import window_cmd

        args.func = window_cmd
    context = Context(data_dir_arg=args.data_dir)
    try:
        if args.command not in NO_SEED:  # IT's network file for this PC, once per new store
            seed_from_machine_defaults(lambda: context.store, context.warn)
        return int(args.func(args, context))
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        context.warn("Stopped. Nothing half-done was kept; run the command again to finish.")
        return EXIT_INTERRUPTED
    except Exception as exc:
        return failed(exc, args.command, context, log_file)
    finally:
        context.close()


def failed(exc: Exception, command: str | None, context: Context, log_file: Path | None) -> int:
    """Say what went wrong in plain words, log it, and give the exit status that says so."""
    if not isinstance(exc, KaizenError):
        explained = explain(exc, _folder_of(context))
        if explained is None:
            log.exception("kaizen-exchange %s stopped by an unexpected error", command or "")
            where = f" ({log_file})" if log_file else ""
            context.warn(
                "kaizen-exchange: something went wrong that Kaizen Exchange did not expect, "
                "so the command stopped; nothing half-done was kept. The details are in the "
                f"log file{where}: please send it to your IT support."
            )
            return EXIT_FAILED
        log.error("kaizen-exchange %s: %s", command or "", explained, exc_info=exc)
        exc = explained
    context.warn(f"kaizen-exchange: {exc}")
    if isinstance(exc, StoreDamaged):
        context.warn(
            "To put back the newest good backup: kaizen-exchange store restore "
            "(to choose one: kaizen-exchange store restore --list)"
        )
    if isinstance(exc, BadInput):
        return EXIT_USAGE
    if isinstance(exc, SyncRunning):
        return EXIT_BUSY
    if isinstance(exc, StoreError | DiskFull):
        return EXIT_STORE
    return EXIT_FAILED


def _folder_of(context: Context) -> Path:
    try:
        return context.folder
    except KaizenError:
        return Path(context.data_dir_arg or ".")


if __name__ == "__main__":
    sys.exit(main())
