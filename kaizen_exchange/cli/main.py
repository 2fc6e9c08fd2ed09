"""The ``kaizen-exchange`` command: every job of the window, scriptable by a school's IT.

Each area registers its sub-commands from its own module (``*_cmds.py``), so adding
a command never means editing a long if/else here.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib import import_module

from kaizen_exchange import APP_NAME, __version__
from kaizen_exchange.cli.common import EXIT_FAILED, EXIT_USAGE, Context
from kaizen_exchange.errors import BadInput, KaizenError

#: Modules under kaizen_exchange.cli that each provide ``register(subparsers)``.
COMMAND_MODULES = (
    "network_cmds",
    "feeds_cmds",
    "sync_cmds",
    "posts_cmds",
    "cache_cmds",
    "demo_cmds",
    "schedule_cmds",
)


class _Parser(argparse.ArgumentParser):
    """Bad usage exits with status 2 and a hint, as argparse does, but in our words."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\nTry '{self.prog} --help'.\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="kaizen-exchange",
        description=f"{APP_NAME}: partner schools' blogs offline, and calls across the world.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for the database and media cache "
        "(default: $KAIZEN_EXCHANGE_DATA_DIR or the user data folder)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        module = import_module(f"kaizen_exchange.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    context = Context(data_dir_arg=args.data_dir)
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
