"""The ``kaizen-exchange`` command: every job of the window, scriptable by a school's IT.

Each area registers its sub-commands from its own module (``*_cmds.py``), so adding
a command never means editing a long if/else here.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
from collections.abc import Sequence
from importlib import import_module
from typing import Any

from kaizen_exchange import APP_NAME, __version__
from kaizen_exchange.cli.common import EXIT_FAILED, EXIT_USAGE, Context
from kaizen_exchange.errors import BadInput, KaizenError
from kaizen_exchange.logs import configure_logging
from kaizen_exchange.machine_defaults import seed_from_machine_defaults

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
    "cache": ("cache_cmds", "the offline pictures and attachments"),
    "demo-sync": ("demo_cmds", "sync the bundled demo network (no internet needed)"),
    "slots": ("schedule_cmds", "find times when schools can meet"),
    "sessions": ("schedule_cmds", "book, check and export video calls"),
    "terms": ("schedule_cmds", "term dates and closures of a school"),
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


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # in a frozen app, a parse worker starts here and exits
    if argv is None:  # a real start (not a test calling main): log to the user's log folder
        configure_logging()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(chosen_command(arguments))
    args = parser.parse_args(arguments)
    if not getattr(args, "func", None):  # no command: open the window (Qt imported there)
        from kaizen_exchange.cli.gui_cmds import window_cmd

        args.func = window_cmd
    context = Context(data_dir_arg=args.data_dir)
    if args.command not in OWN_STORE:  # IT's network file for this PC, once per new store
        seed_from_machine_defaults(lambda: context.store, context.warn)
    try:
        return int(args.func(args, context))
    except BadInput as exc:
        context.warn(f"kaizen-exchange: {exc}")
        return EXIT_USAGE
    except KaizenError as exc:
        context.warn(f"kaizen-exchange: {exc}")
        return EXIT_FAILED
    except BrokenPipeError:  # output piped into `head` and closed early: not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        context.warn("Stopped. Nothing half-done was kept; run the command again to finish.")
        return 130
    finally:
        context.close()


if __name__ == "__main__":
    sys.exit(main())
