"""Building the command line's parser: a command made of actions, each run by one handler.

Every command module registers its actions through these, so ``--help`` reads the same
way everywhere and a module's ``register`` says only what is particular to it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from kaizen_exchange.cli.common import Handler


def command_actions(subparsers: Any, name: str, help: str, dest: str = "action") -> Any:
    """A command made of actions (``feeds list``, ``posts show``): where its actions go."""
    command = subparsers.add_parser(name, help=help)
    return command.add_subparsers(dest=dest, metavar="ACTION", required=True)


def add_action(
    actions: Any, name: str, func: Handler, help: str, *, file: str | None = None
) -> argparse.ArgumentParser:
    """One action of a command, run by ``func``; ``file``: the metavar of a file it takes."""
    parser: argparse.ArgumentParser = actions.add_parser(name, help=help)
    if file is not None:
        parser.add_argument("file", type=Path, metavar=file)
    parser.set_defaults(func=func)
    return parser


def add_json(parser: argparse.ArgumentParser, help: str | None = None) -> None:
    """``--json``: print data for scripts instead of sentences for people."""
    parser.add_argument("--json", action="store_true", help=help)


__all__ = ["add_action", "add_json", "command_actions"]
